"""Fetching: limits, redirects, conditional GET, encodings and the refusal of private addresses,
all against the tests' own server."""

import pytest

from ingest.errors import FetchError
from ingest.fetching import declared_encoding, fetch, is_public_address


def test_fetches_a_page_with_an_honest_user_agent(web_server):
    url = web_server.add_page("/en.html", "en-article.html")
    page = fetch(url)
    assert page.status == 200
    assert "Rubio visits San Salvador" in page.text
    user_agent = web_server.requests_to("/en.html")[0]["User-Agent"]
    assert user_agent.startswith("NewsroomTimeline/")


def test_windows_1252_page_is_read_as_declared(web_server):
    url = web_server.add_page("/viejo.html", "cp1252.html", content_type="text/html")
    page = fetch(url)
    assert page.encoding == "cp1252"
    assert "Piñera decreta" in page.text
    assert "“evasiones masivas”" in page.text


@pytest.mark.parametrize(
    ("content_type", "content", "expected"),
    [
        ("text/html; charset=ISO-8859-1", "“a”".encode("cp1252"), "cp1252"),
        ("text/html; charset=utf-8", "ñ".encode(), "utf-8"),
        ("text/html", b'<meta charset="latin-1"><p>\xf1</p>', "cp1252"),
        ("text/html", "ñ".encode(), "utf-8"),
        ("text/html", b"<p>\xf1and\xfa</p>", "cp1252"),
        ("application/xml", b'<?xml version="1.0" encoding="ISO-8859-15"?><a/>', "iso8859-15"),
    ],
)
def test_declared_encoding(content_type, content, expected):
    assert declared_encoding(content_type, content) == expected


def test_redirects_are_followed(web_server):
    web_server.add_page("/final.html", "en-article.html")
    page = fetch(web_server.url("/redirect?to=/final.html"))
    assert page.url == web_server.url("/final.html")
    assert page.redirects == [web_server.url("/redirect?to=/final.html")]


def test_a_redirect_loop_is_refused(web_server):
    with pytest.raises(FetchError, match="redirect loop"):
        fetch(web_server.url("/loop/a"))


def test_a_redirect_to_a_private_address_is_refused_at_that_hop(web_server):
    with pytest.raises(FetchError, match="private"):
        fetch(web_server.url("/redirect?to=http://127.0.0.1:9/admin/"))


def test_a_huge_stream_is_cut_off(web_server, settings):
    with pytest.raises(FetchError, match="larger than"):
        fetch(web_server.url("/huge"))


def test_a_declared_length_over_the_limit_is_refused_unread(web_server, settings):
    settings.FETCH_MAX_BYTES = 1000
    url = web_server.add("/big.html", b"x" * 5000)
    with pytest.raises(FetchError, match="larger than"):
        fetch(url)


def test_a_slow_server_times_out(web_server, settings):
    settings.FETCH_READ_TIMEOUT = 0.3
    with pytest.raises(FetchError, match="in time"):
        fetch(web_server.url("/slow"))


def test_server_errors_say_what_the_server_answered(web_server):
    with pytest.raises(FetchError, match="404"):
        fetch(web_server.url("/missing"))


def test_loopback_is_refused_outside_the_allowed_hosts(web_server, settings):
    settings.FETCH_ALLOWED_PRIVATE_HOSTS = []
    url = web_server.add_page("/en.html", "en-article.html")
    with pytest.raises(FetchError, match="private, loopback or link-local"):
        fetch(url)
    assert web_server.requests == []


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8000/admin/",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.5/",
        "http://192.168.1.1/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
    ],
)
def test_private_addresses_are_refused(url, settings):
    settings.FETCH_ALLOWED_PRIVATE_HOSTS = []
    with pytest.raises(FetchError, match="private"):
        fetch(url)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.org/", "http://user:pw@example.org/"]
)
def test_other_schemes_and_credentials_are_refused(url):
    with pytest.raises(FetchError):
        fetch(url)


def test_public_addresses():
    assert is_public_address("93.184.216.34")
    assert not is_public_address("172.16.0.1")
    assert not is_public_address("fe80::1")


def test_conditional_get_returns_not_modified(web_server):
    url = web_server.add(
        "/feed.xml",
        b"<rss/>",
        content_type="application/rss+xml",
        etag='"v1"',
        last_modified="Mon, 03 Feb 2025 10:00:00 GMT",
    )
    first = fetch(url)
    again = fetch(url, etag=first.etag, last_modified=first.last_modified)
    assert (first.status, first.etag) == (200, '"v1"')
    assert again.not_modified
    assert web_server.requests_to("/feed.xml")[1]["If-None-Match"] == '"v1"'


def test_the_connected_address_is_checked_too(web_server, settings, monkeypatch):
    """A name that resolved to a public address for the check and to a private one for the
    connection (DNS rebinding) is refused once connected."""
    url = web_server.add_page("/en.html", "en-article.html")
    settings.FETCH_ALLOWED_PRIVATE_HOSTS = []
    monkeypatch.setattr("ingest.fetching.check_url", lambda url: ("127.0.0.1", web_server.port))
    with pytest.raises(FetchError, match=r"private, loopback or link-local address \(127.0.0.1\)"):
        fetch(url)
