"""Indexes for every filter and sort at a million events.

- events by (date, id, status): the timeline's order, with the status that every page filters
  on, so skipping to a deep page reads only this index;
- events and articles by `updated`: the "last change" stamp behind conditional GET is a MAX();
- the actor and country links by (actor, event) and (country, event): filters and profiles
  start from one actor's or country's events (Django only makes (event, actor) unique);
- articles in the article list's order.
"""

from django.db import migrations, models

LINK_INDEXES = [
    ("timeline_event_actors", "actor_id", "timeline_event_actors_actor_event"),
    ("timeline_event_countries", "country_id", "timeline_event_countries_country_event"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0003_corroboration"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="event",
            index=models.Index(fields=["date", "id", "status"], name="timeline_event_page_order"),
        ),
        migrations.AddIndex(
            model_name="event",
            index=models.Index(fields=["updated"], name="timeline_event_updated"),
        ),
        *[
            migrations.RunSQL(
                f"CREATE INDEX {name} ON {table} ({column}, event_id)",
                f"DROP INDEX {name}",
            )
            for table, column, name in LINK_INDEXES
        ],
    ]
