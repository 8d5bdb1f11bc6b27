"""Settings, read from the environment only (see .env.example)."""

import os
import re
from datetime import timedelta
from email.utils import getaddresses
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from boardpack.lib.sso_settings import sso_settings

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent


def env_str(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def origin_of(url: str) -> str:
    """scheme://host[:port] of a URL, as browsers send it in the Origin header."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def admins_from(raw: str) -> list[tuple[str, str]]:
    """ "Name <address>, address" as Django's ADMINS: (name, address) pairs."""
    return [(name or address, address) for name, address in getaddresses([raw]) if address]


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit():
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.")
    return int(raw)


DEBUG = env_bool("DEBUG", default=False)
_DEV_SECRET = "insecure-development-key-only-for-debug-and-tests"
SECRET_KEY = env_str("SECRET_KEY", _DEV_SECRET if DEBUG else None)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")

_default_db = f"sqlite:///{PROJECT_DIR / 'var' / 'boardpack.sqlite3'}"
# A server process keeps its database connection between requests (DATABASE_CONN_MAX_AGE
# seconds, checked before reuse) instead of opening one a request: PostgreSQL starts a process
# for each connection.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", _default_db),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
# How long an import waits for another of its kind (lib.importing.one_at_a_time); on SQLite
# also how long any write waits for the database's one writer.
BOARDPACK_IMPORT_WAIT_SECONDS = env_int("BOARDPACK_IMPORT_WAIT_SECONDS", 30)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # A transaction takes the write lock when it begins, so two writers wait in turn instead
    # of one failing with "database is locked" when both have read first.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": BOARDPACK_IMPORT_WAIT_SECONDS}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "qsessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "simple_history",
    "govuk_frontend_django",
    "django_htmx",
    "ninja",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "boardpack.accounts",
    "boardpack.scorecard",
    "boardpack.boards",
    "boardpack.plans",
    "boardpack.web",
    "boardpack.reports",
    "boardpack.benchmarks",
    "boardpack.calculated_indicators",
    "boardpack.demo",
    "boardpack.cli",
    "boardpack.api",
    "boardpack.jobs",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "qsessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "boardpack.accounts.sessions.SessionLimitsMiddleware",
    "boardpack.accounts.signin.SignInStepsMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "boardpack.lib.nul.refuse_nul",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "boardpack.urls"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "boardpack.web.context.site",
                "boardpack.web.context.navigation",
            ],
            # GOV.UK components from the govuk-frontend-django package (lib/govuk.py).
            "libraries": {"govuk": "boardpack.lib.govuk_tags"},
        },
    }
]
WSGI_APPLICATION = "boardpack.wsgi.application"

# No maximum length and no forced rotation (NCSC, ASVS 2.1): long passphrases are welcome.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Per process. The scorecard page keys its entries by the data version, so none goes stale.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "TIMEOUT": 24 * 60 * 60,
        "OPTIONS": {"MAX_ENTRIES": 200},
    },
    # The API's answers, keyed by their ETag, which holds the data versions (docs/api.md).
    "api": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "TIMEOUT": 24 * 60 * 60,
        "OPTIONS": {"MAX_ENTRIES": 200},
    },
}

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Static files are served by the app itself (WhiteNoise), from STATIC_ROOT once
# `boardpack collectstatic` has put them there: each under a name holding its hash, compressed
# (gzip, and Brotli when installed), cached by browsers for ever. With DEBUG on, straight from
# the apps' static folders. docs/deploy.md.
STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("BOARDPACK_STATIC_ROOT", str(PROJECT_DIR / "var" / "static")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

BOARDPACK_AUTHORITY_NAME = env_str("BOARDPACK_AUTHORITY_NAME", "Example County Council")
BOARDPACK_STATUS_SCHEME = env_str("BOARDPACK_STATUS_SCHEME", "symbols")
BOARDPACK_AUTHORITY_NUMBER = env_int("BOARDPACK_AUTHORITY_NUMBER", 888)
BOARDPACK_BASE_URL = env_str("BOARDPACK_BASE_URL", "http://127.0.0.1:8000")
# The API's rate limit per token (docs/api.md): requests per s, min, hour or day.
BOARDPACK_API_RATE = env_str("BOARDPACK_API_RATE", "120/min")
if not re.fullmatch(r"[1-9]\d*/\d*(s|sec|m|min|h|hour|d|day)", BOARDPACK_API_RATE):
    raise ImproperlyConfigured(
        f"BOARDPACK_API_RATE must be like 120/min, not {BOARDPACK_API_RATE!r}."
    )
# The largest file the imports and uploads pages take, in MB (docs/security.md).
BOARDPACK_UPLOAD_MAX_MB = env_int("BOARDPACK_UPLOAD_MAX_MB", 50)
# Debian's Chromium prints the PDFs (boardpack.reports.render.pdf): a path, or a name on PATH.
CHROMIUM_PATH = env_str("CHROMIUM_PATH", "/usr/bin/chromium")
# Chromium's sandbox (docs/deploy.md): auto uses it where it can start, on requires it, off
# never uses it.
BOARDPACK_CHROMIUM_SANDBOX = env_str("BOARDPACK_CHROMIUM_SANDBOX", "auto")
if BOARDPACK_CHROMIUM_SANDBOX not in {"auto", "on", "off"}:
    raise ImproperlyConfigured("BOARDPACK_CHROMIUM_SANDBOX must be auto, on or off.")

# E-mail (the update cycle): Django's SMTP backend through the council's relay.
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = 30
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "boardpack@localhost")

# Security: the controls, their settings and why are in docs/security.md.
# One switch for a deployment served over HTTPS (behind a TLS-terminating proxy or not).
BOARDPACK_HTTPS = env_bool("BOARDPACK_HTTPS", default=False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT = BOARDPACK_HTTPS
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60 if BOARDPACK_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_PRELOAD = BOARDPACK_HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BOARDPACK_HTTPS else None
# A health probe from the machine itself asks over plain http, and gets its answer, not a redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
CSRF_TRUSTED_ORIGINS = [origin_of(BOARDPACK_BASE_URL)]
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
PERMISSIONS_POLICY: dict[str, list[str]] = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    )
}

# Sign-in: local passwords (with a second factor) and single sign-on (OpenID Connect).
BOARDPACK_LOCAL_PASSWORDS = env_bool("BOARDPACK_LOCAL_PASSWORDS", default=True)
_sso = sso_settings(os.environ)
vars().update(_sso)
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    *(["boardpack.accounts.sso.SingleSignOnBackend"] if _sso["BOARDPACK_SSO"] else []),
    *(["django.contrib.auth.backends.ModelBackend"] if BOARDPACK_LOCAL_PASSWORDS else []),
]
BOARDPACK_REQUIRE_2FA = env_str("BOARDPACK_REQUIRE_2FA", "officers")
if BOARDPACK_REQUIRE_2FA not in {"officers", "all", "none"}:
    raise ImproperlyConfigured("BOARDPACK_REQUIRE_2FA must be officers, all or none.")
PASSWORD_RESET_TIMEOUT = 2 * 60 * 60
OTP_TOTP_ISSUER = f"Boardpack ({BOARDPACK_AUTHORITY_NAME})"
# Throttling (django-axes): failures are counted per username and, separately, per address.
AXES_FAILURE_LIMIT = env_int("BOARDPACK_LOCKOUT_FAILURES", 10)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("BOARDPACK_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_SENSITIVE_PARAMETERS = ["csrfmiddlewaretoken"]
"""Logged attempts name the username and address; the password (always) and this are masked."""
AXES_IPWARE_PROXY_COUNT = env_int("BOARDPACK_PROXY_COUNT", 0) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if AXES_IPWARE_PROXY_COUNT else ("REMOTE_ADDR",)
)
# Sessions: ended after BOARDPACK_SESSION_IDLE_MINUTES without a request (a request renews it,
# at most once a minute), and BOARDPACK_SESSION_HOURS after sign-in whatever happens; pages warn
# two minutes before the first (accounts/sessions.py, static/boardpack/session-timeout.js).
SESSION_ENGINE = "qsessions.backends.db"
SESSION_COOKIE_AGE = env_int("BOARDPACK_SESSION_IDLE_MINUTES", 15) * 60
BOARDPACK_SESSION_WARNING_SECONDS = 2 * 60
BOARDPACK_SESSION_ABSOLUTE_SECONDS = env_int("BOARDPACK_SESSION_HOURS", 8) * 60 * 60

# Logs go to stdout (the server's log), one JSON object a line (boardpack.lib.json_logs):
# Boardpack's from BOARDPACK_LOG_LEVEL (sign-ins, second factors, sessions, jobs), everything
# else's warnings and errors (django-axes: every failed sign-in and lockout, with username and
# address); a server error with its traceback too, and by e-mail to ADMINS
# (BOARDPACK_ADMINS: "Name <address>, ...") when set.
ADMINS = admins_from(env_str("BOARDPACK_ADMINS", ""))
SERVER_EMAIL = DEFAULT_FROM_EMAIL
_LOG_LEVEL = env_str("BOARDPACK_LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "boardpack.lib.json_logs.JsonFormatter"}},
    "filters": {"production": {"()": "django.utils.log.RequireDebugFalse"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "filters": ["production"],
        },
    },
    "root": {"handlers": ["stdout"], "level": "WARNING"},
    "loggers": {
        "django.request": {"handlers": ["mail_admins"], "level": "ERROR"},
        # runserver's line a request, as JSON on stdout like the rest.
        "django.server": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        "boardpack": {"level": _LOG_LEVEL},
    },
}

# Background jobs (docs/jobs.md): django-tasks' database backend, run by `boardpack worker`.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
BOARDPACK_JOB_FILES = env_str("BOARDPACK_JOB_FILES", str(PROJECT_DIR / "var" / "jobs"))
# A worker records itself alive every few seconds; a running job not heard of for
# BOARDPACK_JOB_STALE_SECONDS is taken as abandoned (its worker was killed) and swept.
BOARDPACK_WORKER_BEAT_SECONDS = env_int("BOARDPACK_WORKER_BEAT_SECONDS", 5)
BOARDPACK_JOB_STALE_SECONDS = env_int("BOARDPACK_JOB_STALE_SECONDS", 60)
# /healthz answers 503 when no worker was seen for this long (docs/deploy.md).
BOARDPACK_HEALTH_WORKER_SECONDS = env_int("BOARDPACK_HEALTH_WORKER_SECONDS", 300)
