"""The keyed hash that finds a conversation by its (encrypted) address, and message ids.

Casework never looks up an encrypted value, so there is no shared helper: this is an
HMAC-SHA256 with a key derived from SECRET_KEY (Django's salted_hmac). A copy of the database
alone cannot tell whose number a hash is; changing SECRET_KEY starts new conversations.
"""

from django.utils.crypto import salted_hmac

SALT = "rumbo.chat.lookup"


def lookup_hash(*, kind: str, value: str) -> str:
    return salted_hmac(f"{SALT}.{kind}", value, algorithm="sha256").hexdigest()
