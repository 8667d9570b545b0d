"""English text stored by the import pipeline, marked for the Spanish catalogue.

Roles of the seeded actors (`timeline.gazetteer_data`) and the reasons sources disagree
(`articles.extraction.corroboration.DISAGREEMENT_LABELS`) are stored or computed once, in
English; pages show them through the `translated` and `translated_list` filters, which look
them up when the page is rendered. Text not listed here (a role an editor typed) is shown as
written.
"""

from django.utils.translation import gettext_noop

SEEDED_ACTOR_ROLES = [
    gettext_noop("President of El Salvador"),
    gettext_noop("U.S. Secretary of State"),
    gettext_noop("Security Minister of Argentina"),
    gettext_noop("President of the United States"),
    gettext_noop("President of Argentina"),
    gettext_noop("Minister of Justice and Public Security of El Salvador"),
    gettext_noop("President of Venezuela"),
    gettext_noop("President of Costa Rica"),
]

DISAGREEMENT_REASONS = [
    gettext_noop("counts of people"),
    gettext_noop("amounts of money"),
    gettext_noop("percentages"),
    gettext_noop("dates"),
]
