"""Polite and safe fetching of web pages and feeds.

httpx rather than urllib3/requests: explicit connect/read/write/pool timeouts, a streaming body
we can cut off, no environment proxies (`trust_env=False`, so a proxy cannot carry a request
past the address checks), and the connected peer's address (`network_stream`) to check after
connecting, which catches a name that resolved to a public address for our check and to a
private one for the connection (DNS rebinding).

Every hop of a redirect is checked again: scheme, host, the addresses the host resolves to.
Requests to one host are made one at a time with a pause between them (per process; several
workers each keep their own pause).
"""

import codecs
import ipaddress
import re
import socket
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx
from django.conf import settings
from django.utils.translation import gettext as _

from ingest.errors import FetchError

DEFAULTS = {
    "FETCH_CONNECT_TIMEOUT": 5.0,
    "FETCH_READ_TIMEOUT": 15.0,
    "FETCH_TOTAL_SECONDS": 30.0,
    "FETCH_MAX_BYTES": 5 * 1024 * 1024,
    "FETCH_MAX_REDIRECTS": 5,
    "FETCH_HOST_DELAY": 1.0,
    "FETCH_USER_AGENT": (
        "NewsroomTimeline/0.1 (a newsroom's timeline of events; fetches articles an editor "
        "chose and the feeds they follow, one request at a time per host)"
    ),
}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
# Browsers read these labels as Windows-1252 (WHATWG Encoding Standard); so do we, so that a
# page that says Latin-1 and uses curly quotes (0x93, 0x94) is read as its readers see it.
WINDOWS_1252_LABELS = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii"}


def setting(name: str):
    return getattr(settings, name, DEFAULTS[name])


@dataclass
class FetchedPage:
    url: str  # after redirects
    status: int
    content: bytes = b""
    content_type: str = ""
    encoding: str = ""
    etag: str = ""
    last_modified: str = ""
    redirects: list[str] = field(default_factory=list)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def text(self) -> str:
        return self.content.decode(self.encoding or "utf-8", errors="replace")


def allowed_private_hosts() -> set[str]:
    return {entry.strip().lower() for entry in settings.FETCH_ALLOWED_PRIVATE_HOSTS}


def is_public_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_url(url: str) -> tuple[str, int]:
    """The host and port to connect to, or FetchError when the URL must not be fetched."""
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"}:
        raise FetchError(_("only http and https addresses can be fetched: %(url)s") % {"url": url})
    if parts.username or parts.password:
        raise FetchError(_("addresses with a user name or password are not fetched"))
    host = (parts.hostname or "").lower()
    if not host:
        raise FetchError(_("the address has no host: %(url)s") % {"url": url})
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise FetchError(_("the address has a bad port: %(url)s") % {"url": url}) from error
    if host_is_allowed_private(host, port):
        return host, port
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)}
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(_("the host %(host)s was not found") % {"host": host}) from error
    refuse_private(host, addresses)
    return host, port


def host_is_allowed_private(host: str, port: int) -> bool:
    bracketed = f"[{host}]" if ":" in host else host
    return f"{bracketed}:{port}" in allowed_private_hosts()


def refuse_private(host: str, addresses: Iterable[str]) -> None:
    for address in addresses:
        if not is_public_address(address):
            raise FetchError(
                _(
                    "%(host)s resolves to a private, loopback or link-local address "
                    "(%(address)s); such addresses are not fetched"
                )
                % {"host": host, "address": address}
            )


class HostGate:
    """One request at a time to a host, and a pause between two of them."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.last_done = 0.0

    def __enter__(self) -> "HostGate":
        self.lock.acquire()
        wait = self.last_done + setting("FETCH_HOST_DELAY") - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        return self

    def __exit__(self, *exc_info) -> None:
        self.last_done = time.monotonic()
        self.lock.release()


_gates: dict[str, HostGate] = {}
_gates_lock = threading.Lock()


def host_gate(host: str, port: int) -> HostGate:
    with _gates_lock:
        return _gates.setdefault(f"{host}:{port}", HostGate())


def fetch(
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    accept: str = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
) -> FetchedPage:
    """GET the URL politely; conditional when `etag` or `last_modified` is given (a 304 comes
    back as a page with `not_modified`). Raises FetchError saying why it failed."""
    headers = {"User-Agent": setting("FETCH_USER_AGENT"), "Accept": accept}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    timeout = httpx.Timeout(setting("FETCH_READ_TIMEOUT"), connect=setting("FETCH_CONNECT_TIMEOUT"))
    deadline = time.monotonic() + setting("FETCH_TOTAL_SECONDS")
    redirects: list[str] = []
    with httpx.Client(timeout=timeout, follow_redirects=False, trust_env=False) as client:
        while True:
            host, port = check_url(url)
            with host_gate(host, port):
                page, location = _get_once(client, url, headers, deadline)
            if location is None:
                page.redirects = redirects
                return page
            redirects.append(url)
            url = urljoin(url, location)
            if url in redirects:
                raise FetchError(_("redirect loop at %(url)s") % {"url": url})
            if len(redirects) > setting("FETCH_MAX_REDIRECTS"):
                raise FetchError(
                    _("more than %(count)s redirects") % {"count": setting("FETCH_MAX_REDIRECTS")}
                )


def _get_once(client: httpx.Client, url: str, headers: dict, deadline: float):
    try:
        with client.stream("GET", url, headers=headers) as response:
            _check_peer(response, url)
            if response.status_code in REDIRECT_STATUSES and "location" in response.headers:
                return None, response.headers["location"]
            if response.status_code == 304:
                return _page(response, b""), None
            if response.status_code >= 400:
                raise FetchError(
                    _("the server answered %(status)s %(reason)s")
                    % {"status": response.status_code, "reason": response.reason_phrase}
                )
            return _page(response, _read_limited(response, deadline)), None
    except httpx.TimeoutException as error:
        raise FetchError(_("the server did not answer in time")) from error
    except httpx.HTTPError as error:
        message = _("the page could not be fetched: %(error)s") % {"error": error}
        raise FetchError(message) from error


def _check_peer(response: httpx.Response, url: str) -> None:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    port = parts.port or (443 if parts.scheme == "https" else 80)
    if host_is_allowed_private(host, port):
        return
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if peer:
        refuse_private(host, [peer[0]])


def _read_limited(response: httpx.Response, deadline: float) -> bytes:
    limit = setting("FETCH_MAX_BYTES")
    too_large = FetchError(
        _("the page is larger than %(limit)s bytes; it was not read") % {"limit": f"{limit:,}"}
    )
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise too_large
        if time.monotonic() > deadline:
            raise FetchError(_("the page took too long to arrive; it was not read"))
        chunks.append(chunk)
    return b"".join(chunks)


def _page(response: httpx.Response, content: bytes) -> FetchedPage:
    content_type = response.headers.get("content-type", "")
    return FetchedPage(
        url=str(response.url),
        status=response.status_code,
        content=content,
        content_type=content_type.split(";", 1)[0].strip().lower(),
        encoding=declared_encoding(content_type, content),
        etag=response.headers.get("etag", ""),
        last_modified=response.headers.get("last-modified", ""),
    )


def declared_encoding(content_type: str, content: bytes) -> str:
    """The encoding the server or the document declares (header, then `<meta charset>` or the
    XML declaration); without one, UTF-8 when the bytes are UTF-8, else Windows-1252."""
    label = ""
    if match := re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.I):
        label = match.group(1)
    elif match := META_CHARSET.search(content[:4096]) or XML_ENCODING.search(content[:200]):
        label = match.group(1).decode("ascii")
    return normalise_encoding(label, content)


def normalise_encoding(label: str, content: bytes) -> str:
    label = label.strip().lower()
    if label in WINDOWS_1252_LABELS:
        return "cp1252"
    if label:
        try:
            return codecs.lookup(label).name
        except LookupError:
            pass
    try:
        content.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8"
