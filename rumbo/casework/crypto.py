"""Field encryption for personal data: AES-256-GCM with key ids, keys from the environment.

`RUMBO_FIELD_ENCRYPTION_KEYS` holds "id:key" entries (key: 32 bytes, URL-safe base64),
comma-separated. The first key encrypts every new value; the others only decrypt, so a key
can be rotated in: put the new key first, run `manage.py casework_rotate_keys`, then drop
the old one. A stored value reads `enc1$<key id>$<nonce + ciphertext, base64>`; the
associated data binds it to its model and field, so a value copied into another column
does not decrypt.
"""

import base64
import binascii
import os
from functools import lru_cache

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

PREFIX = "enc1"
NONCE_BYTES = 12


class DecryptionError(Exception):
    """A value that no configured key can open (lost key, tampering, wrong column)."""


@lru_cache(maxsize=4)
def _parse_keys(setting: str) -> tuple[str, dict[str, AESGCM]]:
    keys: dict[str, AESGCM] = {}
    primary = ""
    for entry in filter(None, (part.strip() for part in setting.split(","))):
        key_id, _sep, encoded = entry.partition(":")
        try:
            raw = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
        except ValueError as error:
            raise ImproperlyConfigured(f"field encryption key {key_id!r} is not base64") from error
        if not key_id or "$" in key_id or len(raw) != 32:
            raise ImproperlyConfigured(
                f"field encryption key {key_id!r} must be 'id:<32 bytes in base64>'"
            )
        keys[key_id] = AESGCM(raw)
        primary = primary or key_id
    if not keys:
        raise ImproperlyConfigured("RUMBO_FIELD_ENCRYPTION_KEYS is empty")
    return primary, keys


def keyring() -> tuple[str, dict[str, AESGCM]]:
    """The primary key id and every usable key, read from settings each time (cheaply)."""
    return _parse_keys(settings.RUMBO_FIELD_ENCRYPTION_KEYS)


def value_encrypt(*, plaintext: str, context: str) -> str:
    primary, keys = keyring()
    nonce = os.urandom(NONCE_BYTES)
    sealed = keys[primary].encrypt(nonce, plaintext.encode(), context.encode())
    return f"{PREFIX}${primary}${base64.urlsafe_b64encode(nonce + sealed).decode()}"


def value_decrypt(*, stored: str, context: str) -> str:
    try:
        prefix, key_id, encoded = stored.split("$", 2)
    except ValueError as error:
        raise DecryptionError("not an encrypted value") from error
    _primary, keys = keyring()
    if prefix != PREFIX or key_id not in keys:
        raise DecryptionError(f"no key {key_id!r} is configured")
    try:
        blob = base64.urlsafe_b64decode(encoded)
    except (binascii.Error, ValueError) as error:  # ValueError: non-ASCII characters
        raise DecryptionError("the value is not base64") from error
    if len(blob) <= NONCE_BYTES:
        raise DecryptionError("the value is too short to hold a nonce and a tag")
    try:
        plaintext = keys[key_id].decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], context.encode())
    except InvalidTag as error:  # tampered, or bound to another column
        raise DecryptionError("the value does not decrypt") from error
    try:
        return plaintext.decode()
    except UnicodeDecodeError as error:
        raise DecryptionError("the value is not UTF-8 text") from error


def value_key_id(stored: str) -> str:
    return stored.split("$", 2)[1] if stored.startswith(PREFIX + "$") else ""
