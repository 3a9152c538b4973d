from django import forms
from django.utils.translation import gettext_lazy as _

from rumbo.core.forms import WholeNumberField
from rumbo.core.models import Place
from rumbo.core.places import PlacePickerForm, language_name
from rumbo.opportunities import selectors
from rumbo.opportunities.models import MAX_AGE, Opportunity

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
