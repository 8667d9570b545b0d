"""A small web server for the ingest tests and benchmarks: pages and feeds written for them,
and the misbehaving servers a fetcher must survive, on an ephemeral port of 127.0.0.1.

`routes` maps a path to a `Route`; a few paths misbehave on purpose: `/loop/a` and `/loop/b`
redirect to each other, `/huge` streams up to 2 GB without a length, `/slow` waits before
answering, `/redirect?to=URL` redirects anywhere.
"""

import contextlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

PAGES = Path(__file__).resolve().parents[1] / "data" / "web"
HUGE_BYTES = 2 * 1024**3
SLOW_SECONDS = 4.0


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str = ""
    last_modified: str = ""


class WebServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.stopping = threading.Event()
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.host = f"127.0.0.1:{self.port}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def start(self) -> "WebServer":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        return f"http://{self.host}{path}"

    def add(self, path: str, body: bytes | str, **options) -> str:
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.routes[path] = Route(body, **options)
        return self.url(path)

    def add_page(self, path: str, file_name: str, **options) -> str:
        return self.add(path, (PAGES / file_name).read_bytes(), **options)

    def requests_to(self, path: str) -> list[dict[str, str]]:
        return [headers for requested, headers in self.requests if requested == path]

    def _handler_class(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format, *args) -> None:
                pass

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                server.requests.append((parts.path, dict(self.headers)))
                special = {
                    "/loop/a": lambda: self._redirect("/loop/b"),
                    "/loop/b": lambda: self._redirect("/loop/a"),
                    "/huge": self._huge,
                    "/slow": self._slow,
                    "/redirect": lambda: self._redirect(parse_qs(parts.query)["to"][0]),
                }
                if parts.path in special:
                    special[parts.path]()
                elif route := server.routes.get(parts.path):
                    self._route(route)
                else:
                    self._send(404, b"not found", "text/plain")

            def _route(self, route: Route) -> None:
                validators = {}
                if route.etag:
                    validators["ETag"] = route.etag
                if route.last_modified:
                    validators["Last-Modified"] = route.last_modified
                unchanged = (route.etag and self.headers.get("If-None-Match") == route.etag) or (
                    route.last_modified
                    and self.headers.get("If-Modified-Since") == route.last_modified
                )
                if unchanged:
                    self._send(304, b"", route.content_type, validators)
                else:
                    headers = {**route.headers, **validators}
                    self._send(route.status, route.body, route.content_type, headers)

            def _send(self, status, body: bytes, content_type: str, headers=None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def _redirect(self, location: str) -> None:
                self._send(302, b"", "text/plain", {"Location": location})

            def _huge(self) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()
                chunk = b"<p>" + b"x" * 65_530 + b"</p>"
                sent = 0
                try:
                    while sent < HUGE_BYTES and not server.stopping.is_set():
                        self.wfile.write(chunk)
                        sent += len(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _slow(self) -> None:
                deadline = time.monotonic() + SLOW_SECONDS
                while time.monotonic() < deadline and not server.stopping.is_set():
                    time.sleep(0.05)
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self._send(200, b"<p>too late</p>", "text/html")

        return Handler


@pytest.fixture
def web_server(settings):
    """A server on an ephemeral port of 127.0.0.1, allowed as a private host for this test."""
    server = WebServer().start()
    settings.FETCH_ALLOWED_PRIVATE_HOSTS = [server.host]
    yield server
    server.stop()
