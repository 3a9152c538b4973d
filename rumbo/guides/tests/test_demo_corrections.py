"""The corrections of the demo content (issue 20), pinned through the eligibility engine and
the records a plan reads, each with the source it was corrected from."""

import pytest
from django.utils import translation

from rumbo.guides.eligibility import Facts, document_issuance_nearest_list, pathway_list_for
from rumbo.guides.models import Article, DocumentIssuance, Pathway, Source

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]


def fitting(**facts) -> dict[str, Pathway]:
    return {
        pathway.slug: pathway
        for pathway, unmet in pathway_list_for(facts=Facts(**facts))
        if not unmet
    }


def source_urls(slug: str) -> set[str]:
    return set(Pathway.objects.get(slug=slug).sources.values_list("url", flat=True))


def issuance(document: str, country: str) -> DocumentIssuance:
    return DocumentIssuance.objects.select_related("institution").get(
        document__slug=document, country__code=country
    )


# 1. CA-4 and minors
def test_a_seventeen_year_olds_ca4_trip_needs_a_passport_and_birth_certificate():
    found = fitting(nationality="GT", age=17, destination="SV", purpose="business")
    assert "ca4-free-mobility-sv" not in found  # the identity-card road is for adults
    documents = {document.slug for document in found["ca4-minors-sv"].documents.all()}
    assert {"passport", "birth-certificate", "minor-travel-permit"} <= documents


def test_an_adults_ca4_trip_needs_only_the_identity_card():
    found = fitting(nationality="GT", age=30, destination="SV", purpose="business")
    assert "ca4-minors-sv" not in found
    documents = {d.slug for d in found["ca4-free-mobility-sv"].documents.all()}
    assert documents == {"national-id"}


def test_ca4_minors_cite_guatemalas_igm_and_el_salvadors_dgme():
    assert {"https://igm.gob.gt", "https://www.migracion.gob.sv"} <= source_urls("ca4-minors-hn")
    assert Source.objects.get(url="https://igm.gob.gt").edition == "2024"


# 2. Minors' exit permits
def test_a_guatemalan_minors_plan_names_a_notarised_authorisation():
    found = fitting(nationality="GT", age=15, destination="HN", purpose="business")
    documents = list(found["ca4-minors-hn"].documents.all())
    nearest = document_issuance_nearest_list(documents=documents, country_code="GT")
    permit = next(
        n.issuance for n in nearest.values() if n.issuance.document.slug.startswith("minor")
    )
    assert "notarial" in permit.local_name_es.casefold()
    assert "Notario" in permit.institution.name
    assert "PGN" not in permit.local_name_es
    assert "declaración jurada" in permit.what_to_bring_es
    assert "consular o judicial" in permit.what_to_bring_es


def test_el_salvadors_minor_authorisation_is_a_notarial_act_not_a_dgme_permit():
    permit = issuance("minor-travel-permit", "SV")
    assert "notarial" in permit.local_name_es.casefold()
    assert "abogado y notario salvadoreño" in permit.what_to_bring_es
    assert "consulado" in permit.what_to_bring_es


def test_honduran_exit_rules_apply_until_21():
    assert "ca4-honduras-under-21-gt" in fitting(nationality="HN", age=20, destination="GT")
    assert "ca4-honduras-under-21-gt" not in fitting(nationality="HN", age=21, destination="GT")
    documents = Pathway.objects.get(slug="ca4-honduras-under-21-gt").documents.all()
    assert "minor-travel-permit" in {d.slug for d in documents}
    permit = issuance("minor-travel-permit", "HN")
    assert "21" in permit.local_name_es
    assert "notario" in permit.what_to_bring_es


def test_nicaraguas_minor_permit_is_still_the_dgme_exit_visa():
    permit = issuance("minor-travel-permit", "NI")
    assert permit.institution.acronym == "DGME"
    assert "visa de salida" in permit.local_name_es.casefold()


def test_mexicos_sam_is_only_for_minors_alone_or_with_a_third_party():
    sam = issuance("minor-travel-permit", "MX")
    with translation.override("en"):
        assert "alone or with a third party" in sam.what_to_bring
        assert "Not needed with one or both parents" in sam.what_to_bring


# 3. Mexico's Regional Visitor Card
@pytest.mark.parametrize("nationality", ["HN", "SV", "GT"])
def test_hondurans_and_salvadorans_can_get_the_regional_visitor_card(nationality):
    assert "mx-regional-visitor-card" in fitting(nationality=nationality, destination="MX")


def test_the_regional_visitor_card_covers_yucatan_and_cites_the_2019_dof_agreement():
    card = Pathway.objects.get(slug="mx-regional-visitor-card")
    assert "Yucatán" in card.summary_es
    assert Source.objects.get(url="https://www.dof.gob.mx").edition == "DOF, abril de 2019"
    assert "https://www.dof.gob.mx" in source_urls("mx-regional-visitor-card")


# 4. H-2A / H-2B
@pytest.mark.parametrize("slug", ["us-h2a-seasonal-agriculture", "us-h2b-temporary-work"])
def test_a_nicaraguan_sees_h2a_and_h2b(slug):
    assert slug in fitting(nationality="NI", age=25, destination="US", has_job_offer=True)
    assert "https://www.federalregister.gov/citation/89-FR-88799" in source_urls(slug)


def test_h2a_says_travel_and_visa_costs_may_be_advanced_and_recruitment_fees_are_banned():
    h2a = Pathway.objects.get(slug="us-h2a-seasonal-agriculture")
    with translation.override("en"):
        assert "up front" in h2a.summary
        assert "reimbursed" in h2a.summary
        assert "Recruitment fees are banned" in h2a.summary
        assert "case by case" in h2a.body
    assert "no te puede cobrar la visa" not in h2a.summary_es
    source = Source.objects.get(url="https://www.federalregister.gov/citation/89-FR-88799")
    assert source.edition.startswith("89 FR 88799")


# 5. Spain's GECCO
@pytest.mark.parametrize("nationality", ["GT", "HN", "MX", "SV"])
def test_gecco_2025_participants_see_it(nationality):
    assert "es-gecco-collective-recruitment" in fitting(
        nationality=nationality, age=30, destination="ES"
    )


def test_gecco_cites_the_2025_campaign():
    assert Source.objects.get(url="https://www.inclusion.gob.es/web/migraciones").edition == (
        "GECCO 2025"
    )


# 6. COMAR
def test_comar_takes_requests_within_30_working_days_and_later_ones_with_reasons():
    asylum = Pathway.objects.get(slug="mx-asylum-comar")
    with translation.override("en"):
        assert "30 working days" in asylum.body
        assert "you can still apply" in asylum.body
        assert "must stay in the state where you applied" in asylum.body
    assert "mx-asylum-comar" in fitting(nationality="HN", age=17, destination="MX")
    assert "https://www.diputados.gob.mx/LeyesBiblio/pdf/LRPCAP.pdf" in source_urls(
        "mx-asylum-comar"
    )


# 7. Fees
def test_the_border_worker_card_no_longer_says_free():
    card = Pathway.objects.get(slug="mx-border-worker-card")
    assert "Gratuita" not in card.cost_es
    with translation.override("en"):
        assert "fee may apply" in card.cost


def test_sawp_recruitment_is_free_but_the_permit_fee_may_be_charged():
    sawp = Pathway.objects.get(slug="ca-seasonal-agricultural-worker-program")
    with translation.override("en"):
        assert "work-permit processing fee may be charged" in sawp.cost
        assert "age and schooling" in sawp.body


# 8. Links
def test_official_addresses_point_to_the_services():
    assert issuance("passport", "NI").official_url == "https://www.migob.gob.ni/migracion/"
    assert issuance("criminal-record", "MX").official_url == "https://constancias.oadprs.gob.mx/"
    assert "transparencia.gob.sv" in issuance("criminal-record", "SV").official_url
    assert not DocumentIssuance.objects.filter(official_url__contains="/dgme/").exists()


# Facts about minors, asylum and fees are flagged high-risk
@pytest.mark.parametrize(
    "slug",
    ["ca4-minors-gt", "mx-asylum-comar", "us-h2a-seasonal-agriculture", "mx-border-worker-card"],
)
def test_pathways_about_minors_asylum_or_fees_are_high_risk(slug):
    assert Pathway.objects.get(slug=slug).high_risk


def test_minors_permits_are_high_risk_and_plain_issuances_are_not():
    assert issuance("minor-travel-permit", "GT").high_risk
    assert not issuance("criminal-record", "GT").high_risk


# No demo record claims a verification it did not have
@pytest.mark.parametrize("model", [Pathway, DocumentIssuance, Article])
def test_demo_records_load_not_yet_verified(model):
    records = model.objects.filter(is_demo=True)
    assert records.exists()
    assert not records.filter(last_verified__isnull=False).exists()
    assert not records.exclude(reviewer="").exists()


def test_demo_sources_claim_no_consultation_date():
    assert not Source.objects.filter(is_demo=True, accessed_on__isnull=False).exists()


def test_no_demo_text_claims_it_was_written_from_official_sources_or_verified():
    from rumbo.guides import demo_documents, demo_pathways

    for module in (demo_pathways, demo_documents):
        text = repr(vars(module)).casefold()
        assert "verificado" not in text
        assert "written from official" not in text


def test_a_guatemalan_minors_plan_checklist_names_the_notarised_authorisation_and_passport():
    from rumbo.core.models import Place
    from rumbo.plans.engine import flow_load
    from rumbo.plans.selectors import plan_summary
    from rumbo.plans.services import plan_create_from_answers
    from rumbo.plans.tests.conftest import answers_for

    flow = flow_load()
    assert flow is not None
    place = Place.objects.filter(country__code="GT", kind="city").order_by("-population").first()
    assert place is not None
    answers = answers_for(
        place, country="GT", age=16, destination="SV", purpose="business", documents=[]
    )
    plan = plan_create_from_answers(flow=flow, answers=answers)
    summary = plan_summary(flow=flow, plan=plan)
    assert "ca4-minors-sv" in [pathway.slug for pathway, _to_check in summary.fitting]
    checklist = {item.document.slug: item for item in summary.checklist}
    assert "passport" in checklist
    permit = checklist["minor-travel-permit"].nearest
    assert permit is not None
    assert "notarial" in permit.issuance.local_name_es.casefold()
