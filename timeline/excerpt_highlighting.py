"""An article's clean text as HTML paragraphs with every excerpt marked and anchored.

Excerpts may nest, share a span or cross each other and paragraph breaks; marks are closed and
reopened around such boundaries so the HTML stays well formed. Only the first piece of an excerpt
carries its `id="excerpt-<id>"` anchor.
"""

import itertools
import re
from dataclasses import dataclass, field

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from timeline.models import Excerpt

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass
class Paragraph:
    html: SafeString
    excerpts: list[Excerpt] = field(default_factory=list)


def placed_excerpts(body: str, excerpts: list[Excerpt]) -> tuple[list[Excerpt], list[Excerpt]]:
    """Split excerpts into those whose offsets fit the text and those that went stale."""
    placed, stale = [], []
    for excerpt in excerpts:
        if (
            excerpt.start is not None
            and excerpt.end is not None
            and (0 <= excerpt.start < excerpt.end <= len(body))
        ):
            placed.append(excerpt)
        else:
            stale.append(excerpt)
    return placed, stale


def highlighted_paragraphs(body: str, excerpts: list[Excerpt]) -> list[Paragraph]:
    """Paragraphs of `body`, each with the excerpts that begin in it, in reading order."""
    ordered = sorted(excerpts, key=lambda e: (e.start, -e.end, e.pk))
    paragraphs = []
    position = 0
    for match in [*PARAGRAPH_BREAK.finditer(body), None]:
        end = match.start() if match else len(body)
        paragraphs.append((position, end))
        position = match.end() if match else len(body)

    anchored: set[int] = set()
    result = []
    for start, end in paragraphs:
        if not body[start:end].strip():
            continue
        inside = [e for e in ordered if e.start < end and e.end > start]
        html = _mark_range(body, start, end, inside, anchored)
        beginning_here = [e for e in ordered if start <= e.start < end]
        result.append(Paragraph(html, beginning_here))
    return result


def _mark_range(
    body: str, start: int, end: int, excerpts: list[Excerpt], anchored: set[int]
) -> SafeString:
    """Write body[start:end] with marks, reopening any mark that a crossing boundary closed."""
    points = sorted(
        {start, end}
        | {e.start for e in excerpts if start < e.start < end}
        | {e.end for e in excerpts if start < e.end < end}
    )
    parts: list[str] = []
    open_marks: list[Excerpt] = []
    for left, right in itertools.pairwise(points):
        covering = [e for e in excerpts if e.start <= left and e.end >= right]
        keep = 0
        while (
            keep < len(open_marks) and keep < len(covering) and (open_marks[keep] is covering[keep])
        ):
            keep += 1
        parts.extend("</mark>" for _ in open_marks[keep:])
        open_marks = open_marks[:keep]
        for excerpt in covering[keep:]:
            parts.append(_open_mark(excerpt, anchored))
            open_marks.append(excerpt)
        parts.append(_text(body[left:right]))
    parts.extend("</mark>" for _ in open_marks)
    return mark_safe("".join(parts))


def _open_mark(excerpt: Excerpt, anchored: set[int]) -> str:
    if excerpt.pk in anchored:
        return format_html('<mark class="excerpt" data-excerpt="{}">', excerpt.pk)
    anchored.add(excerpt.pk)
    return format_html(
        '<mark class="excerpt" id="excerpt-{}" data-excerpt="{}">', excerpt.pk, excerpt.pk
    )


def _text(text: str) -> str:
    return "<br>".join(conditional_escape(line) for line in text.split("\n"))
