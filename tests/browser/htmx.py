"""Wait for htmx itself, not for the network: Playwright's "networkidle" is reached once per
document, so after an htmx swap or a history restore it returns at once and the next step races
the response still on its way."""

from playwright.sync_api import Page

# Installed before any page script runs: counts htmx's requests in flight (an aborted request
# ends with htmx:afterRequest too) and the history restores it has finished.
TRACK_HTMX = """
window.htmxTracker = {requests: new Set(), restoring: false, restores: 0};
document.addEventListener("htmx:beforeSend", (event) => {
  window.htmxTracker.requests.add(event.detail.xhr);
});
document.addEventListener("htmx:afterRequest", (event) => {
  window.htmxTracker.requests.delete(event.detail.xhr);
});
document.addEventListener("htmx:historyCacheMiss", () => { window.htmxTracker.restoring = true; });
document.addEventListener("htmx:historyCacheMissLoadError", () => {
  window.htmxTracker.restoring = false;
});
document.addEventListener("htmx:historyRestore", () => {
  window.htmxTracker.restoring = false;
  window.htmxTracker.restores += 1;
});
"""

IDLE = "() => window.htmxTracker.requests.size === 0 && !window.htmxTracker.restoring"


def track_htmx(page: Page) -> Page:
    page.add_init_script(TRACK_HTMX)
    return page


def wait_for_htmx(page: Page) -> None:
    """Until every htmx request sent so far has been answered and swapped in."""
    page.wait_for_function(IDLE)


def go_back(page: Page) -> None:
    """Back, then wait until htmx has restored that entry's page from the server."""
    _traverse(page, page.go_back)


def go_forward(page: Page) -> None:
    _traverse(page, page.go_forward)


def _traverse(page: Page, move) -> None:
    wait_for_htmx(page)
    restores = page.evaluate("window.htmxTracker.restores")
    move()
    page.wait_for_function(f"() => window.htmxTracker.restores > {restores}")
    wait_for_htmx(page)
