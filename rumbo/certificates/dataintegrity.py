"""Data Integrity proofs with the `eddsa-rdfc-2022` cryptosuite (W3C VC Data Integrity EdDSA).

A document is canonicalised as RDF (RDFC-1.0, which pyld names URDNA2015; the two produce the
same N-Quads), and so are the proof options; the Ed25519 signature covers
sha256(canonical proof options) followed by sha256(canonical document).

JSON-LD contexts come only from the local copies in `contexts/` (see its SOURCE.txt): a
credential naming any other context is refused, so verifying never reaches the network and
nobody can change what a term means by changing a remote file.
"""

import copy
import hashlib
import json
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyld import jsonld

from rumbo.certificates.keys import KeyFormatError, multibase_decode, multibase_encode

CONTEXTS_DIR = Path(__file__).resolve().parent / "contexts"
VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
LOCAL_CONTEXTS = {
    VC_CONTEXT: "vc_credentials_v2_context.jsonld",
    OB_CONTEXT: "ob_v3p0_context-3.0.3.jsonld",
}
PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"


class ProofError(ValueError):
    """A proof that cannot be made or does not verify; `reason` is a short code for the
    message the caller shows (`context`, `canonical`, `proof`, `signature`)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason = reason


@cache
def _context_document(url: str) -> dict[str, Any]:
    return json.loads((CONTEXTS_DIR / LOCAL_CONTEXTS[url]).read_text(encoding="utf-8"))


def document_loader(url: str, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """pyld's document loader: the local copy of a known context, an error for anything else."""
    if url not in LOCAL_CONTEXTS:
        raise jsonld.JsonLdError(
            "Only the local copies of the credential contexts are loaded.",
            "jsonld.LoadDocumentError",
            {"url": url[:200]},
            code="loading document failed",
        )
    return {
        "contentType": "application/ld+json",
        "contextUrl": None,
        "documentUrl": url,
        # "static": pyld keeps the processed context for later documents (the files never
        # change while the process runs), which makes canonicalisation about twice as fast.
        "tag": "static",
        # A copy: pyld must not be able to change the cached context for the next caller.
        "document": copy.deepcopy(_context_document(url)),
    }


def canonicalize(document: dict[str, Any]) -> str:
    """The RDFC-1.0 canonical N-Quads of a JSON-LD document, with local contexts only."""
    # The canonical form depends only on the document (the contexts are fixed files), so it
    # is kept for the documents seen last: checking a credential again, or right after
    # signing it, costs the signature check alone instead of about 3 ms of pyld per form.
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return _canonical_text(text)


@lru_cache(maxsize=256)
def _canonical_text(text: str) -> str:
    document = json.loads(text)
    try:
        return jsonld.normalize(
            document,
            {
                "algorithm": "URDNA2015",
                "format": "application/n-quads",
                "documentLoader": document_loader,
                # Relative IRIs would be resolved against a base and silently change meaning.
                "base": "",
            },
        )
    except jsonld.JsonLdError as error:
        raise ProofError("canonical", str(error).splitlines()[0][:300]) from error


def _hash_data(document: dict[str, Any], proof_options: dict[str, Any]) -> bytes:
    unsecured = {key: value for key, value in document.items() if key != "proof"}
    options = {key: value for key, value in proof_options.items() if key != "proofValue"}
    # The proof options are canonicalised in the document's context (eddsa-rdfc-2022, 3.3.1).
    options["@context"] = unsecured.get("@context")
    proof_hash = hashlib.sha256(canonicalize(options).encode()).digest()
    document_hash = hashlib.sha256(canonicalize(unsecured).encode()).digest()
    return proof_hash + document_hash


def proof_options(*, verification_method: str, created: str) -> dict[str, Any]:
    return {
        "type": PROOF_TYPE,
        "created": created,
        "verificationMethod": verification_method,
        "cryptosuite": CRYPTOSUITE,
        "proofPurpose": "assertionMethod",
    }


def proof_create(
    *, document: dict[str, Any], key: Ed25519PrivateKey, verification_method: str, created: str
) -> dict[str, Any]:
    """The proof for a document (without a proof of its own); attach it as `proof`."""
    options = proof_options(verification_method=verification_method, created=created)
    signature = key.sign(_hash_data(document, options))
    return options | {"proofValue": multibase_encode(signature)}


def document_sign(
    *, document: dict[str, Any], key: Ed25519PrivateKey, verification_method: str, created: str
) -> dict[str, Any]:
    proof = proof_create(
        document=document, key=key, verification_method=verification_method, created=created
    )
    return document | {"proof": proof}


def single_proof(document: dict[str, Any]) -> dict[str, Any]:
    """The document's one proof, given as an object or as an array of one (VC 2.0 allows both;
    the OB 3.0 schema asks for an array)."""
    proof = document.get("proof")
    if isinstance(proof, list) and len(proof) == 1:
        proof = proof[0]
    if not isinstance(proof, dict):
        raise ProofError("proof", "the document has no single proof")
    return proof


def proof_verify(*, document: dict[str, Any], public_key: Ed25519PublicKey) -> None:
    """Raises ProofError unless the document's eddsa-rdfc-2022 proof verifies with the key."""
    proof = single_proof(document)
    if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        raise ProofError("proof", "not a DataIntegrityProof with eddsa-rdfc-2022")
    if proof.get("proofPurpose") != "assertionMethod":
        raise ProofError("proof", "the proof's purpose is not assertionMethod")
    if "@context" in proof and proof["@context"] != document.get("@context"):
        raise ProofError("proof", "the proof's context differs from the document's")
    try:
        signature = multibase_decode(proof.get("proofValue", ""))
    except KeyFormatError as error:
        raise ProofError("proof", "the proof value is not base58btc") from error
    data = _hash_data(document, {k: v for k, v in proof.items() if k != "@context"})
    try:
        public_key.verify(signature, data)
    except InvalidSignature as error:
        raise ProofError("signature", "the signature does not match the document") from error
