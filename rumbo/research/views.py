"""Researchers' pages (a power: second factor, membership of the project) and the public
diagnosis of a campaign. Thin: each parses the request, calls services or selectors, renders."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from rumbo.accounts.decorators import powers_required
from rumbo.campaigns.permissions import campaign_may_publish
from rumbo.core.downloads import download_response
from rumbo.core.exports import csv_text, xlsx_bytes
from rumbo.core.forms import form_add_service_error
from rumbo.core.models import Job
from rumbo.core.numbers import parse_int
from rumbo.core.services import job_create
from rumbo.core.uploads import UploadError, upload_read
from rumbo.research import importers, selectors, services
from rumbo.research.charts import Bar, interval_chart
from rumbo.research.forms import (
    AnalysisForm,
    FindingsForm,
    IndicatorForm,
    UploadForm,
    WeightsForm,
)
from rumbo.research.frames import frame_load
from rumbo.research.models import Indicator, SurveyProject
from rumbo.research.tasks import responses_import_task

# Files larger than this are imported by the background worker, with a progress page.
BACKGROUND_BYTES = 2 * 1024 * 1024

ProjectView = Callable[..., HttpResponse]


def project_page(*, edit: bool = False) -> Callable[[ProjectView], ProjectView]:
    """A page of one project: a power (second factor), and membership of the project
    (researcher role to change anything); another project answers 404 like a missing one."""

    def decorator(view: ProjectView) -> ProjectView:
        @powers_required
        @wraps(view)
        def wrapper(request: HttpRequest, slug: str, *args, **kwargs) -> HttpResponse:
            try:
                project = selectors.project_get(user=request.user, slug=slug)
            except SurveyProject.DoesNotExist as error:
                raise Http404 from error
            if edit and not selectors.project_editable(user=request.user, project=project):
                raise PermissionDenied
            return view(request, project, *args, **kwargs)

        return wrapper

    return decorator


@require_GET
@powers_required
def project_list(request: HttpRequest) -> HttpResponse:
    projects = selectors.project_list(user=request.user)
    return render(request, "research/project_list.html", {"projects": projects})


def _percent(project: SurveyProject, indicator: Indicator) -> bool:
    return indicator.kind == Indicator.Kind.PROPORTION


def _chart(title: str, rows: list[selectors.ResultRow], *, percent: bool) -> str:
    bars = [
        Bar(
            " · ".join(row.groups),
            row.estimate.estimate,
            row.estimate.ci_low,
            row.estimate.ci_high,
            muted=row.estimate.small,
        )
        for row in rows
        if not row.estimate.suppressed
    ]
    return interval_chart(title=title, bars=bars, percent=percent)


@require_GET
@project_page()
def project_detail(request: HttpRequest, project: SurveyProject) -> HttpResponse:
    frame = frame_load(project=project)
    tables = selectors.indicator_tables(project=project, frame=frame)
    charts = {
        table.indicator.pk: _chart(
            table.indicator.name,
            table.rows,
            percent=_percent(project, table.indicator),
        )
        for table in tables
    }
    return render(
        request,
        "research/project_detail.html",
        {
            "project": project,
            "waves": [(w, int((frame.wave_index == i).sum())) for i, w in enumerate(frame.waves)],
            "tables": [(table, charts[table.indicator.pk]) for table in tables],
            "weights": selectors.weight_summaries(frame=frame),
            "editable": selectors.project_editable(user=request.user, project=project),
            "size": frame.size,
        },
    )


@require_http_methods(["GET", "POST"])
@project_page(edit=True)
def upload(request: HttpRequest, project: SurveyProject) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None, project=project)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            uploaded = form.cleaned_data["file"]
            name = uploaded.name[:200]
            try:
                data = upload_read(file=uploaded, name=name, limits=importers.LIMITS)
                if form.cleaned_data["kind"] == UploadForm.Kind.QUESTIONNAIRE:
                    questionnaire = services.questionnaire_import(
                        project=project, data=data, name=name
                    )
                    return _done(
                        request,
                        project,
                        _("Questionnaire “%(title)s” imported.") % {"title": questionnaire},
                    )
                wave = form.cleaned_data["wave"]
                if len(data) > BACKGROUND_BYTES:
                    job = job_create(kind=_("Survey import"), created_by=request.user)
                    transaction.on_commit(
                        lambda: responses_import_task(str(job.pk), project.pk, wave.pk, data, name)
                    )
                    return redirect("research:job", slug=project.slug, job_id=job.pk)
                result = services.responses_import(project=project, wave=wave, data=data, name=name)
                return _done(
                    request,
                    project,
                    _("%(created)s responses added, %(skipped)s already there.")
                    % {"created": result.created, "skipped": result.skipped},
                )
            except UploadError as error:
                form.add_error("file", error.message)
    return render(
        request, "research/upload.html", {"project": project, "form": form}, status=status
    )


def _done(request: HttpRequest, project: SurveyProject, message: str) -> HttpResponse:
    return render(request, "research/done.html", {"project": project, "message": message})


@require_GET
@project_page()
def job_detail(request: HttpRequest, project: SurveyProject, job_id) -> HttpResponse:
    job = get_object_or_404(Job, pk=job_id, created_by=request.user)
    return render(request, "research/job.html", {"project": project, "job": job})


@require_http_methods(["GET", "POST"])
@project_page(edit=True)
def weights(request: HttpRequest, project: SurveyProject) -> HttpResponse:
    initial_text = "\n".join(
        f"{t.country},{t.variable},{t.value},{t.total:g}"
        for t in project.population_totals.order_by("country", "variable", "value")
    )
    form = WeightsForm(request.POST or None, initial={"totals": initial_text, "method": "rake"})
    status = 200
    message = ""
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                with transaction.atomic():
                    services.population_totals_replace(
                        project=project, text=form.cleaned_data["totals"]
                    )
                    adjusted = services.weights_adjust(
                        project=project, method=form.cleaned_data["method"]
                    )
                status = 200
                message = _("Weights adjusted in %(count)s countries.") % {"count": len(adjusted)}
            except ValidationError as error:
                form_add_service_error(form, error)
    frame = frame_load(project=project)
    return render(
        request,
        "research/weights.html",
        {
            "project": project,
            "form": form,
            "message": message,
            "summaries": selectors.weight_summaries(frame=frame),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@project_page(edit=True)
def indicator_edit(
    request: HttpRequest, project: SurveyProject, indicator_slug: str = ""
) -> HttpResponse:
    instance = Indicator(project=project)
    if indicator_slug:
        instance = get_object_or_404(Indicator, project=project, slug=indicator_slug)
    questions = [q.name for q in selectors.question_list(project=project)]
    if not questions:
        questions = sorted(
            {key for answers in frame_load(project=project).answers for key in answers}
        )
    form = IndicatorForm(
        request.POST or None, instance=instance, project=project, questions=questions
    )
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                indicator = services.indicator_save(indicator=form.apply())
                return redirect(
                    "research:indicator", slug=project.slug, indicator_slug=indicator.slug
                )
            except ValidationError as error:
                form_add_service_error(form, error)
    return render(
        request,
        "research/indicator_form.html",
        {"project": project, "form": form, "indicator": instance if indicator_slug else None},
        status=status,
    )


@require_GET
@project_page()
def indicator_detail(
    request: HttpRequest, project: SurveyProject, indicator_slug: str
) -> HttpResponse:
    indicator = get_object_or_404(Indicator, project=project, slug=indicator_slug)
    frame = frame_load(project=project)
    table, parts, exposure = selectors.indicator_detail(frame=frame, indicator=indicator)
    percent = _percent(project, indicator)
    labels = selectors.labels_get(project=project)
    return render(
        request,
        "research/indicator_detail.html",
        {
            "project": project,
            "indicator": indicator,
            "table": table,
            "chart": _chart(indicator.name, table.rows, percent=percent),
            "parts": [
                (part, _chart(f"{indicator.name} · {part.name}", part.rows, percent=percent))
                for part in parts
            ],
            "exposure": exposure,
            "percent": percent,
            "labels": labels,
            "editable": selectors.project_editable(user=request.user, project=project),
        },
    )


def _analysis_form(request: HttpRequest, project: SurveyProject, frame) -> AnalysisForm:
    questions = [q.name for q in selectors.question_list(project=project)] or sorted(
        {key for answers in frame.answers for key in answers}
    )
    return AnalysisForm(
        request.GET or None,
        waves=[w.name for w in frame.waves],
        countries=sorted(set(frame.country) - {""}),
        languages=selectors.languages_of(project=project),
        questions=questions,
    )


def _filters(form: AnalysisForm) -> tuple[int | None, str, str]:
    if not form.is_bound or not form.is_valid():
        return None, "", ""
    data = form.cleaned_data
    return (
        parse_int(data.get("wave"), minimum=0),
        data.get("country") or "",
        data.get("language") or "",
    )


@require_GET
@project_page()
def frequencies(request: HttpRequest, project: SurveyProject) -> HttpResponse:
    frame = frame_load(project=project)
    form = _analysis_form(request, project, frame)
    wave, country, language = _filters(form)
    labels = selectors.labels_get(project=project, language=language)
    blocks: list[tuple[Any, str, Any, Any]] = []
    for question in selectors.question_list(project=project):
        if question.type in ("select_one", "select_multiple"):
            rows = selectors.frequency_table(
                frame=frame, question=question.name, labels=labels, wave=wave, country=country
            )
            blocks.append((question, labels.question(question.name), rows, None))
        elif question.type in ("integer", "decimal", "range"):
            summary = selectors.numeric_summary(
                frame=frame, question=question.name, wave=wave, country=country
            )
            blocks.append((question, labels.question(question.name), None, summary))
    return render(
        request,
        "research/frequencies.html",
        {"project": project, "form": form, "blocks": blocks},
    )


@require_GET
@project_page()
def crosstab(request: HttpRequest, project: SurveyProject) -> HttpResponse:
    frame = frame_load(project=project)
    form = _analysis_form(request, project, frame)
    wave, country, language = _filters(form)
    table = None
    if form.is_bound and form.is_valid():
        rows, columns = form.cleaned_data.get("rows"), form.cleaned_data.get("columns")
        if rows and columns:
            labels = selectors.labels_get(project=project, language=language)
            table = selectors.cross_tabulation(
                frame=frame,
                row_question=rows,
                column_question=columns,
                labels=labels,
                wave=wave,
                country=country,
            )
    return render(
        request, "research/crosstab.html", {"project": project, "form": form, "table": table}
    )


EXPORTS = {"indicators", "microdata"}


@require_GET
@project_page()
def export(
    request: HttpRequest, project: SurveyProject, what: str, file_format: str
) -> HttpResponse:
    if what not in EXPORTS or file_format not in ("csv", "xlsx"):
        raise Http404
    frame = frame_load(project=project)
    if what == "indicators":
        rows = selectors.indicator_export_rows(
            tables=selectors.indicator_tables(project=project, frame=frame)
        )
    else:
        rows = selectors.microdata_rows(frame=frame, labels=selectors.labels_get(project=project))
    filename = f"{project.slug}-{what}.{file_format}"
    if file_format == "csv":
        return download_response(
            csv_text(rows), filename=filename, content_type="text/csv; charset=utf-8"
        )
    return download_response(
        xlsx_bytes(rows, title=what),
        filename=filename,
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


@require_http_methods(["GET", "POST"])
@powers_required
def findings_choose(request: HttpRequest, slug: str) -> HttpResponse:
    """A campaign's managers choose which survey findings its public diagnosis shows."""
    try:
        campaign = selectors.campaign_get(slug=slug)
    except selectors.Campaign.DoesNotExist as error:
        raise Http404 from error
    if not campaign_may_publish(user=request.user, campaign=campaign):
        raise PermissionDenied
    queryset = selectors.indicators_for_campaign(campaign=campaign)
    chosen = list(campaign.research_findings.values_list("indicator_id", flat=True))
    form = FindingsForm(request.POST or None, queryset=queryset, initial={"indicators": chosen})
    if request.method == "POST":
        if form.is_valid():
            services.findings_replace(
                campaign=campaign, indicators=list(form.cleaned_data["indicators"])
            )
            return redirect("research:diagnosis", slug=campaign.slug)
        return render(
            request, "research/findings.html", {"campaign": campaign, "form": form}, status=400
        )
    return render(request, "research/findings.html", {"campaign": campaign, "form": form})


# Public


@require_GET
def diagnosis(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        campaign = selectors.campaign_get(slug=slug)
    except selectors.Campaign.DoesNotExist as error:
        raise Http404(_("No campaign with this address.")) from error
    projects = selectors.diagnosis_findings(campaign=campaign)
    return render(
        request,
        "research/diagnosis.html",
        {
            "campaign": campaign,
            "projects": [
                (
                    project,
                    [
                        (
                            item,
                            _chart(
                                item.finding.indicator.name,
                                item.rows,
                                percent=_percent(project, item.finding.indicator),
                            ),
                        )
                        for item in findings
                    ],
                )
                for project, findings in projects
            ],
        },
    )


def project_url(project: SurveyProject) -> str:
    return reverse("research:project", kwargs={"slug": project.slug})
