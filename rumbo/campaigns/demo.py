"""The five national campaigns IOM launched in Mexico and Central America."""

from rumbo.campaigns.models import Campaign
from rumbo.core.models import Country, Organisation

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


def load() -> None:
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
