"""`manage.py tag_dates`: the date finder as a filter, for debugging and scoring.

Reads JSON lines on standard input, each `{"text": …, "published": "YYYY-MM-DD" | null,
"language": "en" | "es"}`, and writes one JSON line per input line: the temporal expressions
found, each `{"start", "end", "text", "type", "value"}` with TIMEX3 types (DATE, TIME, DURATION,
SET) and values; `"value": null` when an expression is found but cannot be resolved. A line that
is not such an object gets `{"error": …}` and the run goes on.
"""

import datetime
import json
import sys

from django.core.management.base import BaseCommand

from articles.extraction.timex import tag_temporal_expressions


def tag_line(line: str) -> list[dict] | dict:
    try:
        request = json.loads(line)
        text = request["text"]
        published = request.get("published")
        published = datetime.date.fromisoformat(published[:10]) if published else None
        language = request.get("language") or "en"
        if not isinstance(text, str):
            raise TypeError("text must be a string")
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        return {"error": f"{type(error).__name__}: {error}"}
    return [
        {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
        for t in tag_temporal_expressions(text, published=published, language=language)
    ]


class Command(BaseCommand):
    requires_system_checks = []
    help = "Tag temporal expressions (TIMEX3) in JSON lines read from standard input."

    def handle(self, *args, **options):
        for line in sys.stdin:
            if line.strip():
                self.stdout.write(json.dumps(tag_line(line), ensure_ascii=False))
