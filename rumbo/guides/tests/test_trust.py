"""What the public pages say about a record's verification, sources and risk
(templates guides/_trust.html, _demo.html, _verified.html, _high_risk*.html)."""

from typing import cast

import pytest
from django.conf import settings
from django.utils import timezone

from rumbo.guides.factories import (
    ArticleFactory,
    DocumentIssuanceFactory,
    PathwayFactory,
    SourceFactory,
)
from rumbo.guides.models import Source

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("no_guides")]


def page(client, record, language="en") -> str:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client.get(record.get_absolute_url()).content.decode()


def test_an_unverified_pathway_says_so_instead_of_a_date(client):
    html = page(client, PathwayFactory(last_verified=None))
    assert "Not yet verified" in html
    assert "Last verified" not in html


@pytest.mark.parametrize(
    ("language", "text"),
    [("es", "Aún no verificado"), ("fr", "Pas encore vérifié"), ("ar", "لم يُتحقق منه بعد")],
)
def test_not_yet_verified_is_said_in_the_pages_language(client, language, text):
    assert text in page(client, ArticleFactory(last_verified=None), language)


def test_a_verified_pathway_shows_its_date_and_source_version_but_not_the_editor(client):
    pathway = PathwayFactory(reviewer="Ana Editora", verified_against="89 FR 88799")
    html = page(client, pathway)
    assert "Last verified" in html
    assert "Ana Editora" not in html
    assert "Checked against: 89 FR 88799" in html
    assert "Not yet verified" not in html


def test_sources_show_their_own_date_or_edition_and_no_invented_consultation(client):
    pathway = PathwayFactory()
    pathway.sources.add(
        SourceFactory(title="DHS notice", edition="89 FR 88799", accessed_on=None),
    )
    html = page(client, pathway)
    assert "89 FR 88799" in html
    assert "consulted" not in html


def test_demo_records_say_they_were_written_for_the_demo_and_not_verified(client):
    html = page(client, PathwayFactory(is_demo=True, last_verified=None))
    assert "written for this demonstration from public sources" in html
    assert "not been verified by the institutions" in html


def test_a_high_risk_pathway_shows_its_source_next_to_it(client):
    pathway = PathwayFactory(high_risk=True)
    source = cast(Source, SourceFactory(title="COMAR page"))
    pathway.sources.add(source)
    html = page(client, pathway)
    notice = html.split("this concerns minors, asylum or fees", 1)[1].split("</p>", 1)[0]
    assert "COMAR page" in notice
    assert source.url in notice


def test_a_high_risk_issuance_shows_its_source_beside_it_on_the_document_page(client):
    issuance = DocumentIssuanceFactory(high_risk=True, last_verified=timezone.localdate())
    issuance.sources.add(SourceFactory(title="Notary rules"))
    html = page(client, issuance.document)
    assert "this concerns minors, asylum or fees" in html
    assert "Notary rules" in html
