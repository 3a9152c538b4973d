"""Form helpers every app can use.

WholeNumberField reads a number as every other request number is read (rumbo.core.numbers).

Django decodes a request's form data with errors="replace": bytes that are not UTF-8 reach
the form as U+FFFD REPLACEMENT CHARACTER, and would be stored as such, silently losing what
was sent. No one types U+FFFD, so a value holding one is refused with a message on its field
and the person can type it again.
"""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from rumbo.core.numbers import parse_int

REPLACEMENT_CHARACTER = "\N{REPLACEMENT CHARACTER}"
MESSAGE = _("This text arrived damaged (it was not sent as UTF-8). Please type it again.")


def validate_utf8_received(value: Any) -> None:
    """A field validator: refuses text that was not valid UTF-8 when it was received."""
    if _damaged(value):
        raise ValidationError(MESSAGE, code="invalid_utf8")


def _damaged(value: Any) -> bool:
    if isinstance(value, str):
        return REPLACEMENT_CHARACTER in value
    if isinstance(value, list | tuple):
        return any(_damaged(item) for item in value)
    return False


class Utf8FormMixin(forms.BaseForm):
    """Refuses, on its own field, every submitted value that was not valid UTF-8.

    Checked on the raw submitted data, so a damaged value is refused even where a field
    would otherwise clean it away (a choice, a number, a stripped text).
    """

    def clean(self) -> dict[str, Any] | None:
        cleaned = super().clean()
        for name, field in self.fields.items():
            if name in self.errors:
                continue
            raw = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            if _damaged(raw):
                self.add_error(name, ValidationError(MESSAGE, code="invalid_utf8"))
        return cleaned


def form_add_service_error(form: forms.BaseForm, error: ValidationError) -> None:
    """Shows a service's ValidationError on the form: on the field it names when the form
    has that field, above the form otherwise (a model field the form does not show would
    make Form.add_error raise)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, messages in error.message_dict.items():
        form.add_error(name if name in form.fields else None, messages)


class WholeNumberField(forms.IntegerField):
    """An IntegerField read with rumbo.core.numbers.parse_int: digits of any script ("١٢"),
    nothing else ("²", "½", "1.0", a 400-digit number), never beyond a database integer."""

    def to_python(self, value: Any) -> int | None:
        if value in self.empty_values:
            return None
        number = parse_int(str(value))
        if number is None:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return number
