import io

import pytest
from django.core.management import call_command

from rumbo.campaigns.models import Campaign
from rumbo.core.gazetteer import ORIGIN_COUNTRIES, iter_cities
from rumbo.core.models import Country, Organisation, Place
from rumbo.core.selectors import place_search
from rumbo.core.text import fold

pytestmark = pytest.mark.django_db


def test_fold_ignores_accents_and_case():
    assert fold("  Tapachula de CÓRDOVA ") == "tapachula de cordova"
    assert fold("Petén") == fold("peten")


def test_every_city_of_the_origin_countries_gets_an_official_state():
    states = {(city.country, city.state.code) for city in iter_cities()}
    # Mexico 32, Guatemala 22, Honduras 18, El Salvador 14, Nicaragua 17 (ISO 3166-2).
    assert len(states) == 103
    assert {country for country, _code in states} == set(ORIGIN_COUNTRIES)


@pytest.mark.usefixtures("demo_data")
def test_gazetteer_has_states_and_cities_with_coordinates():
    tapachula = Place.objects.get(name="Tapachula", kind=Place.Kind.CITY)
    assert tapachula.parent.name == "Chiapas"
    assert tapachula.parent.code == "MX-CHP"
    assert tapachula.latitude == pytest.approx(14.90, abs=0.05)
    assert tapachula.longitude == pytest.approx(-92.26, abs=0.05)
    san_pedro = Place.objects.get(name="San Pedro Sula")
    assert san_pedro.parent.name == "Cortés"
    assert Place.objects.filter(kind=Place.Kind.STATE).count() == 103
    assert Place.objects.filter(kind=Place.Kind.CITY).count() > 9000


@pytest.mark.usefixtures("demo_data")
def test_place_search_ignores_accents_and_puts_larger_places_first():
    found = place_search(query="SAN PEDRO", country_code="HN")
    assert found[0].name == "San Pedro Sula"
    assert place_search(query="quiche")[0].name_folded.startswith("quiche")
    assert place_search(query="   ") == []


@pytest.mark.usefixtures("demo_data")
def test_countries_have_names_in_the_four_languages():
    mexico = Country.objects.get(code="MX")
    assert (mexico.name_es, mexico.name_en, mexico.name_fr, mexico.name_ar) == (
        "México",
        "Mexico",
        "Mexique",
        "المكسيك",
    )
    assert Country.objects.filter(role=Country.Role.DESTINATION, code="US").exists()


@pytest.mark.usefixtures("demo_data")
def test_demo_loads_the_five_campaigns_marked_as_demo():
    campaigns = {c.slug: c for c in Campaign.objects.select_related("country")}
    assert {slug: c.country.code for slug, c in campaigns.items()} == {
        "migrar-informados": "MX",
        "echale-ganas": "GT",
        "ponele-plan-a-tu-vida": "HN",
        "conecta-con-tu-futuro": "SV",
        "yocamino": "NI",
    }
    assert all(c.is_demo for c in campaigns.values())
    assert [f.slug for f in campaigns["yocamino"].funders.all()] == ["unicef"]
    assert [f.slug for f in campaigns["echale-ganas"].funders.all()] == ["prm"]
    assert campaigns["echale-ganas"].programme_en.startswith("Regional Migration Program")
    assert campaigns["yocamino"].programme_en == ""


@pytest.mark.usefixtures("demo_data")
def test_demo_can_run_again_without_duplicating_anything():
    counts = (Place.objects.count(), Organisation.objects.count(), Campaign.objects.count())
    call_command("demo", verbosity=0, stdout=io.StringIO())
    assert (Place.objects.count(), Organisation.objects.count(), Campaign.objects.count()) == counts


def test_demo_refuses_to_run_in_production(settings):
    settings.PRODUCTION = True
    with pytest.raises(SystemExit):
        call_command("demo", verbosity=0)
