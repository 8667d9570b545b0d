"""The plausible range of a publication date, checked wherever one is decided.

A date outside it is a typo or a placeholder ("0001-01-03", "9999-12-31"), never a real
article: relative dates resolved against it would be nonsense (or out of Python's calendar),
and it would sort first or last on every page. Tomorrow is allowed, for time zones ahead.
"""

import datetime

from django.utils.translation import gettext as _

EARLIEST_PUBLICATION = datetime.date(1800, 1, 1)


def latest_publication(today: datetime.date | None = None) -> datetime.date:
    return (today or datetime.date.today()) + datetime.timedelta(days=1)


def publication_date_problem(
    date: datetime.date | None, *, today: datetime.date | None = None
) -> str:
    """Why this publication date cannot be right, or "" when it can (or is unknown)."""
    if date is None:
        return ""
    latest = latest_publication(today)
    if EARLIEST_PUBLICATION <= date <= latest:
        return ""
    return _(
        "publication date %(date)s is out of range: it must be between %(earliest)s and "
        "%(latest)s (tomorrow)"
    ) % {
        "date": date.isoformat(),
        "earliest": EARLIEST_PUBLICATION.isoformat(),
        "latest": latest.isoformat(),
    }
