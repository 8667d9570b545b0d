"""Articles of the corpora dressed as web pages, for the ingest benchmark and extraction check.

Three page styles an outlet's site commonly has, each with the boilerplate an extractor must
leave out: navigation, a cookie banner, share buttons, "read also" links inside the text,
related and most-read lists, a newsletter box, comments, a footer. Metadata is where outlets
put it: meta tags, JSON-LD, `<time>`. Synthetic pages, not saved ones: the measure is of the
extraction on these layouts, not on the web at large.
"""

import json
from dataclasses import dataclass
from html import escape
from pathlib import Path

from articles.extraction.document import parse_document

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"


@dataclass
class SourceArticle:
    name: str
    title: str
    paragraphs: list[str]
    published: str  # ISO date or ""
    outlet: str
    language: str


def read_article(path: Path) -> SourceArticle:
    text = path.read_text(encoding="utf-8")
    document = parse_document(text)
    return SourceArticle(
        name=path.stem,
        title=document.title,
        paragraphs=[p for p in document.body.split("\n\n") if p.strip()],
        published=document.published.isoformat() if document.published else "2005-03-01",
        outlet=document.outlet or "BBC News",
        language=document.language,
    )


def _paragraphs(article: SourceArticle, read_also: str) -> str:
    parts = [f"<p>{escape(p)}</p>" for p in article.paragraphs]
    if len(parts) > 3:  # a "read also" link inside the text, as many outlets have
        parts.insert(
            2,
            f'<p class="read-also"><strong>{read_also}</strong> '
            f'<a href="/otra-nota">{escape(article.title[:40])}…</a></p>',
        )
    return "\n".join(parts)


def classic(article: SourceArticle) -> str:
    words = BOILERPLATE[article.language]
    return f"""<!DOCTYPE html><html lang="{article.language}"><head><meta charset="utf-8">
<title>{escape(article.title)} | {escape(article.outlet)}</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{escape(article.title)}">
<meta property="og:site_name" content="{escape(article.outlet)}">
<meta property="article:published_time" content="{article.published}T09:30:00+00:00">
<meta name="author" content="Redacción"></head><body>
<header><nav><a href="/">{words["home"]}</a> <a href="/world">{words["world"]}</a>
<a href="/politics">{words["politics"]}</a>
<a href="/subscribe">{words["subscribe"]}</a></nav></header>
<main><article><h1>{escape(article.title)}</h1>
<p class="byline">{words["by"]} Redacción</p>
<div class="share"><a href="#">Facebook</a> <a href="#">X</a> <a href="#">WhatsApp</a></div>
{_paragraphs(article, words["read_also"])}
</article>
<aside><h2>{words["related"]}</h2><ul><li><a href="/a">{words["teaser1"]}</a></li>
<li><a href="/b">{words["teaser2"]}</a></li></ul></aside>
<section class="newsletter"><h3>{words["newsletter"]}</h3><p>{words["newsletter_text"]}</p>
</section>
<section class="comments"><h3>{words["comments"]}</h3><p>{words["comments_text"]}</p></section>
</main><footer><p>© {escape(article.outlet)}. {words["rights"]}</p>
<a href="/privacy">{words["privacy"]}</a></footer></body></html>"""


def json_ld(article: SourceArticle) -> str:
    words = BOILERPLATE[article.language]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": f"{article.published}T12:00:00-03:00",
        "author": {"@type": "Person", "name": "Redacción"},
        "publisher": {"@type": "Organization", "name": article.outlet},
        "inLanguage": article.language,
    }
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>{escape(article.title)}</title>
<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script></head><body>
<div id="cookies" class="cookie-banner"><p>{words["cookies"]}</p><button>OK</button></div>
<div class="menu"><a href="/">{words["home"]}</a>
<a href="/world">{words["world"]}</a></div>
<div class="main-column"><div class="headline"><h1>{escape(article.title)}</h1></div>
<div class="date">
<time datetime="{article.published}T12:00:00-03:00">{article.published}</time></div>
<div class="story-body">{_paragraphs(article, words["read_also"])}</div>
<div class="tags"><a href="/tag/1">{words["world"]}</a>
<a href="/tag/2">{words["politics"]}</a></div>
</div>
<div class="sidebar"><h3>{words["most_read"]}</h3><ol><li><a href="/1">{words["teaser1"]}</a></li>
<li><a href="/2">{words["teaser2"]}</a></li><li><a href="/3">{words["teaser3"]}</a></li></ol></div>
<div class="footer">{escape(article.outlet)} · {words["rights"]}</div></body></html>"""


def minimal(article: SourceArticle) -> str:
    words = BOILERPLATE[article.language]
    return f"""<html lang="{article.language}"><head><meta charset="utf-8">
<title>{escape(article.title)}</title>
<meta name="date" content="{article.published}"></head><body>
<div class="content"><h2>{escape(article.title)}</h2>
{_paragraphs(article, words["read_also"])}
<p class="tools"><a href="/print">{words["print"]}</a> |
<a href="/send">{words["send"]}</a></p></div>
<div class="bottom">{words["rights"]}</div></body></html>"""


STYLES = {"classic": classic, "json-ld": json_ld, "minimal": minimal}

BOILERPLATE = {
    "en": {
        "home": "Home",
        "world": "World",
        "politics": "Politics",
        "subscribe": "Subscribe",
        "by": "By",
        "read_also": "Read also:",
        "related": "Related stories",
        "teaser1": "Ten things to know about the budget",
        "teaser2": "Weather: storms expected across the country this weekend",
        "teaser3": "Markets fall after the announcement",
        "newsletter": "Sign up for our newsletter",
        "newsletter_text": "Get the day's top stories delivered to your inbox every morning.",
        "comments": "Comments",
        "comments_text": "Log in to join the conversation.",
        "rights": "All rights reserved.",
        "privacy": "Privacy policy",
        "cookies": "We use cookies to improve your experience. By continuing you accept them.",
        "most_read": "Most read",
        "print": "Print",
        "send": "Send to a friend",
    },
    "es": {
        "home": "Portada",
        "world": "Mundo",
        "politics": "Política",
        "subscribe": "Suscríbete",
        "by": "Por",
        "read_also": "Lee también:",
        "related": "Noticias relacionadas",
        "teaser1": "Diez claves del presupuesto",
        "teaser2": "Clima: lluvias en todo el país este fin de semana",
        "teaser3": "Las bolsas caen tras el anuncio",
        "newsletter": "Suscríbete a nuestro boletín",
        "newsletter_text": "Recibe cada mañana las noticias más importantes del día en tu correo.",
        "comments": "Comentarios",
        "comments_text": "Inicia sesión para comentar.",
        "rights": "Todos los derechos reservados.",
        "privacy": "Política de privacidad",
        "cookies": "Usamos cookies para mejorar tu experiencia. Si continúas, las aceptas.",
        "most_read": "Lo más leído",
        "print": "Imprimir",
        "send": "Enviar a un amigo",
    },
}
