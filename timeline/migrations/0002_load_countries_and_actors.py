from django.db import migrations
from django.utils.text import slugify

from timeline.gazetteer_data import ACTORS, COUNTRIES


def load(apps, schema_editor):
    Country = apps.get_model("timeline", "Country")
    Actor = apps.get_model("timeline", "Actor")
    by_code = {}
    for row in COUNTRIES:
        country, _ = Country.objects.update_or_create(
            code=row["code"],
            defaults={
                "name": row["name"],
                "slug": slugify(row["name"]),
                "aliases": row["aliases"],
                "demonyms": row["demonyms"],
            },
        )
        by_code[row["code"]] = country
    for row in ACTORS:
        Actor.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "name": row["name"],
                "role": row["role"],
                "country": by_code[row["country"]],
                "aliases": row["aliases"],
            },
        )


def unload(apps, schema_editor):
    apps.get_model("timeline", "Actor").objects.filter(
        slug__in=[row["slug"] for row in ACTORS]
    ).delete()
    apps.get_model("timeline", "Country").objects.filter(
        code__in=[row["code"] for row in COUNTRIES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("timeline", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
