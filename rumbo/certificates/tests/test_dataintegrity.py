"""The signer against the official Open Badges 3.0 eddsa-rdfc-2022 test vector (TEST key)."""

import copy
import hashlib
import socket

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyld import jsonld

from rumbo.certificates import dataintegrity
from rumbo.certificates.dataintegrity import (
    ProofError,
    canonicalize,
    proof_create,
    proof_verify,
)
from rumbo.certificates.keys import (
    KeyFormatError,
    multibase_decode,
    public_key_from_multibase,
    public_key_multibase,
    secret_key_from_multibase,
    secret_key_generate,
)


def unsecured(document: dict) -> dict:
    return {key: value for key, value in document.items() if key != "proof"}


def test_document_canonical_form_is_the_official_one(openbadges_dir, test_vector, signed_example):
    expected = (openbadges_dir / test_vector["documentCanonFile"]).read_text()
    assert canonicalize(unsecured(signed_example)) == expected


def test_proof_canonical_form_is_the_official_one(openbadges_dir, test_vector, signed_example):
    options = {k: v for k, v in signed_example["proof"].items() if k != "proofValue"}
    options["@context"] = signed_example["@context"]
    expected = (openbadges_dir / test_vector["proofCanonFile"]).read_text()
    assert canonicalize(options) == expected
    assert hashlib.sha256(expected.encode()).hexdigest() == test_vector["proofHashHex"]


def test_signer_reproduces_the_official_signature(test_vector, signed_example):
    key = secret_key_from_multibase(test_vector["secretKeyMultibase"])
    proof = proof_create(
        document=unsecured(signed_example),
        key=key,
        verification_method=test_vector["verificationMethod"],
        created=signed_example["proof"]["created"],
    )
    assert proof == signed_example["proof"]
    assert proof["proofValue"] == test_vector["proofValue"]
    assert multibase_decode(proof["proofValue"]).hex() == test_vector["signatureHex"]


def test_test_key_gives_the_official_public_key(test_vector):
    key = secret_key_from_multibase(test_vector["secretKeyMultibase"])
    assert public_key_multibase(key.public_key()) == test_vector["publicKeyMultibase"]
    assert key.public_key().public_bytes_raw().hex() == test_vector["publicKeyHex"]


def test_official_signed_example_verifies(test_vector, signed_example):
    proof_verify(
        document=signed_example,
        public_key=public_key_from_multibase(test_vector["publicKeyMultibase"]),
    )


def test_proof_given_as_an_array_of_one_verifies(test_vector, signed_example):
    document = signed_example | {"proof": [signed_example["proof"]]}
    proof_verify(
        document=document, public_key=public_key_from_multibase(test_vector["publicKeyMultibase"])
    )


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (["name"], "Teamwork Badge!"),
        (["validFrom"], "2010-01-01T00:00:01Z"),
        (["issuer", "name"], "Other Corp"),
        (["credentialSubject", "id"], "did:example:someone-else"),
        (["credentialSubject", "achievement", "criteria", "narrative"], "Anyone."),
        (["proof", "created"], "2011-01-01T19:23:24Z"),
    ],
)
def test_changed_field_fails_verification(test_vector, signed_example, path, value):
    document = copy.deepcopy(signed_example)
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(ProofError) as raised:
        proof_verify(
            document=document,
            public_key=public_key_from_multibase(test_vector["publicKeyMultibase"]),
        )
    assert raised.value.reason == "signature"


def test_another_key_fails_verification(signed_example):
    with pytest.raises(ProofError):
        proof_verify(document=signed_example, public_key=Ed25519PrivateKey.generate().public_key())


def test_unknown_context_is_refused_without_fetching_it(signed_example, monkeypatch):
    attempts: list = []

    def no_network(self, address, *args, **kwargs):
        attempts.append(address)
        raise OSError("no network in this test")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    document = unsecured(signed_example) | {
        "@context": [*signed_example["@context"], "https://example.org/other-context.jsonld"]
    }
    with pytest.raises(ProofError) as raised:
        canonicalize(document)
    assert raised.value.reason == "canonical"
    assert attempts == []


def test_context_loader_refuses_any_other_address():
    with pytest.raises(jsonld.JsonLdError):
        dataintegrity.document_loader("https://example.org/other-context.jsonld")


def test_context_loader_serves_a_fresh_copy_each_time():
    first = dataintegrity.document_loader(dataintegrity.OB_CONTEXT)["document"]
    first["@context"]["OpenBadgeCredential"] = "changed"
    second = dataintegrity.document_loader(dataintegrity.OB_CONTEXT)["document"]
    assert second["@context"]["OpenBadgeCredential"] != "changed"


def test_generated_secret_key_round_trips():
    value = secret_key_generate()
    key = secret_key_from_multibase(value)
    assert public_key_multibase(key.public_key()).startswith("z6Mk")


def test_settings_generate_a_readable_signing_key():
    from config.settings import _ed25519_multikey

    secret_key_from_multibase(_ed25519_multikey())


@pytest.mark.parametrize("value", ["", "abc", "z", "z0OIl", "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5"])
def test_malformed_secret_key_is_refused(value):
    with pytest.raises(KeyFormatError):
        secret_key_from_multibase(value)


def test_secret_key_with_a_foreign_public_half_is_refused(test_vector):
    raw = multibase_decode(test_vector["secretKeyMultibase"])
    other = Ed25519PrivateKey.generate().public_key().public_bytes_raw()
    from rumbo.certificates.keys import multibase_encode

    with pytest.raises(KeyFormatError):
        secret_key_from_multibase(multibase_encode(raw[:34] + other))
