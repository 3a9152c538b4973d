import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.http import QueryDict

from rumbo.core.forms import (
    Utf8FormMixin,
    WholeNumberField,
    form_add_service_error,
    validate_utf8_received,
)
from rumbo.core.tests.modules import rumbo_modules


class NoteForm(Utf8FormMixin, forms.Form):
    name = forms.CharField()
    kind = forms.ChoiceField(choices=[("a", "A")], required=False)
    tags = forms.MultipleChoiceField(choices=[("x", "X")], required=False)


class AgeForm(forms.Form):
    age = WholeNumberField(min_value=0, max_value=120, required=False)


def received(body: bytes) -> QueryDict:
    """Form data decoded as Django decodes a request body (invalid UTF-8 is replaced)."""
    return QueryDict(body, encoding="utf-8")


def test_invalid_utf8_in_a_text_field_is_refused_with_a_message_on_that_field():
    form = NoteForm(received(b"name=Jos%E9"))  # Latin-1 "é": not UTF-8
    assert not form.is_valid()
    assert "UTF-8" in str(form.errors["name"])


def test_valid_utf8_text_is_accepted():
    form = NoteForm(received("name=José Ñandú محمد".encode()))
    assert form.is_valid(), form.errors


def test_invalid_utf8_is_refused_in_a_list_of_values_too():
    form = NoteForm(received(b"name=Ana&tags=x&tags=%FF"))
    assert not form.is_valid()
    assert "tags" in form.errors


def test_validator_refuses_the_replacement_character():
    with pytest.raises(ValidationError):
        validate_utf8_received("abc\ufffd")
    validate_utf8_received("abc")


@pytest.mark.parametrize(("text", "number"), [("17", 17), ("١٧", 17), ("", None)])
def test_whole_number_field_reads_digits_of_any_script(text, number):
    form = AgeForm({"age": text})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["age"] == number


@pytest.mark.parametrize("text", ["²", "½", "1.0", "9" * 400, "-1", "121"])
def test_whole_number_field_refuses_what_is_not_a_number_in_bounds(text):
    form = AgeForm({"age": text})
    assert not form.is_valid()
    assert "age" in form.errors


def test_service_errors_on_fields_the_form_lacks_show_above_the_form():
    form = NoteForm({"name": "Ana"})
    assert form.is_valid()
    form_add_service_error(
        form, ValidationError({"name": "Taken.", "month": "Bad month.", "__all__": "Both."})
    )
    assert form.errors["name"] == ["Taken."]
    assert form.non_field_errors() == ["Bad month.", "Both."]


def rumbo_form_classes() -> list[type[forms.BaseForm]]:
    """Every form class Rumbo's modules define (the admin builds its own from the models)."""
    rumbo_modules()  # imports them, so their classes exist
    found, todo = [], list(forms.BaseForm.__subclasses__())
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__.startswith("rumbo.") and ".tests" not in cls.__module__:
            found.append(cls)
    return found


def test_every_form_refuses_text_that_was_not_utf8():
    classes = rumbo_form_classes()
    assert len(classes) > 10  # discovery works
    missing = sorted(
        f"{cls.__module__}.{cls.__name__}"
        for cls in classes
        if cls is not Utf8FormMixin and not issubclass(cls, Utf8FormMixin)
    )
    assert missing == [], "add rumbo.core.forms.Utf8FormMixin to these forms"
