"""Production settings, security headers, a CSP without inline code, the login throttle, and
untrusted article text shown as text everywhere it appears."""

import csv
import io
import json
import os
import re
import secrets
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import RequestFactory, override_settings
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from editorial.accounts import make_editor
from newsroom.client_ip import client_ip_address
from tests.factories import ActorFactory, ArticleFactory, CountryFactory, EventFactory
from timeline.exports import safe_cell
from timeline.models import Excerpt

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "a-long-editor-password"
HOSTILE_TITLE = '<script>alert("title")</script> Rubio meets Bukele'
HOSTILE_BODY = (
    'Officials met <img src=x onerror=alert("body")> in San Salvador. '
    'Then =HYPERLINK("http://evil.example") was typed.'
)
HOSTILE_EVENT = '<b onmouseover="alert(1)">Meeting</b>'
HOSTILE_ACTOR = "<svg onload=alert(2)>Actor"
RAW_MARKUP = ("<script>alert", "<img src=x", "<b onmouseover", "<svg onload")


def run_manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    clean.update(env, DJANGO_SETTINGS_MODULE="newsroom.settings")
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        check=False,
    )


def production_env(**extra: str) -> dict[str, str]:
    return {
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "timeline.example.org",
        "DJANGO_CSRF_TRUSTED_ORIGINS": "https://timeline.example.org",
        **extra,
    }


def test_check_deploy_passes_without_a_single_warning_under_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **production_env())

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


def test_check_deploy_catches_a_weak_secret_key():
    """Proves the check above can fail: a short key is reported."""
    env = production_env(DJANGO_SECRET_KEY="short")

    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **env)

    assert result.returncode != 0
    assert "security.W009" in result.stdout + result.stderr


SHOW_SECURITY = (
    "from django.conf import settings as s; "
    "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
    "s.SECURE_HSTS_SECONDS)"
)


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        (production_env(), "True True True 31536000"),
        (production_env(DJANGO_SECURE_SSL_REDIRECT="0"), "False True True 31536000"),
        ({"DJANGO_DEBUG": "1"}, "False False False 0"),
    ],
    ids=["production", "proxy-redirects-itself", "local-development"],
)
def test_https_only_settings_are_on_unless_debugging(env, expected):
    result = run_manage("shell", "--no-imports", "-c", SHOW_SECURITY, **env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


@pytest.mark.django_db
def test_pages_send_security_headers_and_a_strict_csp(client):
    response = client.get("/", secure=True)

    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    header = response["Content-Security-Policy"]
    policy = dict(directive.strip().split(" ", 1) for directive in header.split(";"))
    assert policy["default-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header
    nonce = re.search(r"'nonce-([^']+)'", policy["script-src"]).group(1)
    assert f'nonce="{nonce}"' in response.text


@pytest.mark.django_db
def test_htmx_is_configured_to_need_neither_inline_styles_nor_eval(client):
    response = client.get("/")

    config = re.search(r"<meta name=\"htmx-config\" content='([^']*)'>", response.text).group(1)
    assert json.loads(config)["includeIndicatorStyles"] is False
    assert json.loads(config)["allowEval"] is False


@pytest.mark.django_db
def test_htmx_is_our_vendored_copy_with_the_pages_nonce(client):
    response = client.get("/")

    scripts = re.findall(r"<script ([^>]*)>", response.text)
    htmx = [script for script in scripts if "htmx" in script]
    assert len(htmx) == 1
    src = re.search(r'src="([^"]+)"', htmx[0]).group(1)
    assert src == "/static/vendor/htmx-2.0.10.min.js"
    assert re.search(r'nonce="[^"]+"', htmx[0])
    # Any other script is one of our own small files (the embed's frame sizing).
    others = [script for script in scripts if script not in htmx]
    assert all(re.match(r'src="/static/js/[-\w]+\.js"', script) for script in others), others
    vendored = settings.BASE_DIR / "static" / "vendor" / "htmx-2.0.10.min.js"
    assert 'version:"2.0.10"' in vendored.read_text(encoding="utf-8")


class InlineCodeFinder(HTMLParser):
    """Everything in a page that a CSP without 'unsafe-inline' would block."""

    def __init__(self, nonce: str | None):
        super().__init__()
        self.nonce = nonce
        self.violations: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        self.violations += [f"<{tag} {name}=…>" for name in names if name.startswith("on")]
        if "style" in names:
            self.violations.append(f"<{tag} style=…>")
        if tag == "style":
            self.violations.append("<style>")
        if tag == "script" and "src" not in names and names.get("nonce") != self.nonce:
            self.violations.append("<script> without src or nonce")
        for name in ("href", "src", "action", "formaction"):
            if (names.get(name) or "").strip().lower().startswith("javascript:"):
                self.violations.append(f"<{tag} {name}=javascript:…>")


def assert_no_inline_code(html: str, nonce: str | None) -> None:
    finder = InlineCodeFinder(nonce)
    finder.feed(html)
    assert finder.violations == []


def csp_nonce(response) -> str | None:
    found = re.search(r"'nonce-([^']+)'", response.get("Content-Security-Policy", ""))
    return found.group(1) if found else None


@pytest.fixture
def hostile_event():
    country = CountryFactory(code="SV", name="El Salvador <i>x</i>")
    actor = ActorFactory(name=HOSTILE_ACTOR, slug="hostile-actor", country=country)
    article = ArticleFactory(title=HOSTILE_TITLE, slug="hostile", body=HOSTILE_BODY)
    event = EventFactory(title=HOSTILE_EVENT, actors=[actor], countries=[country])
    quote = HOSTILE_BODY[: HOSTILE_BODY.index(" in San")]
    Excerpt.objects.create(article=article, event=event, start=0, end=len(quote), quote=quote)
    return event


def public_urls(event) -> list[str]:
    actor = event.actors.get()
    article = event.excerpts.get().article
    urls = [
        "/",
        f"/?q={actor.name}",
        event.get_absolute_url(),
        "/actors/",
        actor.get_absolute_url(),
        "/countries/",
        "/countries/SV/",
        "/articles/",
        article.get_absolute_url(),
        reverse("timeline:feed"),
        f"/embed/?q={actor.name}",
    ]
    return urls


# Formats that carry the text as data, never as markup: a browser must not sniff them as HTML.
DATA_EXPORTS = {
    "timeline:timeline-json": "application/json",
    "timeline:timeline-timelinejs": "application/json",
    "timeline:timeline-csv": "text/csv",
    "timeline:timeline-ics": "text/calendar",
}


@pytest.mark.django_db
def test_untrusted_text_is_shown_as_text_on_every_public_page(client, hostile_event):
    for url in public_urls(hostile_event):
        response = client.get(url)

        assert response.status_code == 200, url
        for markup in RAW_MARKUP:
            assertNotContains(response, markup, msg_prefix=url)
        assert_no_inline_code(response.text, csp_nonce(response))
    assertContains(client.get(hostile_event.get_absolute_url()), "&lt;b onmouseover=")


@pytest.mark.django_db
def test_exports_carry_untrusted_text_as_data_that_no_browser_renders(client, hostile_event):
    for name, content_type in DATA_EXPORTS.items():
        response = client.get(reverse(name))

        assert response.status_code == 200, name
        assert response["Content-Type"].startswith(content_type), name
        assert response["X-Content-Type-Options"] == "nosniff", name
    timelinejs = client.get(reverse("timeline:timeline-timelinejs"))
    content = b"".join(timelinejs.streaming_content) if timelinejs.streaming else timelinejs.content
    (slide,) = json.loads(content)["events"]
    for markup in RAW_MARKUP:  # TimelineJS renders these fields as HTML
        assert markup not in slide["text"]["headline"] + slide["text"]["text"]


@pytest.mark.django_db
def test_untrusted_text_is_shown_as_text_in_the_admin(client, hostile_event):
    client.force_login(make_editor(username="editor", password=PASSWORD))
    article = hostile_event.excerpts.get().article
    actor = hostile_event.actors.get()
    urls = [
        "/admin/",
        reverse("admin:articles_article_changelist"),
        reverse("admin:articles_article_change", args=[article.pk]),
        reverse("admin:timeline_event_changelist"),
        reverse("admin:timeline_event_change", args=[hostile_event.pk]),
        reverse("admin:timeline_excerpt_changelist"),
        reverse("admin:timeline_actor_changelist"),
        reverse("admin:timeline_actor_change", args=[actor.pk]),
        reverse("admin:articles_article_history", args=[article.pk]),
    ]
    for url in urls:
        response = client.get(url)

        assert response.status_code == 200, url
        for markup in RAW_MARKUP:
            assertNotContains(response, markup, msg_prefix=url)
        assert_no_inline_code(response.text, csp_nonce(response))


@pytest.mark.django_db
def test_exports_keep_untrusted_text_inert(hostile_event, capsys):
    call_command("export_timeline", "--format", "json")
    (record,) = json.loads(capsys.readouterr().out)["events"]
    assert record["title"] == HOSTILE_EVENT

    call_command("export_timeline", "--format", "csv")
    header, row = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert row[header.index("title")] == HOSTILE_EVENT
    assert row[header.index("actors")] == HOSTILE_ACTOR


@pytest.mark.django_db
def test_csv_export_neutralises_cells_that_spreadsheets_would_run(capsys):
    formulas = ['=HYPERLINK("http://evil.example")', "+1+1", "-2+3", "@SUM(A1)"]
    for title in formulas:
        EventFactory(title=title)

    call_command("export_timeline", "--format", "csv")

    header, *rows = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    titles = sorted(row[header.index("title")] for row in rows)
    assert titles == sorted(f"'{title}" for title in formulas)


@pytest.mark.parametrize("text", ["=1", "+1", "-1", "@a", "\t=1", "\r=1"])
def test_formula_prefixes_are_quoted(text):
    assert safe_cell(text) == f"'{text}"


@pytest.mark.parametrize("text", ["Rubio", "1-2", "", "a=b", "2025"])
def test_ordinary_cells_are_left_alone(text):
    assert safe_cell(text) == text


def post_login(client, username: str, password: str):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR="203.0.113.7",
    )


@pytest.mark.django_db
def test_admin_login_locks_out_after_five_failures_even_with_the_right_password(client):
    make_editor(username="ana", password=PASSWORD)
    for _ in range(4):
        assert post_login(client, "ana", "wrong-password").status_code == 200

    assert post_login(client, "ana", "wrong-password").status_code == 429
    locked = post_login(client, "ana", PASSWORD)

    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_lockout_page_in_the_admins_look_says_how_long_and_who_can_lift_it(client):
    make_editor(username="ana", password=PASSWORD)
    for _ in range(5):
        post_login(client, "ana", "wrong-password")

    locked = post_login(client, "ana", PASSWORD)

    assertContains(locked, "is locked for 15 minutes", status_code=429)
    assertContains(locked, "ask an administrator", status_code=429)
    assertContains(locked, 'id="site-name"', status_code=429)  # the admin's header
    assert_no_inline_code(locked.text, csp_nonce(locked))


@pytest.mark.django_db
def test_a_lockout_is_per_account_and_address(client):
    make_editor(username="ana", password=PASSWORD)
    make_editor(username="ben", password=PASSWORD)
    for _ in range(5):
        post_login(client, "ana", "wrong-password")

    assert post_login(client, "ben", PASSWORD).status_code == 302
    assert client.session["_auth_user_id"]


@pytest.mark.django_db
def test_a_success_before_the_limit_clears_the_failures(client):
    make_editor(username="ana", password=PASSWORD)
    for _ in range(4):
        post_login(client, "ana", "wrong-password")
    assert post_login(client, "ana", PASSWORD).status_code == 302
    client.logout()

    for _ in range(4):
        assert post_login(client, "ana", "wrong-password").status_code == 200
    assert post_login(client, "ana", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "198.51.100.1", "10.0.0.2"),
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "6.6.6.6, 198.51.100.1", "198.51.100.1"),
        (2, "6.6.6.6, 198.51.100.1, 10.0.0.9", "198.51.100.1"),
        (1, "", "10.0.0.2"),
    ],
    ids=["no-proxy", "one-proxy", "forged-left-entry-ignored", "two-proxies", "no-header"],
)
def test_the_throttle_sees_the_address_our_proxy_reports(proxies, forwarded, expected):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)

    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_ip_address(request) == expected


@pytest.mark.django_db
def test_feeds_drop_characters_that_xml_cannot_carry(client):
    article = ArticleFactory(body="Bukele\x01 met Rubio\x1b on Monday.")
    event = EventFactory(title="Bukele\x0b met\x08 Rubio")
    Excerpt.objects.create(article=article, event=event, start=0, end=30, quote=article.body)

    response = client.get("/feed.atom?country=%1b")

    assert response.status_code == 200
    feed = ElementTree.fromstring(response.content)
    titles = [title.text for title in feed.iter("{http://www.w3.org/2005/Atom}title")]
    assert any(title.startswith("Bukele met Rubio (") for title in titles)
