"""Settings for the test suite: the production-like settings with a few speed-ups."""

from config.settings import *  # noqa: F403
from config.settings import HUEY

# Tasks run inline so tests see their effects at once.
HUEY = HUEY | {"immediate": True}
# Argon2 is deliberately slow; tests that check the hasher set it explicitly.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # noqa: S303
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files straight from the apps (no collectstatic needed before tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
