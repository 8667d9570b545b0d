"""Before an alias is saved: how many stored mentions it would match, with examples, so that
"Arévalo" matching a tennis player is seen before it happens.

Matching is the extraction's own (the gazetteer's spellings and word boundaries); the database
narrows the articles first with a plain substring filter, and at most SCAN_LIMIT articles are
read (the count then says "at least").
"""

from dataclasses import dataclass, field

from django.db.models import Q

from articles.extraction.gazetteer import ActorEntry, Gazetteer, alias_forms
from articles.models import Article

SCAN_LIMIT = 500
EXAMPLES = 3
CONTEXT = 60


@dataclass
class AliasPreview:
    mentions: int = 0
    articles: int = 0
    complete: bool = True  # False when more articles contain the text than were read
    examples: list[tuple[str, str]] = field(default_factory=list)  # (article title, snippet)


def preview_aliases(aliases: list[str]) -> AliasPreview:
    preview = AliasPreview()
    forms = {form for alias in aliases for form in alias_forms(alias)}
    if not forms:
        return preview
    # The aliases alone: no places, which the extraction would otherwise find in every article.
    gazetteer = Gazetteer(
        actors=[ActorEntry(key="new", name=aliases[0], names=tuple(aliases))], places=False
    )
    contains = Q()
    for form in forms:
        contains |= Q(body__contains=form)
    rows = Article.objects.filter(contains).order_by("-pk").values_list("title", "body")
    rows = list(rows[: SCAN_LIMIT + 1])
    preview.complete = len(rows) <= SCAN_LIMIT
    for title, body in rows[:SCAN_LIMIT]:
        found = [m for m in gazetteer.find_mentions(body) if m.kind == "actor"]
        if not found:
            continue
        preview.articles += 1
        preview.mentions += len(found)
        if len(preview.examples) < EXAMPLES:
            mention = found[0]
            start, end = max(0, mention.start - CONTEXT), mention.end + CONTEXT
            snippet = " ".join(body[start:end].split())
            preview.examples.append((title, f"…{snippet}…"))
    return preview
