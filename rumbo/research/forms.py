from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from rumbo.core.forms import Utf8FormMixin, WholeNumberField
from rumbo.research.models import Indicator, SurveyProject, Wave


class UploadForm(Utf8FormMixin, forms.Form):
    class Kind:
        QUESTIONNAIRE = "questionnaire"
        RESPONSES = "responses"

    kind = forms.ChoiceField(
        label=_("What the file holds"),
        choices=[
            (
                Kind.RESPONSES,
                _("Responses (KoboToolbox CSV, XLSX or JSON; ODK Central CSV or zip)"),
            ),
            (Kind.QUESTIONNAIRE, _("Questionnaire (XLSForm .xlsx)")),
        ],
    )
    wave = forms.ModelChoiceField(label=_("Wave"), queryset=Wave.objects.none(), required=False)
    file = forms.FileField(label=_("File"))

    def __init__(self, *args, project: SurveyProject, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ModelChoiceField, self.fields["wave"])
        field.queryset = project.waves.order_by("order", "pk")

    def clean(self):
        cleaned = super().clean()
        if cleaned and cleaned.get("kind") == self.Kind.RESPONSES and not cleaned.get("wave"):
            self.add_error("wave", _("Choose the wave these responses belong to."))
        return cleaned


class WeightsForm(Utf8FormMixin, forms.Form):
    METHODS = [
        ("design", _("Design weights only")),
        ("poststratify", _("Post-stratification (one table of cells per country)")),
        ("rake", _("Raking (each variable's margin per country)")),
    ]

    totals = forms.CharField(
        label=_("Population totals"),
        help_text=_(
            "One line per cell: country,variable,value,total. A table of cells joins "
            "variables and values with | (sex|age_group, female|18-29)."
        ),
        widget=forms.Textarea(attrs={"rows": 8}),
        required=False,
        max_length=200_000,
    )
    method = forms.ChoiceField(label=_("Adjustment"), choices=METHODS)


class IndicatorForm(Utf8FormMixin, forms.ModelForm):
    counted = forms.CharField(
        label=_("Answers that count"),
        required=False,
        help_text=_("Choice names separated by commas (for a proportion)."),
        max_length=2000,
    )
    filter_answers = forms.CharField(
        label=_("Denominator filter answers"),
        required=False,
        help_text=_("Only respondents with one of these answers (choice names, commas)."),
        max_length=2000,
    )
    breakdowns = forms.MultipleChoiceField(
        label=_("Disaggregations"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    order = WholeNumberField(label=_("Order"), min_value=0, max_value=1000, required=False)

    class Meta:
        model = Indicator
        fields = ["slug", "name", "kind", "question", "filter_question", "order"]

    def __init__(self, *args, project: SurveyProject, questions: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.project = project
        choices = [(name, name) for name in questions]
        self.fields["question"] = forms.ChoiceField(label=_("Question"), choices=choices)
        self.fields["filter_question"] = forms.ChoiceField(
            label=_("Denominator filter question"),
            choices=[("", _("Everyone")), *choices],
            required=False,
        )
        breakdowns = cast(forms.MultipleChoiceField, self.fields["breakdowns"])
        breakdowns.choices = [
            ("country", _("Country")),
            ("exposure", _("Campaign recall")),
            *choices,
        ]
        if self.instance.pk:
            self.initial.setdefault("counted", ", ".join(self.instance.counted_values))
            self.initial.setdefault("filter_answers", ", ".join(self.instance.filter_values))
            self.initial.setdefault("breakdowns", self.instance.disaggregations)

    def clean(self):
        cleaned = super().clean()
        if cleaned is None:
            return cleaned
        if cleaned.get("kind") == Indicator.Kind.PROPORTION and not _split(cleaned.get("counted")):
            self.add_error("counted", _("Name at least one answer that counts."))
        if cleaned.get("filter_question") and not _split(cleaned.get("filter_answers")):
            self.add_error("filter_answers", _("Name the answers that keep a respondent."))
        return cleaned

    def apply(self) -> Indicator:
        indicator = self.instance
        indicator.project = self.project
        indicator.counted_values = _split(self.cleaned_data.get("counted"))
        indicator.filter_values = _split(self.cleaned_data.get("filter_answers"))
        indicator.disaggregations = list(self.cleaned_data.get("breakdowns") or [])
        indicator.order = self.cleaned_data.get("order") or 0
        return indicator


def _split(text: str | None) -> list[str]:
    return [part.strip() for part in (text or "").split(",") if part.strip()]


class AnalysisForm(Utf8FormMixin, forms.Form):
    """Filters of the frequency and cross-tabulation pages (all optional, all by GET)."""

    wave = forms.ChoiceField(label=_("Wave"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    language = forms.ChoiceField(label=_("Labels in"), required=False)
    rows = forms.ChoiceField(label=_("Rows"), required=False)
    columns = forms.ChoiceField(label=_("Columns"), required=False)

    def __init__(
        self,
        *args,
        waves: list[str],
        countries: list[str],
        languages: list[str],
        questions: list[str],
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.choice("wave").choices = [("", _("Every wave"))] + [
            (str(index), name) for index, name in enumerate(waves)
        ]
        self.choice("country").choices = [("", _("Every country"))] + [(c, c) for c in countries]
        self.choice("language").choices = [("", _("Default"))] + [(n, n) for n in languages]
        options = [("", "—")] + [(q, q) for q in questions]
        self.choice("rows").choices = options
        self.choice("columns").choices = options

    def choice(self, name: str) -> forms.ChoiceField:
        return cast(forms.ChoiceField, self.fields[name])


class FindingsForm(Utf8FormMixin, forms.Form):
    indicators = forms.ModelMultipleChoiceField(
        label=_("Findings shown on the campaign's diagnosis page"),
        queryset=Indicator.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, queryset, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ModelMultipleChoiceField, self.fields["indicators"]).queryset = queryset
