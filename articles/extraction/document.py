"""From a file's text to an article: front matter, title, date line, outlet and clean body."""

import datetime
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from articles.extraction.boilerplate import (
    VIDEO_PAGE_TITLE,
    is_boilerplate,
    strip_inline_boilerplate,
    trailing_navigation_start,
)
from articles.extraction.dates import MONTH_NUMBERS
from articles.extraction.language import detect_language
from articles.extraction.published import publication_date_problem
from articles.extraction.timex import tag_temporal_expressions

FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
FRONT_MATTER_KEYS = {
    "published": "published",
    "date": "published",
    "source": "outlet",
    "outlet": "outlet",
    "url": "url",
    "link": "url",
    "byline": "byline",
    "author": "byline",
    "title": "title",
    "language": "language",
    "lang": "language",
}
DATE_LINE_PREFIX = re.compile(
    r"^(?:posted|published|updated|publicado|actualizado)(?:\s+(?:on|el|at))?\s*:?\s*",
    re.IGNORECASE,
)
# A time stamp's date is the date in its own offset: "2025-04-21T00:42:00-03:00" is 21 April.
ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?)?")
# Wire services' date lines: "26-FEB-1987 15:01:01.79".
DAY_MON_YEAR = re.compile(r"^(\d{1,2})-([A-Za-z]{3})-(\d{4})\b")
# A time after the date: "at 11:30", ", 10:45 am", "- 12:07", "15:01:01.79".
TIME_AFTER_DATE = re.compile(
    r"(?:\s+(?:at|a\s+las)|[,\s-])\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?"
    r"(?:\s*[ap]\.?m\.?)?.*$",
    re.IGNORECASE,
)
# A wire dateline opening the story: "SAN SALVADOR, May 12, 2025 (Reuters) -".
WIRE_DATELINE = re.compile(
    r"^[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑ .'’-]{1,40}(?:,\s*[A-Z][\w.]+(?:\s[A-Z][\w.]+)?)?,\s+"
    r"(?P<date>[^()_–—]{3,30}?)\s*(?:\([^)]{2,30}\)\s*)?[-–—_]+\s"
)
# A date in the article's address: ".../2024/01/19/story", "...-2024-01-19-...".
URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?!\d)")
BYLINE = re.compile(r"^(?:By|Por)\s+([A-ZÁÉÍÓÚÑ][\w.'’ -]{2,80})$")
SOURCE_CREDIT = re.compile(r"^(?:SOURCE|Source|FUENTE|Fuente)\s*:\s*(.{2,60})$")
MAX_TITLE_LENGTH = 300
# Wire copy wraps lines near 60–80 characters: a line that long which stops mid-sentence goes on
# in the next line (a heading is shorter, or ends the paragraph with a blank line).
WRAPPED_LINE_MIN_LENGTH = 55
LINE_ENDS_SENTENCE = re.compile(r"[.!?…:;\"”’»)\]]\W*$")
STARTS_LOWER = re.compile(r"^[a-záéíóúñü(\d]")
MIN_VIDEO_PAGE_WORDS = 40
DATE_LINE_SEARCH_LINES = 6


class DocumentError(ValueError):
    """The text cannot become an article; the message says why, for the editor."""


@dataclass
class ParsedDocument:
    title: str
    body: str
    published: datetime.date | None
    published_source: str  # front_matter, text (a date line), dateline, url or unknown
    language: str
    outlet: str = ""
    url: str = ""
    byline: str = ""
    removed_lines: list[str] = field(default_factory=list)


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Optional `key: value` lines between two `---` lines at the top of the file."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta = {}
    for line in match.group(1).splitlines():
        key, separator, value = line.partition(":")
        field_name = FRONT_MATTER_KEYS.get(key.strip().lower())
        if separator and field_name:
            meta[field_name] = value.strip().strip("\"'")
    return meta, text[match.end() :]


def parse_date_line(line: str) -> datetime.date | None:
    """A line that is only a date: "February 5, 2025", "Posted on 17/04/2025 at 11:30",
    "26-FEB-1987 15:01:01.79", "Ene 19, 2024- 12:07"."""
    candidate = DATE_LINE_PREFIX.sub("", line.strip())
    if not candidate or len(candidate) > 60:
        return None
    iso = ISO_DATETIME.match(candidate)
    if iso:
        try:
            return datetime.date.fromisoformat(iso.group(1))
        except ValueError:
            return None
    wire = DAY_MON_YEAR.match(candidate)
    if wire and wire.group(2).lower() in MONTH_NUMBERS:
        day, month, year = wire.groups()
        try:
            return datetime.date(int(year), MONTH_NUMBERS[month.lower()], int(day))
        except ValueError:
            return None
    return _only_a_date(TIME_AFTER_DATE.sub("", candidate))


def _only_a_date(candidate: str) -> datetime.date | None:
    """The day `candidate` names, when it holds a full date and no other words."""
    for language in ("en", "es"):
        timexes = tag_temporal_expressions(candidate, published=None, language=language)
        if len(timexes) != 1:
            continue
        (timex,) = timexes
        leftover = candidate[: timex.start] + candidate[timex.end :]
        if re.search(r"\w{3,}", leftover) or timex.relative or timex.precision != "day":
            continue
        if timex.type == "DATE" and timex.date is not None:
            return timex.date
    return None


def wire_dateline_date(line: str) -> datetime.date | None:
    """ "SAN SALVADOR, May 12, 2025 (Reuters) -": the date of a dateline that gives a year."""
    match = WIRE_DATELINE.match(line)
    return _only_a_date(match.group("date").strip(" ,")) if match else None


def url_date(url: str) -> datetime.date | None:
    """ "https://example.org/2024/01/19/story": the date in an article's address."""
    match = URL_DATE.search(url)
    if match is None:
        return None
    try:
        return datetime.date(*(int(part) for part in match.groups()))
    except ValueError:
        return None


def parse_front_matter_date(value: str) -> datetime.date:
    iso = ISO_DATETIME.match(value.strip())
    if iso:
        try:
            return datetime.date.fromisoformat(iso.group(1))
        except ValueError:
            pass
    parsed = parse_date_line(value)
    if parsed is None:
        raise DocumentError(
            _("front matter 'published: %(value)s' is not a date (use YYYY-MM-DD)")
            % {"value": value}
        )
    return parsed


def parse_document(text: str) -> ParsedDocument:
    """Split a file's text into metadata and a clean body that excerpts will index into."""
    meta, rest = parse_front_matter(text)
    lines = _join_wrapped_lines(
        [strip_inline_boilerplate(_normalise_line(line)) for line in re.split(r"\r\n|\r|\n", rest)]
    )
    title = meta.get("title", "")
    if not title:
        title_index = next((i for i, line in enumerate(lines) if line), None)
        if title_index is None:
            raise DocumentError(_("no title: the file has no text"))
        title = lines[title_index]
        lines = lines[title_index + 1 :]
    if len(title) > MAX_TITLE_LENGTH:
        raise DocumentError(
            _(
                "no title: the first line is %(length)s characters long "
                "(a title line has at most %(limit)s)"
            )
            % {"length": len(title), "limit": MAX_TITLE_LENGTH}
        )

    published = None
    published_source = "unknown"
    if meta.get("published"):
        published = parse_front_matter_date(meta["published"])
        published_source = "front_matter"

    kept: list[str] = []
    removed: list[str] = []
    outlet = meta.get("outlet", "")
    byline = meta.get("byline", "")
    seen_short_lines: set[str] = set()
    nonblank = [line for line in lines if line]
    navigation_from = trailing_navigation_start(nonblank)
    for index, line in enumerate(nonblank):
        if index < DATE_LINE_SEARCH_LINES and published_source != "front_matter":
            date = parse_date_line(line) if published is None else None
            if date is not None:
                published, published_source = date, "text"
                removed.append(line)
                continue
        if index < DATE_LINE_SEARCH_LINES and not byline and (match := BYLINE.match(line)):
            byline = match.group(1).strip()
            removed.append(line)
            continue
        if credit := SOURCE_CREDIT.match(line):
            outlet = outlet or credit.group(1).strip()
            removed.append(line)
            continue
        repeated = len(line) < 120 and line in seen_short_lines
        if repeated or index >= navigation_from or is_boilerplate(line):
            removed.append(line)
            continue
        if len(line) < 120:
            seen_short_lines.add(line)
        kept.append(line)

    if published is None:
        published, published_source = _dateline_or_url(kept, meta.get("url", ""))
    if problem := publication_date_problem(published):
        raise DocumentError(problem)
    body = "\n\n".join(kept)
    if not body.strip():
        raise DocumentError(_("empty: no article text after the title"))
    if VIDEO_PAGE_TITLE.search(title) and len(body.split()) < MIN_VIDEO_PAGE_WORDS:
        raise DocumentError(_("a video page: only a YouTube player's footer, no article text"))
    language = meta.get("language") or detect_language(f"{title}\n{body}")
    return ParsedDocument(
        title=title,
        body=body,
        published=published,
        published_source=published_source,
        language=language if language in {"en", "es"} else "en",
        outlet=outlet,
        url=meta.get("url", ""),
        byline=byline,
        removed_lines=removed,
    )


def _join_wrapped_lines(lines: list[str]) -> list[str]:
    """Hard-wrapped lines (a newline inside a sentence, as in wire copy) become one paragraph:
    a long line that stops mid-sentence and is followed, with no blank line, by more text that
    starts in lower case or after a comma or lower-case word."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else ""
        if line and previous and _continues(previous, line):
            joined[-1] = f"{previous} {line}"
        else:
            joined.append(line)
    return joined


def _continues(previous: str, line: str) -> bool:
    if LINE_ENDS_SENTENCE.search(previous) or len(previous) < WRAPPED_LINE_MIN_LENGTH:
        return False
    return bool(STARTS_LOWER.match(line)) or previous.endswith(",")


def _dateline_or_url(lines: list[str], url: str) -> tuple[datetime.date | None, str]:
    """Without front matter or a date line: a wire dateline opening the story, else the
    article's address."""
    for line in lines[:DATE_LINE_SEARCH_LINES]:
        if (date := wire_dateline_date(line)) is not None:
            return date, "dateline"
    if (date := url_date(url)) is not None:
        return date, "url"
    return None, "unknown"


def _normalise_line(line: str) -> str:
    """One paragraph per line, with non-breaking and repeated spaces folded."""
    if not line.isprintable():  # the character walk only for lines that need it
        line = "".join(
            " " if ch.isspace() else ch for ch in line if ch.isprintable() or ch.isspace()
        )
    return " ".join(line.split())
