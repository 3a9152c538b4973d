from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from rumbo.campaigns.models import (
    LandingBlock,
    Material,
    NewsItem,
    Partnership,
    PressContact,
    SocialChannel,
)
from rumbo.core.forms import Utf8FormMixin, WholeNumberField
from rumbo.core.models import Organisation
from rumbo.core.validators import WebURLFormField


class BlockForm(Utf8FormMixin, forms.Form):
    """A landing block with its title and text in each language the instance offers."""

    kind = forms.ChoiceField(label=_("Kind"), choices=LandingBlock.Kind.choices)
    order = WholeNumberField(label=_("Position"), min_value=0, max_value=1000, initial=10)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for code, name in settings.LANGUAGES:
            required = code == settings.LANGUAGE_CODE
            self.fields[f"title_{code}"] = forms.CharField(
                label=_("Title (%(language)s)") % {"language": name},
                max_length=200,
                required=required,
            )
            self.fields[f"body_{code}"] = forms.CharField(
                label=_("Text in Markdown (%(language)s)") % {"language": name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 5}),
            )

    def texts(self, prefix: str) -> dict[str, str]:
        return {
            code: self.cleaned_data.get(f"{prefix}_{code}") or ""
            for code, _name in settings.LANGUAGES
        }


class NewsForm(Utf8FormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=NewsItem.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Text in Markdown"), widget=forms.Textarea(attrs={"rows": 8}))
    contacts = forms.ModelMultipleChoiceField(
        label=_("Press contacts"),
        queryset=PressContact.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    publish = forms.BooleanField(label=_("Publish now"), required=False)

    def __init__(self, *args, contacts=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if contacts is not None:
            self.fields["contacts"].queryset = contacts  # type: ignore[attr-defined]


class MaterialForm(Utf8FormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Material.Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea)
    file = forms.FileField(label=_("File"), required=False)
    link = WebURLFormField(label=_("Or a link to where it is hosted"), required=False)
    transcript = forms.CharField(
        label=_("Transcript"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    captions = forms.CharField(
        label=_("Captions (WebVTT)"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )


class ThemeForm(Utf8FormMixin, forms.Form):
    slogan = forms.CharField(label=_("Slogan"), max_length=160, required=False)
    colour_primary = forms.CharField(label=_("Main colour"), max_length=7)
    colour_accent = forms.CharField(label=_("Accent colour"), max_length=7)
    logo_svg = forms.CharField(
        label=_("Logo (SVG source)"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )


class PartnerForm(Utf8FormMixin, forms.Form):
    organisation: "forms.ModelChoiceField[Organisation]" = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.order_by("name")
    )
    role = forms.ChoiceField(label=_("Role"), choices=Partnership.Role.choices)


class ChannelForm(Utf8FormMixin, forms.Form):
    platform = forms.ChoiceField(label=_("Platform"), choices=SocialChannel.Platform.choices)
    url = WebURLFormField(label=_("Address of the account"))
    handle = forms.CharField(label=_("Account name"), max_length=100, required=False)
