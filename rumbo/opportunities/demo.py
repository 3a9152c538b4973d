"""Demo opportunities (demo_opportunities.py): invented partner organisations and programmes
in the five countries. Every record is marked demo; deadlines are set from today, so the
demo stays current whenever it is loaded again."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from rumbo.accounts.models import User
from rumbo.accounts.services import totp_device_ensure
from rumbo.casework.demo import DEMO_PASSWORD, demo_totp_key
from rumbo.core.models import Country, Organisation, Place
from rumbo.core.services import organisation_upsert
from rumbo.guides.models import Document, EligibilityRule
from rumbo.infopoints.models import InfoPoint
from rumbo.opportunities.demo_opportunities import (
    CALLING_CODES,
    COSTS,
    COUNTRY_NAMES,
    NATIONALITY_MESSAGE,
    OPPORTUNITIES,
    ORGANISATIONS,
    STIPENDS,
    TEMPLATES,
    TRADES,
)
from rumbo.opportunities.models import Opportunity, OpportunityRevision, PartnerMembership
from rumbo.opportunities.services import RuleSpec, opportunity_upsert

LANGUAGES = [code for code, _name in settings.LANGUAGES]  # es, en, fr, ar


def _translated(name: str, texts: tuple[str, ...], **values: tuple[str, ...]) -> dict[str, str]:
    """{name: Spanish, name_es: ..., name_en: ...}, placeholders filled in the same language."""
    fields = {
        f"{name}_{code}": text.format(**{key: value[index] for key, value in values.items()})
        for index, (code, text) in enumerate(zip(LANGUAGES, texts, strict=True))
    }
    return {name: fields[f"{name}_es"], **fields}


def _places(spec: str, country: str) -> list[Place]:
    if spec in ("national", "online"):
        return []
    places = []
    for item in spec.split(";"):
        state, city = item.split("/")
        places.append(
            Place.objects.get(
                country__code=country, kind=Place.Kind.CITY, parent__name=state, name=city
            )
        )
    return places


def _nationality_rule(country: str) -> RuleSpec:
    names = COUNTRY_NAMES[country]
    return RuleSpec(
        fact=EligibilityRule.Fact.NATIONALITY,
        operator=EligibilityRule.Operator.IN,
        value=country,
        messages={
            code: text.format(country=names[index])
            for index, (code, text) in enumerate(zip(LANGUAGES, NATIONALITY_MESSAGE, strict=True))
        },
    )


@transaction.atomic
def load() -> list[str]:
    countries = {country.code: country for country in Country.objects.all()}
    for slug, kind, country, name in ORGANISATIONS:
        organisation_upsert(
            slug=slug,
            is_demo=True,
            kind=kind,
            country=countries[country],
            is_partner=True,
            name=name,
            name_es=name,
            description="Organización ficticia de demostración.",
            description_es="Organización ficticia de demostración.",
            description_en="Invented demo organisation.",
            description_fr="Organisation fictive de démonstration.",
            description_ar="منظمة وهمية لأغراض العرض.",
        )
    organisations = {
        org.slug: org
        for org in Organisation.objects.filter(slug__in=[row[0] for row in ORGANISATIONS])
    }
    org_countries = {row[0]: row[2] for row in ORGANISATIONS}
    documents = {document.slug: document for document in Document.objects.all()}
    points = {point.slug: point for point in InfoPoint.objects.all()}
    today = timezone.localdate()
    for number, row in enumerate(OPPORTUNITIES, start=1):
        slug, org_slug, template, trade, where, deadline_days, options = row
        kind, subkind, titles, summaries, defaults = TEMPLATES[template]
        settings_ = {**defaults, **options}
        organisation = organisations[org_slug]
        country = org_countries[org_slug]
        trades = {"trade": TRADES[trade]} if trade else {}
        deadline = today + timedelta(days=deadline_days) if deadline_days is not None else None
        starts = (deadline or today) + timedelta(days=14)
        age_min, age_max = settings_["age"]
        ways = settings_.get("apply", "url").split()
        phone = f"+{CALLING_CODES[country]}555{number:04d}"
        fields = {
            "is_demo": True,
            "kind": kind,
            "subkind": subkind,
            **_translated("title", titles, **trades),
            **_translated("summary", summaries),
            "provider": organisation,
            "country": countries[country],
            "is_online": where == "online",
            "age_min": age_min,
            "age_max": age_max,
            "sex": settings_.get("sex", Opportunity.Sex.ANY),
            "schooling": settings_["schooling"],
            "is_free": "cost" not in settings_,
            **(_translated("cost", COSTS[settings_["cost"]]) if "cost" in settings_ else {}),
            **(
                _translated("stipend", STIPENDS[settings_["stipend"]])
                if "stipend" in settings_
                else {}
            ),
            "starts_on": starts,
            "ends_on": starts + timedelta(days=180),
            "application_deadline": deadline,
            "apply_url": f"https://{org_slug}.example/{slug}" if "url" in ways else "",
            "apply_phone": phone if "phone" in ways else "",
            "apply_whatsapp": phone if "whatsapp" in ways else "",
            "apply_info_point": points.get(settings_.get("point", "")),
            "status": settings_.get("status", Opportunity.Status.PUBLISHED),
        }
        opportunity_upsert(
            slug=slug,
            fields=fields,
            places=_places(where, country),
            documents=[documents[d] for d in settings_["docs"].split() if d in documents],
            languages=settings_.get("langs", "spa").split(),
            rules=[_nationality_rule(country)] if settings_.get("rules") == "nationality" else [],
            today=today,
        )
    published = sum(1 for row in OPPORTUNITIES if row[6].get("status") != "archived")
    return [
        f"{published} opportunities from {len(ORGANISATIONS)} partner organisations",
        *_partner_login(organisations[PARTNER_ORGANISATION]),
    ]


# The demo partner keeps the records of the first organisation, and has one proposal
# waiting for a moderator.
PARTNER_ORGANISATION = ORGANISATIONS[0][0]
PARTNER_EMAIL = "socia.demo@example.org"


def _partner_login(organisation: Organisation) -> list[str]:
    user = User.objects.filter(email=PARTNER_EMAIL).first()
    if user is None:
        user = User.objects.create_user(
            email=PARTNER_EMAIL, password=DEMO_PASSWORD, full_name="Paula Socia"
        )
    device = totp_device_ensure(user=user, key_hex=demo_totp_key(PARTNER_EMAIL))
    PartnerMembership.objects.get_or_create(
        user=user, organisation=organisation, defaults={"is_demo": True}
    )
    record = Opportunity.objects.filter(provider=organisation).order_by("pk").first()
    pending = OpportunityRevision.objects.filter(
        organisation=organisation, status=OpportunityRevision.Status.PENDING
    )
    if record is not None and not pending.exists():
        OpportunityRevision.objects.create(
            opportunity=record,
            organisation=organisation,
            author=user,
            data={"age_max": (record.age_max or 30) + 5},
        )
    return [
        f"Demo partner login ({organisation.name}) at "
        f"{reverse('casework:login')}?next={reverse('opportunities:partner')}",
        f"  {PARTNER_EMAIL} · password {DEMO_PASSWORD} (DEMO CREDENTIALS)",
        f"    TOTP: {device.config_url}",
        f"  Moderators (Django staff) review at {reverse('opportunities:moderation')}",
    ]
