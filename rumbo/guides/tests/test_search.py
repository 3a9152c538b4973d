from typing import cast

import pytest
from django.utils import translation

from rumbo.guides.factories import ArticleFactory, DocumentFactory, DocumentIssuanceFactory
from rumbo.guides.models import Document, SearchTerm
from rumbo.guides.search import edit_distance, stem, terms
from rumbo.guides.selectors import guide_search
from rumbo.guides.services import search_index_rebuild, search_index_update

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_guides")]


@pytest.fixture
def passport():
    document = DocumentFactory(
        slug="passport",
        name_es="Pasaporte",
        name_en="Passport",
        name_fr="Passeport",
        name_ar="جواز السفر",
        description_es="Documento de viaje.",
    )
    DocumentFactory(slug="birth", name_es="Partida de nacimiento", name_en="Birth certificate")
    ArticleFactory(title_es="Tráfico de personas", title_en="Smuggling", body_es="Coyotes.")
    search_index_rebuild()
    return document


def found(query: str, language: str = "es") -> list:
    return [hit.item for hit in guide_search(query=query, language=language)]


@pytest.mark.parametrize(
    "query", ["pasaporte", "pasaportes", "pasporte", "PASAPORTE", "Pasapórte", "pasaportee"]
)
def test_search_finds_the_passport_despite_plural_accent_case_and_typo(passport, query):
    assert found(query)[0] == passport


@pytest.mark.parametrize("query", ["passport", "Passports", "pasport"])
def test_search_in_english_uses_english_terms(passport, query):
    assert found(query, "en")[0] == passport


def test_search_in_arabic_matches_folded_words(passport):
    assert found("جواز", "ar") == [passport]


def test_search_in_french(passport):
    assert found("passeports", "fr")[0] == passport


def test_search_uses_the_active_language_by_default(passport):
    with translation.override("en"):
        assert guide_search(query="passport")[0].item == passport


def test_search_accent_insensitive_on_content_accents(passport):
    assert found("trafico")[0].title_es == "Tráfico de personas"


def test_search_without_match_is_empty(passport):
    assert found("zzzqqq") == []


def test_search_of_only_stopwords_is_empty(passport):
    assert found("de la") == []


def test_short_words_are_not_matched_by_typos(passport):
    # "vía" must not find "via"-like short words by edit distance: budgets start at 4 letters.
    assert found("pas") == []


def test_search_finds_a_document_by_its_local_name():
    document = DocumentFactory(name_es="Documento nacional de identidad")
    DocumentIssuanceFactory(document=document, local_name_es="DUI (Documento Único)")
    search_index_update(instance=cast(Document, document))
    assert found("dui") == [document]


def test_search_ignores_terms_of_deleted_records(passport):
    passport.delete()
    assert passport not in found("pasaporte")


def test_search_index_update_replaces_old_terms(passport):
    passport.name_es = "Libreta"
    passport.save()
    search_index_update(instance=passport)
    assert found("pasaporte") == []
    assert SearchTerm.objects.filter(record_id=passport.pk, term="libret").exists()


def test_empty_translation_is_indexed_from_spanish():
    document = DocumentFactory(name_es="Cédula", name_fr="")
    search_index_update(instance=cast(Document, document))
    assert found("cedula", "fr") == [document]


def test_stem_reduces_plurals_and_final_vowel():
    assert stem("pasaportes") == stem("pasaporte") == "pasaport"
    assert stem("naciones") == stem("nacion")


def test_terms_fold_accents_and_drop_stopwords():
    assert terms("Los Pasaportes de MÉXICO") == ["pasaport", "mexic"]


def test_edit_distance_stops_beyond_limit():
    assert edit_distance("pasport", "pasaport", 1) == 1
    assert edit_distance("abcdef", "uvwxyz", 2) == 3


def test_rebuild_command_restores_a_lost_index(passport):
    from io import StringIO

    from django.core.management import call_command

    SearchTerm.objects.all().delete()
    call_command("guides_search_rebuild", stdout=StringIO())
    assert found("pasaporte")[0] == passport


@pytest.mark.parametrize("query", ["oasaporte", "asaporte"])
def test_search_forgives_a_typo_in_the_first_letter(passport, query):
    assert found(query)[0] == passport
