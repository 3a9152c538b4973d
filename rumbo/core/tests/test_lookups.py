import pytest
from django import forms
from django.contrib import admin

from rumbo.core.admin import SafeAutocompleteMixin
from rumbo.core.factories import PlaceFactory
from rumbo.core.models import Organisation, Place

pytestmark = pytest.mark.django_db

HUGE = int("9" * 400)


def test_in_lookup_with_a_number_beyond_the_column_finds_nothing_instead_of_failing():
    assert list(Place.objects.filter(pk__in=[HUGE, -HUGE])) == []


def test_in_lookup_keeps_the_numbers_the_column_can_hold():
    place = PlaceFactory.create()
    assert list(Place.objects.filter(pk__in=[place.pk, HUGE])) == [place]


def test_many_to_many_form_field_refuses_a_huge_id_with_a_message():
    field: forms.ModelMultipleChoiceField = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.all()
    )
    with pytest.raises(forms.ValidationError):
        field.clean([str(HUGE)])


def test_every_admin_with_autocomplete_fields_looks_up_only_valid_selections():
    admins = [
        model_admin
        for model_admin in admin.site._registry.values()
        if model_admin.autocomplete_fields
    ]
    assert admins  # discovery works
    unsafe = [type(a).__name__ for a in admins if not isinstance(a, SafeAutocompleteMixin)]
    assert unsafe == [], "add rumbo.core.admin.SafeAutocompleteMixin to these admins"


@pytest.mark.parametrize("value", ["abc", "1\x00", str(HUGE)])
def test_admin_form_with_an_invalid_autocomplete_value_is_shown_again(admin_client, value):
    response = admin_client.post(
        "/admin/infopoints/infopoint/add/", {"name_es": "Punto", "organisation": value}
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["organisation"]
