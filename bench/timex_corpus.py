"""TIMEX3 gold from the timex-dev corpus, as plain text with character offsets.

English: TempEval-3's TBAQ-cleaned TimeML files (`<DCT>` and inline `<TIMEX3>` inside `<TEXT>`).
Spanish: Spanish TimeBank's BIO token file (`*!-DCTVALUE="…"-!*` opens a document; tokens are
joined by single spaces, sentences by a newline). Both become `GoldDocument`s so that one scorer
reads them.
"""

import datetime
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "timex-dev"


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class GoldDocument:
    name: str
    language: str
    published: datetime.date
    text: str
    timexes: list[GoldTimex] = field(default_factory=list)


_DCT = re.compile(r"<DCT>.*?value=\"(\d{4}-\d{2}-\d{2})", re.DOTALL)
_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.DOTALL)
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> GoldDocument:
    """A TimeML file's text between <TEXT> tags, tags removed, TIMEX3 offsets kept."""
    raw = path.read_text("utf-8")
    published = datetime.date.fromisoformat(_DCT.search(raw).group(1))
    body = _TEXT.search(raw).group(1)
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, dict] | None = None
    timexes: list[GoldTimex] = []
    position = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[position : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if not tag.group(1):
            open_timex = (length, dict(_ATTRIBUTE.findall(tag.group(3))))
        elif open_timex is not None:
            start, attributes = open_timex
            open_timex = None
            text = "".join(pieces)[start:length]
            timexes.append(
                GoldTimex(
                    start, length, text, attributes.get("type", ""), attributes.get("value", "")
                )
            )
    pieces.append(html.unescape(body[position:]))
    return GoldDocument(path.stem, "en", published, "".join(pieces), timexes)


def read_english(folder: Path = CORPUS) -> list[GoldDocument]:
    return [read_tml(path) for path in sorted((folder / "en-tbaq").glob("*/*.tml"))]


def read_spanish(folder: Path = CORPUS) -> list[GoldDocument]:
    documents: list[GoldDocument] = []
    for number, block in enumerate(
        re.split(
            r"^\*!-DCTVALUE=\"",
            (folder / "es-timebank" / "train.tsv").read_text("utf-8"),
            flags=re.M,
        )[1:]
    ):
        header, _, rows = block.partition("\n")
        published = datetime.date.fromisoformat(header[:10])
        documents.append(_bio_document(f"es-{number:03}", published, rows))
    return documents


def _bio_document(name: str, published: datetime.date, rows: str) -> GoldDocument:
    text = ""
    timexes: list[GoldTimex] = []
    current: list | None = None  # [start, end, type, value]
    for line in rows.split("\n"):
        if not line.strip():
            if text and not text.endswith("\n"):
                text = text.rstrip(" ") + "\n"
            continue
        token, tag, *rest = line.split("\t")
        value = rest[0] if rest else "-"
        if text and not text.endswith("\n"):
            text += " "
        start = len(text)
        text += token
        if tag.startswith("I-") and current is not None:
            current[1] = len(text)
            continue
        if current is not None:
            timexes.append(_closed(text, current))
            current = None
        if tag.startswith("B-"):
            current = [start, len(text), tag[2:], value]
    if current is not None:
        timexes.append(_closed(text, current))
    return GoldDocument(name, "es", published, text, timexes)


def _closed(text: str, current: list) -> GoldTimex:
    start, end, kind, value = current
    return GoldTimex(start, end, text[start:end], kind, value)
