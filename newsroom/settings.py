"""Settings for Newsroom Timeline, read from the environment.

`DATABASE_URL` selects PostgreSQL (postgres://…); without it a SQLite file in the project folder
is used. `DJANGO_DEBUG` is off unless set; with debug off `DJANGO_SECRET_KEY` is required.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name, "").strip().lower()
    return value in {"1", "true", "yes", "on"} if value else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_flag("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            "(set DJANGO_DEBUG=1 for local development)."
        )
    SECRET_KEY = "django-insecure-local-development-only"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# The public address, for links that leave the site (the CSV's sources, TimelineJS, iCalendar):
# "https://timeline.example.org". Unset: the address each request came to.
SITE_URL = os.environ.get("DJANGO_SITE_URL", "").strip().removesuffix("/")
if SITE_URL and not SITE_URL.startswith(("https://", "http://")):
    raise ImproperlyConfigured("DJANGO_SITE_URL must start with https:// (or http://).")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "reversion",
    "axes",
    "articles",
    "timeline",
    "editorial",
    "search",
    "django_tasks_db",
    "ingest",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "newsroom.middleware.DatabaseUnavailableMiddleware",
    "search.limits.SearchTimeLimitMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "newsroom.middleware.vary_on_htmx_middleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "newsroom.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
            ],
        },
    },
]

WSGI_APPLICATION = "newsroom.wsgi.application"
ASGI_APPLICATION = "newsroom.asgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's backend, which still serves readers from a read-only file (see its docstring).
    DATABASES["default"]["ENGINE"] = "newsroom.sqlite_backend"
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
        "PRAGMA busy_timeout=5000;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# Each statement of a request that searches (a `q` in its query string) may run this long;
# then the reader is asked for a more specific search (see `search.limits`).
SEARCH_TIME_LIMIT_MS = int(os.environ.get("DJANGO_SEARCH_TIME_LIMIT_MS", "3000"))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache for every gunicorn worker (and every process on the machine): the timeline's counts
# and facets are computed once per data version, not once per worker. Files, so nothing extra
# runs; the key prefix keeps two databases served from one folder apart.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("DJANGO_CACHE_DIR", str(BASE_DIR / ".cache")),
        "KEY_PREFIX": ":".join(
            str(DATABASES["default"].get(key, "")) for key in ("ENGINE", "HOST", "PORT", "NAME")
        ),
        "OPTIONS": {"MAX_ENTRIES": 10_000},
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The reader's choice (the language cookie set by `set_language`), else Accept-Language.
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Security. Production defaults; `DJANGO_DEBUG=1` (local development over plain http) relaxes
# only what needs https. Behind a proxy, it must set X-Forwarded-Proto (and X-Forwarded-For).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_flag("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 12
SECURE_HSTS_SECONDS = 0 if DEBUG else int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_flag("DJANGO_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env_flag("DJANGO_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The origins whose pages may frame the embeddable timeline (`/embed/`), e.g.
# "https://news.example.org"; every other page stays unframeable.
EMBED_ALLOWED_ORIGINS = env_list("DJANGO_EMBED_ALLOWED_ORIGINS")

# Scripts only from our own files (or carrying the page's nonce); no inline styles, handlers or
# eval anywhere, the admin included. htmx is told not to inject its indicator <style>.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

# Admin login throttling (django-axes): five failures for one username from one address lock
# that pair out for 15 minutes; a success clears the count. Attempts are kept in the database,
# so every gunicorn worker sees them.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# A locked-out login gets a page in the admin's look saying how long the lock lasts.
AXES_LOCKOUT_CALLABLE = "newsroom.throttle.lockout_response"  # the page, with Retry-After
# The only login is the admin's: after it, an unsafe or missing `next` leads to the admin index
# (Django's default, /accounts/profile/, does not exist here).
LOGIN_REDIRECT_URL = "admin:index"
AXES_CLIENT_IP_CALLABLE = "newsroom.client_ip.client_ip_address"
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))

# Fetching articles and feeds from the web (`ingest/fetching.py`): addresses resolving to
# private, loopback or link-local networks are refused except these `host:port` pairs (tests,
# intranets).
FETCH_ALLOWED_PRIVATE_HOSTS = env_list("DJANGO_FETCH_ALLOWED_PRIVATE_HOSTS")
# Seconds between two requests to one host, per process (politeness; 0 for benchmarks).
FETCH_HOST_DELAY = float(os.environ.get("DJANGO_FETCH_HOST_DELAY", "1"))

# Background jobs (imports, feed polls) through Django's Tasks framework, stored in the database
# and run by `manage.py db_worker` (django-tasks-db); any other django.tasks backend will do.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
