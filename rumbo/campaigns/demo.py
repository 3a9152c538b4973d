"""The five national campaigns IOM launched in Mexico and Central America, each with its
demo site (demo_sites.py), and a demo campaign manager and regional officer."""

import io
import wave
from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone

from rumbo.accounts.models import User
from rumbo.accounts.services import totp_device_ensure
from rumbo.campaigns.demo_sites import CHANNELS, PRESS_OFFICE, SITES
from rumbo.campaigns.models import (
    Campaign,
    CampaignRole,
    LandingBlock,
    LandingRevision,
    Material,
    NewsItem,
    Partnership,
    PressContact,
    Programme,
    SocialChannel,
)
from rumbo.campaigns.posters import campaign_poster_pdf
from rumbo.campaigns.services import landing_snapshot, material_create, news_create
from rumbo.core.models import Country, Organisation

DEMO_PASSWORD = "demo-rumbo-2026"  # noqa: S105 - printed on purpose: demo databases only
MANAGER_EMAIL = "campana.hn@rumbo.example"
OFFICER_EMAIL = "comunicacion@rumbo.example"
LAUNCHED = {
    "migrar-informados": date(2022, 11, 17),
    "echale-ganas": date(2022, 9, 7),
    "ponele-plan-a-tu-vida": date(2022, 9, 14),
    "conecta-con-tu-futuro": date(2022, 9, 21),
    "yocamino": date(2023, 3, 8),
}

PROGRAMME = {
    "es": "Programa Regional de Migración: Mesoamérica-Caribe",
    "en": "Regional Migration Program: Mesoamerica-Caribbean",
    "fr": "Programme régional sur les migrations : Mésoamérique-Caraïbes",
    "ar": "البرنامج الإقليمي للهجرة: أمريكا الوسطى والكاريبي",
}

CAMPAIGNS = [
    (
        "migrar-informados",
        "Migrar Informados",
        "MX",
        "prm",
        "",
        {
            "es": "Da a conocer las vías de regularización migratoria en México y sus beneficios, "
            "para quienes están en tránsito y no saben qué documentos necesitan.",
            "en": "Makes known the routes to regularise one's stay in Mexico and their benefits, "
            "for people in transit who do not know which documents they need.",
            "fr": "Fait connaître les voies de régularisation au Mexique et leurs avantages, pour les "
            "personnes en transit qui ne savent pas de quels documents elles ont besoin.",
            "ar": "تعرّف بطرق تسوية الوضع في المكسيك وفوائدها للمهاجرين العابرين الذين لا يعرفون الوثائق التي يحتاجونها.",
        },
    ),
    (
        "echale-ganas",
        "Échale ganas",
        "GT",
        "prm",
        "",
        {
            "es": "Invita a las personas jóvenes de Guatemala a pensar su plan de vida y a conocer "
            "alternativas a la migración irregular.",
            "en": "Invites young people in Guatemala to think about their life plan and learn about "
            "alternatives to irregular migration.",
            "fr": "Invite les jeunes du Guatemala à réfléchir à leur projet de vie et à découvrir des "
            "alternatives à la migration irrégulière.",
            "ar": "تدعو الشباب في غواتيمالا إلى التفكير في خطة حياتهم والتعرف على بدائل للهجرة غير النظامية.",
        },
    ),
    (
        "ponele-plan-a-tu-vida",
        "Ponele plan a tu vida",
        "HN",
        "prm",
        "",
        {
            "es": "Ayuda a las personas jóvenes de Honduras a hacer un plan de vida con información "
            "sobre estudio, trabajo y emprendimiento local y sobre la migración regular.",
            "en": "Helps young people in Honduras make a life plan with information on local study, "
            "work and business and on regular migration.",
            "fr": "Aide les jeunes du Honduras à bâtir un projet de vie avec des informations sur les "
            "études, l'emploi et l'entrepreneuriat locaux et sur la migration régulière.",
            "ar": "تساعد الشباب في هندوراس على وضع خطة لحياتهم بمعلومات عن الدراسة والعمل وريادة الأعمال محليًا وعن الهجرة النظامية.",
        },
    ),
    (
        "conecta-con-tu-futuro",
        "Conectá con tu futuro",
        "SV",
        "prm",
        "",
        {
            "es": "Acerca a las personas jóvenes de El Salvador a oportunidades locales y a los "
            "canales regulares de migración.",
            "en": "Connects young people in El Salvador with local opportunities and regular "
            "migration channels.",
            "fr": "Rapproche les jeunes d'El Salvador des opportunités locales et des voies de "
            "migration régulière.",
            "ar": "تقرّب الشباب في السلفادور من الفرص المحلية وقنوات الهجرة النظامية.",
        },
    ),
    (
        "yocamino",
        "#YoCamino",
        "NI",
        "unicef",
        "#YoCamino",
        {
            "es": "Explica a adolescentes de Nicaragua la diferencia entre viajar de forma regular e "
            "irregular y cómo son los trámites de la migración regular.",
            "en": "Explains to adolescents in Nicaragua the difference between travelling regularly "
            "and irregularly, and how regular migration procedures work.",
            "fr": "Explique aux adolescents du Nicaragua la différence entre voyager de manière "
            "régulière et irrégulière, et les démarches de la migration régulière.",
            "ar": "تشرح للمراهقين في نيكاراغوا الفرق بين السفر النظامي وغير النظامي وكيف تسير إجراءات الهجرة النظامية.",
        },
    ),
]


def load() -> list[str]:
    countries = {country.code: country for country in Country.objects.all()}
    organisations = {org.slug: org for org in Organisation.objects.all()}
    for slug, name, country, funder, hashtag, summaries in CAMPAIGNS:
        # Only the campaigns funded by PRM are part of the Regional Migration Program.
        programme = PROGRAMME if funder == "prm" else {}
        campaign, _created = Campaign.objects.update_or_create(
            slug=slug,
            defaults={
                "name": name,
                "country": countries[country],
                "hashtag": hashtag,
                "is_demo": True,
                "summary": summaries["es"],
                **{f"summary_{code}": text for code, text in summaries.items()},
                **{f"programme_{code}": programme.get(code, "") for code in summaries},
            },
        )
        campaign.implementers.set([organisations["iom"]])
        campaign.funders.set([organisations[funder]])
    with transaction.atomic():
        regional = _programme(countries)
        for campaign in Campaign.objects.filter(slug__in=SITES).select_related("country"):
            _site(campaign, regional, organisations)
        return _logins()


def _programme(countries: dict[str, Country]) -> Programme:
    programme, _created = Programme.objects.update_or_create(
        slug="programa-regional",
        defaults={
            "is_demo": True,
            "donor": "PRM (U.S. Department of State)",
            "starts_on": date(2010, 1, 1),
            "ends_on": date(2025, 12, 31),
            **{f"name_{code}": text for code, text in PROGRAMME.items()},
            "name": PROGRAMME["es"],
            "description_es": "Un programa regional que fortalece la gestión de la migración "
            "en México y Centroamérica; las campañas nacionales forman parte de él.",
            "description_en": "A regional programme that strengthens migration management in "
            "Mexico and Central America; the national campaigns are part of it.",
        },
    )
    programme.countries.set([countries[code] for code in ("MX", "GT", "HN", "SV")])
    return programme


def _logo(initials: str, colour: str) -> str:
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">'
        f'<circle cx="32" cy="32" r="30" fill="{colour}"/>'
        f'<text x="32" y="41" font-size="24" font-family="sans-serif" text-anchor="middle" '
        f'fill="#ffffff">{initials}</text></svg>'
    )


def _site(campaign: Campaign, programme: Programme, organisations) -> None:
    site = SITES[campaign.slug]
    primary, accent = site["colours"]
    campaign.slogan = site["slogan"]["es"]
    for code, text in site["slogan"].items():
        setattr(campaign, f"slogan_{code}", text)
    campaign.colour_primary, campaign.colour_accent = primary, accent
    campaign.logo_svg = _logo(site["initials"], primary)
    campaign.domain = f"{campaign.slug}.localhost"
    campaign.launched_on = LAUNCHED[campaign.slug]
    if campaign.programme:
        campaign.regional_programme = programme
    campaign.save()
    if not LandingBlock.objects.filter(campaign=campaign).exists():
        LandingBlock.objects.bulk_create(
            LandingBlock(
                campaign=campaign,
                kind=kind,
                order=index * 10,
                is_demo=True,
                title=titles["es"],
                body=bodies["es"],
                **{f"title_{code}": text for code, text in titles.items()},
                **{f"body_{code}": text for code, text in bodies.items()},
            )
            for index, (kind, titles, bodies) in enumerate(site["blocks"])
        )
        LandingRevision.objects.create(
            campaign=campaign,
            content=landing_snapshot(campaign=campaign),
            published_at=timezone.now(),
        )
    funder = "unicef" if campaign.slug == "yocamino" else "prm"
    roles = [("iom", Partnership.Role.IMPLEMENTER), (funder, Partnership.Role.FUNDER)]
    if campaign.slug == "yocamino":
        roles.append(("iom", Partnership.Role.FUNDER))
    if campaign.country.code == "SV" and "dgme-sv" in organisations:
        roles.append(("dgme-sv", Partnership.Role.GOVERNMENT))
    for order, (slug, role) in enumerate(roles):
        Partnership.objects.get_or_create(
            campaign=campaign,
            organisation=organisations[slug],
            role=role,
            defaults={"order": order, "is_demo": True},
        )
    for platform in CHANNELS:
        SocialChannel.objects.get_or_create(
            campaign=campaign,
            platform=platform,
            defaults={
                "url": f"https://{platform}.example/{campaign.slug}",
                "handle": f"@{campaign.slug.replace('-', '')}",
                "is_demo": True,
            },
        )
    if not Material.objects.filter(campaign=campaign).exists():
        _materials(campaign)
    if not NewsItem.objects.filter(campaign=campaign).exists():
        _launch_news(campaign)


def _silence_wav() -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(1)
        audio.setframerate(8000)
        audio.writeframes(b"\x80" * 8000)
    return buffer.getvalue()


def _materials(campaign: Campaign) -> None:
    slogan = getattr(campaign, "slogan_es", "") or campaign.name
    poster = campaign_poster_pdf(
        campaign=campaign,
        url=f"http://{campaign.domain}:8000/",
        call="Hacé tu plan y encontrá información confiable:",
    )
    material_create(
        campaign=campaign,
        user=None,
        kind=Material.Kind.POSTER,
        title=f"Afiche: {slogan}",
        description="Afiche A4 con el código QR del sitio de la campaña.",
        file=io.BytesIO(poster),
        file_name=f"{campaign.slug}-afiche.pdf",
        is_demo=True,
    )
    transcript = f"{campaign.name}. {slogan}. Antes de decidir, informate: hacé tu plan."
    captions = f"WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n{transcript}\n"
    material_create(
        campaign=campaign,
        user=None,
        kind=Material.Kind.AUDIO,
        title=f"Cuña de radio: {slogan}",
        file=io.BytesIO(_silence_wav()),
        file_name=f"{campaign.slug}-cuna.wav",
        transcript=transcript,
        captions=captions,
        is_demo=True,
    )
    material_create(
        campaign=campaign,
        user=None,
        kind=Material.Kind.VIDEO,
        title=f"Video: {slogan}",
        link=f"https://video.example/{campaign.slug}",
        transcript=transcript,
        captions=captions,
        is_demo=True,
    )


def _launch_news(campaign: Campaign) -> None:
    contact, _created = PressContact.objects.get_or_create(
        campaign=campaign,
        name="Lucía Morales (demo)",
        defaults={
            "office": f"{PRESS_OFFICE['es']} · {campaign.country.name}",
            "phone": "+000 0000 0000",
            "email": f"prensa.{campaign.country.code.lower()}@rumbo.example",
            "is_demo": True,
        },
    )
    item = news_create(
        campaign=campaign,
        user=None,
        kind=NewsItem.Kind.RELEASE,
        title=f"La OIM lanza {campaign.name} en {campaign.country.name}",
        body=(
            f"La campaña **{campaign.name}** llega a {campaign.country.name} con un mensaje: "
            f"«{getattr(campaign, 'slogan_es', '')}». Ofrece información confiable sobre la migración regular "
            "y sobre oportunidades de estudio, trabajo y emprendimiento en el país, y un plan "
            "de vida que cada persona arma en pocos minutos.\n\n"
            "Este comunicado es un ejemplo de demostración."
        ),
        contacts=[contact],
        publish=True,
        translations={
            "en": {
                "title": f"IOM launches {campaign.name} in {campaign.country.name}",
                "body": f"The **{campaign.name}** campaign reaches {campaign.country.name} with "
                "reliable information on regular migration and on local opportunities, and a "
                "life plan anyone can make in a few minutes.\n\nThis release is a demo example.",
            }
        },
        is_demo=True,
    )
    launched = timezone.make_aware(datetime.combine(LAUNCHED[campaign.slug], time(10)))
    NewsItem.objects.filter(pk=item.pk).update(published_at=launched)


def _logins() -> list[str]:
    from rumbo.casework.demo import demo_totp_key

    honduras = Campaign.objects.get(slug="ponele-plan-a-tu-vida")
    lines = [
        "Demo campaign logins at /staff/login/, then /campaigns/manage/ (DEMO CREDENTIALS).",
        f"Password for both: {DEMO_PASSWORD}",
    ]
    for email, name, role, campaign in (
        (MANAGER_EMAIL, "Gerente de campaña (demo)", CampaignRole.Role.MANAGER, honduras),
        (OFFICER_EMAIL, "Oficial regional (demo)", CampaignRole.Role.OFFICER, None),
    ):
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email=email, password=DEMO_PASSWORD, full_name=name)
        device = totp_device_ensure(user=user, key_hex=demo_totp_key(email))
        CampaignRole.objects.get_or_create(user=user, campaign=campaign, role=role)
        lines.append(f"  {email} · {CampaignRole.Role(role).label} · {campaign or 'region'}")
        lines.append(f"    TOTP: {device.config_url}")
    lines.append("  Campaign sites: http://<slug>.localhost:PORT/ or /c/<slug>/")
    return lines
