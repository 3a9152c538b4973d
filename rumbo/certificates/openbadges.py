"""Certificates as Open Badges 3.0 `OpenBadgeCredential`s (W3C Verifiable Credentials 2.0),
signed with a Data Integrity proof (`eddsa-rdfc-2022`), and the check of a credential someone
brings back.

Identifiers are absolute addresses under `RUMBO_PUBLIC_URL`: the credential's `id` is its
verification page, the issuer's `id` is its controller document, which publishes the public key
that `verificationMethod` names (`<issuer id>#<publicKeyMultibase>`).
"""

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from rumbo.certificates.codes import code_normalise
from rumbo.certificates.dataintegrity import (
    CRYPTOSUITE,
    OB_CONTEXT,
    PROOF_TYPE,
    VC_CONTEXT,
    ProofError,
    document_sign,
    proof_verify,
    single_proof,
)
from rumbo.certificates.keys import key_ring, signing_key, signing_public_multibase
from rumbo.certificates.models import Certificate, Issuer


def _absolute(path: str) -> str:
    return settings.RUMBO_PUBLIC_URL + path


def _timestamp(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def issuer_id(issuer: Issuer) -> str:
    return _absolute(issuer.get_absolute_url())


def verification_method(issuer: Issuer, public_multibase: str = "") -> str:
    """The id of a key of the issuer (by default the one that signs now)."""
    return f"{issuer_id(issuer)}#{public_multibase or signing_public_multibase()}"


def identity_hash(*, value: str, salt: str) -> str:
    """An OB 3.0 IdentityHash: sha256 of the identifier followed by the salt, in hexadecimal."""
    return "sha256$" + hashlib.sha256((value + salt).encode()).hexdigest()


def credential_build(
    *, certificate: Certificate, email: str | None, achievement_url: str, username: str = ""
) -> dict[str, Any]:
    """The unsigned credential. The learner is named by a salted hash of their email address,
    or of their username when they have no email (anyone who knows it can check it; nobody
    can read it), and by the name they chose for certificates, which the certificate shows
    anyway."""
    salt = secrets.token_hex(16)
    issuer = certificate.issuer
    issuer_profile: dict[str, Any] = {
        "id": issuer_id(issuer),
        "type": ["Profile"],
        "name": certificate.issuer_name,
    }
    if issuer.url:
        issuer_profile["url"] = issuer.url
    # The texts are in the course's language, like the certificate.
    with translation.override(certificate.language):
        achievement: dict[str, Any] = {
            "id": achievement_url,
            "type": ["Achievement"],
            "achievementType": "CertificateOfCompletion",
            "name": certificate.course_title,
            "description": _("Completion of the online course “%(title)s”.")
            % {"title": certificate.course_title},
            "criteria": {
                "narrative": _(
                    "Every lesson viewed and every module quiz and the final assessment "
                    "passed. Estimated workload: %(hours)s hours."
                )
                % {"hours": certificate.hours}
            },
            "inLanguage": certificate.language,
        }
        subject: dict[str, Any] = {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": identity_hash(value=email or username, salt=salt),
                    "identityType": "emailAddress" if email else "userName",
                    "hashed": True,
                    "salt": salt,
                },
                {
                    "type": "IdentityObject",
                    "identityHash": certificate.learner_name,
                    "identityType": "name",
                    "hashed": False,
                },
            ],
            "achievement": achievement,
        }
        if certificate.score is not None:
            score_id = f"{achievement_url}#final-score"
            achievement["resultDescription"] = [
                {
                    "id": score_id,
                    "type": ["ResultDescription"],
                    "name": _("Final assessment score"),
                    "resultType": "Percent",
                    "valueMin": "0",
                    "valueMax": "100",
                }
            ]
            subject["result"] = [
                {"type": ["Result"], "resultDescription": score_id, "value": str(certificate.score)}
            ]
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": _absolute(certificate.get_absolute_url()),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": certificate.course_title,
        "issuer": issuer_profile,
        "validFrom": _timestamp(certificate.issued_at),
        "awardedDate": _timestamp(certificate.completed_at),
        "credentialSubject": subject,
    }


def credential_sign(*, credential: dict[str, Any], issuer: Issuer) -> dict[str, Any]:
    return document_sign(
        document=credential,
        key=signing_key(),
        verification_method=verification_method(issuer),
        created=credential["validFrom"],
    )


def issuer_document(*, issuer: Issuer) -> dict[str, Any]:
    """The issuer's controller document (W3C Controlled Identifiers 1.0): the public keys of
    its credentials (the signing key's, then retired ones'), as Multikeys authorised for
    assertions."""
    controller = issuer_id(issuer)
    methods = [
        {
            "id": verification_method(issuer, public_multibase),
            "type": "Multikey",
            "controller": controller,
            "publicKeyMultibase": public_multibase,
        }
        for public_multibase in key_ring().public
    ]
    return {
        "@context": ["https://www.w3.org/ns/cid/v1"],
        "id": controller,
        "name": issuer.name,
        "verificationMethod": methods,
        "assertionMethod": [method["id"] for method in methods],
    }


# Checking a credential someone brings


@dataclass(frozen=True)
class CredentialCheck:
    valid: bool
    message: str
    certificate: Certificate | None = None


def _invalid(message: str, certificate: Certificate | None = None) -> CredentialCheck:
    return CredentialCheck(valid=False, message=message, certificate=certificate)


def _certificate_named_by(credential_id: Any) -> Certificate | None:
    prefix = _absolute(reverse("certificates:form"))
    if not isinstance(credential_id, str) or not credential_id.startswith(prefix):
        return None
    code = code_normalise(credential_id.removeprefix(prefix).strip("/"))
    if code is None:
        return None
    return Certificate.objects.select_related("issuer").filter(code=code).first()


def _json_text(value: Any) -> str:
    # Compared as JSON text, not as Python values, for which true == 1 and 1 == 1.0.
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def credential_verify(*, credential: Any) -> CredentialCheck:
    """Whether a credential is one this site issued, unchanged, signed with its key and not
    revoked. The cheap checks come first, and a credential is canonicalised only once it is
    known to equal one issued here, so no outside document ever reaches the RDF algorithms."""
    if not isinstance(credential, dict):
        return _invalid(_("This is not a credential: a JSON object was expected."))
    types = credential.get("type")
    if not isinstance(types, list) or "OpenBadgeCredential" not in types:
        return _invalid(_("This is not an Open Badges credential."))
    try:
        proof = single_proof(credential)
    except ProofError:
        return _invalid(_("The credential has no signature."))
    if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        return _invalid(_("The credential is not signed in a way this site checks."))
    method = proof.get("verificationMethod")
    controller, _hash, key = method.partition("#") if isinstance(method, str) else ("", "", "")
    public_key = key_ring().public.get(key)
    if public_key is None:
        return _invalid(_("The credential is signed with a key this site does not know."))
    certificate = _certificate_named_by(credential.get("id"))
    if certificate is None:
        return _invalid(_("No certificate of this site has this credential's identifier."))
    if controller != issuer_id(certificate.issuer):
        return _invalid(_("The credential is not signed by its issuer."), certificate)
    # A wallet may hold the proof as an array of one (as the OB 3.0 schema asks): the same.
    if _json_text(credential | {"proof": proof}) != _json_text(certificate.credential):
        return _invalid(_("The credential has been changed since it was issued."), certificate)
    try:
        proof_verify(document=credential, public_key=public_key)
    except ProofError:
        return _invalid(_("The credential's signature does not match its content."), certificate)
    if certificate.revoked_at is not None:
        return _invalid(
            _("The certificate was revoked on %(date)s: %(reason)s")
            % {
                "date": date_format(certificate.revoked_at, "DATE_FORMAT"),
                "reason": certificate.revocation_reason,
            },
            certificate,
        )
    return CredentialCheck(
        valid=True,
        message=_("The credential is valid: issued by this site, unchanged and not revoked."),
        certificate=certificate,
    )
