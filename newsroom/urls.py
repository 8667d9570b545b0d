"""The site's URLs.

`set_language` is exempt from CSRF: its form is on every reading page, and a CSRF token there
would set a cookie (and `Vary: Cookie`) on every anonymous page, which no shared cache stores.
A forged post can only switch a reader's interface language.
"""

from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("articles/", include("articles.urls")),
    path("", include("timeline.urls")),
]
