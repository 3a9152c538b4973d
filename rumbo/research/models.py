"""Survey projects, their questionnaires, responses, weights and indicators.

A response is one row per submission with its answers as JSON, keyed by the submission's uuid
so that importing the same export again adds nothing. Estimation reads the answers it needs
into numpy columns (rumbo/research/frames.py), never row by row.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from rumbo.campaigns.models import Campaign
from rumbo.core.models import Country, DemoMarked


class SurveyProject(DemoMarked):
    class Design(models.TextChoices):
        SIMPLE = "simple", _("Simple random sample")
        STRATIFIED = "stratified", _("Stratified")
        CLUSTERED = "clustered", _("Clustered")
        TWO_STAGE = "two_stage", _("Two-stage")

    class Interval(models.TextChoices):
        LOGIT = "logit", _("Logit")
        WILSON = "wilson", _("Wilson")

    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=160)
    countries = models.ManyToManyField(Country, blank=True, verbose_name=_("countries"))
    design = models.CharField(
        _("sample design"), max_length=12, choices=Design.choices, default=Design.SIMPLE
    )
    strata_field = models.CharField(
        _("strata column"), max_length=100, blank=True, help_text=_("Question or column name.")
    )
    cluster_field = models.CharField(_("cluster (PSU) column"), max_length=100, blank=True)
    second_stage_field = models.CharField(_("second-stage unit column"), max_length=100, blank=True)
    fpc_field = models.CharField(
        _("finite population correction column"),
        max_length=100,
        blank=True,
        help_text=_("Population count of PSUs in the stratum, or the sampling fraction."),
    )
    second_stage_fpc_field = models.CharField(
        _("second-stage finite population correction column"), max_length=100, blank=True
    )
    weight_field = models.CharField(_("design weight column"), max_length=100, blank=True)
    country_field = models.CharField(
        _("country column"), max_length=100, blank=True, default="country"
    )
    exposure_field = models.CharField(
        _("campaign recall question"),
        max_length=100,
        blank=True,
        help_text=_("Respondents who recall the campaign against those who do not."),
    )
    exposure_values = models.JSONField(_("answers that mean recall"), default=list, blank=True)
    interval = models.CharField(
        _("interval for proportions"),
        max_length=8,
        choices=Interval.choices,
        default=Interval.LOGIT,
    )
    started_on = models.DateField(_("start date"), null=True, blank=True)
    ended_on = models.DateField(_("end date"), null=True, blank=True)
    method_note = models.TextField(_("method note"), blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="ProjectMembership",
        related_name="research_projects",
        blank=True,
    )

    class Meta:
        verbose_name = _("survey project")
        verbose_name_plural = _("survey projects")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("research:project", kwargs={"slug": self.slug})


class ProjectMembership(models.Model):
    class Role(models.TextChoices):
        RESEARCHER = "researcher", _("Researcher")
        VIEWER = "viewer", _("Viewer")

    project = models.ForeignKey(SurveyProject, on_delete=models.CASCADE, related_name="memberships")
    # Named like the other apps' power relations (accounts.permissions.POWER_RELATIONS).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="research_memberships"
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices, default=Role.RESEARCHER)

    class Meta:
        verbose_name = _("project member")
        verbose_name_plural = _("project members")
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="research_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.project}"


class Wave(DemoMarked):
    class Kind(models.TextChoices):
        BASELINE = "baseline", _("Baseline")
        FOLLOW_UP = "follow_up", _("Follow-up")
        OTHER = "other", _("Other")

    project = models.ForeignKey(SurveyProject, on_delete=models.CASCADE, related_name="waves")
    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.BASELINE)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    started_on = models.DateField(_("start date"), null=True, blank=True)
    ended_on = models.DateField(_("end date"), null=True, blank=True)

    class Meta:
        verbose_name = _("wave")
        verbose_name_plural = _("waves")
        ordering = ["project", "order", "pk"]

    def __str__(self) -> str:
        return self.name


class Questionnaire(DemoMarked):
    project = models.ForeignKey(
        SurveyProject, on_delete=models.CASCADE, related_name="questionnaires"
    )
    form_id = models.CharField(_("form id"), max_length=100)
    version = models.CharField(_("version"), max_length=100, blank=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    languages = models.JSONField(_("languages"), default=list, blank=True)
    default_language = models.CharField(_("default language"), max_length=60, blank=True)
    imported_at = models.DateTimeField(_("imported at"), auto_now=True)

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "form_id", "version"], name="research_form_version_once"
            )
        ]

    def __str__(self) -> str:
        return self.title or self.form_id


class Question(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="questions"
    )
    name = models.CharField(_("name"), max_length=100)
    path = models.CharField(_("path"), max_length=300, help_text=_("Groups, then the name."))
    type = models.CharField(_("type"), max_length=40)
    list_name = models.CharField(_("choice list"), max_length=100, blank=True)
    labels = models.JSONField(_("labels"), default=dict, blank=True)
    in_repeat = models.BooleanField(_("inside a repeat"), default=False)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["questionnaire", "order"]
        constraints = [
            models.UniqueConstraint(fields=["questionnaire", "name"], name="research_question_once")
        ]

    def __str__(self) -> str:
        return self.name

    def label(self, language: str = "") -> str:
        return _pick_label(self.labels, language) or self.name


class Choice(models.Model):
    questionnaire = models.ForeignKey(
        Questionnaire, on_delete=models.CASCADE, related_name="choices"
    )
    list_name = models.CharField(_("choice list"), max_length=100)
    name = models.CharField(_("name"), max_length=100)
    labels = models.JSONField(_("labels"), default=dict, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["questionnaire", "list_name", "order"]

    def __str__(self) -> str:
        return f"{self.list_name}: {self.name}"

    def label(self, language: str = "") -> str:
        return _pick_label(self.labels, language) or self.name


def _pick_label(labels: dict, language: str) -> str:
    """The label in a language given as a code (`es`) or a name (`Español (es)`)."""
    if not labels:
        return ""
    if language in labels:
        return labels[language]
    for key, text in labels.items():
        if key.endswith(f"({language})") or key.lower().startswith(language.lower()):
            return text
    return next(iter(labels.values()))


class Response(DemoMarked):
    project = models.ForeignKey(SurveyProject, on_delete=models.CASCADE, related_name="responses")
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="responses")
    uuid = models.CharField(_("submission uuid"), max_length=64)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, db_index=True)
    answers = models.JSONField(_("answers"), default=dict)
    design_weight = models.FloatField(_("design weight"), default=1.0)
    weight = models.FloatField(
        _("adjusted weight"), default=1.0, help_text=_("After post-stratification or raking.")
    )

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        constraints = [
            models.UniqueConstraint(fields=["project", "uuid"], name="research_submission_once")
        ]
        indexes = [models.Index(fields=["project", "wave"], name="research_resp_wave")]

    def __str__(self) -> str:
        return self.uuid


class PopulationTotal(models.Model):
    """A population count for weighting: one cell of a margin (raking) or of a table
    (post-stratification). `variable` names the question(s), joined by `|` for a table
    (`sex|age_group`), and `value` the answers in the same order (`female|18-29`)."""

    project = models.ForeignKey(
        SurveyProject, on_delete=models.CASCADE, related_name="population_totals"
    )
    country = models.CharField(_("country"), max_length=2)
    variable = models.CharField(_("variable"), max_length=200)
    value = models.CharField(_("value"), max_length=200)
    total = models.FloatField(_("population"))

    class Meta:
        verbose_name = _("population total")
        verbose_name_plural = _("population totals")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "country", "variable", "value"], name="research_total_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.country} {self.variable}={self.value}: {self.total:g}"


class Indicator(DemoMarked):
    class Kind(models.TextChoices):
        PROPORTION = "proportion", _("Proportion")
        MEAN = "mean", _("Mean")

    project = models.ForeignKey(SurveyProject, on_delete=models.CASCADE, related_name="indicators")
    slug = models.SlugField(_("identifier"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.PROPORTION)
    question = models.CharField(_("question"), max_length=100)
    counted_values = models.JSONField(
        _("answers that count"),
        default=list,
        blank=True,
        help_text=_("For a proportion: the answers counted as yes."),
    )
    filter_question = models.CharField(_("denominator filter question"), max_length=100, blank=True)
    filter_values = models.JSONField(_("denominator filter answers"), default=list, blank=True)
    disaggregations = models.JSONField(
        _("disaggregations"),
        default=list,
        blank=True,
        help_text=_("country, wave, exposure or any question name."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["project", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "slug"], name="research_indicator_once")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_proportion(self) -> bool:
        return self.kind == self.Kind.PROPORTION


class Finding(DemoMarked):
    """An indicator a campaign's manager chose to show on the campaign's public diagnosis."""

    campaign = models.ForeignKey(
        Campaign, on_delete=models.CASCADE, related_name="research_findings"
    )
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="findings")
    country = models.CharField(
        _("country"), max_length=2, blank=True, help_text=_("Empty: every country.")
    )
    note = models.TextField(_("note"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["campaign", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.campaign}: {self.indicator}"
