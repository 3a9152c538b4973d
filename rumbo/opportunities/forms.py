from django import forms
from django.utils.translation import gettext_lazy as _

from rumbo.core.forms import Utf8FormMixin, WholeNumberField
from rumbo.core.models import Place
from rumbo.core.places import PlacePickerForm, language_name
from rumbo.opportunities import selectors
from rumbo.opportunities.models import MAX_AGE, Correction, Opportunity
from rumbo.opportunities.services import EDITABLE_FIELDS

# Beyond this page the list says so rather than reading far into the table.
MAX_PAGE = 1000


class OpportunityFilterForm(PlacePickerForm):
    """The list's filters, all optional. The place is picked without JavaScript as in the
    information points directory (rumbo.core.places)."""

    country_empty_label = _("Any country")

    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Any kind")), *Opportunity.Kind.choices],
    )
    age = WholeNumberField(
        label=_("Your age"),
        required=False,
        min_value=0,
        max_value=MAX_AGE,
        # Text, not a number input: browsers refuse digits of other scripts ("٢٤") there.
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 4}),
    )
    free = forms.BooleanField(label=_("Free only"), required=False)
    soon = forms.BooleanField(label=_("Closing soon"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    page = WholeNumberField(
        required=False, min_value=1, max_value=MAX_PAGE, widget=forms.HiddenInput
    )

    def __init__(self, data=None) -> None:
        super().__init__(data)
        languages: list[tuple[str, str]] = sorted(
            ((code, language_name(code)) for code in selectors.opportunity_language_codes()),
            key=lambda item: item[1].casefold(),
        )
        self.choice_field("language").choices = [("", _("Any language")), *languages]

    def filters(self, *, origin: Place | None) -> selectors.OpportunityFilters:
        data = self.cleaned_data
        return selectors.OpportunityFilters(
            kind=data["kind"] or None,
            age=data["age"],
            free_only=data["free"],
            closing_soon=data["soon"],
            language=data["language"] or None,
            country_code=data["country"] or None,
            origin=origin,
        )


class PartnerOpportunityForm(Utf8FormMixin, forms.ModelForm):
    """What a partner may propose, on a phone: one column, native date pickers, numeric
    keyboards. Texts are in the language the partner is using."""

    age_min = WholeNumberField(
        label=_("minimum age"),
        required=False,
        min_value=0,
        max_value=MAX_AGE,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 4}),
    )
    age_max = WholeNumberField(
        label=_("maximum age"),
        required=False,
        min_value=0,
        max_value=MAX_AGE,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 4}),
    )

    class Meta:
        model = Opportunity
        fields = EDITABLE_FIELDS
        widgets = {
            "starts_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "ends_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "application_deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "apply_phone": forms.TextInput(attrs={"type": "tel"}),
            "apply_whatsapp": forms.TextInput(attrs={"type": "tel"}),
            "description": forms.Textarea(attrs={"rows": 4}),
            "how_to_apply": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, organisations=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if organisations is not None:
            # Only when proposing a new record: whose it will be.
            self.fields["organisation"] = forms.ModelChoiceField(
                label=_("Organisation"), queryset=organisations, empty_label=None
            )
            self.fields["country"] = forms.ModelChoiceField(
                label=_("Country"),
                queryset=selectors.origin_countries().order_by("name"),
                required=False,
                empty_label=_("The organisation's country"),
            )

    def _post_clean(self) -> None:
        # The model is checked by the service, as the record would be once approved, not
        # by the form on the live instance (which must not change before moderation).
        pass


class RevisionRejectForm(Utf8FormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason the partner will see"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CorrectionReviewForm(Utf8FormMixin, forms.Form):
    status = forms.ChoiceField(
        choices=[
            (Correction.Status.RESOLVED, Correction.Status.RESOLVED.label),
            (Correction.Status.DISMISSED, Correction.Status.DISMISSED.label),
        ]
    )


class CorrectionForm(Utf8FormMixin, forms.Form):
    """A visitor's correction: no name, email or phone is asked for."""

    what_is_wrong = forms.CharField(
        label=_("What is wrong?"), max_length=2000, widget=forms.Textarea(attrs={"rows": 4})
    )
    correct_value = forms.CharField(
        label=_("The correct information, if you know it"), max_length=500, required=False
    )
    source = forms.CharField(
        label=_("Where did you see it? (a link or the name of the source)"),
        max_length=500,
        required=False,
    )
    # Hidden from people (CSS and aria-hidden); robots that fill every field fill it too.
    company = forms.CharField(
        label=_("Leave this empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_robot(self) -> bool:
        return bool(self.cleaned_data.get("company"))


class ImportForm(Utf8FormMixin, forms.Form):
    file = forms.FileField(label=_("Spreadsheet (XLSX, CSV or JSON)"))
