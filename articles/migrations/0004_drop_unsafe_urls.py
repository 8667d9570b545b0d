"""Blank stored article addresses that are not http(s) (`javascript:`, `data:`…).

The importer stored front matter's `url:` unchecked; such an address was rendered as a link and
a `cite=`, and served in the exports to other sites. It is no web address, so nothing is lost.
"""

from django.db import migrations
from django.db.models import Q

WEB = Q(url="") | Q(url__istartswith="http://") | Q(url__istartswith="https://")


def drop_unsafe_urls(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Article.objects.exclude(WEB).update(url="")


class Migration(migrations.Migration):
    dependencies = [("articles", "0003_translatable_labels")]

    operations = [migrations.RunPython(drop_unsafe_urls, migrations.RunPython.noop, elidable=True)]
