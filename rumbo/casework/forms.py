import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rumbo.audit.services import REASON_MAX_LENGTH
from rumbo.casework.models import (
    CONSENT_VERSION,
    AppointmentRequest,
    Consultation,
    Referral,
    Topic,
)
from rumbo.core.forms import Utf8FormMixin
from rumbo.core.models import Organisation

# Personal data must not linger in the browser's form history.
PRIVATE = {"autocomplete": "off"}


class AppointmentRequestForm(Utf8FormMixin, forms.Form):
    alias = forms.CharField(
        label=_("Your name or an alias"),
        max_length=80,
        help_text=_("Any name we can call you by; it does not have to be your real name."),
        widget=forms.TextInput(attrs=PRIVATE),
    )
    contact_channel = forms.ChoiceField(
        label=_("How should we contact you?"),
        choices=AppointmentRequest.Contact.choices,
        widget=forms.RadioSelect,
        initial=AppointmentRequest.Contact.WHATSAPP,
    )
    contact = forms.RegexField(
        label=_("Phone number"),
        regex=r"^\+?[0-9 ()-]{7,20}$",
        error_messages={"invalid": _("Type a phone number with 7 to 20 digits.")},
        widget=forms.TextInput(attrs={**PRIVATE, "inputmode": "tel"}),
    )
    preferred_date = forms.DateField(
        label=_("Preferred day"), widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    preferred_slot = forms.ChoiceField(
        label=_("Preferred time"), choices=AppointmentRequest.Slot.choices
    )
    topic = forms.ChoiceField(label=_("What would you like to talk about?"), choices=Topic.choices)

    def clean_preferred_date(self) -> datetime.date:
        day = self.cleaned_data["preferred_date"]
        today = timezone.localdate()
        if not today <= day <= today + datetime.timedelta(days=60):
            raise forms.ValidationError(_("Choose a day between today and two months from now."))
        return day


class AppointmentStatusForm(Utf8FormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=AppointmentRequest.Status.choices)


class ConsultationForm(Utf8FormMixin, forms.ModelForm):
    """Quick to fill on a phone: most fields are one tap; personal fields are optional."""

    topics = forms.MultipleChoiceField(
        label=_("Topics"), choices=Topic.choices, widget=forms.CheckboxSelectMultiple
    )
    refer_to_point: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Refer to another information point"), queryset=None, required=False
    )
    refer_to_organisation: forms.ModelChoiceField = forms.ModelChoiceField(
        label=_("Refer to a partner organisation"),
        queryset=Organisation.objects.filter(is_partner=True).order_by("name"),
        required=False,
    )
    share_with_referral = forms.BooleanField(
        label=_("Send the name and contact details with the referral (needs consent)"),
        required=False,
    )

    class Meta:
        model = Consultation
        fields = [
            "date",
            "channel",
            "age_band",
            "sex",
            "nationality",
            "situation",
            "source",
            "campaign",
            "tracked_code",
            "outcome",
            "follow_up_on",
            "consent_given",
            "alias",
            "contact",
            "notes",
        ]
        widgets = {
            "date": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
            "follow_up_on": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
            "channel": forms.RadioSelect,
            "age_band": forms.RadioSelect,
            "sex": forms.RadioSelect,
            "outcome": forms.RadioSelect,
            "alias": forms.TextInput(attrs=PRIVATE),
            "contact": forms.TextInput(attrs=PRIVATE),
            "notes": forms.Textarea(attrs={**PRIVATE, "rows": 3}),
        }

    field_order = ["date", "channel", "topics"]

    def __init__(self, *args, destination_points=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["refer_to_point"].queryset = destination_points  # type: ignore[attr-defined]
        # The links and QR codes of each campaign, named as staff know them.
        self.fields["tracked_code"].queryset = (  # type: ignore[attr-defined]
            self.fields["tracked_code"]
            .queryset.select_related("campaign")  # type: ignore[attr-defined]
            .filter(is_active=True)
            .order_by("campaign__name", "label")
        )
        self.fields["tracked_code"].label_from_instance = lambda link: (  # type: ignore[attr-defined]
            f"{link.campaign.name} · {link.label} (/go/{link.code})"
        )
        self.fields["consent_given"].label = _(
            "The person agreed that we keep their details (consent text %(version)s)"
        ) % {"version": CONSENT_VERSION}
        for name in ("channel", "age_band", "sex", "outcome"):
            # ModelForm adds an empty choice to radio buttons of required fields.
            field = self.fields[name]
            field.choices = [c for c in field.choices if c[0]]  # type: ignore[attr-defined]

    def clean(self):
        cleaned = super().clean() or {}
        if not cleaned.get("consent_given"):
            if cleaned.get("contact") or cleaned.get("notes"):
                self.add_error(
                    "consent_given", _("Contact details and notes need the person's consent.")
                )
            if cleaned.get("share_with_referral"):
                self.add_error(
                    "share_with_referral", _("Sharing details needs the person's consent.")
                )
        if cleaned.get("refer_to_point") and cleaned.get("refer_to_organisation"):
            self.add_error(
                "refer_to_organisation",
                _(
                    "A referral goes to one information point or one partner organisation: choose one."
                ),
            )
        return cleaned


class ReasonForm(Utf8FormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reason (recorded in the audit log)"),
        max_length=REASON_MAX_LENGTH,
        widget=forms.TextInput(attrs=PRIVATE),
    )


class ReferralStatusForm(Utf8FormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Referral.Status.choices)


class ReportForm(Utf8FormMixin, forms.Form):
    month = forms.TypedChoiceField(
        label=_("Month"), coerce=datetime.date.fromisoformat, required=False, empty_value=None
    )
    point = forms.TypedChoiceField(
        label=_("Information point"), coerce=int, required=False, empty_value=None
    )
    country = forms.TypedChoiceField(
        label=_("Country"), coerce=int, required=False, empty_value=None
    )

    def __init__(self, *args, months, points, countries, **kwargs):
        super().__init__(*args, **kwargs)
        choices = {
            "month": [(m.isoformat(), m.strftime("%Y-%m")) for m in months],
            "point": [("", _("All"))] + [(p.pk, p.name) for p in points],
            "country": [("", _("All"))] + [(c.pk, c.name) for c in countries],
        }
        for name, options in choices.items():
            self.fields[name].choices = options  # type: ignore[attr-defined]
