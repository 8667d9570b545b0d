"""(date) and (date, id) are prefixes of (date, id, status), which serves every date filter and
order: the two only cost each import its index writes. The (date) index goes by a plain DROP
INDEX: altering the field would have SQLite copy the whole events table."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0006_postgres_newest_first_index"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="event",
            name="timeline_ev_date_88c143_idx",
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="event",
                    name="date",
                    field=models.DateField(
                        blank=True,
                        help_text="First day of the period it is known to.",
                        null=True,
                        verbose_name="date",
                    ),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    "DROP INDEX IF EXISTS timeline_event_date_1a9acc18",
                    reverse_sql='CREATE INDEX timeline_event_date_1a9acc18 ON timeline_event ("date")',
                ),
            ],
        ),
    ]
