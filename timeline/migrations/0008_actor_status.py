"""Actors found by the extraction: a status (existing actors are confirmed, the default), a
category (person or organisation; the listed actors are people), the date the role was read on,
and the editors' queue of discovered actors (a proxy)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('timeline', '0007_drop_redundant_date_indexes'),
    ]

    operations = [
        migrations.CreateModel(
            name='DiscoveredActor',
            fields=[
            ],
            options={
                'verbose_name': 'discovered actor',
                'verbose_name_plural': 'discovered actors',
                'proxy': True,
                'indexes': [],
                'constraints': [],
            },
            bases=('timeline.actor',),
        ),
        migrations.AddField(
            model_name='actor',
            name='category',
            field=models.CharField(choices=[('person', 'person'), ('organisation', 'organisation')], default='person', max_length=12, verbose_name='category'),
        ),
        migrations.AddField(
            model_name='actor',
            name='role_seen_on',
            field=models.DateField(blank=True, help_text='The publication date of the article the role was read from.', null=True, verbose_name='role seen on'),
        ),
        migrations.AddField(
            model_name='actor',
            name='status',
            field=models.CharField(choices=[('confirmed', 'confirmed'), ('discovered', 'found by the extraction, not yet confirmed'), ('rejected', 'rejected')], default='confirmed', max_length=12, verbose_name='status'),
        ),
    ]
