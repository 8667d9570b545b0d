"""`manage.py export_timeline --format json|csv`: every visible event with its sources."""

import json

from django.conf import settings
from django.core.management.base import BaseCommand

from timeline.exports import csv_lines, event_records
from timeline.models import Event


class Command(BaseCommand):
    help = "Print the timeline's events, newest first, as JSON ({'events': [...]}) or CSV."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["json", "csv"], default="json")

    def handle(self, *args, format, **options):
        records = event_records(Event.objects.visible())
        if format == "csv":
            for line in csv_lines(records, site_url=settings.SITE_URL):
                self.stdout.write(line, ending="")
            return
        self.stdout.write(json.dumps({"events": list(records)}, ensure_ascii=False, indent=2))
