"""Settings for the test suite: production settings with a throwaway secret key."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from newsroom.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Each test process keeps its own cache: parallel runs and other checkouts never share entries.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The test client and the live server speak plain http.
SECURE_SSL_REDIRECT = False

# Static files come straight from the finders: the suite never runs collectstatic, and WhiteNoise
# would warn on every request-handling test that STATIC_ROOT does not exist.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Fetching: no pause between requests to the tests' own server, and short limits to hit.
FETCH_HOST_DELAY = 0
FETCH_READ_TIMEOUT = 1.0
FETCH_TOTAL_SECONDS = 5.0
FETCH_MAX_BYTES = 1024 * 1024

# Background jobs run at once, in the test's own transaction.
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
