from collections.abc import Iterable
from typing import cast

from django import forms
from django.utils.translation import gettext_lazy as _

from rumbo.core.forms import Utf8FormMixin, WholeNumberField
from rumbo.core.models import Country


class GuideFilterForm(Utf8FormMixin, forms.Form):
    origin = forms.ChoiceField(label=_("I live in"), required=False)
    destination = forms.ChoiceField(label=_("I want to go to"), required=False)

    def __init__(
        self, *args, origins: Iterable[Country], destinations: Iterable[Country], **kwargs
    ):
        super().__init__(*args, **kwargs)
        any_country = [("", _("Any country"))]
        origin = cast(forms.ChoiceField, self.fields["origin"])
        destination = cast(forms.ChoiceField, self.fields["destination"])
        origin.choices = any_country + [(c.code, c.name) for c in origins]
        destination.choices = any_country + [(c.code, c.name) for c in destinations]


class SearchForm(Utf8FormMixin, forms.Form):
    q = forms.CharField(label=_("Search the guides"), max_length=100, required=True)


class PlaceForm(Utf8FormMixin, forms.Form):
    place = WholeNumberField(label=_("Place"), min_value=1, required=False)
    city = forms.CharField(label=_("Your municipality or city"), max_length=100, required=False)
