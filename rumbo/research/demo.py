"""The demo survey project (demo_survey.py): a questionnaire, a 2,800-interview baseline and a
1,000-interview follow-up, raked to population margins, the indicators of the issue, the
findings each campaign shows, and a demo researcher. Loading again replaces the responses
(bulk_create), so the demo stays fast and idempotent."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.urls import reverse

from rumbo.accounts.models import User
from rumbo.accounts.services import totp_device_ensure
from rumbo.campaigns.models import Campaign
from rumbo.casework.demo import DEMO_PASSWORD, demo_totp_key
from rumbo.core.models import Country
from rumbo.research import demo_survey, services
from rumbo.research.importers import ChoiceSpec, FormSpec, QuestionSpec
from rumbo.research.models import (
    Finding,
    Indicator,
    PopulationTotal,
    ProjectMembership,
    Response,
    SurveyProject,
    Wave,
)

SLUG = "diagnostico-regional"
RESEARCHER_EMAIL = "investigadora.demo@example.org"

METHOD_NOTE = (
    "Synthetic demo data generated from the published percentages of the regional formative "
    "research. Stratified cluster sample: in each country an urban and a rural stratum of "
    "10 clusters; design weights by stratum, raked to population margins of sex and age "
    "group per country. Standard errors by Taylor linearisation; 95% logit intervals for "
    "proportions."
)

YES_NO = {"es": ("Sí", "No"), "en": ("Yes", "No")}


def _labels(es: str, en: str) -> dict[str, str]:
    return {"Español (es)": es, "English (en)": en}


QUESTIONS = [
    ("country", "select_one", "countries", "País", "Country"),
    ("stratum", "select_one", "strata", "Estrato", "Stratum"),
    ("cluster", "text", "", "Conglomerado", "Cluster"),
    ("design_weight", "decimal", "", "Peso de diseño", "Design weight"),
    ("sex", "select_one", "sex", "Sexo", "Sex"),
    ("age", "integer", "", "Edad", "Age"),
    ("age_group", "select_one", "age_groups", "Grupo de edad", "Age group"),
    ("migrant_status", "select_one", "status", "Situación migratoria", "Migration status"),
    (
        "effort_documents",
        "select_one",
        "yes_no",
        "¿Haría un gran esfuerzo por obtener sus documentos?",
        "Would you make a great effort to obtain your documents?",
    ),
    (
        "knows_documents",
        "select_one",
        "yes_no",
        "¿Sabe qué documentos necesita?",
        "Do you know which documents you need?",
    ),
    (
        "knows_where",
        "select_one",
        "yes_no",
        "¿Sabe dónde buscarlos?",
        "Do you know where to look for them?",
    ),
    (
        "knows_difference",
        "select_one",
        "yes_no",
        "¿Conoce la diferencia entre viajar de forma regular e irregular?",
        "Do you know the difference between regular and irregular travel?",
    ),
    (
        "wants_info_regular",
        "select_one",
        "yes_no",
        "¿Quiere información sobre vías regulares?",
        "Do you want information on regular channels?",
    ),
    (
        "consider_local",
        "select_one",
        "yes_no",
        "¿Consideraría oportunidades locales?",
        "Would you consider local opportunities?",
    ),
    (
        "would_visit_centre",
        "select_one",
        "yes_no",
        "¿Visitaría un centro de información?",
        "Would you visit an information centre?",
    ),
    ("uses_internet", "select_one", "yes_no", "¿Usa internet?", "Do you use the internet?"),
    (
        "info_sources",
        "select_multiple",
        "sources",
        "¿Dónde se informa?",
        "Where do you get information?",
    ),
    (
        "recalls_campaign",
        "select_one",
        "yes_no",
        "¿Recuerda la campaña?",
        "Do you recall the campaign?",
    ),
]

CHOICES = {
    "countries": [
        ("MX", "México", "Mexico"),
        ("GT", "Guatemala", "Guatemala"),
        ("HN", "Honduras", "Honduras"),
        ("SV", "El Salvador", "El Salvador"),
        ("NI", "Nicaragua", "Nicaragua"),
    ],
    "strata": [("urban", "Urbano", "Urban"), ("rural", "Rural", "Rural")],
    "sex": [("female", "Mujer", "Female"), ("male", "Hombre", "Male")],
    "age_groups": [(g, g, g) for g in demo_survey.AGE_GROUPS],
    "status": [
        ("in_transit", "Migrante en tránsito", "Migrant in transit"),
        ("resident", "Residente", "Resident"),
        ("returnee", "Retornado", "Returnee"),
    ],
    "yes_no": [("yes", "Sí", "Yes"), ("no", "No", "No")],
    "sources": [
        ("family", "Familia y amistades", "Family and friends"),
        ("social_media", "Redes sociales", "Social media"),
        ("radio", "Radio", "Radio"),
        ("tv", "Televisión", "Television"),
        ("ngo", "Organizaciones", "Organisations"),
    ],
}

# slug, name, kind, question, counted, filter question, filter values, disaggregations
INDICATORS = [
    (
        "effort-documents",
        "Would make a great effort to obtain their documents (migrants in transit)",
        "effort_documents",
        ["yes"],
        "migrant_status",
        ["in_transit"],
        ["country", "sex"],
    ),
    (
        "not-know-documents",
        "Do not know which documents they need",
        "knows_documents",
        ["no"],
        "",
        [],
        ["country", "exposure", "sex", "age_group"],
    ),
    (
        "not-know-where",
        "Do not know where to look for their documents",
        "knows_where",
        ["no"],
        "",
        [],
        ["country", "exposure", "sex"],
    ),
    (
        "wants-info-regular",
        "Want information on regular channels",
        "wants_info_regular",
        ["yes"],
        "",
        [],
        ["country", "sex", "age_group"],
    ),
    (
        "consider-local",
        "Would consider local opportunities",
        "consider_local",
        ["yes"],
        "",
        [],
        ["country", "sex", "age_group"],
    ),
    (
        "adolescents-no-difference",
        "Adolescents who do not know the difference between regular and irregular travel",
        "knows_difference",
        ["no"],
        "age_group",
        ["15-17"],
        ["country", "exposure", "sex"],
    ),
    (
        "would-visit-centre",
        "Would visit an information centre",
        "would_visit_centre",
        ["yes"],
        "",
        [],
        ["country", "sex", "age_group"],
    ),
    (
        "uses-internet",
        "Use the internet",
        "uses_internet",
        ["yes"],
        "",
        [],
        ["country", "sex", "age_group"],
    ),
]

# The figure each campaign's diagnosis page shows first: the country's published findings.
CAMPAIGN_FINDINGS = {
    "MX": ["effort-documents", "not-know-documents", "not-know-where", "would-visit-centre"],
    "GT": ["wants-info-regular", "consider-local", "would-visit-centre", "uses-internet"],
    "HN": ["wants-info-regular", "consider-local", "would-visit-centre", "uses-internet"],
    "SV": ["wants-info-regular", "consider-local", "would-visit-centre", "uses-internet"],
    "NI": ["adolescents-no-difference", "would-visit-centre", "uses-internet"],
}


def _form() -> FormSpec:
    return FormSpec(
        form_id="diagnostico_regional",
        version="2024-1",
        title="Diagnóstico regional de migración",
        default_language="Español (es)",
        languages=["Español (es)", "English (en)"],
        questions=[
            QuestionSpec(
                name=name, path=name, type=kind, list_name=list_name, labels=_labels(es, en)
            )
            for name, kind, list_name, es, en in QUESTIONS
        ],
        choices=[
            ChoiceSpec(list_name=list_name, name=name, labels=_labels(es, en))
            for list_name, items in CHOICES.items()
            for name, es, en in items
        ],
    )


def _population_totals(project: SurveyProject, responses: list[Response]) -> dict:
    """Margins of sex and age group per country, adding up to the baseline's design weights
    (so raking changes the weights' shape, not the population they stand for)."""
    project.population_totals.all().delete()
    margins: dict[str, dict[str, dict[str, float]]] = {}
    baseline = [r for r in responses if r.answers.get("recalls_campaign") is None]
    for country in demo_survey.COUNTRIES:
        total = sum(r.design_weight for r in baseline if r.country == country)
        margins[country] = {
            "sex": {
                sex: round(total * share, 1) for sex, share in (("female", 0.52), ("male", 0.48))
            },
            "age_group": {
                group: round(total * share, 1)
                for group, share in zip(demo_survey.AGE_GROUPS, (0.18, 0.32, 0.3, 0.2), strict=True)
            },
        }
        # Rounding must not leave the two margins with different sums.
        margins[country]["age_group"]["35+"] += round(
            sum(margins[country]["sex"].values()) - sum(margins[country]["age_group"].values()), 1
        )
    PopulationTotal.objects.bulk_create(
        PopulationTotal(
            project=project, country=country, variable=variable, value=value, total=total
        )
        for country, variables in margins.items()
        for variable, cells in variables.items()
        for value, total in cells.items()
    )
    return margins


@transaction.atomic
def load() -> list[str]:
    project, _created = SurveyProject.objects.update_or_create(
        slug=SLUG,
        defaults={
            "name": "Diagnóstico regional de migración (demo)",
            "design": SurveyProject.Design.CLUSTERED,
            "strata_field": "stratum",
            "cluster_field": "cluster",
            "weight_field": "design_weight",
            "country_field": "country",
            "exposure_field": "recalls_campaign",
            "exposure_values": ["yes"],
            "interval": SurveyProject.Interval.LOGIT,
            "started_on": date(2024, 3, 1),
            "ended_on": date(2025, 6, 30),
            "method_note": METHOD_NOTE,
            "is_demo": True,
        },
    )
    project.countries.set(Country.objects.filter(code__in=demo_survey.COUNTRIES))
    services.questionnaire_store(project=project, form=_form())
    waves = []
    for order, (name, kind, start, end) in enumerate(
        [
            ("Línea de base 2024", Wave.Kind.BASELINE, date(2024, 3, 1), date(2024, 5, 31)),
            ("Seguimiento 2025", Wave.Kind.FOLLOW_UP, date(2025, 4, 1), date(2025, 6, 30)),
        ]
    ):
        wave, _created = Wave.objects.update_or_create(
            project=project,
            name=name,
            defaults={
                "kind": kind,
                "order": order,
                "started_on": start,
                "ended_on": end,
                "is_demo": True,
            },
        )
        waves.append(wave)
    Response.objects.filter(project=project).delete()
    responses = []
    for wave, follow_up, seed in ((waves[0], False, 2024), (waves[1], True, 2025)):
        for interview in demo_survey.interviews(follow_up=follow_up, seed=seed):
            responses.append(
                Response(
                    project=project,
                    wave=wave,
                    uuid=interview.uuid,
                    country=interview.country,
                    answers=interview.answers,
                    design_weight=interview.weight,
                    weight=interview.weight,
                    is_demo=True,
                )
            )
    # Raked in memory before the one bulk insert (services.weights_adjust does the same on
    # stored responses, with an UPDATE per row that the demo does not need).
    margins = _population_totals(project, responses)
    for wave in waves:
        for country, variables in margins.items():
            rows = [r for r in responses if r.wave is wave and r.country == country]
            for response, weight in zip(
                rows,
                services.weights_computed(
                    rows=rows, variables=variables, method="rake", country=country
                ),
                strict=True,
            ):
                response.weight = float(weight)
    Response.objects.bulk_create(responses, batch_size=2000)
    indicators = {}
    for order, (slug, name, question, counted, fq, fv, by) in enumerate(INDICATORS):
        indicator, _created = Indicator.objects.update_or_create(
            project=project,
            slug=slug,
            defaults={
                "name": name,
                "kind": Indicator.Kind.PROPORTION,
                "question": question,
                "counted_values": counted,
                "filter_question": fq,
                "filter_values": fv,
                "disaggregations": by,
                "order": order,
                "is_demo": True,
            },
        )
        indicators[slug] = indicator
    Indicator.objects.update_or_create(
        project=project,
        slug="mean-age",
        defaults={
            "name": "Average age",
            "kind": Indicator.Kind.MEAN,
            "question": "age",
            "disaggregations": ["country", "sex"],
            "order": len(INDICATORS),
            "is_demo": True,
        },
    )
    Finding.objects.filter(indicator__project=project).delete()
    for campaign in Campaign.objects.select_related("country"):
        for order, slug in enumerate(CAMPAIGN_FINDINGS.get(campaign.country.code, [])):
            Finding.objects.create(
                campaign=campaign,
                indicator=indicators[slug],
                country=campaign.country.code,
                order=order,
                is_demo=True,
            )
    return _researcher(project)


def _researcher(project: SurveyProject) -> list[str]:
    user = User.objects.filter(email=RESEARCHER_EMAIL).first()
    if user is None:
        # Not Django staff: a research membership is a power (rumbo/accounts/permissions.py),
        # so the staff login accepts it with its second factor.
        user = User.objects.create_user(
            email=RESEARCHER_EMAIL, password=DEMO_PASSWORD, full_name="Renata Investigadora"
        )
    device = totp_device_ensure(user=user, key_hex=demo_totp_key(RESEARCHER_EMAIL))
    ProjectMembership.objects.get_or_create(
        project=project, user=user, defaults={"role": ProjectMembership.Role.RESEARCHER}
    )
    return [
        f"Demo researcher login at {reverse('casework:login')}?next="
        f"{reverse('research:project', kwargs={'slug': project.slug})}",
        f"  {RESEARCHER_EMAIL} · password {DEMO_PASSWORD} (DEMO CREDENTIALS)",
        f"    TOTP: {device.config_url}",
    ]
