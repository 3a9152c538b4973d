from django.urls import reverse

from rumbo.research.models import Finding


def _diagnosis() -> str:
    finding = Finding.objects.select_related("campaign").order_by("pk")[0]
    return reverse("research:diagnosis", kwargs={"slug": finding.campaign.slug})


PAGES = {"diagnosis": _diagnosis}

EXCLUDED = {
    "projects": "researchers' page (powers, second factor)",
    "project": "researchers' page (powers, second factor)",
    "upload": "researchers' page (powers, second factor)",
    "job": "researchers' page (powers, second factor)",
    "weights": "researchers' page (powers, second factor)",
    "frequencies": "researchers' page (powers, second factor)",
    "crosstab": "researchers' page (powers, second factor)",
    "indicator_new": "researchers' page (powers, second factor)",
    "indicator": "researchers' page (powers, second factor)",
    "indicator_edit": "researchers' page (powers, second factor)",
    "export": "a CSV or XLSX download for researchers",
    "findings": "campaign managers' page (powers, second factor)",
}
