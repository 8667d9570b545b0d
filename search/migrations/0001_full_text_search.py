from django.db import migrations

from search import schema


def install(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        schema.rebuild_sqlite(connection, schema.install_sqlite(connection))
    elif connection.vendor == "postgresql":
        schema.install_postgresql(schema_editor)


def uninstall(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor == "sqlite":
        schema.uninstall_sqlite(connection)
    elif connection.vendor == "postgresql":
        schema.uninstall_postgresql(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0003_corroboration"),
        ("articles", "0001_initial"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
