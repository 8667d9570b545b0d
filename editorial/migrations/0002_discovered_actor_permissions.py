"""Editors work the queue of discovered actors (a proxy of Actor, with its own permissions)."""

from importlib import import_module

from django.db import migrations

FIRST = import_module("editorial.migrations.0001_editors_group")


def grant(apps, schema_editor):
    FIRST.EDITED_MODELS["timeline"] = [*FIRST.EDITED_MODELS["timeline"], "discoveredactor"]
    try:
        FIRST.create_editors_group(apps, schema_editor)
    finally:
        FIRST.EDITED_MODELS["timeline"].remove("discoveredactor")


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_editors_group"),
        ("timeline", "0008_actor_status"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
