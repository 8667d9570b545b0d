"""A small HTTP client for the benchmark: one request per connection, cookies kept regardless
of their Secure flag (the benchmark speaks plain http to 127.0.0.1), and the admin's forms read
back into the fields a browser would submit."""

import http.client
import time
import urllib.parse
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: str
    seconds: float


@dataclass
class Client:
    host: str
    port: int
    cookies: dict[str, str] = field(default_factory=dict)
    timeout: float = 30

    def request(
        self, method: str, path: str, data: list[tuple[str, str]] | None = None, **headers
    ) -> Response:
        body = urllib.parse.urlencode(data or []) if method == "POST" else None
        headers = {k.replace("_", "-"): v for k, v in headers.items()}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"http://{self.host}:{self.port}{path}"
        connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            raw = connection.getresponse()
            text = raw.read().decode("utf-8", "replace")
        finally:
            connection.close()
        elapsed = time.perf_counter() - started
        for header, value in raw.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, text, elapsed)

    def get(self, path: str, **headers) -> Response:
        return self.request("GET", path, **headers)

    def post(self, path: str, data: list[tuple[str, str]]) -> Response:
        return self.request("POST", path, data)


class FormFields(HTMLParser):
    """The fields of the page's main form as a browser would submit them, without submit
    buttons: checked boxes, selected options, textareas, hidden inline management forms."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[tuple[str, str]] = []
        self.select: str | None = None
        self.textarea: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        if tag == "form":
            self.inside = names.get("id") == self.form_id
        if not self.inside:
            return
        name = names.get("name")
        kind = (names.get("type") or "text").lower()
        if tag == "input" and name and kind not in {"submit", "button", "file", "image"}:
            if kind not in {"checkbox", "radio"} or "checked" in names:
                self.fields.append(
                    (name, names.get("value") or ("on" if kind == "checkbox" else ""))
                )
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and "selected" in names:
            self.fields.append((self.select, names.get("value", "")))
        elif tag == "textarea" and name:
            self.textarea, self.text = name, []

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            self.fields.append((self.textarea, "".join(self.text).removeprefix("\n")))
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.text.append(data)


def form_fields(html: str, form_id: str) -> list[tuple[str, str]]:
    parser = FormFields(form_id)
    parser.feed(html)
    return parser.fields


def replace_fields(fields: list[tuple[str, str]], **values: str) -> list[tuple[str, str]]:
    kept = [(name, value) for name, value in fields if name not in values]
    return kept + list(values.items())
