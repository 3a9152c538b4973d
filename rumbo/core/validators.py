"""Web addresses that content authors, partners and importers give: http(s) only.

Django's URLField also accepts ftp and ftps, and a value written without `full_clean()` (an
importer, a script) is not checked at all; a `javascript:` address rendered as a link runs in
the visitor's browser. Every model field holding an address is a `WebURLField`, every form field
a `WebURLFormField`, importers call `web_url_validator`, and templates render addresses through
the `web_url` filter (rumbo.core.templatetags.web_urls) as a second line.
"""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

WEB_SCHEMES = ("http", "https")


@deconstructible(path="rumbo.core.validators.WebURLValidator")
class WebURLValidator(URLValidator):
    message = _("Enter a web address that starts with http:// or https://.")

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("schemes", list(WEB_SCHEMES))
        super().__init__(**kwargs)


web_url_validator = WebURLValidator()


def is_web_url(value: object) -> bool:
    """True for an absolute http(s) address that the validator accepts."""
    if not isinstance(value, str) or not value:
        return False
    try:
        web_url_validator(value)
    except ValidationError:
        return False
    return True


class WebURLFormField(forms.URLField):
    default_validators = [web_url_validator]
    # The form field replaces a validator's message by its own for the same code: say why.
    default_error_messages = {"invalid": WebURLValidator.message}

    def __init__(self, **kwargs: Any) -> None:
        # An address typed without a scheme is read as https, Django 6's default.
        kwargs.setdefault("assume_scheme", "https")
        super().__init__(**kwargs)


class WebURLField(models.URLField):
    """A URLField that accepts http and https addresses only, in the admin, forms and
    `full_clean()`."""

    default_validators = [web_url_validator]

    def formfield(self, **kwargs: Any) -> Any:
        return super().formfield(**{"form_class": WebURLFormField, **kwargs})
