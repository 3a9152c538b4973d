"""The place picker the public lists share (information points, opportunities), and the
names of languages in the visitor's language.

A place is picked without JavaScript, one request per step: a country, then a state, then a
municipality (a large state narrowed by initial letter), or a typed town name. Only values
the gazetteer offers reach the database: raw request text could hold a NUL, which
PostgreSQL refuses with an error.
"""

import gettext as gettext_catalogues
from dataclasses import dataclass
from typing import cast

import pycountry
from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from rumbo.core.forms import Utf8FormMixin, WholeNumberField
from rumbo.core.models import Country, Place
from rumbo.core.numbers import parse_int
from rumbo.core.selectors import place_search
from rumbo.core.text import fold

# Places offered when a typed name is ambiguous.
PLACE_CHOICES = 10
# A state with more municipalities than this is split by initial letter, so that the page
# stays within its byte budget (Estado de México has almost a thousand).
MUNICIPALITIES_PER_SELECT = 600
LARGEST_WHEN_SPLIT = 150


def municipality_get(*, pk: int) -> Place | None:
    return (
        Place.objects.select_related("parent", "country")
        .filter(pk=pk, kind=Place.Kind.CITY)
        .first()
    )


def initial_letter(raw: str) -> str:
    """The initial a large state's municipalities are narrowed by: the first character of
    `raw` when it is a letter, else "" (a NUL or a "²" narrows nothing)."""
    first = raw[:1]
    return first.upper() if first.isalpha() else ""


def municipality_choices(*, state_id: int, initial: str = "") -> tuple[list[Place], list[str]]:
    """The municipalities of a state to pick from, and the initial letters to narrow them by
    (empty when the state is small enough to list whole). `initial` other than a letter
    narrows nothing."""
    places = Place.objects.filter(parent_id=state_id, kind=Place.Kind.CITY)
    if places.count() <= MUNICIPALITIES_PER_SELECT:
        return list(places.order_by("name").only("pk", "name")), []
    letters = sorted({name[:1].upper() for name in places.values_list("name_folded", flat=True)})
    initial = initial_letter(initial)
    if initial:
        chosen = places.filter(name_folded__startswith=fold(initial))
    else:
        largest = places.order_by("-population").values_list("pk", flat=True)[:LARGEST_WHEN_SPLIT]
        chosen = places.filter(pk__in=list(largest))
    return list(chosen.order_by("name").only("pk", "name")), letters


@dataclass(frozen=True)
class PlaceSearch:
    place: Place | None
    # Municipalities matching a typed name, when it is ambiguous or not found exactly.
    choices: list[Place]


def municipality_resolve(*, place: Place | None, query: str) -> PlaceSearch:
    """The municipality picked, else the one municipality of exactly the typed name (accents
    and case aside); several of that name, or none but some close, are offered as choices."""
    if place is not None:
        return PlaceSearch(place, [])
    folded = fold(query.strip())
    if not folded:
        return PlaceSearch(None, [])
    exact = list(
        Place.objects.filter(kind=Place.Kind.CITY, name_folded=folded)
        .select_related("parent", "country")
        .order_by("-population", "name")[:PLACE_CHOICES]
    )
    if len(exact) == 1:
        return PlaceSearch(exact[0], [])
    if exact:
        return PlaceSearch(None, exact)
    similar = place_search(query=query, limit=PLACE_CHOICES * 2)
    return PlaceSearch(
        None, [found for found in similar if found.kind == Place.Kind.CITY][:PLACE_CHOICES]
    )


def language_name(code: str) -> str:
    """A language's name in the interface language, from pycountry's ISO 639-3 catalogues."""
    language = pycountry.languages.get(alpha_3=code)
    if language is None:
        return code
    catalogue = gettext_catalogues.translation(
        "iso639-3", pycountry.LOCALES_DIR, languages=[get_language() or "es"], fallback=True
    )
    return catalogue.gettext(language.name)


class PlacePickerForm(Utf8FormMixin, forms.Form):
    """The place fields of a list's form, all optional: `country`, `state`, `letter`,
    `place` (a municipality, cleaned to a Place) and `q` (a typed town name). A template
    shows `states`, `letters` and `municipalities` for the step the form is at."""

    country_empty_label = _("Choose a country")

    country = forms.ChoiceField(label=_("Country"), required=False)
    state = WholeNumberField(
        label=_("State or department"), required=False, min_value=1, widget=forms.Select
    )
    letter = forms.CharField(required=False, max_length=1, widget=forms.HiddenInput)
    # Validated against the gazetteer in clean_place(), not against the options shown, so a
    # link to a municipality works whatever step the form is at.
    place = WholeNumberField(
        label=_("Municipality"), required=False, min_value=1, widget=forms.Select
    )
    q = forms.CharField(
        label=_("Or type the name of your town"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "address-level2"}),
    )

    def __init__(self, data=None) -> None:
        super().__init__(data)
        countries = list(Country.objects.filter(role=Country.Role.ORIGIN))
        self.choice_field("country").choices = [("", self.country_empty_label)] + [
            (country.code, country.name) for country in countries
        ]
        raw = self.data if data is not None else {}
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

    def choice_field(self, name: str) -> forms.ChoiceField:
        return cast(forms.ChoiceField, self.fields[name])

    def _municipalities(self, raw) -> tuple[list[Place], list[str]]:
        state = parse_int(raw.get("state"), minimum=1)
        if state is None or state not in {s.pk for s in self.states}:
            return [], []
        return municipality_choices(state_id=state, initial=raw.get("letter") or "")

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
