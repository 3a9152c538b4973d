"""Ed25519 keys as Multikey values: multibase base58btc (prefix `z`) of a multicodec-tagged key.

`RUMBO_CREDENTIAL_SIGNING_KEY` holds the secret key as a Multikey `secretKeyMultibase`
(ed25519-priv, multicodec 0x1300, the 32-byte seed), then, after a rotation, the public keys
of retired ones; public keys are published as `publicKeyMultibase` (ed25519-pub, multicodec
0xed). Both as in the W3C Controlled Identifiers
and Data Integrity EdDSA specifications, so any verifier reads them.
"""

import secrets
from dataclasses import dataclass
from functools import cache

import base58
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)
from django.conf import settings

# Multicodec codes as unsigned varints: 0xed -> ed 01, 0x1300 -> 80 26.
ED25519_PUB = b"\xed\x01"
ED25519_PRIV = b"\x80\x26"
KEY_BYTES = 32


class KeyFormatError(ValueError):
    """A value that is not a multibase Ed25519 key."""


def multibase_encode(data: bytes) -> str:
    return "z" + base58.b58encode(data).decode("ascii")


def multibase_decode(value: str) -> bytes:
    if not isinstance(value, str) or not value.startswith("z") or len(value) > 200:
        raise KeyFormatError("not a base58btc multibase value")
    try:
        return base58.b58decode(value[1:])
    except ValueError as error:
        raise KeyFormatError("not a base58btc multibase value") from error


def _multikey_decode(value: str, prefix: bytes, *, lengths: tuple[int, ...]) -> bytes:
    raw = multibase_decode(value)
    if not raw.startswith(prefix) or len(raw) - len(prefix) not in lengths:
        raise KeyFormatError("not a multikey of the expected type")
    return raw[len(prefix) :]


def public_key_multibase(key: Ed25519PublicKey) -> str:
    return multibase_encode(ED25519_PUB + key.public_bytes(Encoding.Raw, PublicFormat.Raw))


def public_key_from_multibase(value: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(
        _multikey_decode(value, ED25519_PUB, lengths=(KEY_BYTES,))
    )


def secret_key_multibase(key: Ed25519PrivateKey) -> str:
    seed = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return multibase_encode(ED25519_PRIV + seed)


def secret_key_from_multibase(value: str) -> Ed25519PrivateKey:
    """The key from its seed; also read in the 64-byte form (seed, then public key) that some
    libraries write, the official test vector's among them, after checking the public half."""
    raw = _multikey_decode(value.strip(), ED25519_PRIV, lengths=(KEY_BYTES, 2 * KEY_BYTES))
    key = Ed25519PrivateKey.from_private_bytes(raw[:KEY_BYTES])
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    if len(raw) == 2 * KEY_BYTES and raw[KEY_BYTES:] != public:
        raise KeyFormatError("the public half does not belong to the secret key")
    return key


def secret_key_generate() -> str:
    """A new secret key in the form `RUMBO_CREDENTIAL_SIGNING_KEY` takes."""
    return multibase_encode(ED25519_PRIV + secrets.token_bytes(KEY_BYTES))


@dataclass(frozen=True)
class KeyRing:
    """The signing key and the public keys that verify credentials: the signing key's own,
    then those of retired keys, so credentials signed before a rotation still verify."""

    signing: Ed25519PrivateKey
    public: dict[str, Ed25519PublicKey]


@cache
def _key_ring(value: str) -> KeyRing:
    first, *retired = [entry.strip() for entry in value.split(",") if entry.strip()] or [""]
    signing = secret_key_from_multibase(first)
    public = {public_key_multibase(signing.public_key()): signing.public_key()}
    for entry in retired:
        public[entry] = public_key_from_multibase(entry)
    return KeyRing(signing=signing, public=public)


def key_ring() -> KeyRing:
    """`RUMBO_CREDENTIAL_SIGNING_KEY`: the secret key that signs, then the public keys of
    retired ones, comma-separated (read once per value, so tests may override the setting)."""
    return _key_ring(settings.RUMBO_CREDENTIAL_SIGNING_KEY)


def signing_key() -> Ed25519PrivateKey:
    return key_ring().signing


def signing_public_multibase() -> str:
    return public_key_multibase(signing_key().public_key())
