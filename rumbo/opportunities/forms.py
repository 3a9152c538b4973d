from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from rumbo.core.forms import Utf8FormMixin, WholeNumberField
from rumbo.core.models import Place
from rumbo.core.numbers import parse_int
from rumbo.infopoints.selectors import language_name, municipality_choices, municipality_get
from rumbo.opportunities import selectors
from rumbo.opportunities.models import MAX_AGE, Opportunity

# Beyond this page the list says so rather than reading far into the table.
MAX_PAGE = 1000


class OpportunityFilterForm(Utf8FormMixin, forms.Form):
    """The list's filters, all optional. The place is picked without JavaScript as in the
    information points directory: a country, then a state, then a municipality (large
    states narrowed by initial letter), or a typed town name."""

    kind = forms.ChoiceField(
        label=_("Kind"),
        required=False,
        choices=[("", _("Any kind")), *Opportunity.Kind.choices],
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    state = WholeNumberField(
        label=_("State or department"), required=False, min_value=1, widget=forms.Select
    )
    letter = forms.CharField(required=False, max_length=1, widget=forms.HiddenInput)
    # Validated against the gazetteer, not against the options shown, so that a link to a
    # municipality works whatever step the form is at.
    place = WholeNumberField(
        label=_("Municipality"), required=False, min_value=1, widget=forms.Select
    )
    q = forms.CharField(
        label=_("Or type the name of your town"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    age = WholeNumberField(
        label=_("Your age"),
        required=False,
        min_value=0,
        max_value=MAX_AGE,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    free = forms.BooleanField(label=_("Free only"), required=False)
    soon = forms.BooleanField(label=_("Closing soon"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    page = WholeNumberField(
        required=False, min_value=1, max_value=MAX_PAGE, widget=forms.HiddenInput
    )

    def __init__(self, data=None) -> None:
        super().__init__(data)
        countries = list(selectors.origin_countries())
        self._choice_field("country").choices = [("", _("Any country"))] + [
            (country.code, country.name) for country in countries
        ]
        languages: list[tuple[str, str]] = sorted(
            ((code, language_name(code)) for code in selectors.opportunity_language_codes()),
            key=lambda item: item[1].casefold(),
        )
        self._choice_field("language").choices = [("", _("Any language")), *languages]
        raw = self.data if data is not None else {}
        # Only a country offered reaches the database (raw text could hold a NUL, which
        # PostgreSQL refuses with an error).
        country = raw.get("country") or ""
        self.states = (
            list(
                Place.objects.filter(country__code=country, kind=Place.Kind.STATE).order_by("name")
            )
            if country in {c.code for c in countries}
            else []
        )
        self.fields["state"].widget.choices = [("", _("Choose a state or department"))] + [
            (state.pk, state.name) for state in self.states
        ]
        self.municipalities, self.letters = self._municipalities(raw)
        self.fields["place"].widget.choices = [("", _("Choose a municipality"))] + [
            (place.pk, place.name) for place in self.municipalities
        ]

    def _choice_field(self, name: str) -> forms.ChoiceField:
        return cast(forms.ChoiceField, self.fields[name])

    def _municipalities(self, raw) -> tuple[list[Place], list[str]]:
        state = parse_int(raw.get("state"), minimum=1)
        if state is None or state not in {s.pk for s in self.states}:
            return [], []
        letter = (raw.get("letter") or "")[:1].upper()
        # Only a letter narrows the list: raw text could hold a NUL, which PostgreSQL
        # refuses with an error.
        return municipality_choices(state_id=state, initial=letter if letter.isalpha() else "")

    def clean_state(self) -> int | None:
        state = self.cleaned_data.get("state")
        if state is not None and state not in {s.pk for s in self.states}:
            raise forms.ValidationError(
                _("Choose a state or department of the country you picked."), code="bad_state"
            )
        return state

    def clean_place(self) -> Place | None:
        pk = self.cleaned_data.get("place")
        if pk is None:
            return None
        place = municipality_get(pk=pk)
        if place is None:
            raise forms.ValidationError(
                _("This municipality is not in our list. Please choose it again."),
                code="unknown_place",
            )
        return place

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
