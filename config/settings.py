"""Rumbo's settings: every value that varies between deployments is read from the
environment here, and only here (see README, "Configuration")."""

import base64
import os
import secrets
from collections.abc import Callable
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("RUMBO_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


RUMBO_ENV = os.environ.get("RUMBO_ENV", "development")
PRODUCTION = RUMBO_ENV == "production"
DEBUG = os.environ.get("DEBUG", "") == "1" and not PRODUCTION


def secret_setting(name: str, generate: Callable[[], str]) -> str:
    """A secret from the environment. Production has no default: a missing secret must stop
    the server, not weaken it. Development generates it once into var/ and keeps it, so a
    restart keeps sessions valid and encrypted fields readable."""
    if PRODUCTION:
        return os.environ[name]
    if value := os.environ.get(name):
        return value
    path = VAR_DIR / name.lower().removeprefix("rumbo_")
    if not path.exists():
        path.write_text(generate())
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = secret_setting("SECRET_KEY", lambda: secrets.token_urlsafe(50))
# Campaign domains (set in the admin) must be listed too; ".localhost" lets the demo serve
# each campaign on <slug>.localhost, which browsers resolve to this machine.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,.localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    # Serves the API docs' scripts from our own static files instead of a CDN.
    "ninja",
    "huey.contrib.djhuey",
    # Staff two-factor login (TOTP) and lockout after repeated failed logins.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "rumbo.core",
    "rumbo.api",
    "rumbo.accounts",
    "rumbo.campaigns",
    "rumbo.guides",
    "rumbo.plans",
    "rumbo.infopoints",
    "rumbo.opportunities",
    "rumbo.learning",
    "rumbo.audit",
    "rumbo.casework",
    "rumbo.certificates",
    "rumbo.measurement",
    "rumbo.research",
    "rumbo.chat",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # A NUL byte in a query or form is never typed by a person, and PostgreSQL refuses it.
    "rumbo.core.middleware.RefuseNulBytesMiddleware",
    # Counts public page views as daily aggregates (no cookie, address or agent kept);
    # above the page cache, so that cached pages are counted too (rumbo/measurement).
    "rumbo.measurement.middleware.CountingMiddleware",
    # Sets request.campaign from a campaign's own domain or its /c/<slug>/ prefix.
    "rumbo.campaigns.middleware.CampaignSiteMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous public pages from the shared cache (rumbo/core/pagecache.py): before the
    # session, CSRF and auth middleware (a hit skips them) and before gzip (it keeps the
    # gzipped bytes); counting middleware belongs above it, so cached pages are counted.
    "rumbo.core.middleware.PageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Staff sessions end after 30 idle minutes and 12 hours in all (rumbo/accounts).
    "rumbo.accounts.middleware.StaffSessionMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "rumbo.core.middleware.RequestLogMiddleware",
    # django-axes wants to be last: it turns a lockout into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "rumbo.core.context_processors.site",
            ],
        },
    },
]

# Database: an embedded SQLite file by default, PostgreSQL in production.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'rumbo.sqlite3'}"),
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers and one writer work at once (gunicorn workers + the task worker).
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "admin:login"

# Caches and sessions: Redis when configured, otherwise the database, so that several
# app servers behind a load balancer always share them.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "rumbo_cache",
        }
    }
# Public pages (rumbo.core.pagecache) and the versions of the tables they read: shared by
# every process and app server, like the default cache (Redis, else a table of their own).
CACHES["pages"] = (
    CACHES["default"]
    if REDIS_URL
    else {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "rumbo_page_cache",
        "OPTIONS": {"MAX_ENTRIES": 20000},  # type: ignore[dict-item]
    }
)
RUMBO_PAGE_CACHE_ENABLED = os.environ.get("RUMBO_PAGE_CACHE", "1") == "1"
RUMBO_PAGE_CACHE_ALIAS = "pages"
# A stored page is dropped after this long even if nothing it shows changed (a fallback:
# content changes clear the pages that show it at once).
RUMBO_PAGE_CACHE_SECONDS = int(os.environ.get("RUMBO_PAGE_CACHE_SECONDS", "600"))
# How long a reverse proxy or CDN may hold a public page (s-maxage); browsers revalidate.
RUMBO_PAGE_PROXY_SECONDS = int(os.environ.get("RUMBO_PAGE_PROXY_SECONDS", "30"))
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Background work: Huey on a SQLite file by default, on Redis when configured.
HUEY = {
    "name": "rumbo",
    "immediate": False,
    "consumer": {"workers": 2, "worker_type": "thread"},
}
if REDIS_URL:
    HUEY |= {"huey_class": "huey.RedisHuey", "url": REDIS_URL}
else:
    HUEY |= {"huey_class": "huey.SqliteHuey", "filename": str(VAR_DIR / "huey.sqlite3")}

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Spanish by default; Arabic is right-to-left (Django knows it is bidi).
LANGUAGE_CODE = "es"
LANGUAGES = [
    ("es", _("Spanish")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ar", _("Arabic")),
]
MODELTRANSLATION_DEFAULT_LANGUAGE = "es"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("es", "en")
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_HTTPONLY = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "America/Mexico_City"

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    # Uploads: a shared volume at MEDIA_ROOT, or any Django storage backend (for example an
    # object store) named by RUMBO_MEDIA_STORAGE, so app servers keep no state of their own.
    "default": {
        "BACKEND": os.environ.get(
            "RUMBO_MEDIA_STORAGE", "django.core.files.storage.FileSystemStorage"
        )
    },
    # Hashed names, brotli and gzip copies; served by WhiteNoise with a one-year lifetime.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 365 * 24 * 3600

# Security baseline.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
# Django's CSRF refusal, answered with Cache-Control: no-store (it can follow a staff page).
CSRF_FAILURE_VIEW = "rumbo.accounts.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Nothing is ever loaded from a third party: every directive stays on our own origin.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "rumbo@localhost")

# Structured logs (one JSON object a line) that never carry personal data: requests are
# logged by path pattern, never with query strings, bodies or client addresses.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "rumbo.core.logging.JsonFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json"},
        "none": {"class": "logging.NullHandler"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # Every logger writes through the root's JSON handler, whose formatter puts the route in
    # place of any path (Django's own lines name the request's path, which may hold a plan's
    # code): Django's default handlers (plain text, full URLs) are removed, not silenced, so
    # its warnings (CSRF failures, 4xx) and server errors are still logged.
    "loggers": {
        "django": {"handlers": [], "propagate": True},
        "django.request": {"handlers": [], "level": "WARNING", "propagate": True},
        "django.security": {"handlers": [], "propagate": True},
        "django.server": {"handlers": [], "propagate": True},
        # run_huey adds a plain-text handler to a "huey" logger that has none.
        "huey": {"handlers": ["none"], "propagate": True},
        # fpdf2's font subsetting logs dozens of INFO lines for every PDF it draws.
        "fontTools": {"level": "WARNING"},
    },
}

# Rumbo's own settings.
RUMBO_SITE_NAME = os.environ.get("RUMBO_SITE_NAME", "Rumbo")

# Staff authentication (docs/security.md): the lockout backend comes first so that a locked
# account is refused before its password is even checked.
AUTHENTICATION_BACKENDS = [
    "rumbo.accounts.backends.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
    # A learner without email sets a new password with a printed recovery code.
    "rumbo.accounts.backends.RecoveryCodeBackend",
]
# Behind a reverse proxy, the request header that carries the visitor's own address (for
# example HTTP_X_REAL_IP); rate limits and the login lockout count by it.
CLIENT_IP_HEADER = os.environ.get("RUMBO_CLIENT_IP_HEADER", "REMOTE_ADDR")
RATELIMIT_IP_META_KEY = CLIENT_IP_HEADER
# E-Campus registration and the verification re-send each send an email: limited per client
# address and per email address (django-ratelimit, counted in the cache).
RUMBO_CAMPUS_EMAIL_RATE_PER_ADDRESS = "20/h"
RUMBO_CAMPUS_EMAIL_RATE_PER_EMAIL = "3/h"
# New plans per client address (the questionnaire's first answer creates one).
RUMBO_PLAN_CREATE_RATE = "20/h"
# When True, a campaign editor may preview the landing page but only a campaign manager or a
# regional communications officer may publish it.
RUMBO_CAMPAIGN_APPROVAL_REQUIRED = os.environ.get("RUMBO_CAMPAIGN_APPROVAL_REQUIRED", "1") == "1"
# Campaign materials: the largest file accepted, in megabytes.
RUMBO_CAMPAIGN_MATERIAL_MAX_MB = int(os.environ.get("RUMBO_CAMPAIGN_MATERIAL_MAX_MB", "20"))
# Campaign measurement: counts wait in each process's memory and are written when the oldest
# waited this long or this many different counts wait (a crash loses at most that much).
RUMBO_MEASUREMENT_FLUSH_SECONDS = int(os.environ.get("RUMBO_MEASUREMENT_FLUSH_SECONDS", "60"))
RUMBO_MEASUREMENT_FLUSH_KEYS = int(os.environ.get("RUMBO_MEASUREMENT_FLUSH_KEYS", "1000"))
# Hosts besides this site's own that tracked links may send people to (comma-separated).
RUMBO_TRACKED_LINK_HOSTS = env_list("RUMBO_TRACKED_LINK_HOSTS")
# Aggregate casework reports hold no personal data, so they are cached; 0 turns it off.
RUMBO_REPORT_CACHE_SECONDS = 300
AXES_IPWARE_META_PRECEDENCE_ORDER = (CLIENT_IP_HEADER, "REMOTE_ADDR")
AXES_FAILURE_LIMIT = 5
# The staff, campus and admin logins name the account `username`; this reads it there.
AXES_USERNAME_CALLABLE = "rumbo.accounts.backends.lockout_username"
AXES_LOCKOUT_TEMPLATE = "accounts/lockout.html"
# Five failures lock the account; five from one browser (address + user agent) lock that
# browser too, so spraying one password over many accounts is stopped as well. Not the
# address alone: a whole office behind one address would lock itself out.
AXES_LOCKOUT_PARAMETERS = ["username", ["ip_address", "user_agent"]]
AXES_COOLOFF_TIME = 1  # hours; an administrator can unlock sooner (`manage.py axes_reset`)
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
OTP_TOTP_ISSUER = RUMBO_SITE_NAME
# Nobody, administrators included, may read a person's TOTP seed in the admin: with it they
# could pass that person's second factor. `manage.py totp_enrol` gives a new authenticator.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
RUMBO_STAFF_IDLE_TIMEOUT = 30 * 60  # seconds
RUMBO_STAFF_SESSION_MAX_AGE = 12 * 3600  # seconds


# Keys for the personal data fields: "id:base64 key" entries, comma-separated, the first one
# encrypting new values. They live in the environment, never in the database.
RUMBO_FIELD_ENCRYPTION_KEYS = secret_setting(
    "RUMBO_FIELD_ENCRYPTION_KEYS",
    lambda: "dev1:" + base64.urlsafe_b64encode(secrets.token_bytes(32)).decode(),
)


def _ed25519_multikey() -> str:
    import base58  # only when a development key is first generated

    return "z" + base58.b58encode(b"\x80\x26" + secrets.token_bytes(32)).decode()


# Open Badges credentials are signed with this Ed25519 key, a Multikey secretKeyMultibase
# ("z" + base58btc of 0x8026 and the 32-byte seed; `manage.py certificates_keygen` makes one),
# optionally followed by the public keys of retired keys, comma-separated.
RUMBO_CREDENTIAL_SIGNING_KEY = secret_setting("RUMBO_CREDENTIAL_SIGNING_KEY", _ed25519_multikey)
# The address credentials name their issuer and verification pages by: it must not change,
# or issued credentials point nowhere. Production defaults to the first allowed host.
RUMBO_PUBLIC_URL = os.environ.get(
    "RUMBO_PUBLIC_URL",
    f"https://{ALLOWED_HOSTS[0]}" if PRODUCTION and ALLOWED_HOSTS else "http://localhost:8000",
).rstrip("/")
# Personal fields of casework records are erased this long after their last activity.
RUMBO_RETENTION_MONTHS = int(os.environ.get("RUMBO_RETENTION_MONTHS", "12"))
# Guides content verified longer ago than this shows a "may be out of date" notice.
RUMBO_CONTENT_MAX_AGE_DAYS = int(os.environ.get("RUMBO_CONTENT_MAX_AGE_DAYS", "180"))
# High-risk guides facts (minors, asylum, fees) are due for re-verification sooner.
RUMBO_HIGH_RISK_MAX_AGE_DAYS = int(os.environ.get("RUMBO_HIGH_RISK_MAX_AGE_DAYS", "60"))
# The scheduled check of the official links cited by the guides (rumbo.guides.links) reaches
# the internet: on in production, off elsewhere (demo, tests) unless RUMBO_LINK_CHECK=1.
RUMBO_LINK_CHECK = os.environ.get("RUMBO_LINK_CHECK", "1" if PRODUCTION else "0") == "1"
# A personal plan (anonymous questionnaire answers) is deleted this long after it was made.
RUMBO_PLAN_MAX_AGE_DAYS = int(os.environ.get("RUMBO_PLAN_MAX_AGE_DAYS", "90"))
# An information point whose details were not confirmed within this many days is overdue.
RUMBO_INFOPOINT_CONFIRM_DAYS = int(os.environ.get("RUMBO_INFOPOINT_CONFIRM_DAYS", "90"))
# Chat channels (rumbo/chat). Outgoing calls go only to these provider base URLs. Each channel
# configured in the admin names its credentials: a channel with credentials "WA_MAIN" reads
# RUMBO_CHAT_SECRET_WA_MAIN_TOKEN, ..._APP_SECRET, ..._VERIFY_TOKEN, ..._WEBHOOK_SECRET
# (see docs/channels.md); no token is ever stored in the database.
RUMBO_CHAT_SECRETS = {
    name.removeprefix("RUMBO_CHAT_SECRET_"): value
    for name, value in os.environ.items()
    if name.startswith("RUMBO_CHAT_SECRET_")
}
RUMBO_CHAT_WHATSAPP_API = os.environ.get(
    "RUMBO_CHAT_WHATSAPP_API", "https://graph.facebook.com/v21.0"
).rstrip("/")
RUMBO_CHAT_TELEGRAM_API = os.environ.get(
    "RUMBO_CHAT_TELEGRAM_API", "https://api.telegram.org"
).rstrip("/")
RUMBO_CHAT_TWILIO_API = os.environ.get(
    "RUMBO_CHAT_TWILIO_API", "https://api.twilio.com/2010-04-01"
).rstrip("/")
# A hand-off nobody answered within this many minutes alerts the point's coordinators.
RUMBO_CHAT_HANDOFF_ALERT_MINUTES = int(os.environ.get("RUMBO_CHAT_HANDOFF_ALERT_MINUTES", "30"))
