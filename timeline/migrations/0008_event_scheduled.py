from django.db import migrations, models

from search import schema


def restore_search_triggers(apps, schema_editor):
    """SQLite rebuilds timeline_event to add a NOT NULL column, which drops the FTS5 triggers
    on it; `repair_search_schema` is not called after `migrate` (the search app has no models,
    so Django sends it no post_migrate), so they are put back here."""
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        schema.rebuild_sqlite(connection, schema.install_sqlite(connection))


class Migration(migrations.Migration):

    dependencies = [
        ('timeline', '0007_drop_redundant_date_indexes'),
        ('search', '0001_full_text_search'),
    ]

    operations = [
        migrations.AddField(
            model_name='event',
            name='scheduled',
            field=models.BooleanField(db_default=False, default=False, help_text="Dated after its article's publication, told in the future tense: expected, not yet reported as having happened.", verbose_name='scheduled'),
        ),
        migrations.RunPython(restore_search_triggers, migrations.RunPython.noop),
    ]
