"""An HTML page in, an article text out: the main text and metadata read with trafilatura, and
pages that are not articles (an index, a video page, a paywall stub, a consent wall, too
little text) refused with the reason.

The article text is what the importer reads from a file (front matter, title line, body), so a
page becomes an article exactly as a text file does, through `articles.services.import_text`.
Pure: HTML in, dataclasses out, no database.
"""

import datetime
import json
import re
from dataclasses import dataclass

import lxml.html
from django.utils.translation import gettext as _

from articles.extraction.language import detect_language
from ingest.errors import NotAnArticle
from ingest.page_markers import (
    CONSENT_MARKERS,
    DATELINE_LEFTOVERS,
    INDEX_PAGE_TYPES,
    PAYWALL_MARKERS,
    READ_ALSO_MAX_LENGTH,
    READ_ALSO_PREFIXES,
    VIDEO_PAGE_TYPES,
    all_markers,
)

NOT_PAGE_TYPES = {"organization", "newsmediaorganization", "person", "breadcrumblist", "website"}
MIN_ARTICLE_WORDS = 40
SHORT_STUB_WORDS = 200  # a paywall or consent wall with more text than this is an article
DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "dc.date",
    "dc.date.issued",
    "pubdate",
    "publishdate",
    "sailthru.date",
)


@dataclass
class ExtractedArticle:
    title: str
    paragraphs: list[str]
    published: datetime.datetime | datetime.date | None
    author: str
    sitename: str
    url: str  # canonical when the page names one, else the address it was read from
    language: str

    @property
    def word_count(self) -> int:
        return sum(len(paragraph.split()) for paragraph in self.paragraphs)

    def as_article_text(self) -> str:
        """Front matter, the title line, then one paragraph per line, as the importer reads."""
        meta = {
            "published": self.published.isoformat() if self.published else "",
            "source": self.sitename,
            "url": self.url,
            "author": self.author,
            "language": self.language,
        }
        front = "".join(f"{key}: {_one_line(value)}\n" for key, value in meta.items() if value)
        body = "\n\n".join(self.paragraphs)
        return f"---\n{front}---\n{_one_line(self.title)}\n\n{body}\n"


def _one_line(value: str) -> str:
    return " ".join(str(value).split())


def extract_article(html: str, *, url: str = "") -> ExtractedArticle:
    """The page's article, or NotAnArticle saying why it is not one."""
    if not html.strip():
        raise NotAnArticle(_("the page is empty"))
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError) as error:
        raise NotAnArticle(_("the page is not HTML that can be read")) from error
    structured = _json_ld_objects(tree)
    page_type = _page_type(tree, structured)
    if any(kind in page_type for kind in VIDEO_PAGE_TYPES):
        raise NotAnArticle(_("a video page, not an article"))
    from trafilatura import bare_extraction  # 0.4 s to import: only when a page is read

    document = bare_extraction(
        html, url=url or None, with_metadata=True, include_comments=False, favor_precision=True
    )
    if document is None:
        raise NotAnArticle(_("no article text was found on the page"))
    title = _one_line(document.title or "")
    paragraphs = _paragraphs(document.text or "", title)
    article = ExtractedArticle(
        title=title,
        paragraphs=paragraphs,
        published=_published(tree, structured) or _date(document.date),
        author=_one_line(document.author or ""),
        sitename=_one_line(document.sitename or ""),
        url=_canonical(tree, structured) or document.url or url,
        language=_language(tree, structured) or detect_language(f"{title}\n{' '.join(paragraphs)}"),
    )
    _refuse_non_articles(article, page_type, structured)
    return article


def _refuse_non_articles(article: ExtractedArticle, page_type: str, structured: list) -> None:
    words = article.word_count
    text = f"{article.title}\n{' '.join(article.paragraphs)}".lower()
    if words < SHORT_STUB_WORDS and any(m in text for m in all_markers(CONSENT_MARKERS)):
        raise NotAnArticle(_("a cookie or consent wall, not the article behind it"))
    locked = any(str(item.get("isAccessibleForFree")).lower() == "false" for item in structured)
    if words < SHORT_STUB_WORDS and (
        locked or any(m in text for m in all_markers(PAYWALL_MARKERS))
    ):
        raise NotAnArticle(_("a paywall: only the first lines of the article are on the page"))
    if page_type in INDEX_PAGE_TYPES and words < MIN_ARTICLE_WORDS:
        raise NotAnArticle(_("an index or section page listing articles, not an article"))
    if not article.title:
        raise NotAnArticle(_("the page has no title"))
    if words < MIN_ARTICLE_WORDS:
        raise NotAnArticle(
            _("too little text for an article (%(words)s words; at least %(minimum)s)")
            % {"words": words, "minimum": MIN_ARTICLE_WORDS}
        )


def _paragraphs(text: str, title: str) -> list[str]:
    leftovers = {line for lines in DATELINE_LEFTOVERS.values() for line in lines}
    paragraphs = [_one_line(line) for line in text.splitlines()]
    read_also = all_markers(READ_ALSO_PREFIXES)
    paragraphs = [
        p
        for p in paragraphs
        if p
        and p.lower().rstrip(":") not in leftovers
        and not (len(p) <= READ_ALSO_MAX_LENGTH and p.lower().startswith(read_also))
    ]
    if paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    return paragraphs


def _json_ld_objects(tree) -> list[dict]:
    objects: list[dict] = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content())
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, dict):
                objects.append(item)
                graph = item.get("@graph")
                stack.extend(graph if isinstance(graph, list) else [])
            elif isinstance(item, list):
                stack.extend(item)
    return objects


def _meta(tree, *names: str) -> str:
    wanted = {name.lower() for name in names}
    for element in tree.xpath("//meta[@content]"):
        key = element.get("property") or element.get("name") or element.get("itemprop") or ""
        if key.lower() in wanted and element.get("content", "").strip():
            return element.get("content").strip()
    return ""


def _page_type(tree, structured: list[dict]) -> str:
    """The page's kind, lower-cased: an article type when its structured data names one (pages
    list a WebPage, a WebSite and an Organization beside their NewsArticle), else the first type
    named there, else og:type."""
    kinds = []
    for item in structured:
        kind = item.get("@type")
        for name in kind if isinstance(kind, list) else [kind]:
            if isinstance(name, str) and name.lower() not in NOT_PAGE_TYPES:
                kinds.append(name.lower())
    for kind in kinds:
        if "article" in kind or "posting" in kind or "report" in kind:
            return kind
    return kinds[0] if kinds else _meta(tree, "og:type").lower()


def _published(tree, structured: list[dict]) -> datetime.datetime | datetime.date | None:
    candidates = [item.get("datePublished") for item in structured]
    candidates.append(_meta(tree, *DATE_META))
    candidates.extend(tree.xpath("//time/@datetime"))
    for value in candidates:
        if isinstance(value, str) and (parsed := _date(value)):
            return parsed
    return None


def _date(value: str | None) -> datetime.datetime | datetime.date | None:
    """An ISO date or date-time; the time is kept only when the page gives it with its zone."""
    if not value:
        return None
    value = value.strip().replace("Z", "+00:00")
    value = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", value)
    try:
        moment = datetime.datetime.fromisoformat(value)
    except ValueError:
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return moment if moment.tzinfo else moment.date()


def _canonical(tree, structured: list[dict]) -> str:
    for href in tree.xpath('//link[@rel="canonical"]/@href'):
        if href.startswith(("http://", "https://")):
            return href.strip()
    og_url = _meta(tree, "og:url")
    if og_url.startswith(("http://", "https://")):
        return og_url
    for item in structured:
        main = item.get("mainEntityOfPage")
        main = main.get("@id", "") if isinstance(main, dict) else main
        if isinstance(main, str) and main.startswith(("http://", "https://")):
            return main
    return ""


def _language(tree, structured: list[dict]) -> str:
    for item in structured:
        if isinstance(item.get("inLanguage"), str):
            return item["inLanguage"][:2].lower()
    declared = tree.xpath("/html/@lang") or [_meta(tree, "og:locale", "language")]
    return (declared[0] or "")[:2].lower()
