from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
EDITED_MODELS = {
    "articles": ["article"],
    "timeline": ["event", "excerpt", "actor", "country"],
}
# Editors merge and split events and actors, which deletes the merged ones; articles are only
# ever deleted by an administrator (and an editor can still recover them from their history).
ACTIONS = {"add", "change", "view", "delete"}
NOT_FOR_EDITORS = {"delete_article"}


def create_editors_group(apps, schema_editor):
    """Also callable with the real app registry, to restore the group after a test flush."""
    # Permissions are normally created after all migrations ran; make sure they exist now.
    for app_label in EDITED_MODELS:
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
    codenames = {
        f"{action}_{model}"
        for models in EDITED_MODELS.values()
        for model in models
        for action in ACTIONS
    } - NOT_FOR_EDITORS
    permissions = Permission.objects.filter(
        content_type__app_label__in=list(EDITED_MODELS), codename__in=codenames
    )
    group.permissions.add(*permissions)


def delete_editors_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EDITORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("articles", "0001_initial"),
        ("timeline", "0002_load_countries_and_actors"),
    ]

    operations = [migrations.RunPython(create_editors_group, delete_editors_group)]
