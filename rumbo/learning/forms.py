from typing import TYPE_CHECKING, cast

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from rumbo.accounts.models import USERNAME_PATTERN, User, username_normalise
from rumbo.core.forms import Utf8FormMixin
from rumbo.learning.models import Topic

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise


class CatalogueFilterForm(Utf8FormMixin, forms.Form):
    topic = forms.ChoiceField(
        label=_("Topic"), required=False, choices=[("", _("All topics")), *Topic.choices]
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("All languages")), *settings.LANGUAGES]
    )

    def __init__(self, *args, topics: set[str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if topics is not None:  # only topics that have a course are offered
            field = cast(forms.ChoiceField, self.fields["topic"])
            field.choices = [
                ("", _("All topics")),
                *[(value, label) for value, label in Topic.choices if value in topics],
            ]


class NewPasswordMixin:
    """Checks the `password` field with the site's password rules."""

    def clean(self):
        cleaned = super().clean() or {}  # type: ignore[misc]
        password = cleaned.get("password")
        if password:
            try:
                password_validation.validate_password(password)
            except forms.ValidationError as error:
                self.add_error("password", error)  # type: ignore[attr-defined]
        return cleaned


def _new_password_field(label: "StrOrPromise" = "") -> forms.CharField:
    return forms.CharField(
        label=label or _("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters."),
    )


class RegisterForm(NewPasswordMixin, Utf8FormMixin, forms.Form):
    full_name = forms.CharField(
        label=_("Your name as it should appear on the certificate"), max_length=150
    )
    # As long as the account's field allows, so a longer address is refused here, by name.
    email = forms.EmailField(
        label=_("Email address"), max_length=User._meta.get_field("email").max_length
    )
    password = _new_password_field()


class UsernameRegisterForm(NewPasswordMixin, Utf8FormMixin, forms.Form):
    """Registration without an email address: a username, and recovery codes (shown once
    afterwards) instead of an email to reset a forgotten password."""

    full_name = forms.CharField(
        label=_("Your name as it should appear on the certificate"), max_length=150
    )
    username = forms.CharField(
        label=_("Username"),
        max_length=30,
        help_text=_("3 to 30 letters, digits, dots, hyphens or underscores, without spaces."),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password = _new_password_field()

    def clean_username(self) -> str:
        username = username_normalise(self.cleaned_data["username"])
        if not USERNAME_PATTERN.match(username):
            raise forms.ValidationError(
                _("Use 3 to 30 letters, digits, dots, hyphens or underscores, without spaces.")
            )
        return username


class LoginForm(Utf8FormMixin, forms.Form):
    username = forms.CharField(
        label=_("Email address or username"),
        max_length=User._meta.get_field("email").max_length,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class RecoverForm(NewPasswordMixin, Utf8FormMixin, forms.Form):
    username = forms.CharField(
        label=_("Username"),
        max_length=30,
        widget=forms.TextInput(attrs={"autocomplete": "username", "autocapitalize": "none"}),
    )
    recovery_code = forms.CharField(
        label=_("One of your recovery codes"),
        max_length=48,
        help_text=_("Like ABCD-EFGH-JKMN. Each code works once."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )
    password = _new_password_field(_("New password"))


class RecoveryCodesForm(Utf8FormMixin, forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class PackageUploadForm(Utf8FormMixin, forms.Form):
    package = forms.FileField(label=_("Course package (.zip)"))
    replace = forms.BooleanField(
        label=_("Replace the course if it exists and nobody is enrolled"), required=False
    )
