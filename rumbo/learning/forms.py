from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from rumbo.accounts.models import User
from rumbo.core.forms import Utf8FormMixin
from rumbo.learning.models import Topic


class CatalogueFilterForm(Utf8FormMixin, forms.Form):
    topic = forms.ChoiceField(
        label=_("Topic"), required=False, choices=[("", _("All topics")), *Topic.choices]
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("All languages")), *settings.LANGUAGES]
    )


class RegisterForm(Utf8FormMixin, forms.Form):
    full_name = forms.CharField(
        label=_("Your name as it should appear on the certificate"), max_length=150
    )
    # As long as the account's field allows, so a longer address is refused here, by name.
    email = forms.EmailField(
        label=_("Email address"), max_length=User._meta.get_field("email").max_length
    )
    password = forms.CharField(
        label=_("Password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters."),
    )

    def clean(self):
        cleaned = super().clean() or {}
        password = cleaned.get("password")
        if password:
            try:
                password_validation.validate_password(password)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class LoginForm(Utf8FormMixin, forms.Form):
    email = forms.EmailField(label=_("Email address"))
    password = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )


class PackageUploadForm(Utf8FormMixin, forms.Form):
    package = forms.FileField(label=_("Course package (.zip)"))
    replace = forms.BooleanField(
        label=_("Replace the course if it exists and nobody is enrolled"), required=False
    )
