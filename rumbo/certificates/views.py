"""Public verification of certificates: by code (typed, or from the QR code's link) and by the
credential file itself; the issuers' public keys; the learner's own credential download.
Plain forms: everything works without JavaScript."""

import json

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST
from django_ratelimit.core import get_usage

from rumbo.certificates.models import Certificate
from rumbo.certificates.openbadges import CredentialCheck, credential_verify, issuer_document
from rumbo.certificates.pdf import certificate_pdf
from rumbo.certificates.selectors import (
    CodeMalformed,
    certificate_get_by_code,
    certificate_get_own,
    issuer_get,
)
from rumbo.core.downloads import download_response
from rumbo.core.uploads import UploadError, UploadLimits, json_load, text_decode, upload_read

# Guessing is what the limit stops: only lookups that find nothing count, and checks of
# credentials, which cost more. A certificate's own page and a valid code never count.
VERIFY_RATE = getattr(settings, "RUMBO_CERTIFICATE_VERIFY_RATE", "30/h")
RATE_GROUP = "certificates.verify"
# A credential of ours is about 3 KB and nests 6 levels deep.
CREDENTIAL_LIMITS = UploadLimits(max_upload_bytes=64 * 1024, max_text_bytes=64 * 1024, max_depth=32)


def verify_limited(request: HttpRequest, *, increment: bool) -> bool:
    """Whether the address has used up its lookups; `increment` counts this one first."""
    usage = get_usage(
        request=request,
        group=RATE_GROUP,
        key="ip",
        rate=VERIFY_RATE,
        method=get_usage.ALL,
        increment=increment,
    )
    return usage is not None and usage["count"] > usage["limit"] - (0 if increment else 1)


def _form(request: HttpRequest, *, status: int = 200, **context) -> HttpResponse:
    return render(request, "certificates/verify.html", context, status=status)


def _too_many(request: HttpRequest) -> HttpResponse:
    return _form(
        request,
        status=429,
        error=_(
            "Too many checks from your connection in a short time. Please wait an hour and "
            "try again."
        ),
    )


@never_cache
@require_GET
def verify_form(request: HttpRequest) -> HttpResponse:
    """The form; with `?code=`, the certificate that code names."""
    if "code" not in request.GET:
        return _form(request)
    found = _certificate_or_refusal(request, request.GET["code"])
    if isinstance(found, HttpResponse):
        return found
    return redirect(found)


def _certificate_or_refusal(request: HttpRequest, code: str) -> Certificate | HttpResponse:
    """The certificate a typed or scanned code names, or the page that says why not. Only
    unknown codes count towards the guessing limit."""
    if verify_limited(request, increment=False):
        return _too_many(request)
    try:
        certificate = certificate_get_by_code(code=code)
    except CodeMalformed:
        return _form(request, status=400, code=code[:60], error=_malformed_message())
    if certificate is None:
        verify_limited(request, increment=True)
        return _form(request, status=404, code=code[:60], error=_unknown_message())
    return certificate


def _malformed_message() -> str:
    return _(
        "A certificate code has 12 letters and digits, like ABCD-EFGH-JKMN. Check what you typed."
    )


def _unknown_message() -> str:
    return _("No certificate has this code. Check what you typed.")


@never_cache
@require_GET
def certificate_page(request: HttpRequest, code: str) -> HttpResponse:
    certificate = _certificate_or_refusal(request, code)
    if isinstance(certificate, HttpResponse):
        return certificate
    if code != certificate.display_code:
        # One address per certificate, whatever was typed or scanned.
        return redirect(certificate, permanent=True)
    return render(request, "certificates/certificate.html", {"certificate": certificate})


def _credential_text(request: HttpRequest) -> tuple[str, str]:
    """The submitted credential as text and the name to give it in messages."""
    try:
        upload = request.FILES.get("file")
    except RequestDataTooBig as error:
        # Pasted text beyond Django's own limit, so far beyond ours: not even read.
        raise UploadError(
            _("the text is larger than %(size)s KB")
            % {"size": CREDENTIAL_LIMITS.max_text_bytes // 1024},
            file=_("the pasted text"),
        ) from error
    if upload is not None:
        name = (upload.name or "")[:100]
        data = upload_read(file=upload, name=name, limits=CREDENTIAL_LIMITS)
        return text_decode(data=data, name=name, limits=CREDENTIAL_LIMITS), name
    pasted = request.POST.get("credential", "")
    name = _("the pasted text")
    if not pasted.strip():
        raise UploadError(_("Paste a credential or choose its file."))
    if len(pasted.encode()) > CREDENTIAL_LIMITS.max_text_bytes:
        raise UploadError(
            _("the text is larger than %(size)s KB")
            % {"size": CREDENTIAL_LIMITS.max_text_bytes // 1024},
            file=name,
        )
    return pasted, name


# No CSRF token: checking a credential changes nothing and acts for nobody, and a token
# would make this public page differ per visitor.
@csrf_exempt
@never_cache
@require_POST
def credential_check(request: HttpRequest) -> HttpResponse:
    if verify_limited(request, increment=True):
        return _too_many(request)
    try:
        text, name = _credential_text(request)
        credential = json_load(text=text, name=name, limits=CREDENTIAL_LIMITS)
    except UploadError as error:
        return _form(request, status=400, check=CredentialCheck(valid=False, message=error.message))
    check = credential_verify(credential=credential)
    return _form(request, status=200 if check.valid else 422, check=check)


@cache_control(max_age=3600, public=True)
@require_GET
def issuer(request: HttpRequest, slug: str) -> JsonResponse:
    """The issuer's controller document, where verifiers find the key of its credentials."""
    found = issuer_get(slug=slug)
    if found is None:
        raise Http404
    response = JsonResponse(issuer_document(issuer=found), json_dumps_params={"indent": 2})
    response["Content-Type"] = "application/json"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@never_cache
@require_GET
def credential_download(request: HttpRequest, code: str) -> HttpResponse:
    """The learner's own signed credential, to add to a wallet. Only its owner may download it:
    it carries the salted hash of their email address."""
    certificate = certificate_get_own(user=request.user, code=code)
    if certificate is None:
        raise Http404
    return download_response(
        json.dumps(certificate.credential, ensure_ascii=False, indent=2),
        filename=f"certificate-{certificate.code}.json",
        content_type="application/ld+json; charset=utf-8",
    )


@never_cache
@require_GET
def certificate_pdf_download(request: HttpRequest, code: str) -> HttpResponse:
    """The learner's own certificate as a PDF; a revoked certificate is no longer offered."""
    certificate = certificate_get_own(user=request.user, code=code)
    if certificate is None or certificate.is_revoked:
        raise Http404
    return download_response(
        certificate_pdf(certificate=certificate),
        filename=f"certificate-{certificate.code}.pdf",
        content_type="application/pdf",
        inline=True,
    )
