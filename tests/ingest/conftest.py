"""The ingest tests' own web server (the fixture lives beside it, for the browser tests too)."""

from tests.ingest.web_server import web_server  # noqa: F401
