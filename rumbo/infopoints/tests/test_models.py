from datetime import date, time

import pytest
from django.core.exceptions import ValidationError

from rumbo.infopoints.factories import InfoPointFactory
from rumbo.infopoints.models import (
    HoursException,
    InfoPointLanguage,
    OpeningHours,
    Phone,
    latitude_band,
    validate_language_code,
    validate_phone_number,
    validate_time_zone,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("zone", ["America/Guatemala", "America/Tijuana", "UTC"])
def test_iana_time_zones_are_accepted(zone):
    validate_time_zone(zone)


@pytest.mark.parametrize("zone", ["CST", "America/Atlantis", "", "../etc/passwd"])
def test_other_time_zones_are_refused(zone):
    with pytest.raises(ValidationError):
        validate_time_zone(zone)


@pytest.mark.parametrize("code", ["spa", "quc", "cab", "miq", "mam"])
def test_iso_639_3_codes_are_accepted_including_indigenous_languages(code):
    validate_language_code(code)


@pytest.mark.parametrize("code", ["es", "xxq", "SPANISH", ""])
def test_other_language_codes_are_refused(code):
    with pytest.raises(ValidationError):
        validate_language_code(code)


@pytest.mark.parametrize("number", ["2222-3333", "+502 2222 3333", "+0123456789", "+1"])
def test_phone_numbers_must_be_international(number):
    with pytest.raises(ValidationError):
        validate_phone_number(number)


def test_phone_links():
    phone = Phone(number="+50255550101", extension="12")
    assert phone.tel_uri == "tel:+50255550101;ext=12"
    assert phone.whatsapp_url == "https://wa.me/50255550101"


def test_saving_keeps_the_latitude_band_in_step_with_the_latitude():
    point = InfoPointFactory.create(latitude=14.95, longitude=-91.0)
    point.latitude = -0.05
    point.save()
    point.refresh_from_db()
    assert point.latitude_band == latitude_band(-0.05) == -1


def test_closing_time_must_follow_opening_time():
    hours = OpeningHours(
        info_point=InfoPointFactory.create(), weekday=0, opens=time(9), closes=time(9)
    )
    with pytest.raises(ValidationError) as error:
        hours.full_clean()
    assert "closes" in error.value.message_dict


def test_exception_dates_must_be_in_order():
    exc = HoursException(
        info_point=InfoPointFactory.create(), starts_on=date(2026, 12, 2), ends_on=date(2026, 12, 1)
    )
    with pytest.raises(ValidationError) as error:
        exc.full_clean()
    assert "ends_on" in error.value.message_dict


def test_special_hours_need_times_and_closures_have_none():
    point = InfoPointFactory.create()
    day = date(2026, 12, 1)
    special = HoursException(info_point=point, kind="special", starts_on=day, ends_on=day)
    closure = HoursException(
        info_point=point, kind="closure", starts_on=day, ends_on=day, opens=time(9), closes=time(10)
    )
    with pytest.raises(ValidationError):
        special.full_clean()
    with pytest.raises(ValidationError):
        closure.full_clean()


def test_language_name_comes_from_iso_639():
    assert InfoPointLanguage(code="quc").name == "K'iche'"


def test_directions_link_is_a_plain_openstreetmap_url():
    point = InfoPointFactory.create(latitude=14.9, longitude=-92.26)
    assert point.directions_url().startswith("https://www.openstreetmap.org/directions?")
    assert "14.90000%2C-92.26000" in point.directions_url()
    assert point.geo_uri == "geo:14.900000,-92.260000"
