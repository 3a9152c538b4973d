from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from rumbo.core.forms import WholeNumberField
from rumbo.core.models import Country, Place
from rumbo.core.numbers import parse_int
from rumbo.infopoints import selectors


class DirectoryForm(forms.Form):
    """Where the person is (browser location, a municipality picked step by step, or a typed
    place name) and what they need. Every field is optional: an empty form shows the search."""

    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)
    country = forms.ChoiceField(label=_("Country"), required=False)
    state = WholeNumberField(
        label=_("State or department"), required=False, min_value=1, widget=forms.Select
    )
    letter = forms.CharField(required=False, max_length=1, widget=forms.HiddenInput)
    # Validated against the gazetteer in clean(), not against the options shown, so a link
    # to a municipality works whatever step the form is at.
    place = WholeNumberField(
        label=_("Municipality"), required=False, min_value=1, widget=forms.Select
    )
    q = forms.CharField(
        label=_("Or type the name of your town"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )
    # Which submit button was pressed: that way of giving a place wins over the others.
    by = forms.ChoiceField(
        required=False,
        choices=[("", ""), ("location", "location"), ("place", "place"), ("name", "name")],
    )
    service = forms.ChoiceField(label=_("Service"), required=False)
    language = forms.ChoiceField(label=_("Language spoken"), required=False)
    open = forms.BooleanField(label=_("Open now"), required=False)

    def __init__(self, data=None) -> None:
        super().__init__(data)
        countries = list(Country.objects.filter(role=Country.Role.ORIGIN))
        self._choice_field("country").choices = [("", _("Choose a country"))] + [
            (country.code, country.name) for country in countries
        ]
        self._choice_field("service").choices = [("", _("Any service"))] + [
            (service.code, service.name) for service in selectors.service_list()
        ]
        self._choice_field("language").choices = [("", _("Any language"))] + [
            (code, name) for code, name in selectors.language_choices()
        ]
        raw = self.data if data is not None else {}
        # Only a country offered reaches the database: raw text could hold a NUL, which
        # PostgreSQL refuses with an error.
        offered = {country.code for country in countries}
        country = raw.get("country") or ""
        self.states = (
            list(
                Place.objects.filter(country__code=country, kind=Place.Kind.STATE).order_by("name")
            )
            if country and country in offered
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
        return selectors.municipality_choices(state_id=state, initial=letter)

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
        place = selectors.municipality_get(pk=pk)
        if place is None:
            raise forms.ValidationError(
                _("This municipality is not in our list. Please choose it again."),
                code="unknown_place",
            )
        return place

    def clean(self):
        data = super().clean() or {}
        location_errors = "lat" in self.errors or "lon" in self.errors
        if not location_errors and (data.get("lat") is None) != (data.get("lon") is None):
            raise forms.ValidationError(
                _("Your location arrived incomplete. Please try again or choose your town."),
                code="incomplete_location",
            )
        return data

    @property
    def has_location(self) -> bool:
        return self.is_valid() and self.cleaned_data.get("lat") is not None
