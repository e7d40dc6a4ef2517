"""Settings for Toezeggingen, read from the environment (see .env.example).

With nothing set it runs embedded: SQLite, Celery tasks eager in-process, mail to the console.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)


def _env_bool(name: str, default: bool) -> bool:
    raw = env.str(name, default="")
    if raw == "":
        return default
    if raw.lower() in ("1", "true", "yes", "on"):
        return True
    if raw.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def _env_int(name: str, default: int) -> int:
    raw = env.str(name, default="")
    if raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from None


# DEBUG is on by default only in the embedded tier: a deployment that sets DATABASE_URL and
# forgets DEBUG must not show tracebacks or run on the published development key.
DEBUG = _env_bool("DEBUG", not env.str("DATABASE_URL", default=""))
# The embedded default is for a laptop; a deployment sets its own key and DEBUG=false.
SECRET_KEY = env.str("SECRET_KEY", default="insecure-dev-key-only-for-the-embedded-default")
if not SECRET_KEY.strip():
    # An empty SECRET_KEY= would pass start-up and turn every request into a 500.
    raise ImproperlyConfigured("SECRET_KEY is set but empty; set a long random key.")
if not DEBUG and SECRET_KEY.startswith("insecure-"):
    raise ImproperlyConfigured("Set SECRET_KEY when DEBUG is off.")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "ninja",  # only so its Swagger UI is served from our static files, not a CDN
    "commitments",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "tracker.middleware.DutchFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "tracker.urls"
WSGI_APPLICATION = "tracker.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "commitments.context_processors.review_count",
            ],
        },
    },
]

# Database: SQLite file by default; DATABASE_URL (postgres://...) in deployment.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")
}
if not env.str("DATABASE_URL", default=""):
    (BASE_DIR / "var").mkdir(exist_ok=True)  # the embedded default's home on a fresh clone
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Persistent connections: a new connection per request costs more than the list query.
    DATABASES["default"]["CONN_MAX_AGE"] = _env_int("CONN_MAX_AGE", 60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
else:
    DATABASES["default"].setdefault("OPTIONS", {})
    # Wait for a lock instead of failing at once when a task and a request write together.
    DATABASES["default"]["OPTIONS"].setdefault("timeout", 20)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "commitments:list"
LOGOUT_REDIRECT_URL = "commitments:list"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "var" / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Uploads and imports: larger files are refused with a clear error.
LETTER_MAX_BYTES = _env_int("LETTER_MAX_BYTES", 50 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# One cache for every process: the overview's numbers are counted by a worker and served by the
# web processes, so production points CACHE_URL at Redis (redis://127.0.0.1:6379/1); the
# embedded default keeps them in the process, where the eager tasks run too.
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}

# Mail: console by default; EMAIL_URL (smtp://user:pass@host:port) in deployment.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Toezeggingen <noreply@localhost>")

# Celery: eager in-process without a broker; real workers and beat with CELERY_BROKER_URL.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="memory://")
CELERY_TASK_ALWAYS_EAGER = _env_bool(
    "CELERY_TASK_ALWAYS_EAGER", CELERY_BROKER_URL.startswith("memory://")
)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# With acks_late, a task whose worker died is redelivered after this many seconds (Redis).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": _env_int("CELERY_VISIBILITY_TIMEOUT", 3600),
}
CELERY_BEAT_SCHEDULE = {
    "flag-overdue-commitments-daily": {
        "task": "commitments.tasks.flag_overdue_task",
        "schedule": crontab(hour=6, minute=0),
    },
    "send-weekly-digests-monday": {
        "task": "commitments.tasks.create_digests_task",
        "schedule": crontab(hour=8, minute=0, day_of_week="mon"),
    },
    "requeue-stuck-digests": {
        "task": "commitments.tasks.requeue_stuck_digests_task",
        "schedule": dt.timedelta(seconds=_env_int("DIGEST_REAPER_EVERY_SECONDS", 300)),
    },
    # Keeps the home page's numbers counted ahead of its visitors (counting only on a change).
    "refresh-overview": {
        "task": "commitments.tasks.refresh_overview_task",
        "schedule": dt.timedelta(seconds=_env_int("OVERVIEW_REFRESH_EVERY_SECONDS", 300)),
    },
    "sync-tweede-kamer-open-data-hourly": {
        "task": "commitments.tasks.sync_tk_task",
        "schedule": dt.timedelta(seconds=_env_int("TK_SYNC_EVERY_SECONDS", 3600)),
    },
}

# Weekly digests: a send still "sending" after this long is taken to be dead and requeued.
DIGEST_STUCK_AFTER_SECONDS = _env_int("DIGEST_STUCK_AFTER_SECONDS", 15 * 60)
DIGEST_SEND_MAX_RETRIES = _env_int("DIGEST_SEND_MAX_RETRIES", 5)
# Signed unsubscribe links in mails stop working after this many seconds.
DIGEST_UNSUBSCRIBE_MAX_AGE = _env_int("DIGEST_UNSUBSCRIBE_MAX_AGE", 90 * 24 * 3600)

# Tweede Kamer open data (issue 9): `manage.py synctk` and the beat task above follow the
# OData API from a stored cursor.
TK_ODATA_URL = env.str(
    "TK_ODATA_URL", default="https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0"
).rstrip("/")
# The Soorten of Document that are letters of the government (ministers, state secretaries).
TK_LETTER_SOORTEN = env.list(
    "TK_LETTER_SOORTEN",
    default=["Brief regering", "Antwoord schriftelijke vragen", "Mededeling (uitstel antwoord)"],
)
# The change timestamp the cursor follows: ApiGewijzigdOp (when the API got the change) or
# GewijzigdOp (when the Kamer made it).
TK_SYNC_TIMESTAMP_FIELD = env.str("TK_SYNC_TIMESTAMP_FIELD", default="ApiGewijzigdOp")
if TK_SYNC_TIMESTAMP_FIELD not in ("ApiGewijzigdOp", "GewijzigdOp"):
    raise ImproperlyConfigured("TK_SYNC_TIMESTAMP_FIELD must be ApiGewijzigdOp or GewijzigdOp")
# Where a first run starts without --since (YYYY-MM-DD); empty: the whole history.
TK_SYNC_SINCE = env.str("TK_SYNC_SINCE", default="")
# Clean text of Kamerstukken (kst-<dossier>-<volgnummer>.html), preferred over the PDF.
TK_OFFICIELE_BEKENDMAKINGEN_URL = env.str(
    "TK_OFFICIELE_BEKENDMAKINGEN_URL", default="https://zoek.officielebekendmakingen.nl"
).rstrip("/")
# The public page of a document, linked from the letter.
TK_PUBLIC_URL = env.str("TK_PUBLIC_URL", default="https://www.tweedekamer.nl").rstrip("/")
# Network: seconds per request, attempts on 5xx/429/timeouts, longest wait between them.
TK_HTTP_TIMEOUT = _env_int("TK_HTTP_TIMEOUT", 30)
TK_HTTP_ATTEMPTS = _env_int("TK_HTTP_ATTEMPTS", 5)
TK_HTTP_MAX_WAIT = _env_int("TK_HTTP_MAX_WAIT", 300)
# A run that has not renewed its claim on a cursor for this long is taken to be dead.
TK_SYNC_LEASE_SECONDS = _env_int("TK_SYNC_LEASE_SECONDS", 1800)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}


# --- Hardening: login throttling, HTTPS and a Content-Security-Policy (issue 12) -------------
# Kept together so that merges with other branches stay easy. Each is on by default when DEBUG
# is off (so `check --deploy` finds nothing) and can be switched in .env, e.g. for a
# plain-HTTP intranet: SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false
# CSRF_COOKIE_SECURE=false SECURE_HSTS_SECONDS=0.
INSTALLED_APPS += ["axes"]
# Axes refuses a locked-out login before the password is checked; it must come first.
AUTHENTICATION_BACKENDS = [
    "tracker.security.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "csp.middleware.CSPMiddleware",
)
# Turns a refused login into the lockout page; last, as django-axes asks.
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]

# Zip-based letters (.docx) are checked before unpacking (commitments/importers/archive.py):
# entries, everything unpacked (python-docx holds it all in memory), and the XML parts, which
# lxml turns into trees of about eight times their size. A zip bomb is refused in milliseconds.
LETTER_MAX_ZIP_ENTRIES = _env_int("LETTER_MAX_ZIP_ENTRIES", 1000)
LETTER_MAX_UNZIPPED_BYTES = _env_int("LETTER_MAX_UNZIPPED_BYTES", 100 * 1024 * 1024)
LETTER_MAX_XML_BYTES = _env_int("LETTER_MAX_XML_BYTES", 20 * 1024 * 1024)

# Password guessing: after AXES_FAILURE_LIMIT wrong passwords for one account, or from one
# address, logins are refused for AXES_COOLOFF_MINUTES. Staff unlock in the admin (Access
# attempts) or with `manage.py axes_reset_username NAME` / `axes_reset_ip ADDRESS`.
AXES_FAILURE_LIMIT = _env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = dt.timedelta(minutes=_env_int("AXES_COOLOFF_MINUTES", 30))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # no banner on every manage.py command
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Behind a reverse proxy the address is in X-Forwarded-For; trusted only this many hops deep.
TRUSTED_PROXY_COUNT = _env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "tracker.security.client_ip"

SECURE_SSL_REDIRECT = _env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = _env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = _env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = _env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = _env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
# Behind a proxy that ends TLS: "HTTP_X_FORWARDED_PROTO,https" (only if the proxy sets it).
_proxy_ssl_header = env.list("SECURE_PROXY_SSL_HEADER", default=[])
if _proxy_ssl_header and len(_proxy_ssl_header) != 2:
    raise ImproperlyConfigured(
        "SECURE_PROXY_SSL_HEADER must be a header and a value, e.g. HTTP_X_FORWARDED_PROTO,https"
    )
SECURE_PROXY_SSL_HEADER = tuple(_proxy_ssl_header) if _proxy_ssl_header else None

# Content-Security-Policy (django-csp): the pages load scripts, styles and images only from
# this site, and no inline script or style runs; letter text is untrusted, so an injection
# that slipped past escaping still could not execute. CSP_REPORT_ONLY=true to try it out.
_csp = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
if _env_bool("CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _csp
else:
    CONTENT_SECURITY_POLICY = _csp
