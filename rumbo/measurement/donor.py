"""The donor report: people reached, the funnel and consultations by sex and age band for a
programme and a period, with the instance's indicators; as PDF (the plan PDF's font and
Arabic shaping, rumbo.plans.pdf) and XLSX (rumbo.core.exports). Built by a background task
that records its progress on a core Job."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, Sum
from django.utils import translation
from django.utils.translation import gettext as _

from rumbo.campaigns.models import Campaign
from rumbo.casework.models import Consultation
from rumbo.core.exports import xlsx_bytes
from rumbo.core.services import job_finish, job_progress
from rumbo.measurement.models import DailyCount, DonorReport, Indicator, SocialResult
from rumbo.measurement.selectors import SUPPRESSION_THRESHOLD, _sums, suppress
from rumbo.plans.pdf import _PlanPDF

Step = Indicator.Measure


@dataclass
class DonorFigures:
    title: str
    programme: str
    date_from: datetime.date
    date_to: datetime.date
    campaigns: list[str]
    sections: list[tuple[str, list[tuple[str, int | None, int | None]]]]  # label, value, target


def programme_label(campaign: Campaign) -> str:
    return str(getattr(campaign, "programme", "") or "")


def programme_choices() -> list[str]:
    return sorted({label for c in Campaign.objects.all() if (label := programme_label(c))})


def donor_figures(
    *, programme: str, date_from: datetime.date, date_to: datetime.date
) -> DonorFigures:
    campaigns = [
        c
        for c in Campaign.objects.select_related("country").order_by("name")
        if not programme or programme_label(c) == programme
    ]
    slugs = [c.slug for c in campaigns]
    sums = _sums(slugs, date_from, date_to)
    visits = sum(n for (_s, metric, _k), n in sums.items() if metric == DailyCount.Metric.VISIT)
    steps: dict[str, int] = {}
    for (_site, metric, key), n in sums.items():
        if metric == DailyCount.Metric.FUNNEL:
            steps[key] = steps.get(key, 0) + n
    reach = (
        SocialResult.objects.filter(campaign__in=campaigns, day__range=(date_from, date_to))
        .aggregate(reach=Sum("reach"))
        .get("reach")
        or 0
    )
    values = {
        Step.REACH: reach,
        Step.VISITS: visits,
        **{step: steps.get(step, 0) for step in Step.values if step not in ("reach", "visits")},
    }
    indicators = Indicator.objects.filter(programme__in=["", programme]).order_by("name")
    labels = dict(Step.choices)
    sections: list[tuple[str, list[tuple[str, int | None, int | None]]]] = [
        (
            _("People reached and the funnel"),
            [(str(labels[step]), suppress(values[step]), None) for step in Step.values],
        )
    ]
    consultations = Consultation.objects.filter(
        Q(campaign__in=campaigns) | Q(tracked_code__campaign__in=campaigns),
        date__range=(date_from, date_to),
    )
    for column, title, choices in (
        ("sex", _("Consultations by sex or gender"), Consultation.Sex.choices),
        ("age_band", _("Consultations by age"), Consultation.AgeBand.choices),
    ):
        found = dict(consultations.values_list(column).annotate(n=Count("pk")).order_by())
        sections.append(
            (title, [(str(label), suppress(found.get(value, 0)), None) for value, label in choices])
        )
    if indicators:
        sections.append(
            (
                _("Indicators"),
                [
                    (indicator.name, suppress(values.get(indicator.measure, 0)), indicator.target)
                    for indicator in indicators
                ],
            )
        )
    return DonorFigures(
        title=_("Results report"),
        programme=programme or _("All programmes"),
        date_from=date_from,
        date_to=date_to,
        campaigns=[c.name for c in campaigns],
        sections=sections,
    )


def _cell(value: int | None) -> str:
    return f"<{SUPPRESSION_THRESHOLD}" if value is None else str(value)


def donor_rows(figures: DonorFigures) -> list[list]:
    rows: list[list] = [
        [figures.title, "", ""],
        [_("Programme"), figures.programme, ""],
        [_("Period"), f"{figures.date_from} – {figures.date_to}", ""],
        [_("Campaigns"), ", ".join(figures.campaigns), ""],
        [_("Section"), _("Figure"), _("Value"), _("Target")],
    ]
    for title, lines in figures.sections:
        rows += [
            [title, label, _cell(value), "" if target is None else target]
            for label, value, target in lines
        ]
    return rows


def donor_pdf(figures: DonorFigures) -> bytes:
    pdf = _PlanPDF()
    pdf.set_title(figures.title)
    pdf.add_page()
    pdf.write_line(figures.title, size=18, gap=2)
    pdf.write_line(f"{_('Programme')}: {figures.programme}")
    pdf.write_line(f"{_('Period')}: ", gap=0)
    pdf.write_line(f"{figures.date_from} – {figures.date_to}", ltr=True)
    pdf.write_line(f"{_('Campaigns')}: {', '.join(figures.campaigns)}", gap=3)
    for title, lines in figures.sections:
        pdf.write_line(title, size=13, gap=1)
        for label, value, target in lines:
            text = f"{label}: {_cell(value)}"
            if target is not None:
                text += " " + _("(target %(target)s)") % {"target": target}
            pdf.write_line(text, size=10, gap=0)
        pdf.ln(3)
    pdf.write_line(
        _("Counts from 1 to 4 are shown as <5 so that nobody can be singled out."), size=8
    )
    return bytes(pdf.output())


def donor_report_run(*, report_id: str) -> None:
    report = DonorReport.objects.select_related("job").get(pk=report_id)
    job = report.job
    try:
        with translation.override(report.language):
            job_progress(job=job, done=1, message=_("Counting"))
            figures = donor_figures(
                programme=report.programme, date_from=report.date_from, date_to=report.date_to
            )
            job_progress(job=job, done=2, message=_("Writing the PDF"))
            pdf = donor_pdf(figures)
            job_progress(job=job, done=3, message=_("Writing the spreadsheet"))
            xlsx = xlsx_bytes(donor_rows(figures), title=str(_("Results report")))
            DonorReport.objects.filter(pk=report.pk).update(pdf=pdf, xlsx=xlsx)
            job_progress(job=job, done=4)
            job_finish(job=job, message=_("Ready"))
    except Exception:
        job_finish(job=job, failed=True, message=_("The report could not be built."))
        raise
