"""The demo campaign sites: themes, landing pages, materials, channels and launch news.
Written for the demo from the published findings (the facts are carried over, the sentences
are new). Every record is marked as demo."""

from typing import Any

SITES: dict[str, dict[str, Any]] = {
    "migrar-informados": {
        "slogan": {"es": "Infórmate antes de decidir", "en": "Get informed before you decide"},
        "colours": ("#0b5f4e", "#d9a400"),
        "initials": "MI",
        "blocks": [
            (
                "problem",
                {
                    "es": "Lo que no sabemos nos pone en riesgo",
                    "en": "What we do not know puts us at risk",
                },
                {
                    "es": "En México, el 59 % de las personas migrantes encuestadas no sabe qué documentos necesita y el 49 % no sabe dónde buscarlos.",
                    "en": "In Mexico, 59% of the migrants surveyed do not know which documents they need, and 49% do not know where to look for them.",
                },
            ),
            (
                "regular",
                {
                    "es": "Regularizar tu estancia es posible",
                    "en": "Regularising your stay is possible",
                },
                {
                    "es": "Hay vías para obtener una tarjeta de visitante o de residente. Consulta en las guías qué pide cada trámite y dónde se hace.",
                    "en": "There are ways to obtain a visitor or resident card. The guides tell you what each procedure asks for and where it is done.",
                },
            ),
            (
                "help",
                {"es": "Dónde pedir ayuda", "en": "Where to get help"},
                {
                    "es": "Los puntos de información te orientan sin costo.",
                    "en": "Information points advise you free of charge.",
                },
            ),
            (
                "call",
                {"es": "Haz tu plan", "en": "Make your plan"},
                {
                    "es": "Responde unas preguntas y recibe la lista de documentos que te corresponden.",
                    "en": "Answer a few questions and get the list of documents that apply to you.",
                },
            ),
        ],
    },
    "echale-ganas": {
        "slogan": {"es": "Tu futuro empieza aquí", "en": "Your future starts here"},
        "colours": ("#1d4e89", "#f2a900"),
        "initials": "EG",
        "blocks": [
            (
                "audience",
                {"es": "Para jóvenes de Guatemala", "en": "For young people in Guatemala"},
                {
                    "es": "Si estás pensando en tu futuro, esta página es para ti.",
                    "en": "If you are thinking about your future, this page is for you.",
                },
            ),
            (
                "problem",
                {"es": "Queremos información clara", "en": "We want clear information"},
                {
                    "es": "Más del 80 % de las personas jóvenes del Norte de Centroamérica quiere saber cuáles son los canales regulares para migrar.",
                    "en": "More than 80% of young people in northern Central America want to know the regular channels to migrate.",
                },
            ),
            (
                "local",
                {"es": "Oportunidades cerca de ti", "en": "Opportunities near you"},
                {
                    "es": "Entre el 59 % y el 70 % aprovecharía una oportunidad de estudio o trabajo en su comunidad. Mira las que hay en tu departamento.",
                    "en": "Between 59% and 70% would take up a chance to study or work in their community. See those in your department.",
                },
            ),
            (
                "call",
                {"es": "Ponle ganas a tu plan", "en": "Put your heart into your plan"},
                {
                    "es": "Arma tu plan de vida en cinco minutos.",
                    "en": "Build your life plan in five minutes.",
                },
            ),
        ],
    },
    "ponele-plan-a-tu-vida": {
        "slogan": {"es": "Tu vida, tu plan", "en": "Your life, your plan"},
        "colours": ("#005a9c", "#e4572e"),
        "initials": "PP",
        "blocks": [
            (
                "problem",
                {
                    "es": "Decidir sin información sale caro",
                    "en": "Deciding without information is costly",
                },
                {
                    "es": "Más del 80 % de las personas jóvenes del Norte de Centroamérica pide información sobre cómo migrar de forma regular.",
                    "en": "More than 80% of young people in northern Central America ask for information on how to migrate regularly.",
                },
            ),
            (
                "regular",
                {
                    "es": "Si decidís migrar, hacelo de forma regular",
                    "en": "If you decide to migrate, do it regularly",
                },
                {
                    "es": "Conocé los programas de trabajo temporal y los requisitos de cada visa en las guías.",
                    "en": "Learn about temporary work programmes and what each visa requires in the guides.",
                },
            ),
            (
                "local",
                {"es": "También podés quedarte y crecer", "en": "You can also stay and grow"},
                {
                    "es": "Entre el 59 % y el 70 % de las personas jóvenes aprovecharía una oportunidad local. Hay cursos, becas y apoyo para emprender en Honduras.",
                    "en": "Between 59% and 70% of young people would take up a local opportunity. There are courses, scholarships and support to start a business in Honduras.",
                },
            ),
            (
                "help",
                {"es": "Te acompañamos", "en": "We are with you"},
                {
                    "es": "En los puntos de información te orientan gratis.",
                    "en": "Information points give you free advice.",
                },
            ),
            (
                "call",
                {"es": "Ponele plan a tu vida", "en": "Make a plan for your life"},
                {
                    "es": "Respondé unas preguntas y llevate tu plan.",
                    "en": "Answer a few questions and take your plan with you.",
                },
            ),
        ],
    },
    "conecta-con-tu-futuro": {
        "slogan": {"es": "Tu futuro está cerca", "en": "Your future is close"},
        "colours": ("#0d47a1", "#2e9d5b"),
        "initials": "CF",
        "blocks": [
            (
                "problem",
                {"es": "Queremos saber más", "en": "We want to know more"},
                {
                    "es": "Más del 80 % de las personas jóvenes quiere información sobre canales regulares de migración.",
                    "en": "More than 80% of young people want information on regular migration channels.",
                },
            ),
            (
                "local",
                {
                    "es": "Conectá con oportunidades en El Salvador",
                    "en": "Connect with opportunities in El Salvador",
                },
                {
                    "es": "Entre el 59 % y el 70 % tomaría una oportunidad local de estudio, empleo o emprendimiento.",
                    "en": "Between 59% and 70% would take a local opportunity to study, work or start a business.",
                },
            ),
            (
                "call",
                {"es": "Conectá con tu plan", "en": "Connect with your plan"},
                {
                    "es": "Hacé tu plan y descubrí tus opciones.",
                    "en": "Make your plan and discover your options.",
                },
            ),
        ],
    },
    "yocamino": {
        "slogan": {
            "es": "Camino informado, camino seguro",
            "en": "An informed path is a safer path",
        },
        "colours": ("#00689d", "#c2185b"),
        "initials": "YC",
        "blocks": [
            (
                "audience",
                {"es": "Para adolescentes de Nicaragua", "en": "For adolescents in Nicaragua"},
                {
                    "es": "Información clara para vos y tu familia.",
                    "en": "Clear information for you and your family.",
                },
            ),
            (
                "problem",
                {"es": "¿Regular o irregular?", "en": "Regular or irregular?"},
                {
                    "es": "El 60 % de las y los adolescentes de Nicaragua no sabe distinguir un viaje regular de uno irregular.",
                    "en": "60% of adolescents in Nicaragua cannot tell regular travel from irregular travel.",
                },
            ),
            (
                "regular",
                {"es": "Viajar de forma regular", "en": "Travelling regularly"},
                {
                    "es": "Un viaje regular tiene pasaporte, permisos y visa cuando hace falta. Las guías explican cada trámite.",
                    "en": "Regular travel means a passport, permissions and a visa when needed. The guides explain each step.",
                },
            ),
            (
                "call",
                {"es": "Yo camino con un plan", "en": "I walk with a plan"},
                {"es": "Hacé tu plan con tu familia.", "en": "Make your plan with your family."},
            ),
        ],
    },
}

CHANNELS = ["facebook", "instagram", "x"]

PRESS_OFFICE = {
    "es": "Unidad de Comunicaciones de la OIM",
    "en": "IOM Communications Unit",
}
