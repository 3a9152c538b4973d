"""The demo questionnaire "Plan your life", in Spanish, English, French and Arabic.

Document choices use the identifiers of the guides' demo documents, so "documents already
held" is subtracted from the plan's checklist."""

from typing import Any

from rumbo.plans.engine import flow_cache_clear
from rumbo.plans.models import Choice, Condition, Fact, Question, Questionnaire

LANGS = ("es", "en", "fr", "ar")
SLUG = "plan-your-life"


def _t(field: str, es: str, en: str, fr: str, ar: str) -> dict[str, str]:
    return {f"{field}_{lang}": text for lang, text in zip(LANGS, (es, en, fr, ar), strict=True)} | {
        field: es
    }


QUESTIONNAIRE = _t(
    "title", "Ponle plan a tu vida", "Plan your life", "Planifie ta vie", "خطّط لحياتك"
) | _t(
    "introduction",
    "Responde unas preguntas y obtén tu plan: las vías regulares que te corresponden, los documentos que necesitas y dónde sacarlos.",
    "Answer a few questions and get your plan: the regular pathways open to you, the documents you need and where to get them.",
    "Réponds à quelques questions et obtiens ton plan : les voies régulières qui te sont ouvertes, les documents nécessaires et où les obtenir.",
    "أجب عن بعض الأسئلة واحصل على خطتك: الطرق النظامية المتاحة لك والوثائق التي تحتاجها وأين تحصل عليها.",
)

Q = Question.Kind
# The goal answers that lead to the migration questions.
ABROAD = "study-abroad,work-abroad,migrate"
# slug, kind, fact, extra fields, text, help, choices [(value, sets, labels)], conditions
QUESTIONS: list[dict[str, Any]] = [
    {
        "slug": "country",
        "kind": Q.COUNTRY,
        "fact": Fact.COUNTRY,
        "country_role": Question.CountryRole.ORIGIN,
        "text": (
            "¿En qué país vives?",
            "In which country do you live?",
            "Dans quel pays vis-tu ?",
            "في أي بلد تعيش؟",
        ),
    },
    {
        "slug": "place",
        "kind": Q.PLACE,
        "fact": Fact.PLACE,
        "text": (
            "¿En qué municipio vives?",
            "In which municipality do you live?",
            "Dans quelle commune vis-tu ?",
            "في أي بلدية تعيش؟",
        ),
        "help": (
            "Elige tu departamento o estado y luego tu municipio, o escribe su nombre.",
            "Choose your state or department and then your municipality, or type its name.",
            "Choisis ton département ou État puis ta commune, ou tape son nom.",
            "اختر ولايتك أو مقاطعتك ثم بلديتك، أو اكتب اسمها.",
        ),
    },
    {
        "slug": "age",
        "kind": Q.NUMBER,
        "fact": Fact.AGE,
        "min_value": 10,
        "max_value": 99,
        "text": ("¿Cuántos años tienes?", "How old are you?", "Quel âge as-tu ?", "كم عمرك؟"),
        "help": (
            "En años cumplidos.",
            "In completed years.",
            "En années révolues.",
            "بالسنوات الكاملة.",
        ),
    },
    {
        # Several answers: a person may want to work here and abroad, or study and start a
        # business. The "abroad" answers lead to the destination question; the plan answers
        # every goal ticked with local opportunities and regular pathways.
        "slug": "goal",
        "kind": Q.MULTIPLE,
        "text": (
            "¿Qué quieres hacer en los próximos años?",
            "What do you want to do in the next few years?",
            "Que veux-tu faire dans les prochaines années ?",
            "ماذا تريد أن تفعل في السنوات القادمة؟",
        ),
        "help": (
            "Marca todas las que correspondan.",
            "Tick all that apply.",
            "Coche tout ce qui s'applique.",
            "اختر كل ما ينطبق.",
        ),
        "choices": [
            (
                "study",
                {"purpose": "study"},
                ("Estudiar aquí", "Study here", "Étudier ici", "الدراسة هنا"),
            ),
            (
                "work",
                {"purpose": "work"},
                ("Trabajar aquí", "Work here", "Travailler ici", "العمل هنا"),
            ),
            (
                "business",
                {"purpose": "business"},
                ("Emprender un negocio", "Start a business", "Créer une entreprise", "بدء مشروع"),
            ),
            (
                "study-abroad",
                {"purpose": "study"},
                (
                    "Estudiar en otro país",
                    "Study in another country",
                    "Étudier dans un autre pays",
                    "الدراسة في بلد آخر",
                ),
            ),
            (
                "work-abroad",
                {"purpose": "work"},
                (
                    "Trabajar en otro país",
                    "Work in another country",
                    "Travailler dans un autre pays",
                    "العمل في بلد آخر",
                ),
            ),
            (
                "migrate",
                {"purpose": "migrate"},
                (
                    "Migrar a otro país por otro motivo",
                    "Migrate to another country for another reason",
                    "Migrer vers un autre pays pour une autre raison",
                    "الهجرة إلى بلد آخر لسبب آخر",
                ),
            ),
            (
                "other",
                {"purpose": "other"},
                ("Otra cosa", "Something else", "Autre chose", "شيء آخر"),
            ),
        ],
    },
    {
        "slug": "destination",
        "kind": Q.COUNTRY,
        "fact": Fact.DESTINATION,
        "country_role": Question.CountryRole.OTHER,
        "text": (
            "¿A qué país te gustaría ir?",
            "Which country would you like to go to?",
            "Dans quel pays aimerais-tu aller ?",
            "إلى أي بلد تود الذهاب؟",
        ),
        "conditions": [("goal", Condition.Operator.IN, ABROAD)],
    },
    {
        "slug": "purpose",
        "kind": Q.SINGLE,
        "text": (
            "¿Para qué quieres ir?",
            "What would you go there for?",
            "Pour quoi veux-tu y aller ?",
            "لماذا تريد الذهاب؟",
        ),
        "choices": [
            ("work", {"purpose": "work"}, ("Para trabajar", "To work", "Pour travailler", "للعمل")),
            (
                "study",
                {"purpose": "study"},
                ("Para estudiar", "To study", "Pour étudier", "للدراسة"),
            ),
            (
                "business",
                {"purpose": "business"},
                ("Para hacer negocios", "For business", "Pour les affaires", "للأعمال"),
            ),
            (
                "family",
                {"purpose": "family"},
                (
                    "Para reunirme con mi familia",
                    "To join my family",
                    "Pour rejoindre ma famille",
                    "للالتحاق بعائلتي",
                ),
            ),
            (
                "other",
                {"purpose": "migrate"},
                ("Otro motivo", "Another reason", "Une autre raison", "سبب آخر"),
            ),
        ],
        "conditions": [("goal", Condition.Operator.IN, "migrate")],
    },
    {
        "slug": "situation",
        "kind": Q.MULTIPLE,
        "required": False,
        "text": (
            "¿Cuáles de estas situaciones son las tuyas?",
            "Which of these apply to you?",
            "Lesquelles de ces situations sont les tiennes ?",
            "أي من هذه الحالات تنطبق عليك؟",
        ),
        "help": (
            "Marca todas las que correspondan, o ninguna.",
            "Tick all that apply, or none.",
            "Coche tout ce qui s'applique, ou rien.",
            "اختر كل ما ينطبق، أو لا شيء.",
        ),
        "choices": [
            (
                "job-offer",
                {"has_job_offer": True},
                (
                    "Tengo una oferta de trabajo en ese país",
                    "I have a job offer in that country",
                    "J'ai une offre d'emploi dans ce pays",
                    "لدي عرض عمل في ذلك البلد",
                ),
            ),
            (
                "family",
                {"has_family_in_destination": True},
                (
                    "Tengo familia que vive allí de forma regular",
                    "I have family living there regularly",
                    "J'ai de la famille qui y vit en situation régulière",
                    "لدي عائلة تقيم هناك بشكل نظامي",
                ),
            ),
            (
                "school",
                {"has_school_admission": True},
                (
                    "Me aceptaron en una escuela o universidad de allí",
                    "A school or university there has admitted me",
                    "Une école ou université de ce pays m'a admis",
                    "قبلتني مدرسة أو جامعة هناك",
                ),
            ),
        ],
        "conditions": [("goal", Condition.Operator.IN, ABROAD)],
    },
    {
        "slug": "documents",
        "kind": Q.MULTIPLE,
        "required": False,
        "text": (
            "¿Qué documentos ya tienes vigentes?",
            "Which valid documents do you already have?",
            "Quels documents valides as-tu déjà ?",
            "ما الوثائق السارية التي لديك بالفعل؟",
        ),
        "help": (
            "Los quitaremos de tu lista.",
            "We will leave them off your list.",
            "Nous les retirerons de ta liste.",
            "سنحذفها من قائمتك.",
        ),
        "choices": [
            (
                "passport",
                {"documents_held": ["passport"]},
                ("Pasaporte", "Passport", "Passeport", "جواز السفر"),
            ),
            (
                "national-id",
                {"documents_held": ["national-id"]},
                (
                    "Documento nacional de identidad",
                    "National identity document",
                    "Carte nationale d'identité",
                    "بطاقة الهوية الوطنية",
                ),
            ),
            (
                "birth-certificate",
                {"documents_held": ["birth-certificate"]},
                (
                    "Partida o acta de nacimiento",
                    "Birth certificate",
                    "Acte de naissance",
                    "شهادة الميلاد",
                ),
            ),
            (
                "criminal-record",
                {"documents_held": ["criminal-record"]},
                (
                    "Constancia de antecedentes penales",
                    "Criminal record certificate",
                    "Extrait de casier judiciaire",
                    "شهادة السجل العدلي",
                ),
            ),
            (
                "school-certificate",
                {"documents_held": ["school-certificate"]},
                (
                    "Certificado de estudios",
                    "School certificate",
                    "Certificat de scolarité",
                    "شهادة دراسية",
                ),
            ),
        ],
    },
]


def load() -> None:
    questionnaire, _created = Questionnaire.objects.update_or_create(
        slug=SLUG, defaults={"is_active": True, "is_demo": True, **QUESTIONNAIRE}
    )
    questions: dict[str, Question] = {}
    for order, spec in enumerate(QUESTIONS, start=1):
        fields: dict[str, Any] = {
            "order": order,
            "kind": spec["kind"],
            "fact": spec.get("fact", ""),
            "country_role": spec.get("country_role", ""),
            "required": spec.get("required", True),
            "min_value": spec.get("min_value"),
            "max_value": spec.get("max_value"),
            "is_demo": True,
            **_t("text", *spec["text"]),
            **_t("help_text", *spec.get("help", ("", "", "", ""))),
        }
        question, _created = Question.objects.update_or_create(
            questionnaire=questionnaire, slug=spec["slug"], defaults=fields
        )
        question.full_clean()
        questions[spec["slug"]] = question
        values = []
        for choice_order, (value, sets, labels) in enumerate(spec.get("choices", []), start=1):
            choice, _created = Choice.objects.update_or_create(
                question=question,
                value=value,
                defaults={
                    "order": choice_order,
                    "sets": sets,
                    "is_demo": True,
                    **_t("label", *labels),
                },
            )
            choice.full_clean()
            values.append(value)
        question.choices.exclude(value__in=values).delete()
        question.conditions.all().delete()
        for depends_on, operator, condition_values in spec.get("conditions", []):
            condition = Condition(
                question=question,
                depends_on=questions[depends_on],
                operator=operator,
                values=condition_values,
            )
            condition.full_clean()
            condition.save()
    questionnaire.questions.exclude(slug__in=questions).delete()
    flow_cache_clear()
