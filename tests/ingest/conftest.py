"""The ingest tests' own web server, and the setting that lets the fetcher reach it."""

import pytest

from tests.ingest.web_server import WebServer


@pytest.fixture
def web_server(settings):
    """A server on an ephemeral port of 127.0.0.1, allowed as a private host for this test."""
    server = WebServer().start()
    settings.FETCH_ALLOWED_PRIVATE_HOSTS = [server.host]
    yield server
    server.stop()
