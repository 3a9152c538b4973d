"""The "plan your life" questionnaire, as data edited in the admin, and the plans it yields.

A questionnaire is a list of questions; a question is shown only when all its conditions
hold on the answers given before it (branching as data). Answers become facts: choices set
facts listed in their `sets` (e.g. {"purpose": "work"}), and country, place and number
questions set the fact named in `Question.fact`. The facts feed rumbo.guides.eligibility.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from rumbo.core.models import DemoMarked
from rumbo.guides.models import Pathway


class Fact(models.TextChoices):
    """The facts a questionnaire can establish about the person (see rumbo.plans.engine)."""

    COUNTRY = "country", _("Country of residence")
    NATIONALITY = "nationality", _("Nationality")
    PLACE = "place", _("Municipality of residence")
    AGE = "age", _("Age")
    PURPOSE = "purpose", _("Purpose")
    DESTINATION = "destination", _("Destination country")
    HAS_JOB_OFFER = "has_job_offer", _("Has a job offer")
    HAS_FAMILY_IN_DESTINATION = "has_family_in_destination", _("Has family in the destination")
    HAS_SCHOOL_ADMISSION = "has_school_admission", _("Has a school admission")
    DOCUMENTS_HELD = "documents_held", _("Documents already held")


BOOLEAN_FACTS = {
    Fact.HAS_JOB_OFFER,
    Fact.HAS_FAMILY_IN_DESTINATION,
    Fact.HAS_SCHOOL_ADMISSION,
}
# What a person wants; a pathway kind (e.g. "family") is also accepted as a purpose.
PURPOSES = ("study", "work", "business", "migrate", "other")


class Questionnaire(DemoMarked):
    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("The active questionnaire is the one people answer.")
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["slug"]

    def __str__(self) -> str:
        return self.title


class Question(DemoMarked):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        NUMBER = "number", _("Number")
        COUNTRY = "country", _("Country")
        PLACE = "place", _("Municipality (within the country of residence)")

    class CountryRole(models.TextChoices):
        ANY = "", _("Any country")
        ORIGIN = "origin", _("Origin countries of the campaigns")
        OTHER = "other", _("Any country but the country of residence")

    questionnaire = models.ForeignKey(
        Questionnaire,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("questionnaire"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    slug = models.SlugField(_("identifier"), max_length=40)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    text = models.CharField(_("question"), max_length=250)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=True)
    fact = models.CharField(
        _("fact set by the answer"),
        max_length=30,
        choices=Fact.choices,
        blank=True,
        help_text=_("For number, country and municipality questions; choices set their own."),
    )
    country_role = models.CharField(
        _("countries offered"),
        max_length=6,
        choices=CountryRole.choices,
        blank=True,
        help_text=_("For country questions."),
    )
    min_value = models.IntegerField(_("minimum"), null=True, blank=True)
    max_value = models.IntegerField(_("maximum"), null=True, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["questionnaire", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["questionnaire", "slug"], name="plans_question_unique_slug"
            )
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.text}"

    def clean(self) -> None:
        needs_fact = {self.Kind.NUMBER, self.Kind.COUNTRY, self.Kind.PLACE}
        if self.kind in needs_fact and not self.fact:
            raise ValidationError({"fact": _("Say which fact this answer sets.")})
        if self.kind == self.Kind.PLACE and self.fact != Fact.PLACE:
            raise ValidationError({"fact": _("A municipality question sets the municipality.")})
        if (
            self.min_value is not None
            and self.max_value is not None
            and self.min_value > self.max_value
        ):
            raise ValidationError({"max_value": _("The maximum is below the minimum.")})


class Choice(DemoMarked):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="choices", verbose_name=_("question")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    value = models.SlugField(_("value"), max_length=60)
    label = models.CharField(_("label"), max_length=200)
    sets = models.JSONField(
        _("facts it sets"),
        default=dict,
        blank=True,
        help_text=_(
            'E.g. {"purpose": "work"}, {"has_job_offer": true} or {"documents_held": ["passport"]}.'
        ),
    )

    class Meta:
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["question", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["question", "value"], name="plans_choice_unique_value")
        ]

    def __str__(self) -> str:
        return self.label

    def clean(self) -> None:
        if not isinstance(self.sets, dict):
            raise ValidationError({"sets": _('Write an object such as {"purpose": "work"}.')})
        for fact, value in self.sets.items():
            if fact not in Fact.values:
                raise ValidationError({"sets": _("Unknown fact: %(fact)s.") % {"fact": fact}})
            if fact in BOOLEAN_FACTS and not isinstance(value, bool):
                raise ValidationError({"sets": _("%(fact)s takes true or false.") % {"fact": fact}})
            if fact == Fact.DOCUMENTS_HELD and not (
                isinstance(value, list) and all(isinstance(item, str) for item in value)
            ):
                raise ValidationError({"sets": _("documents_held takes a list of identifiers.")})
            if fact == Fact.PURPOSE and value not in (*PURPOSES, *Pathway.Kind.values):
                raise ValidationError(
                    {
                        "sets": _("purpose takes one of: %(values)s.")
                        % {"values": ", ".join(PURPOSES)}
                    }
                )


class Condition(models.Model):
    """The question is shown only when every one of its conditions holds."""

    class Operator(models.TextChoices):
        IN = "in", _("answer is one of")
        NOT_IN = "not_in", _("answer is none of")
        AT_LEAST = "at_least", _("number is at least")
        BELOW = "below", _("number is below")

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="conditions", verbose_name=_("question")
    )
    depends_on = models.ForeignKey(
        Question,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("earlier question"),
    )
    operator = models.CharField(_("operator"), max_length=8, choices=Operator.choices)
    values = models.CharField(
        _("values"),
        max_length=300,
        help_text=_('Choice values, comma-separated ("migrate,work"), or a number.'),
    )

    class Meta:
        verbose_name = _("condition")
        verbose_name_plural = _("conditions")
        ordering = ["question", "pk"]

    def __str__(self) -> str:
        return f"{self.depends_on.slug} {self.get_operator_display()} {self.values}"

    def clean(self) -> None:
        if self.depends_on_id and self.question_id:
            if self.depends_on.questionnaire_id != self.question.questionnaire_id:
                raise ValidationError({"depends_on": _("Pick a question of this questionnaire.")})
            if self.depends_on.order >= self.question.order:
                raise ValidationError({"depends_on": _("Pick a question asked before this one.")})
        if self.operator in (self.Operator.AT_LEAST, self.Operator.BELOW):
            try:
                int(self.values)
            except ValueError:
                raise ValidationError({"values": _("Write a whole number.")}) from None

    @property
    def value_list(self) -> list[str]:
        return [value.strip() for value in self.values.split(",") if value.strip()]


class Plan(models.Model):
    """One person's answers under an anonymous random code: no account, name or address."""

    code = models.CharField(_("code"), max_length=32, unique=True)
    questionnaire = models.ForeignKey(
        Questionnaire,
        on_delete=models.CASCADE,
        related_name="plans",
        verbose_name=_("questionnaire"),
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires at"), db_index=True)

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.code[:4] + "…"

    def get_absolute_url(self) -> str:
        return reverse("plans:plan", kwargs={"code": self.code})
