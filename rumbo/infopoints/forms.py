from django import forms
from django.utils.translation import gettext_lazy as _

from rumbo.core.places import PlacePickerForm
from rumbo.infopoints import selectors


class DirectoryForm(PlacePickerForm):
    """Where the person is (browser location, a municipality picked step by step, or a typed
    place name) and what they need. Every field is optional: an empty form shows the search."""

    lat = forms.FloatField(required=False, min_value=-90, max_value=90, widget=forms.HiddenInput)
    lon = forms.FloatField(required=False, min_value=-180, max_value=180, widget=forms.HiddenInput)
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
        self.choice_field("service").choices = [("", _("Any service"))] + [
            (service.code, service.name) for service in selectors.service_list()
        ]
        self.choice_field("language").choices = [("", _("Any language"))] + [
            (code, name) for code, name in selectors.language_choices()
        ]

    def clean(self):
        data = super().clean() or {}
        location_errors = "lat" in self.errors or "lon" in self.errors
        if not location_errors and (data.get("lat") is None) != (data.get("lon") is None):
            raise forms.ValidationError(
                _("Your location arrived incomplete. Please try again or choose your town."),
                code="incomplete_location",
            )
        return data
