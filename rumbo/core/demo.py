"""Demo data of the core app: countries, the gazetteer and the organisations behind the
campaigns. Every app may have a `demo.py` with a `load()`; the `demo` command runs them in
INSTALLED_APPS order."""

from rumbo.core.models import Country, Organisation
from rumbo.core.services import country_load_all, gazetteer_load, organisation_upsert

K = Organisation.Kind

ORGANISATIONS = [
    # slug, kind, country, partner, funder, names by language, acronyms by language
    (
        "iom",
        K.INTERNATIONAL,
        None,
        True,
        False,
        {
            "es": "Organización Internacional para las Migraciones",
            "en": "International Organization for Migration",
            "fr": "Organisation internationale pour les migrations",
            "ar": "المنظمة الدولية للهجرة",
        },
        {"es": "OIM", "en": "IOM", "fr": "OIM", "ar": "المنظمة الدولية للهجرة"},
    ),
    (
        "unicef",
        K.INTERNATIONAL,
        None,
        True,
        True,
        {
            "es": "Fondo de las Naciones Unidas para la Infancia",
            "en": "United Nations Children's Fund",
            "fr": "Fonds des Nations unies pour l'enfance",
            "ar": "منظمة الأمم المتحدة للطفولة",
        },
        {"es": "UNICEF", "en": "UNICEF", "fr": "UNICEF", "ar": "اليونيسف"},
    ),
    (
        "prm",
        K.GOVERNMENT,
        "US",
        False,
        True,
        {
            "es": "Oficina de Población, Refugiados y Migración del Departamento de Estado de EE. UU.",
            "en": "US Department of State, Bureau of Population, Refugees and Migration",
            "fr": "Bureau de la population, des réfugiés et des migrations du Département d'État des États-Unis",
            "ar": "مكتب السكان واللاجئين والهجرة في وزارة الخارجية الأمريكية",
        },
        {"es": "PRM", "en": "PRM", "fr": "PRM", "ar": "PRM"},
    ),
    (
        "dgme-sv",
        K.GOVERNMENT,
        "SV",
        True,
        False,
        {
            "es": "Dirección General de Migración y Extranjería de El Salvador",
            "en": "General Directorate of Migration and Foreigners of El Salvador",
            "fr": "Direction générale des migrations et des étrangers d'El Salvador",
            "ar": "المديرية العامة للهجرة والأجانب في السلفادور",
        },
        {"es": "DGME", "en": "DGME", "fr": "DGME", "ar": "DGME"},
    ),
]


def load() -> None:
    country_load_all()
    gazetteer_load()
    countries = {country.code: country for country in Country.objects.all()}
    for slug, kind, country, partner, funder, names, acronyms in ORGANISATIONS:
        organisation_upsert(
            slug=slug,
            is_demo=True,
            kind=kind,
            country=countries.get(country) if country else None,
            is_partner=partner,
            is_funder=funder,
            name=names["es"],
            **{f"name_{code}": name for code, name in names.items()},
            **{f"acronym_{code}": acronym for code, acronym in acronyms.items()},
        )
