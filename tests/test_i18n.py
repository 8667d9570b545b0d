"""The interface in English and Spanish: the catalogue, dates, names, pages and the switcher."""

import datetime
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import icalendar
import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from pytest_django.asserts import assertContains, assertRedirects

from articles.models import Article
from tests.factories import ArticleFactory, EventFactory, ExcerptFactory
from timeline.export_selection import SITE_NAME
from timeline.models import Actor, Country, Event, format_event_date
from timeline.templatetags.i18n_extras import country_name, date_explanation, translated

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "es" / "LC_MESSAGES" / "django.po"

# Interface words of the English pages; none of them may be left on a Spanish page.
ENGLISH_UI_STRINGS = [
    "Timeline",
    "Search titles and excerpts",
    "Newest first",
    "Oldest first",
    "Date unknown",
    "Sources",
    "Export",
    "Actors",
    "Countries",
    "Articles",
    "Clear filters",
    "events",
    "Skip to content",
    "Apply",
    "Order",
    "Unreviewed",
    "First appearance",
    "Events per year",
    "Original article",
    "taken from this article",
    "Read it in the article",
    "How it was dated",
    "Dated from",
    "in an article published",
    "About these formats",
    "Remove filter",
    "Every event links",
]


class VisibleInterfaceText(HTMLParser):
    """The text a reader sees or hears (text and aria-label/title/alt attributes), leaving out
    content: article text, quotes, event and article titles, actor names and the site's name."""

    CONTENT_CLASSES = {
        "site-name",
        "article-text",
        "event-title",
        "chip-actor",
        "source",
        "source-outlet",
        "source-detail",
        "excerpt-events",
        "companion-list",
        "article-title",
        "byline",
        "stale-excerpts",
        "facet-label",
    }
    CONTENT_TAGS = {"h1", "title", "blockquote", "q", "script", "style", "code"}
    VOID_TAGS = {"input", "meta", "link", "br", "img", "hr", "wbr", "source"}

    def __init__(self):
        super().__init__()
        self.stack: list[bool] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        is_content = tag in self.CONTENT_TAGS or bool(classes & self.CONTENT_CLASSES)
        skipping = is_content or (self.stack and self.stack[-1])
        if not skipping:
            for name in ("aria-label", "title", "alt", "placeholder"):
                if attributes.get(name):
                    self.parts.append(attributes[name])
            if tag == "input" and attributes.get("type") in {"submit", "button"}:
                self.parts.append(attributes.get("value") or "")
        if tag not in self.VOID_TAGS:
            self.stack.append(bool(skipping))

    def handle_endtag(self, tag):
        if tag not in self.VOID_TAGS and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)

    @classmethod
    def of(cls, html: str) -> str:
        parser = cls()
        parser.feed(html)
        return " ".join(" ".join(parser.parts).split())


def english_left_in(html: str) -> list[str]:
    """The English interface strings on a page; the product's name is a name, not English."""
    text = VisibleInterfaceText.of(html).replace(SITE_NAME, "")
    return [word for word in ENGLISH_UI_STRINGS if re.search(rf"\b{re.escape(word)}\b", text)]


@pytest.fixture(autouse=True)
def english_after_each_test():
    """LocaleMiddleware leaves the last request's language active in the thread."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def spanish():
    with translation.override("es"):
        yield


# The catalogue


def test_the_spanish_catalogue_is_complete_and_compiled():
    catalogue = polib.pofile(str(CATALOGUE))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert catalogue.percent_translated() == 100
    compiled = polib.mofile(str(CATALOGUE.with_suffix(".mo")))
    assert {(e.msgctxt, e.msgid) for e in compiled} == {
        (e.msgctxt, e.msgid) for e in catalogue.translated_entries()
    }, "django.mo is out of date: run `manage.py compilemessages`"


def test_placeholders_are_kept_in_every_translation():
    for entry in polib.pofile(str(CATALOGUE)):
        names = set(re.findall(r"%\((\w+)\)s", entry.msgid + entry.msgid_plural))
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            if text:
                assert set(re.findall(r"%\((\w+)\)s", text)) <= names, entry.msgid


# Dates, names and explanations


def test_dates_at_their_precision_in_spanish(spanish):
    day = datetime.date(2025, 4, 14)
    assert format_event_date(day, Event.Precision.DAY) == "14 de abril de 2025"
    assert format_event_date(datetime.date(2022, 3, 1), Event.Precision.MONTH) == "marzo de 2022"
    assert format_event_date(datetime.date(2022, 1, 1), Event.Precision.YEAR) == "2022"
    assert format_event_date(None, Event.Precision.UNKNOWN) == "Fecha desconocida"


def test_dates_in_english_are_unchanged():
    assert format_event_date(datetime.date(2025, 4, 14), Event.Precision.DAY) == "14 April 2025"
    assert format_event_date(datetime.date(2022, 3, 1), Event.Precision.MONTH) == "March 2022"
    assert format_event_date(None, Event.Precision.UNKNOWN) == "Date unknown"


@pytest.mark.parametrize(
    ("stored", "spanish_text"),
    [
        (
            "'this Monday' in an article published 14 Apr 2025",
            "«this Monday» en un artículo publicado el 14 abr 2025",
        ),
        ("'este lunes' in the text", "«este lunes» en el texto"),
        (
            "'last week' not resolved: the article has no date.",
            "«last week» sin resolver: el artículo no tiene fecha.",
        ),
        (
            "'next Monday' refers to a time after publication.",
            "«next Monday» se refiere a un momento posterior a la publicación.",
        ),
        (
            "'June 2030' would fall after the article's publication.",
            "«June 2030» caería después de la publicación del artículo.",
        ),
        ("'the 45th' could not be read as a date.", "«the 45th» no se pudo leer como una fecha."),
        ("No date in the text.", "No hay fecha en el texto."),
        ("Set by an editor from the minutes.", "Set by an editor from the minutes."),
    ],
)
def test_date_explanations_in_spanish(spanish, stored, spanish_text):
    assert date_explanation(stored) == spanish_text


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        (
            "'this Monday' in an article published 14 Apr 2025",
            "“this Monday” in an article published 14 Apr 2025",
        ),
        ("'in 2022' in the text", "“in 2022” in the text"),
        (
            "'June 2030' would fall after the article's publication.",
            "“June 2030” would fall after the article’s publication.",
        ),
        ("No date in the text.", "No date in the text."),
        ("Set by an editor from the minutes.", "Set by an editor from the minutes."),
    ],
)
def test_date_explanations_in_english_quote_the_phrase_typographically(stored, shown):
    assert date_explanation(stored) == shown


@pytest.mark.django_db
def test_country_names_come_from_pycountry_in_spanish(spanish):
    assert country_name(Country.objects.get(code="US")) == "Estados Unidos"
    assert country_name(Country.objects.get(code="MX")) == "México"
    assert country_name(Country.objects.get(code="VE")) == "Venezuela"
    assert country_name("PA", "Panama") == "Panamá"
    assert country_name("XK", "Kosovo (stored)") == "Kosovo (stored)"


@pytest.mark.django_db
def test_country_names_in_english_are_the_stored_names():
    assert country_name(Country.objects.get(code="US")) == "United States"


@pytest.mark.django_db
def test_seeded_roles_are_translated_and_others_shown_as_written(spanish):
    bukele = Actor.objects.get(slug="nayib-bukele")
    assert translated(bukele.role) == "Presidente de El Salvador"
    assert translated("Mayor of Springfield") == "Mayor of Springfield"


# Pages


def spanish_page(client, url, **extra):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="es", **extra)
    assert response.status_code == 200
    return response


def test_the_timeline_is_english_by_default(client, seeded):
    response = client.get(reverse("timeline:index"))
    assertContains(response, '<html lang="en">')
    assertContains(response, "Search titles and excerpts")


def test_a_spanish_timeline_has_no_english_interface_left(client, seeded):
    response = spanish_page(client, reverse("timeline:index"))
    html = response.content.decode()
    assertContains(response, '<html lang="es">')
    assertContains(response, "Buscar en títulos y fragmentos")
    assertContains(response, "Más recientes primero")
    assert english_left_in(html) == []


def test_the_language_cookie_wins_over_accept_language(client, seeded):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    response = client.get(reverse("timeline:index"), HTTP_ACCEPT_LANGUAGE="en")
    assertContains(response, '<html lang="es">')
    assert english_left_in(response.content.decode()) == []


def test_a_spanish_actor_page_has_no_english_interface_left(client, seeded):
    response = spanish_page(client, reverse("timeline:actor", kwargs={"slug": "nayib-bukele"}))
    assertContains(response, "Presidente de El Salvador")
    assert english_left_in(response.content.decode()) == []


def test_a_spanish_country_page_names_the_country_in_spanish(client, seeded):
    response = spanish_page(client, reverse("timeline:country", kwargs={"code": "US"}))
    assertContains(response, "<h1>Estados Unidos")
    assert english_left_in(response.content.decode()) == []


def test_spanish_directories_and_event_page(client, seeded):
    for url in [
        reverse("timeline:actors"),
        reverse("timeline:countries"),
        reverse("articles:list"),
        reverse("timeline:event", kwargs={"pk": Event.objects.visible().first().pk}),
    ]:
        response = spanish_page(client, url)
        assert english_left_in(response.content.decode()) == [], url


def test_a_spanish_article_page_has_no_english_interface_left(client, seeded):
    article = Article.objects.filter(excerpts__isnull=False).first()
    response = spanish_page(client, article.get_absolute_url())
    assertContains(response, "tomados de este artículo")
    assert english_left_in(response.content.decode()) == []


@pytest.mark.django_db
def test_a_resolved_relative_date_is_explained_in_spanish(client):
    article = ArticleFactory(published=datetime.date(2025, 4, 14))
    event = EventFactory(
        title="Reunión en San Salvador",
        date=datetime.date(2025, 4, 14),
        date_precision=Event.Precision.DAY,
        date_phrase="este lunes",
        date_resolution="'este lunes' in an article published 14 Apr 2025",
    )
    ExcerptFactory(event=event, article=article)
    response = spanish_page(client, reverse("timeline:index"))
    assertContains(response, "14 de abril de 2025")
    assertContains(response, "«este lunes» en un artículo publicado el 14 abr 2025")
    detail = spanish_page(client, event.get_absolute_url())
    assertContains(detail, "«este lunes» en un artículo publicado el 14 abr 2025")


@pytest.mark.django_db
def test_filter_messages_and_facets_in_spanish(client):
    EventFactory(event_type=Event.Type.VISIT)
    response = spanish_page(client, reverse("timeline:index") + "?country=ZZ&sort=sideways")
    assertContains(response, "No hay ningún país con el código «ZZ»")
    assertContains(response, "Orden desconocido «sideways»")
    assertContains(response, "Visita")


# The switcher


@pytest.mark.django_db
def test_the_switcher_posts_the_current_address_with_its_filters(client):
    url = reverse("timeline:index") + "?country=SV&type=visit"
    response = client.get(url)
    assertContains(response, f'action="{reverse("set_language")}"')
    assertContains(response, 'name="next" value="/?country=SV&amp;type=visit"')
    assertContains(response, '<button type="submit" class="language-option" name="language"')


@pytest.mark.django_db
def test_switching_language_keeps_the_filters_and_is_remembered(client):
    next_url = reverse("timeline:index") + "?country=SV&type=visit"
    response = client.post(reverse("set_language"), {"language": "es", "next": next_url})
    assertRedirects(response, next_url, fetch_redirect_response=False)
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "es"
    page = client.get(next_url)
    assertContains(page, '<html lang="es">')
    assertContains(page, "El Salvador")


@pytest.mark.django_db
def test_htmx_results_move_the_switcher_to_the_new_filters(client):
    response = client.get(
        reverse("timeline:index") + "?country=SV",
        headers={"HX-Request": "true", "HX-Target": "timeline-results"},
    )
    assertContains(
        response, 'id="language-next" name="next" value="/?country=SV" hx-swap-oob="true"'
    )


# Search ignores accents and case in both languages


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("title", "query"),
    [
        ("BUKELE anuncia un acuerdo", "Bukele"),
        ("Bukele announces an agreement", "BUKELE"),
        ("Pena visita la Casa Blanca", "Peña"),
        ("Peña visits the White House", "Pena"),
        ("Reunión en Washington", "reunion"),
    ],
)
def test_search_matches_accents_and_case_loosely(client, title, query):
    EventFactory(title=title)
    EventFactory(title="Something else entirely")
    for language in ("en", "es"):
        response = client.get(
            reverse("timeline:index"), {"q": query}, HTTP_ACCEPT_LANGUAGE=language
        )
        shown = [event.title for section in response.context["page"].sections
                 for event in section.events]  # fmt: skip
        assert shown == [title], (language, query)


@pytest.mark.django_db
def test_a_page_cached_in_one_language_is_not_revalidated_for_another(client):
    EventFactory()
    spanish_response = client.get(reverse("timeline:index"), HTTP_ACCEPT_LANGUAGE="es")
    etag = spanish_response["ETag"]
    again = client.get(
        reverse("timeline:index"), HTTP_ACCEPT_LANGUAGE="es", HTTP_IF_NONE_MATCH=etag
    )
    assert again.status_code == 304
    english = client.get(
        reverse("timeline:index"), HTTP_ACCEPT_LANGUAGE="en", HTTP_IF_NONE_MATCH=etag
    )
    assert english.status_code == 200
    assertContains(english, '<html lang="en">')


# The API page and the editors' desk


API_ENGLISH_UI_STRINGS = [
    "Take any filtered view",
    "Formats",
    "Export formats and their addresses",
    "Whole timeline",
    "What it holds",
    "every matching event",
    "events a page",
    "Query string parameters",
    "Parameter",
    "Meaning",
    "repeatable likewise",
    "undated events are left out",
    "words in the title or an excerpt",
    "is refused",
    "The JSON format",
    "is published",
    "An example response",
    "first day of the period",
    "Examples",
    "as a spreadsheet",
    "From a shell",
    "A shell example",
    "Embedding with TimelineJS",
    "Give its full address",
    "The TimelineJS embed code",
]


@pytest.mark.django_db
def test_a_spanish_api_page_has_no_english_interface_left(client):
    response = client.get(reverse("timeline:api"), HTTP_ACCEPT_LANGUAGE="es")
    assertContains(response, "<title>Exportaciones, canales y API")
    assertContains(response, "Cronología completa")
    text = VisibleInterfaceText.of(response.content.decode())
    assert [words for words in API_ENGLISH_UI_STRINGS if words in text] == []
    assert english_left_in(response.content.decode()) == []


@pytest.fixture
def spanish_editor(client):
    from editorial.accounts import make_editor

    client.force_login(make_editor(username="editor", password="a-long-editor-password"))
    return client


@pytest.mark.django_db
def test_the_spanish_event_changelist_names_actions_and_columns_in_spanish(spanish_editor):
    EventFactory(title="Bukele meets Rubio")
    response = spanish_editor.get(
        reverse("admin:timeline_event_changelist"), HTTP_ACCEPT_LANGUAGE="es"
    )
    for spanish_words in [
        "Marcar como revisados los eventos seleccionados",
        "Fusionar los eventos seleccionados en uno (conserva todos los fragmentos)",
        "Confirmar que sus fuentes informan de un solo evento",
        "Página pública",
        "Ver en el sitio",
        "Fuentes",
        "tipo de evento",
    ]:
        assertContains(response, spanish_words)
    for english_words in ["Mark selected events", "Public page", "View on site", "Event type"]:
        assert english_words not in response.content.decode()


@pytest.mark.django_db
def test_the_spanish_merge_confirmation_is_in_spanish(spanish_editor):
    events = [EventFactory(title="Bukele meets Rubio"), EventFactory(title="Rubio meets Bukele")]
    response = spanish_editor.post(
        reverse("admin:timeline_event_changelist"),
        {"action": "merge_selected", "_selected_action": [event.pk for event in events]},
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assertContains(response, "Elija el evento que se conserva.")
    assertContains(response, "Conservar este evento")
    assertContains(response, 'value="Fusionar"')
    assertContains(response, "No, volver atrás")
    assert "Choose the event to keep" not in response.content.decode()


@pytest.mark.django_db
def test_the_spanish_article_add_form_labels_and_help_in_spanish(spanish_editor):
    response = spanish_editor.get(reverse("admin:articles_article_add"), HTTP_ACCEPT_LANGUAGE="es")
    for spanish_words in [
        "O suba un archivo .txt",
        "Déjelo vacío para usar la primera línea del texto.",
        "Pegue el texto del artículo.",
        "Texto plano UTF-8, 2 MB como máximo",
        "Medio:",
        "Publicado:",
    ]:
        assertContains(response, spanish_words)
    for english_words in ["Or upload a .txt file", "Leave empty", "Paste the article", "Outlet:"]:
        assert english_words not in response.content.decode()
    # A Spanish error too: nothing to import.
    response = spanish_editor.post(
        reverse("admin:articles_article_add"), {"title": "", "body": ""}, HTTP_ACCEPT_LANGUAGE="es"
    )
    assertContains(response, "Pegue aquí el texto del artículo o suba un archivo .txt.")


def test_import_failures_and_document_errors_speak_the_editors_language():
    from articles.extraction.document import DocumentError, parse_document
    from articles.services import ImportFailure, decode_article_bytes

    with translation.override("es"):
        with pytest.raises(ImportFailure, match="no está en UTF-8"):
            decode_article_bytes("£".encode("latin-1"))
        with pytest.raises(DocumentError, match="vacío: no hay texto del artículo"):
            parse_document("Solo un titular\n")
    with pytest.raises(ImportFailure, match="not UTF-8"):
        decode_article_bytes("£".encode("latin-1"))


def test_csv_export_header_follows_the_readers_language(client, seeded):
    english = client.get("/timeline.csv")
    spanish = client.get("/timeline.csv", HTTP_ACCEPT_LANGUAGE="es")
    english_header = b"".join(english.streaming_content).decode().splitlines()[0]
    spanish_header = b"".join(spanish.streaming_content).decode().splitlines()[0]
    assert english_header.startswith("id,title,date,date_precision,date_display,event_type")
    assert spanish_header.startswith("id,título,fecha,precisión_fecha,fecha_mostrada,tipo")


def streamed_in_english(response) -> str:
    """Read a streamed export as a server would, after the view returned and with the thread
    since switched to another reader's language."""
    with translation.override("en"):
        return b"".join(response.streaming_content).decode()


@pytest.mark.django_db
def test_timelinejs_speaks_the_readers_language_while_it_streams(client):
    us = Country.objects.get(code="US")
    shown = EventFactory(date=datetime.date(2025, 4, 14), countries=[us])
    ExcerptFactory(event=shown, article=ArticleFactory(outlet="EFE"))
    EventFactory(date=datetime.date(2024, 1, 1), date_precision=Event.Precision.YEAR)

    response = client.get("/timeline.timelinejs.json", HTTP_ACCEPT_LANGUAGE="es")

    slides = {s["unique_id"]: s for s in json.loads(streamed_in_english(response))["events"]}
    slide = slides[f"event-{shown.pk}"]
    assert slide["display_date"] == "14 de abril de 2025"
    assert slide["group"] == "Estados Unidos"
    assert ">Fuente: EFE</a>" in slide["text"]["text"]
    assert ">Este evento en Newsroom Timeline</a>" in slide["text"]["text"]
    assert "Source" not in slide["text"]["text"]
    assert {s["group"] for s in slides.values()} == {"Estados Unidos", "Sin país"}


@pytest.mark.django_db
def test_calendar_and_feed_name_countries_in_the_readers_language(client):
    us = Country.objects.get(code="US")
    EventFactory(date=datetime.date(2025, 4, 14), event_type=Event.Type.VISIT, countries=[us])

    ics = client.get("/countries/US/timeline.ics", HTTP_ACCEPT_LANGUAGE="es")
    feed = client.get("/countries/US/feed.atom", HTTP_ACCEPT_LANGUAGE="es")

    calendar = icalendar.Calendar.from_ical(streamed_in_english(ics))
    assert str(calendar["X-WR-CALNAME"]) == "Estados Unidos · Newsroom Timeline"
    (vevent,) = calendar.walk("VEVENT")
    assert set(vevent["CATEGORIES"].cats) == {"Visita", "Estados Unidos"}
    parsed = feedparser.parse(feed.text)
    assert parsed.feed.title == "Estados Unidos · Newsroom Timeline"
    assert {tag.term for tag in parsed.entries[0].tags} == {"Visita", "Estados Unidos"}


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("marzo de 2022", datetime.date(2022, 3, 1), datetime.date(2022, 3, 31)),
        ("14 de abril de 2025", datetime.date(2025, 4, 14), datetime.date(2025, 4, 14)),
        ("mayo del 2023", datetime.date(2023, 5, 1), datetime.date(2023, 5, 31)),
    ],
)
def test_date_filters_read_spanish_dates(text, first, last):
    from timeline.filters import parse_period

    period = parse_period(text)
    assert (period.first_day, period.last_day) == (first, last)


def test_spanish_date_hint_gives_spanish_examples(client, db):
    assertContains(client.get("/", HTTP_ACCEPT_LANGUAGE="es"), "marzo de 2022")
