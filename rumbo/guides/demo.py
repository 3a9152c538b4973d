"""Demo guides: documents and where to get them in the five origin countries, pathways and
articles, written for the demo from public sources, which each record cites (see
demo_documents.py and demo_pathways.py). Nobody at the institutions has verified them: every
record loads as "not yet verified", sources without a consultation date, and only an editor's
check in the admin (services.fact_verify) can change that. Idempotent: records are keyed by
slug (sources by URL)."""

from django.conf import settings

from rumbo.core.models import Country, Organisation, Place
from rumbo.core.services import organisation_upsert
from rumbo.guides.demo_documents import _CHECK, DOCUMENTS, ISSUANCES, ORGANISATIONS
from rumbo.guides.demo_pathways import ARTICLES, PATHWAYS, SIMPLIFIED, ca4_pathways
from rumbo.guides.models import Document, Source
from rumbo.guides.services import (
    article_upsert,
    document_issuance_upsert,
    document_upsert,
    pathway_upsert,
    source_upsert,
)

# Issuances about minors or that state a fee (free, free first issue) are high-risk facts.
HIGH_RISK_DOCUMENTS = frozenset({"minor-travel-permit"})

# url: (publisher, title es, title en[, the source's own date, its version or reference])
SOURCES: dict[str, tuple] = {
    "https://www.gob.mx/inm": (
        "INM México",
        "Instituto Nacional de Migración",
        "National Migration Institute",
    ),
    "https://www.gob.mx/comar": (
        "COMAR",
        "Comisión Mexicana de Ayuda a Refugiados",
        "Mexican Commission for Refugee Assistance",
    ),
    "https://www.gob.mx/sre": (
        "SRE",
        "Secretaría de Relaciones Exteriores",
        "Ministry of Foreign Affairs of Mexico",
    ),
    "https://www.gob.mx/stps": (
        "STPS",
        "Secretaría del Trabajo y Previsión Social",
        "Ministry of Labour of Mexico",
    ),
    "https://constancias.oadprs.gob.mx/": (
        "SSPC (OADPRS)",
        "Constancia de antecedentes penales federales",
        "Federal criminal record certificate",
    ),
    "https://www.dof.gob.mx": (
        "Diario Oficial de la Federación",
        "Acuerdo sobre la Tarjeta de Visitante Regional (Honduras y El Salvador, Yucatán)",
        "Agreement on the Regional Visitor Card (Honduras and El Salvador, Yucatán)",
        None,
        "DOF, abril de 2019",
    ),
    "https://www.diputados.gob.mx/LeyesBiblio/pdf/LRPCAP.pdf": (
        "Cámara de Diputados",
        "Ley sobre Refugiados, Protección Complementaria y Asilo Político, artículo 18",
        "Law on Refugees, Complementary Protection and Political Asylum, article 18",
    ),
    "https://www.federalregister.gov/citation/89-FR-88799": (
        "DHS, Federal Register",
        "Países cuyos nacionales pueden participar en los programas H-2A y H-2B",
        "Identification of Foreign Countries Whose Nationals Are Eligible To Participate in "
        "the H-2A and H-2B Nonimmigrant Worker Programs",
        None,
        "89 FR 88799 (in force until 8 November 2025)",
    ),
    "https://igm.gob.gt": (
        "IGM Guatemala",
        "Instituto Guatemalteco de Migración: pasaportes y viajes de menores de edad",
        "Guatemalan Migration Institute: passports and travel by minors",
        None,
        "2024",
    ),
    "https://www.migracion.gob.sv": (
        "DGME El Salvador",
        "Dirección General de Migración y Extranjería: preguntas frecuentes",
        "General Directorate of Migration: frequently asked questions",
    ),
    "https://www.transparencia.gob.sv/institutions/dgcp/services": (
        "Portal de Transparencia de El Salvador",
        "Servicios de la Dirección General de Centros Penales (antecedentes penales)",
        "Services of the General Directorate of Prisons (criminal record)",
    ),
    "https://inm.gob.hn": (
        "INM Honduras",
        "Instituto Nacional de Migración: salida de menores de 21 años",
        "National Migration Institute: departure of people under 21",
    ),
    "https://www.migob.gob.ni/migracion/": (
        "DGME Nicaragua",
        "Dirección General de Migración y Extranjería",
        "General Directorate of Migration and Immigration",
        None,
        "address given by a 2023 source",
    ),
    "https://www.gob.mx/sep": (
        "SEP",
        "Secretaría de Educación Pública",
        "Ministry of Public Education of Mexico",
    ),
    "https://www.gob.mx/ActaNacimiento/": (
        "Gobierno de México",
        "Acta de nacimiento en línea",
        "Birth certificate online",
    ),
    "https://www.ine.mx/credencial/": ("INE", "Credencial para votar", "Voter card"),
    "https://www.acnur.org": (
        "ACNUR",
        "Agencia de la ONU para los Refugiados",
        "UN Refugee Agency",
    ),
    "https://www.iom.int": (
        "OIM",
        "Organización Internacional para las Migraciones",
        "International Organization for Migration",
    ),
    "https://www.unodc.org/unodc/es/human-trafficking/": (
        "UNODC",
        "Trata de personas y tráfico ilícito de migrantes",
        "Human trafficking and migrant smuggling",
    ),
    "https://www.uscis.gov/working-in-the-united-states/temporary-workers/h-2a-temporary-agricultural-workers": (
        "USCIS",
        "Trabajadores agrícolas temporales H-2A",
        "H-2A Temporary Agricultural Workers",
    ),
    "https://www.uscis.gov/working-in-the-united-states/temporary-workers/h-2b-temporary-non-agricultural-workers": (
        "USCIS",
        "Trabajadores temporales no agrícolas H-2B",
        "H-2B Temporary Non-Agricultural Workers",
    ),
    "https://www.dol.gov/agencies/whd/agriculture/h2a": (
        "US Department of Labor",
        "Programa H-2A: derechos de los trabajadores",
        "H-2A program: workers' rights",
    ),
    "https://www.canada.ca/en/employment-social-development/services/foreign-workers/agricultural/seasonal-agricultural.html": (
        "Employment and Social Development Canada",
        "Programa de Trabajadores Agrícolas Temporales",
        "Seasonal Agricultural Worker Program",
    ),
    "https://www.canada.ca/en/immigration-refugees-citizenship/services/work-canada.html": (
        "IRCC",
        "Trabajar en Canadá",
        "Work in Canada",
    ),
    "https://www.inclusion.gob.es/web/migraciones": (
        "Ministerio de Inclusión, Seguridad Social y Migraciones",
        "Migraciones: gestión colectiva de contrataciones en origen (GECCO)",
        "Migration: collective recruitment in the country of origin (GECCO)",
        None,
        "GECCO 2025",
    ),
    "https://www.exteriores.gob.es": (
        "Ministerio de Asuntos Exteriores de España",
        "Visados",
        "Visas",
    ),
    "https://www.sica.int": (
        "SICA",
        "Sistema de la Integración Centroamericana",
        "Central American Integration System",
    ),
}


def _translated(field: str, texts: dict[str, str]) -> dict[str, str]:
    return {f"{field}_{code}": texts[code] for code, _name in settings.LANGUAGES if code in texts}


def _source(url: str) -> Source:
    publisher, title_es, title_en, published_on, edition = (
        *SOURCES.get(url, ("", url, url)),
        None,
        "",
    )[:5]
    # Never consulted for the demo's sake: accessed_on stays empty.
    return source_upsert(
        url=url,
        is_demo=True,
        published_on=published_on,
        edition=edition,
        publisher_es=publisher,
        publisher_en=publisher,
        title_es=title_es,
        title_en=title_en,
    )


def _institution_source(url: str, institution: Organisation) -> Source:
    if url in SOURCES:
        return _source(url)
    return source_upsert(
        url=url,
        is_demo=True,
        publisher_es=institution.acronym or institution.name,
        publisher_en=institution.acronym or institution.name,
        title_es=institution.name,
        title_en=institution.name,
    )


def _city(country: Country, name: str) -> Place:
    # The largest city of that name in the country (names repeat across states).
    return (
        Place.objects.filter(country=country, kind=Place.Kind.CITY, name=name)
        .order_by("-population")
        .first()
        or Place.objects.filter(country=country, kind=Place.Kind.CITY).order_by("-population")[0]
    )


def _load_documents(countries: dict[str, Country]) -> dict[str, Document]:
    for slug, code, kind, name, acronym, website in ORGANISATIONS:
        # Institution names are proper nouns: the same in every language.
        organisation_upsert(
            slug=slug,
            is_demo=True,
            kind=kind,
            country=countries[code],
            website=website,
            **{f"name_{language}": name for language, _name in settings.LANGUAGES},
            **{f"acronym_{language}": acronym for language, _name in settings.LANGUAGES},
        )
    documents = {
        slug: document_upsert(
            slug=slug,
            is_demo=True,
            kind=kind,
            **_translated("name", names),
            **_translated("description", descriptions),
        )
        for slug, kind, names, descriptions in DOCUMENTS
    }
    organisations = {organisation.slug: organisation for organisation in Organisation.objects.all()}
    for slug, code, institution, local, cost, time, bring, url, offices in ISSUANCES:
        country = countries[code]
        document_issuance_upsert(
            document=documents[slug],
            country=country,
            institution=organisations[institution],
            sources=[_institution_source(url, organisations[institution])],
            offices=[
                {**_translated("name", names), "place": _city(country, city)}
                for names, city in offices
            ],
            is_demo=True,
            high_risk=slug in HIGH_RISK_DOCUMENTS or cost is not _CHECK,
            official_url=url,
            **_translated("local_name", local),
            **_translated("cost", cost),
            **_translated("processing_time", time),
            **_translated("what_to_bring", bring),
        )
    return documents


def _load_pathway(
    data: dict, countries: dict[str, Country], documents: dict[str, Document]
) -> None:
    body = {code: text + SIMPLIFIED[code] for code, text in data["body"].items()}
    pathway_upsert(
        slug=data["slug"],
        kind=data["kind"],
        destination=countries[data["destination"]],
        origin_countries=[countries[code] for code in data["origins"]],
        documents=[documents[slug] for slug in data["documents"]],
        sources=[_source(url) for url in data["sources"]],
        steps=[
            {**_translated("title", title), **_translated("description", description)}
            for title, description in data["steps"]
        ],
        rules=[
            {
                "fact": rule["fact"],
                "operator": rule["operator"],
                "value": rule["value"],
                **_translated("unmet_message", rule["message"]),
            }
            for rule in data["rules"]
        ],
        is_demo=True,
        high_risk=data.get("high_risk", False),
        **_translated("title", data["title"]),
        **_translated("summary", data["summary"]),
        **_translated("body", body),
        **_translated("cost", data["cost"]),
        **_translated("processing_time", data["time"]),
    )


def load() -> list[str]:
    countries = {country.code: country for country in Country.objects.all()}
    documents = _load_documents(countries)
    pathways = PATHWAYS + ca4_pathways()
    for data in pathways:
        _load_pathway(data, countries, documents)
    for data in ARTICLES:
        article_upsert(
            slug=data["slug"],
            kind=data["kind"],
            countries=[],
            sources=[_source(url) for url in data["sources"]],
            is_demo=True,
            high_risk=data.get("high_risk", False),
            **_translated("title", data["title"]),
            **_translated("summary", data["summary"]),
            **_translated("body", data["body"]),
        )
    return [
        f"Guides: {len(pathways)} pathways, {len(documents)} documents, "
        f"{len(ISSUANCES)} issuances, {len(ARTICLES)} articles."
    ]
