from django.urls import reverse

from rumbo.certificates.models import Certificate

PAGES = {
    "form": lambda: reverse("certificates:form"),
    "certificate": lambda: Certificate.objects.order_by("pk")[0].get_absolute_url(),
}

EXCLUDED = {
    "check": "POST only (checks a pasted or uploaded credential)",
    "issuer": "a JSON document (the issuer's public key), not a page",
    "credential": "the learner's own credential, a JSON download",
    "pdf": "the learner's own certificate, a PDF download",
}
