"""Take the README's screenshots from a running server.

DJANGO_DEBUG=1 .venv/bin/python manage.py runserver 127.0.0.1:8011 &
.venv/bin/python -m tests.browser.screenshots http://127.0.0.1:8011
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.chromium import launch

OUTPUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PAGES = {"timeline": "/", "actor": "/actors/nayib-bukele/"}
WIDTHS = (1280, 375)


def take_screenshots(base_url: str) -> list[Path]:
    OUTPUT.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for width in WIDTHS:
            page = browser.new_page(viewport={"width": width, "height": 900})
            for name, path in PAGES.items():
                page.goto(base_url.rstrip("/") + path)
                target = OUTPUT / f"{name}-{width}.png"
                page.screenshot(path=target, full_page=False)
                written.append(target)
            page.close()
        browser.close()
    return written


if __name__ == "__main__":
    for path in take_screenshots(sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8011"):
        print(path)
