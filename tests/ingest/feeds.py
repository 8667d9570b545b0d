"""Feeds and article pages written for the tests, served by the tests' web server."""

from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

from tests.ingest.web_server import PAGES, WebServer

ENGLISH = (PAGES / "en-article.html").read_text(encoding="utf-8")


def english_page(slug: str, title: str, extra: str = "") -> str:
    """The English test article under another title and canonical address."""
    page = ENGLISH.replace("Rubio visits San Salvador to sign migration deal", title)
    page = page.replace("rubio-san-salvador", slug)
    return page.replace("</article>", f"<p>{escape(extra)}</p></article>") if extra else page


def rss(items: list[dict], *, title: str = "The Daily Test") -> str:
    """RSS 2.0 with the given items: {"guid", "link", "title", "summary", "date"}."""
    entries = "".join(
        f"<item><guid>{escape(item['guid'])}</guid><link>{escape(item['link'])}</link>"
        f"<title>{escape(item['title'])}</title>"
        f"<description>{escape(item.get('summary', ''))}</description>"
        f"<pubDate>{format_datetime(item.get('date', datetime(2025, 2, 3, tzinfo=UTC)))}"
        f"</pubDate></item>"
        for item in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>https://news.example.org/</link>"
        f"<description>World news</description>{entries}</channel></rss>"
    )


def atom(items: list[dict]) -> str:
    entries = "".join(
        f'<entry><id>{escape(item["guid"])}</id><link href="{escape(item["link"])}"/>'
        f"<title>{escape(item['title'])}</title><updated>2025-04-14T16:30:00Z</updated>"
        f"<summary>{escape(item.get('summary', ''))}</summary></entry>"
        for item in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Diario de Prueba</title><id>urn:diario</id>"
        f"<updated>2025-04-14T16:30:00Z</updated>{entries}</feed>"
    )


def serve_feed(server: WebServer, path: str, body: str, *, version: str = "1", **options) -> str:
    return server.add(
        path,
        body,
        content_type=options.pop("content_type", "application/rss+xml; charset=utf-8"),
        etag=f'"{version}"',
        **options,
    )
