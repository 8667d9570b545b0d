"""The login throttle's answer: editorial's lockout page, with `Retry-After`.

A 429 should say when to try again (RFC 6585); clients, scripts and proxies read the header,
not the page. django-axes locks an account and address for `AXES_COOLOFF_TIME` after the
failure that reached the limit, so that is how long a retry is pointless.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from editorial.accounts import lockout_response as lockout_page


def lockout_response(
    request: HttpRequest, original_response=None, credentials=None
) -> HttpResponse:
    response = lockout_page(request, original_response, credentials)
    response["Retry-After"] = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    return response
