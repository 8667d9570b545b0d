"""Static files in production: hashed names, compressed copies and caching for a year, served by
WhiteNoise from what `collectstatic` wrote (nothing from a CDN)."""

import json

from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from whitenoise.middleware import WhiteNoiseMiddleware

PRODUCTION_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def test_collected_static_files_are_hashed_compressed_and_cached_for_a_year(tmp_path):
    with override_settings(
        STATIC_ROOT=tmp_path, STORAGES=PRODUCTION_STORAGES, WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
    ):  # fmt: skip
        call_command("collectstatic", interactive=False, verbosity=0)
        manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
        hashed = manifest["vendor/htmx-2.0.10.min.js"]
        assert hashed != "vendor/htmx-2.0.10.min.js"
        assert (tmp_path / f"{hashed}.gz").exists()

        middleware = WhiteNoiseMiddleware(lambda request: HttpResponse(status=404))
        request = RequestFactory().get(f"/static/{hashed}", headers={"Accept-Encoding": "gzip"})
        response = middleware(request)

        assert response.status_code == 200
        assert response["Content-Encoding"] == "gzip"
        assert "immutable" in response["Cache-Control"]
        assert "max-age=315360000" in response["Cache-Control"]
        assert "Accept-Encoding" in response["Vary"]
