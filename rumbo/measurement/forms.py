import datetime

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rumbo.core.forms import Utf8FormMixin
from rumbo.measurement.models import TrackedLink
from rumbo.measurement.selectors import MAX_RANGE_DAYS

DATE_WIDGET = forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})


class PeriodForm(Utf8FormMixin, forms.Form):
    site = forms.ChoiceField(label=_("Site"), required=False)
    date_from = forms.DateField(label=_("From"), required=False, widget=DATE_WIDGET)
    date_to = forms.DateField(label=_("To"), required=False, widget=DATE_WIDGET)

    def __init__(self, *args, sites, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].choices = sites  # type: ignore[attr-defined]

    def clean(self):
        cleaned = super().clean() or {}
        today = timezone.localdate()
        date_to = cleaned.get("date_to") or today - datetime.timedelta(days=1)
        date_from = cleaned.get("date_from") or date_to - datetime.timedelta(days=29)
        if date_from > date_to:
            self.add_error("date_from", _("The start comes after the end."))
        elif (date_to - date_from).days > MAX_RANGE_DAYS:
            self.add_error("date_from", _("Choose a period of at most four years."))
        cleaned["date_from"], cleaned["date_to"] = date_from, date_to
        return cleaned


class TrackedLinkForm(Utf8FormMixin, forms.ModelForm):
    class Meta:
        model = TrackedLink
        fields = ["code", "campaign", "kind", "label", "partner", "target", "is_active"]

    def __init__(self, *args, campaigns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns  # type: ignore[attr-defined]
        if self.instance.pk:
            self.fields["code"].disabled = True


class SocialImportForm(Utf8FormMixin, forms.Form):
    campaign: forms.ModelChoiceField = forms.ModelChoiceField(label=_("Campaign"), queryset=None)
    file = forms.FileField(label=_("CSV file"))

    def __init__(self, *args, campaigns, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns  # type: ignore[attr-defined]


class DonorReportForm(Utf8FormMixin, forms.Form):
    programme = forms.ChoiceField(label=_("Programme"), required=False)
    date_from = forms.DateField(label=_("From"), widget=DATE_WIDGET)
    date_to = forms.DateField(label=_("To"), widget=DATE_WIDGET)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def __init__(self, *args, programmes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [("", _("All programmes"))] + [  # type: ignore[attr-defined]
            (p, p) for p in programmes
        ]

    def clean(self):
        cleaned = super().clean() or {}
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_from", _("The start comes after the end."))
        elif start and end and (end - start).days > MAX_RANGE_DAYS:
            self.add_error("date_from", _("Choose a period of at most four years."))
        return cleaned
