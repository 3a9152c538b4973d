from django import forms
from django.utils.translation import gettext_lazy as _

from rumbo.casework.models import AppointmentRequest, Consultation, Topic
from rumbo.chat.texts import LANGUAGE_NAMES
from rumbo.core.forms import Utf8FormMixin


class ReplyForm(Utf8FormMixin, forms.Form):
    body = forms.CharField(
        label=_("Your answer"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class HandoffAppointmentForm(Utf8FormMixin, forms.Form):
    consent_given = forms.BooleanField(
        label=_("The person agreed that we keep their name and number for the appointment"),
    )
    alias = forms.CharField(label=_("Name or alias"), max_length=200)
    preferred_date = forms.DateField(
        label=_("Preferred day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    preferred_slot = forms.ChoiceField(
        label=_("Preferred time"), choices=AppointmentRequest.Slot.choices
    )
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices)


class HandoffConsultationForm(Utf8FormMixin, forms.Form):
    consent_given = forms.BooleanField(
        label=_("The person agreed that we keep a record of this consultation"),
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics"), choices=Topic.choices, widget=forms.CheckboxSelectMultiple
    )
    age_band = forms.ChoiceField(label=_("Age"), choices=Consultation.AgeBand.choices)
    sex = forms.ChoiceField(label=_("Sex or gender"), choices=Consultation.Sex.choices)
    situation = forms.ChoiceField(
        label=_("Migration situation"), choices=Consultation.Situation.choices
    )
    source = forms.ChoiceField(label=_("Heard of us through"), choices=Consultation.Source.choices)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Consultation.Outcome.choices)


class SimulatorForm(Utf8FormMixin, forms.Form):
    text = forms.CharField(label=_("Message"), max_length=2000, required=False)
    latitude = forms.FloatField(label=_("Latitude"), required=False, min_value=-90, max_value=90)
    longitude = forms.FloatField(
        label=_("Longitude"), required=False, min_value=-180, max_value=180
    )
    choice = forms.CharField(max_length=100, required=False, widget=forms.HiddenInput)


class PreviewForm(Utf8FormMixin, forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=list(LANGUAGE_NAMES.items()))
