"""An article's clean text as HTML paragraphs with every excerpt marked and anchored.

Excerpts may nest, share a span or cross each other and paragraph breaks; marks are closed and
reopened around such boundaries so the HTML stays well formed. Only the first piece of an excerpt
carries its `id="excerpt-<id>"` anchor.
"""

import re
from bisect import bisect_left
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
    """Paragraphs of `body`, each with the excerpts that begin in it, in reading order.

    One sweep over the text: an article of ten thousand excerpts costs ten thousand steps, not
    ten thousand times ten thousand.
    """
    ordered = sorted(excerpts, key=lambda e: (e.start, -e.end, e.pk))
    starts = [excerpt.start for excerpt in ordered]
    writer = _MarkWriter(body, ordered)
    result = []
    position = 0
    for match in [*PARAGRAPH_BREAK.finditer(body), None]:
        end = match.start() if match else len(body)
        if body[position:end].strip():
            beginning_here = ordered[bisect_left(starts, position) : bisect_left(starts, end)]
            result.append(Paragraph(writer.paragraph(position, end), beginning_here))
        position = match.end() if match else len(body)
    return result


class _MarkWriter:
    """Writes paragraphs in text order, keeping the excerpts open at the current point.

    The open excerpts are kept in reading order (start, longest first): new ones always come
    last, so a boundary closes and reopens only the marks from the first excerpt that ended
    there onwards, and every step costs what it writes.
    """

    def __init__(self, body: str, ordered: list[Excerpt]):
        self.body = body
        self.by_start = ordered
        self.by_end = sorted(ordered, key=lambda e: e.end)
        self.next_start = self.next_end = 0
        self.open: list[Excerpt] = []
        self.position_of: dict[int, int] = {}  # id(excerpt) -> its index in self.open
        self.anchored: set[int] = set()

    def paragraph(self, start: int, end: int) -> SafeString:
        """body[start:end] with marks, reopening any mark that a crossing boundary closed."""
        self._advance(start)
        parts = [self._open_mark(excerpt) for excerpt in self.open]
        left = start
        while left < end:
            right = min(self._next_boundary(), end)
            parts.append(_text(self.body[left:right]))
            if right < end:
                first_changed, open_before = self._advance(right)
                parts.extend("</mark>" for _ in range(open_before - first_changed))
                parts.extend(self._open_mark(excerpt) for excerpt in self.open[first_changed:])
            left = right
        parts.extend("</mark>" for _ in self.open)
        return mark_safe("".join(parts))

    def _next_boundary(self) -> float:
        candidates = [float("inf")]
        if self.next_start < len(self.by_start):
            candidates.append(self.by_start[self.next_start].start)
        if self.next_end < len(self.by_end):
            candidates.append(self.by_end[self.next_end].end)
        return min(candidates)

    def _advance(self, point: int) -> tuple[int, int]:
        """Open the excerpts that start by `point`, drop those that end by it; say from which
        index the open list changed, and how long it was."""
        open_before = len(self.open)
        first_changed = open_before
        started = []
        while (
            self.next_start < len(self.by_start) and self.by_start[self.next_start].start <= point
        ):
            started.append(self.by_start[self.next_start])
            self.next_start += 1
        ended = set()
        while self.next_end < len(self.by_end) and self.by_end[self.next_end].end <= point:
            key = id(self.by_end[self.next_end])
            self.next_end += 1
            ended.add(key)
            if key in self.position_of:
                first_changed = min(first_changed, self.position_of.pop(key))
        kept_after = [e for e in self.open[first_changed:] if id(e) not in ended]
        del self.open[first_changed:]
        for excerpt in [*kept_after, *(e for e in started if id(e) not in ended)]:
            self.position_of[id(excerpt)] = len(self.open)
            self.open.append(excerpt)
        return first_changed, open_before

    def _open_mark(self, excerpt: Excerpt) -> str:
        return _open_mark(excerpt, self.anchored)


def _open_mark(excerpt: Excerpt, anchored: set[int]) -> str:
    if excerpt.pk in anchored:
        return format_html('<mark class="excerpt" data-excerpt="{}">', excerpt.pk)
    anchored.add(excerpt.pk)
    return format_html(
        '<mark class="excerpt" id="excerpt-{}" data-excerpt="{}">', excerpt.pk, excerpt.pk
    )


def _text(text: str) -> str:
    return "<br>".join(conditional_escape(line) for line in text.split("\n"))
