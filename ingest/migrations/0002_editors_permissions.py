from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
# Editors manage sources; they read runs and their entries, cancel and retry them (change),
# and see the background jobs.
PERMISSIONS = {
    "ingest": [
        "add_source",
        "change_source",
        "view_source",
        "delete_source",
        "view_sourcerun",
        "change_sourcerun",
        "view_runentry",
        "view_feeditem",
    ],
    "django_tasks_database": ["view_dbtaskresult"],
}


def grant(apps, schema_editor):
    for app_label in PERMISSIONS:
        app_config = apps.get_app_config(app_label)
        historical = getattr(app_config, "models_module", None) is None
        if historical:
            app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        if historical:
            app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    for app_label, codenames in PERMISSIONS.items():
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=EDITORS):
        for app_label, codenames in PERMISSIONS.items():
            group.permissions.remove(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("ingest", "0001_sources"),
        ("editorial", "0001_editors_group"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
