"""The client's address as the login throttle should see it.

Behind a reverse proxy every request comes from the proxy's address, which would make one
editor's typos lock out the whole newsroom. The proxy appends the real client to
X-Forwarded-For; with `DJANGO_TRUSTED_PROXY_COUNT=n` we read the n-th entry from the right,
the one our own proxy wrote. Entries further left are whatever the client sent and are ignored,
so a forged header cannot dodge the throttle.
"""

from django.conf import settings
from django.http import HttpRequest


def client_ip_address(request: HttpRequest) -> str | None:
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if proxies > 0 and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
