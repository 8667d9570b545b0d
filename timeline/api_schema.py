"""The JSON Schema of `/timeline.json`, published at `/api/timeline.schema.json`.

Strict on purpose (no additional properties, every key required): a field added to
`timeline.exports.event_record` must be added here too, so the API page never goes stale.
"""

NULLABLE_STRING = {"type": ["string", "null"]}
LINK = {"type": ["string", "null"], "format": "uri-reference"}


def _object(properties: dict) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


ACTOR = _object({"name": {"type": "string"}, "slug": {"type": "string"}})
COUNTRY = _object({"code": {"type": "string", "pattern": "^[A-Z]{2}$"}, "name": {"type": "string"}})
SOURCE = _object(
    {
        "article_title": {"type": "string"},
        "article_file": {"type": "string"},
        "article_url": {"type": "string", "pattern": "^/"},
        "original_url": {"type": "string"},
        "outlet": {"type": "string"},
        "excerpt": {"type": "string"},
        "excerpt_url": {"type": "string", "pattern": "^/.*#excerpt-[0-9]+$"},
    }
)
EVENT = _object(
    {
        "id": {"type": "integer"},
        "title": {"type": "string"},
        "date": {**NULLABLE_STRING, "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
        "date_precision": {"enum": ["day", "month", "year", "unknown"]},
        "date_display": {"type": "string"},
        "scheduled": {"type": "boolean"},
        "date_resolution": {"type": "string"},
        "event_type": {
            "enum": [
                "visit",
                "meeting",
                "agreement",
                "transfer",
                "statement",
                "policy",
                "legislation",
                "court",
                "arrest",
                "sanction",
                "appointment",
                "election",
                "attack",
                "protest",
                "other",
            ]
        },
        "status": {"enum": ["extracted", "reviewed"]},
        "actors": {"type": "array", "items": ACTOR},
        "countries": {"type": "array", "items": COUNTRY},
        "sources": {"type": "array", "items": SOURCE},
    }
)
FILTERS = _object(
    {
        "country": {"type": "array", "items": {"type": "string"}},
        "actor": {"type": "array", "items": {"type": "string"}},
        "type": NULLABLE_STRING,
        "date_from": NULLABLE_STRING,
        "date_to": NULLABLE_STRING,
        "q": NULLABLE_STRING,
        "sources": {"enum": [None, "single", "several", "disputed"]},
        "sort": {"enum": ["newest", "oldest"]},
    }
)

TIMELINE_JSON_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "A page of Newsroom Timeline events",
    **_object(
        {
            "count": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "num_pages": {"type": "integer", "minimum": 1},
            "page_size": {"type": "integer", "minimum": 1, "maximum": 500},
            "next": LINK,
            "previous": LINK,
            "filters": FILTERS,
            "warnings": {"type": "array", "items": {"type": "string"}},
            "events": {"type": "array", "items": EVENT},
        }
    ),
}
