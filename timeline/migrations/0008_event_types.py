"""Eight more event types (legislation, court, arrest, sanction, appointment, election, attack,
protest: docs/event-types.md). Events typed *other* are typed again from their stored excerpts
with today's trigger lexicon, where the excerpts say which type they are; the rest stay *other*.
Going back, the new types become *other* again."""

from django.db import migrations, models

NEW_TYPES = (
    "legislation", "court", "arrest", "sanction", "appointment", "election", "attack", "protest",
)  # fmt: skip


def retype_other_events(apps, schema_editor):
    from articles.extraction.language import detect_language
    from articles.extraction.triggers import main_kind, trigger_finder

    Event = apps.get_model("timeline", "Event")
    Excerpt = apps.get_model("timeline", "Excerpt")
    others = Event.objects.filter(event_type="other").values_list("pk", flat=True)
    changed = []
    for pk in others.iterator(chunk_size=2000):
        quotes = " ".join(Excerpt.objects.filter(event_id=pk).values_list("quote", flat=True))
        if not quotes:
            continue
        kind = main_kind(trigger_finder(detect_language(quotes)).find(quotes))
        if kind:
            changed.append(Event(pk=pk, event_type=kind))
        if len(changed) >= 500:
            Event.objects.bulk_update(changed, ["event_type"])
            changed = []
    Event.objects.bulk_update(changed, ["event_type"])


def new_types_back_to_other(apps, schema_editor):
    Event = apps.get_model("timeline", "Event")
    Event.objects.filter(event_type__in=NEW_TYPES).update(event_type="other")


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0007_drop_redundant_date_indexes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="event",
            name="event_type",
            field=models.CharField(
                choices=[
                    ("visit", "Visit"),
                    ("meeting", "Meeting"),
                    ("agreement", "Agreement"),
                    ("transfer", "Transfer"),
                    ("statement", "Statement"),
                    ("policy", "Policy"),
                    ("legislation", "Legislation"),
                    ("court", "Court"),
                    ("arrest", "Arrest"),
                    ("sanction", "Sanction"),
                    ("appointment", "Appointment"),
                    ("election", "Election"),
                    ("attack", "Attack"),
                    ("protest", "Protest"),
                    ("other", "Other"),
                ],
                db_index=True,
                default="other",
                max_length=20,
                verbose_name="event type",
            ),
        ),
        migrations.RunPython(retype_other_events, new_types_back_to_other),
    ]
