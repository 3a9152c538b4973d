"""Original lesson text written for the demo (not IOM's course material).

Each module: (title, lesson slug, lesson title, lesson body, questions). A question is
(kind, text, explanation, choices) with choices as (text, correct) or, for matching,
(text, match).
"""

S, M, TF, MA = "single", "multiple", "true-false", "matching"

TRUE = {"es": "Verdadero", "en": "True", "fr": "Vrai", "ar": "صحيح"}
FALSE = {"es": "Falso", "en": "False", "fr": "Faux", "ar": "خطأ"}


def true_false_choices(language: str, answer: bool) -> list[tuple[str, bool]]:
    """The two choices of a true-or-false question; `answer` says whether "True" is right."""
    return [(TRUE[language], answer), (FALSE[language], not answer)]


TRAFFICKING_TITLE = {
    "es": "Combatir la trata de personas en contextos humanitarios",
    "en": "Countering Human Trafficking in Humanitarian Settings",
    "fr": "Lutter contre la traite des personnes dans les contextes humanitaires",
    "ar": "مكافحة الاتجار بالبشر في السياقات الإنسانية",
}
TRAFFICKING_SUMMARY = {
    "es": "Once módulos breves para reconocer la trata en emergencias, responder sin causar daño y derivar a las personas sobrevivientes de forma segura.",
    "en": "Eleven short modules to recognise trafficking in emergencies, respond without causing harm and refer survivors safely.",
    "fr": "Onze modules courts pour reconnaître la traite dans les situations d'urgence, répondre sans nuire et orienter les personnes survivantes en toute sécurité.",
    "ar": "إحدى عشرة وحدة قصيرة للتعرف على الاتجار بالبشر في حالات الطوارئ، والاستجابة دون إلحاق الضرر، وإحالة الناجين بأمان.",
}


def trafficking_first_module(language: str) -> tuple:
    # Modules 2 to 11: Spanish and English in LATER_MODULES below, French and Arabic in
    # demo_content_fr.py and demo_content_ar.py.
    text = {
        "es": (
            "¿Qué es la trata de personas?",
            "que-es-la-trata",
            "Los tres elementos de la trata",
            "La trata de personas se reconoce por tres elementos que aparecen juntos:\n\n"
            "1. **Un acto**: captar, transportar, trasladar, acoger o recibir a una persona.\n"
            "2. **Un medio**: amenaza, fuerza, engaño, abuso de poder o de una situación de vulnerabilidad.\n"
            "3. **Un fin de explotación**: trabajo forzoso, explotación sexual, servidumbre o extracción de órganos.\n\n"
            "Cuando la víctima es un niño o una niña, basta el acto y el fin: no hace falta probar un medio.\n\n"
            "La trata no es lo mismo que el tráfico ilícito de migrantes. El tráfico es un cruce irregular de "
            "frontera que la persona paga; la trata es explotación y puede ocurrir sin salir del propio país.",
        ),
        "en": (
            "What is human trafficking?",
            "what-is-trafficking",
            "The three elements of trafficking",
            "Human trafficking is recognised by three elements that appear together:\n\n"
            "1. **An act**: recruiting, transporting, transferring, harbouring or receiving a person.\n"
            "2. **A means**: threat, force, deception, abuse of power or of a position of vulnerability.\n"
            "3. **A purpose of exploitation**: forced labour, sexual exploitation, servitude or organ removal.\n\n"
            "When the victim is a child, the act and the purpose are enough: no means has to be shown.\n\n"
            "Trafficking is not the same as migrant smuggling. Smuggling is an irregular border crossing the "
            "person pays for; trafficking is exploitation and can happen without leaving one's own country.",
        ),
        "fr": (
            "Qu'est-ce que la traite des personnes ?",
            "qu-est-ce-que-la-traite",
            "Les trois éléments de la traite",
            "La traite des personnes se reconnaît à trois éléments réunis :\n\n"
            "1. **Un acte** : recruter, transporter, transférer, héberger ou accueillir une personne.\n"
            "2. **Un moyen** : menace, force, tromperie, abus d'autorité ou d'une situation de vulnérabilité.\n"
            "3. **Une fin d'exploitation** : travail forcé, exploitation sexuelle, servitude ou prélèvement d'organes.\n\n"
            "Lorsque la victime est un enfant, l'acte et la fin suffisent : aucun moyen n'a à être prouvé.\n\n"
            "La traite n'est pas le trafic illicite de migrants. Le trafic est un passage irrégulier de frontière "
            "que la personne paie ; la traite est une exploitation et peut avoir lieu sans quitter son pays.",
        ),
        "ar": (
            "ما هو الاتجار بالبشر؟",
            "ma-huwa-al-ittijar",
            "العناصر الثلاثة للاتجار",
            "يُعرَف الاتجار بالبشر باجتماع ثلاثة عناصر:\n\n"
            "1. **فعل**: تجنيد شخص أو نقله أو تنقيله أو إيواؤه أو استقباله.\n"
            "2. **وسيلة**: التهديد أو القوة أو الخداع أو إساءة استعمال السلطة أو استغلال حالة ضعف.\n"
            "3. **غرض الاستغلال**: العمل القسري أو الاستغلال الجنسي أو الاستعباد أو نزع الأعضاء.\n\n"
            "إذا كانت الضحية طفلًا يكفي الفعل والغرض، ولا حاجة لإثبات الوسيلة.\n\n"
            "الاتجار ليس تهريب المهاجرين. التهريب عبور غير نظامي للحدود يدفع الشخص ثمنه، أما الاتجار فهو "
            "استغلال وقد يحدث دون مغادرة البلد.",
        ),
    }[language]
    questions = {
        "es": [
            (
                S,
                "¿Qué elemento NO hace falta probar cuando la víctima es un niño?",
                "Para niños y niñas basta el acto y el fin de explotación.",
                [("El medio", True), ("El acto", False), ("El fin de explotación", False)],
            ),
            (
                TF,
                "La trata siempre implica cruzar una frontera.",
                "Puede ocurrir dentro del propio país.",
                true_false_choices("es", False),
            ),
            (
                M,
                "¿Cuáles son fines de explotación?",
                "Trabajo forzoso y explotación sexual son fines; el transporte es un acto.",
                [("Trabajo forzoso", True), ("Explotación sexual", True), ("Transporte", False)],
            ),
            (
                MA,
                "Relaciona cada término con su descripción.",
                "Acto, medio y fin forman la definición.",
                [
                    ("Acto", "Captar o trasladar"),
                    ("Medio", "Engaño o amenaza"),
                    ("Fin", "Explotación"),
                ],
            ),
        ],
        "en": [
            (
                S,
                "Which element need NOT be shown when the victim is a child?",
                "For children, the act and the purpose of exploitation are enough.",
                [("The means", True), ("The act", False), ("The purpose of exploitation", False)],
            ),
            (
                TF,
                "Trafficking always involves crossing a border.",
                "It can happen inside one's own country.",
                true_false_choices("en", False),
            ),
            (
                M,
                "Which are purposes of exploitation?",
                "Forced labour and sexual exploitation are purposes; transport is an act.",
                [("Forced labour", True), ("Sexual exploitation", True), ("Transport", False)],
            ),
            (
                MA,
                "Match each term with its description.",
                "Act, means and purpose make up the definition.",
                [
                    ("Act", "Recruiting or moving"),
                    ("Means", "Deception or threat"),
                    ("Purpose", "Exploitation"),
                ],
            ),
        ],
        "fr": [
            (
                S,
                "Quel élément n'a PAS à être prouvé lorsque la victime est un enfant ?",
                "Pour un enfant, l'acte et la fin d'exploitation suffisent.",
                [("Le moyen", True), ("L'acte", False), ("La fin d'exploitation", False)],
            ),
            (
                TF,
                "La traite implique toujours le passage d'une frontière.",
                "Elle peut avoir lieu dans son propre pays.",
                true_false_choices("fr", False),
            ),
            (
                M,
                "Lesquels sont des fins d'exploitation ?",
                "Le travail forcé et l'exploitation sexuelle sont des fins ; le transport est un acte.",
                [("Travail forcé", True), ("Exploitation sexuelle", True), ("Transport", False)],
            ),
            (
                MA,
                "Associez chaque terme à sa description.",
                "L'acte, le moyen et la fin forment la définition.",
                [
                    ("Acte", "Recruter ou déplacer"),
                    ("Moyen", "Tromperie ou menace"),
                    ("Fin", "Exploitation"),
                ],
            ),
        ],
        "ar": [
            (
                S,
                "أي عنصر لا يلزم إثباته عندما تكون الضحية طفلًا؟",
                "في حالة الأطفال يكفي الفعل وغرض الاستغلال.",
                [("الوسيلة", True), ("الفعل", False), ("غرض الاستغلال", False)],
            ),
            (
                TF,
                "الاتجار يتضمن دائمًا عبور الحدود.",
                "قد يحدث داخل البلد نفسه.",
                true_false_choices("ar", False),
            ),
            (
                M,
                "ما هي أغراض الاستغلال؟",
                "العمل القسري والاستغلال الجنسي أغراض، أما النقل ففعل.",
                [("العمل القسري", True), ("الاستغلال الجنسي", True), ("النقل", False)],
            ),
            (
                MA,
                "طابق كل مصطلح مع وصفه.",
                "الفعل والوسيلة والغرض تكوّن التعريف.",
                [
                    ("الفعل", "التجنيد أو النقل"),
                    ("الوسيلة", "الخداع أو التهديد"),
                    ("الغرض", "الاستغلال"),
                ],
            ),
        ],
    }[language]
    return (*text, questions)


# Modules 2 to 11, in Spanish and English: (title, slug, lesson title, body, questions).
# French and Arabic: demo_content_fr.py and demo_content_ar.py (see demo.later_module).
LATER_MODULES = [
    {
        "es": (
            "La trata en las crisis humanitarias",
            "crisis-y-riesgo",
            "Por qué aumenta el riesgo",
            "Los desastres y los conflictos rompen las redes que protegen a las personas: la familia se separa, "
            "se pierden documentos e ingresos, y los servicios dejan de funcionar.\n\n"
            "Quienes explotan aprovechan la urgencia: ofrecen transporte, trabajo o alojamiento a cambio de deudas "
            "que nunca terminan. La respuesta humanitaria debe contar con este riesgo desde el primer día.",
            [
                (
                    S,
                    "¿Qué aprovechan con frecuencia los tratantes en una emergencia?",
                    "La urgencia y la pérdida de redes de apoyo.",
                    [
                        ("La urgencia de las personas", True),
                        ("La llegada de la ayuda", False),
                        ("El fin de la crisis", False),
                    ],
                ),
                (
                    TF,
                    "La prevención de la trata debe esperar a que termine la emergencia.",
                    "Debe estar presente desde el primer día.",
                    true_false_choices("es", False),
                ),
                (
                    M,
                    "¿Qué pérdidas aumentan la vulnerabilidad?",
                    "Documentos e ingresos protegen a las personas.",
                    [("Documentos", True), ("Ingresos", True), ("Un cambio de clima", False)],
                ),
            ],
        ),
        "en": (
            "Trafficking in humanitarian crises",
            "crises-and-risk",
            "Why the risk rises",
            "Disasters and conflicts break the networks that protect people: families are separated, documents and "
            "income are lost, and services stop working.\n\n"
            "Exploiters take advantage of urgency: they offer transport, work or shelter in exchange for debts that "
            "never end. The humanitarian response must plan for this risk from the first day.",
            [
                (
                    S,
                    "What do traffickers often exploit in an emergency?",
                    "Urgency and the loss of support networks.",
                    [
                        ("People's urgency", True),
                        ("The arrival of aid", False),
                        ("The end of the crisis", False),
                    ],
                ),
                (
                    TF,
                    "Preventing trafficking should wait until the emergency is over.",
                    "It belongs in the response from day one.",
                    true_false_choices("en", False),
                ),
                (
                    M,
                    "Which losses increase vulnerability?",
                    "Documents and income protect people.",
                    [("Documents", True), ("Income", True), ("A change of weather", False)],
                ),
            ],
        ),
    },
    {
        "es": (
            "Indicadores de trata",
            "indicadores",
            "Señales a las que prestar atención",
            "Ningún indicador prueba la trata por sí solo, pero varios juntos justifican actuar.\n\n"
            "- La persona no tiene sus documentos o no sabe dónde está.\n- Debe una deuda que crece.\n"
            "- No puede salir libremente ni hablar sin que otra persona controle.\n- Muestra miedo o lesiones sin explicar.",
            [
                (
                    S,
                    "¿Qué hacer si observas varios indicadores juntos?",
                    "Varios indicadores justifican una respuesta segura.",
                    [
                        ("Actuar según el protocolo de derivación", True),
                        ("Ignorarlos", False),
                        ("Publicarlos en redes", False),
                    ],
                ),
                (
                    TF,
                    "Un solo indicador prueba que hay trata.",
                    "Los indicadores se valoran en conjunto.",
                    true_false_choices("es", False),
                ),
                (
                    M,
                    "¿Cuáles son indicadores?",
                    "La deuda creciente y no tener documentos son indicadores.",
                    [
                        ("Una deuda que crece", True),
                        ("No tener sus documentos", True),
                        ("Hablar varios idiomas", False),
                    ],
                ),
            ],
        ),
        "en": (
            "Indicators of trafficking",
            "indicators",
            "Signs to look out for",
            "No indicator proves trafficking on its own, but several together justify action.\n\n"
            "- The person does not hold their documents or does not know where they are.\n- They owe a growing debt.\n"
            "- They cannot leave freely or speak without someone else controlling them.\n- They show fear or unexplained injuries.",
            [
                (
                    S,
                    "What should you do if you notice several indicators together?",
                    "Several indicators justify a safe response.",
                    [
                        ("Act according to the referral protocol", True),
                        ("Ignore them", False),
                        ("Post them on social media", False),
                    ],
                ),
                (
                    TF,
                    "A single indicator proves trafficking.",
                    "Indicators are weighed together.",
                    true_false_choices("en", False),
                ),
                (
                    M,
                    "Which are indicators?",
                    "A growing debt and not holding one's documents are indicators.",
                    [
                        ("A growing debt", True),
                        ("Not holding their documents", True),
                        ("Speaking several languages", False),
                    ],
                ),
            ],
        ),
    },
    {
        "es": (
            "Vulnerabilidad y factores de riesgo",
            "vulnerabilidad",
            "Quién corre más riesgo",
            "El riesgo combina factores personales (edad, género, discapacidad), del hogar (deudas, violencia) y del "
            "entorno (conflicto, falta de vías regulares de migración).\n\n"
            "La vulnerabilidad no es una característica de la persona sino de su situación: cambia cuando cambian las "
            "protecciones a su alcance.",
            [
                (
                    S,
                    "Según el enfoque del curso, la vulnerabilidad es sobre todo…",
                    "Depende de la situación y las protecciones.",
                    [
                        ("Una característica de la situación", True),
                        ("Un rasgo fijo de la persona", False),
                        ("Una culpa", False),
                    ],
                ),
                (
                    TF,
                    "La falta de vías regulares de migración es un factor de riesgo del entorno.",
                    "Empuja a rutas irregulares.",
                    true_false_choices("es", True),
                ),
                (
                    M,
                    "¿Qué factores son del hogar?",
                    "Deudas y violencia en el hogar.",
                    [
                        ("Deudas", True),
                        ("Violencia en el hogar", True),
                        ("Un conflicto armado", False),
                    ],
                ),
            ],
        ),
        "en": (
            "Vulnerability and risk factors",
            "vulnerability",
            "Who is most at risk",
            "Risk combines personal factors (age, gender, disability), household factors (debts, violence) and "
            "environmental factors (conflict, lack of regular migration pathways).\n\n"
            "Vulnerability is not a trait of the person but of their situation: it changes when the protections "
            "within their reach change.",
            [
                (
                    S,
                    "In this course, vulnerability is above all…",
                    "It depends on the situation and the protections.",
                    [
                        ("A feature of the situation", True),
                        ("A fixed trait of the person", False),
                        ("A fault", False),
                    ],
                ),
                (
                    TF,
                    "A lack of regular migration pathways is an environmental risk factor.",
                    "It pushes people to irregular routes.",
                    true_false_choices("en", True),
                ),
                (
                    M,
                    "Which are household factors?",
                    "Debts and violence at home.",
                    [("Debts", True), ("Violence at home", True), ("An armed conflict", False)],
                ),
            ],
        ),
    },
    {
        "es": (
            "Principios de protección",
            "principios",
            "No causar daño",
            "Toda intervención se guía por principios: no causar daño, confidencialidad, consentimiento informado, "
            "no discriminación y el interés superior del niño.\n\n"
            "Antes de preguntar, piensa si la conversación pone a la persona en riesgo. Habla en un lugar privado y "
            "explica qué harás con la información.",
            [
                (
                    S,
                    "¿Qué principio exige explicar qué se hará con la información?",
                    "El consentimiento informado.",
                    [("Consentimiento informado", True), ("Rapidez", False), ("Publicidad", False)],
                ),
                (
                    TF,
                    "Es aceptable entrevistar a una posible víctima delante de quien la controla.",
                    "Pone a la persona en riesgo.",
                    true_false_choices("es", False),
                ),
                (
                    M,
                    "¿Cuáles son principios de protección?",
                    "No causar daño y confidencialidad.",
                    [
                        ("No causar daño", True),
                        ("Confidencialidad", True),
                        ("Obtener la mayor cantidad de datos", False),
                    ],
                ),
            ],
        ),
        "en": (
            "Protection principles",
            "principles",
            "Do no harm",
            "Every intervention follows principles: do no harm, confidentiality, informed consent, non-discrimination "
            "and the best interests of the child.\n\n"
            "Before asking, consider whether the conversation puts the person at risk. Speak in a private place and "
            "explain what you will do with the information.",
            [
                (
                    S,
                    "Which principle requires explaining what will be done with the information?",
                    "Informed consent.",
                    [("Informed consent", True), ("Speed", False), ("Publicity", False)],
                ),
                (
                    TF,
                    "It is acceptable to interview a possible victim in front of the person controlling them.",
                    "It puts the person at risk.",
                    true_false_choices("en", False),
                ),
                (
                    M,
                    "Which are protection principles?",
                    "Do no harm and confidentiality.",
                    [
                        ("Do no harm", True),
                        ("Confidentiality", True),
                        ("Collect as much data as possible", False),
                    ],
                ),
            ],
        ),
    },
    {
        "es": (
            "Identificación y derivación segura",
            "derivacion",
            "Del primer contacto a la derivación",
            "El personal humanitario no investiga delitos: identifica señales y deriva. Un mapa de servicios "
            "actualizado dice a quién llamar para alojamiento, salud, apoyo legal y protección.\n\n"
            "Deriva solo con el consentimiento de la persona, salvo riesgo inmediato para su vida o si es un niño o "
            "una niña, y comparte solo los datos necesarios.",
            [
                (
                    S,
                    "¿Cuál es el papel del personal humanitario?",
                    "Identificar señales y derivar.",
                    [
                        ("Identificar y derivar", True),
                        ("Investigar el delito", False),
                        ("Detener a los tratantes", False),
                    ],
                ),
                (
                    TF,
                    "Un mapa de servicios actualizado facilita la derivación.",
                    "Indica a quién llamar.",
                    true_false_choices("es", True),
                ),
                (
                    M,
                    "Al derivar, ¿qué debes hacer?",
                    "Consentimiento y datos mínimos.",
                    [
                        ("Pedir consentimiento", True),
                        ("Compartir solo lo necesario", True),
                        ("Enviar todo el expediente a todos", False),
                    ],
                ),
            ],
        ),
        "en": (
            "Identification and safe referral",
            "referral",
            "From first contact to referral",
            "Humanitarian staff do not investigate crimes: they identify signs and refer. An up-to-date service map "
            "says whom to call for shelter, health, legal support and protection.\n\n"
            "Refer only with the person's consent, except when their life is in immediate danger or the person is a "
            "child, and share only the data needed.",
            [
                (
                    S,
                    "What is the role of humanitarian staff?",
                    "Identifying signs and referring.",
                    [
                        ("Identify and refer", True),
                        ("Investigate the crime", False),
                        ("Arrest the traffickers", False),
                    ],
                ),
                (
                    TF,
                    "An up-to-date service map makes referral easier.",
                    "It says whom to call.",
                    true_false_choices("en", True),
                ),
                (
                    M,
                    "When referring, what should you do?",
                    "Consent and minimal data.",
                    [
                        ("Ask for consent", True),
                        ("Share only what is needed", True),
                        ("Send the whole file to everyone", False),
                    ],
                ),
            ],
        ),
    },
    {
        "es": (
            "Asistencia a sobrevivientes",
            "asistencia",
            "Una asistencia centrada en la persona",
            "La asistencia cubre necesidades inmediatas (seguridad, alojamiento, salud, apoyo psicosocial) y de "
            "más largo plazo (documentos, ingresos, reintegración).\n\n"
            "La persona decide: la asistencia no depende de que denuncie ni de que colabore con la justicia.",
            [
                (
                    S,
                    "¿De qué depende la asistencia a una sobreviviente?",
                    "No depende de denunciar.",
                    [
                        ("De sus necesidades y decisiones", True),
                        ("De que denuncie", False),
                        ("De su nacionalidad", False),
                    ],
                ),
                (
                    TF,
                    "El apoyo psicosocial es una necesidad inmediata.",
                    "Forma parte de la primera respuesta.",
                    true_false_choices("es", True),
                ),
                (
                    M,
                    "¿Qué necesidades son de largo plazo?",
                    "Documentos e ingresos.",
                    [("Documentos", True), ("Ingresos", True), ("Primeros auxilios", False)],
                ),
            ],
        ),
        "en": (
            "Assisting survivors",
            "assistance",
            "Person-centred assistance",
            "Assistance covers immediate needs (safety, shelter, health, psychosocial support) and longer-term "
            "needs (documents, income, reintegration).\n\n"
            "The person decides: assistance does not depend on reporting to the police or cooperating with justice.",
            [
                (
                    S,
                    "What does assistance to a survivor depend on?",
                    "It does not depend on reporting.",
                    [
                        ("Their needs and decisions", True),
                        ("Reporting to the police", False),
                        ("Their nationality", False),
                    ],
                ),
                (
                    TF,
                    "Psychosocial support is an immediate need.",
                    "It is part of the first response.",
                    true_false_choices("en", True),
                ),
                (
                    M,
                    "Which needs are long-term?",
                    "Documents and income.",
                    [("Documents", True), ("Income", True), ("First aid", False)],
                ),
            ],
        ),
    },
    {
        "es": (
            "Niñas, niños y trata",
            "ninez",
            "Proteger a la niñez",
            "Niñas y niños no acompañados o separados corren un riesgo alto. Registrarlos, buscar a su familia y "
            "ofrecer cuidado alternativo seguro son medidas de prevención.\n\n"
            "Toda decisión se toma según su interés superior y escuchando su opinión según su edad y madurez.",
            [
                (
                    S,
                    "¿Qué guía toda decisión sobre un niño o una niña?",
                    "Su interés superior.",
                    [
                        ("Su interés superior", True),
                        ("La opinión del tratante", False),
                        ("El costo", False),
                    ],
                ),
                (
                    TF,
                    "Buscar a la familia es una medida de prevención.",
                    "Reduce el riesgo.",
                    true_false_choices("es", True),
                ),
                (
                    M,
                    "¿Qué medidas protegen a la niñez no acompañada?",
                    "Registro y cuidado alternativo seguro.",
                    [
                        ("Registro", True),
                        ("Cuidado alternativo seguro", True),
                        ("Dejarlos viajar solos", False),
                    ],
                ),
            ],
        ),
        "en": (
            "Children and trafficking",
            "children",
            "Protecting children",
            "Unaccompanied or separated children face a high risk. Registering them, tracing their family and "
            "offering safe alternative care are preventive measures.\n\n"
            "Every decision follows their best interests and listens to their views according to age and maturity.",
            [
                (
                    S,
                    "What guides every decision about a child?",
                    "Their best interests.",
                    [
                        ("Their best interests", True),
                        ("The trafficker's view", False),
                        ("The cost", False),
                    ],
                ),
                (
                    TF,
                    "Family tracing is a preventive measure.",
                    "It reduces the risk.",
                    true_false_choices("en", True),
                ),
                (
                    M,
                    "Which measures protect unaccompanied children?",
                    "Registration and safe alternative care.",
                    [
                        ("Registration", True),
                        ("Safe alternative care", True),
                        ("Letting them travel alone", False),
                    ],
                ),
            ],
        ),
    },
    {
        "es": (
            "Coordinación",
            "coordinacion",
            "Trabajar con el sistema de grupos temáticos",
            "En las emergencias, la respuesta a la trata se coordina dentro del grupo de protección. Acordar "
            "procedimientos operativos estándar evita que cada organización actúe por su cuenta.\n\n"
            "La coordinación incluye a las autoridades nacionales y a las organizaciones locales.",
            [
                (
                    S,
                    "¿Dónde se coordina la respuesta a la trata en emergencias?",
                    "En el grupo de protección.",
                    [
                        ("En el grupo de protección", True),
                        ("En el grupo de logística", False),
                        ("En ninguna parte", False),
                    ],
                ),
                (
                    TF,
                    "Los procedimientos operativos estándar ayudan a coordinar.",
                    "Evitan respuestas aisladas.",
                    true_false_choices("es", True),
                ),
                (
                    M,
                    "¿A quién incluye la coordinación?",
                    "Autoridades y organizaciones locales.",
                    [
                        ("Autoridades nacionales", True),
                        ("Organizaciones locales", True),
                        ("Los tratantes", False),
                    ],
                ),
            ],
        ),
        "en": (
            "Coordination",
            "coordination",
            "Working with the cluster system",
            "In emergencies, the response to trafficking is coordinated within the protection cluster. Agreed "
            "standard operating procedures keep each organisation from acting on its own.\n\n"
            "Coordination includes national authorities and local organisations.",
            [
                (
                    S,
                    "Where is the response to trafficking coordinated in emergencies?",
                    "In the protection cluster.",
                    [
                        ("In the protection cluster", True),
                        ("In the logistics cluster", False),
                        ("Nowhere", False),
                    ],
                ),
                (
                    TF,
                    "Standard operating procedures help coordination.",
                    "They prevent isolated responses.",
                    true_false_choices("en", True),
                ),
                (
                    M,
                    "Whom does coordination include?",
                    "Authorities and local organisations.",
                    [
                        ("National authorities", True),
                        ("Local organisations", True),
                        ("Traffickers", False),
                    ],
                ),
            ],
        ),
    },
    {
        "es": (
            "Prevención en albergues y sitios de desplazamiento",
            "prevencion",
            "Sitios más seguros",
            "El diseño de un sitio influye en el riesgo: iluminación, baños separados y con cerradura, y puntos de "
            "distribución vigilados reducen oportunidades de captación.\n\n"
            "Informar a las personas sobre ofertas de trabajo engañosas y sobre dónde pedir ayuda también previene.",
            [
                (
                    S,
                    "¿Qué medida de diseño reduce el riesgo en un sitio?",
                    "La iluminación reduce oportunidades de captación.",
                    [
                        ("Buena iluminación", True),
                        ("Menos baños", False),
                        ("Cerrar la información", False),
                    ],
                ),
                (
                    TF,
                    "Informar sobre ofertas engañosas es una medida de prevención.",
                    "Ayuda a reconocerlas.",
                    true_false_choices("es", True),
                ),
                (
                    M,
                    "¿Qué medidas previenen la trata en un sitio?",
                    "Baños seguros y puntos vigilados.",
                    [
                        ("Baños con cerradura", True),
                        ("Distribución vigilada", True),
                        ("Zonas sin luz", False),
                    ],
                ),
            ],
        ),
        "en": (
            "Prevention in shelters and displacement sites",
            "prevention",
            "Safer sites",
            "Site design affects risk: lighting, separate lockable latrines and supervised distribution points "
            "reduce opportunities for recruitment.\n\n"
            "Telling people about deceptive job offers and where to ask for help also prevents trafficking.",
            [
                (
                    S,
                    "Which design measure reduces risk on a site?",
                    "Lighting reduces opportunities for recruitment.",
                    [
                        ("Good lighting", True),
                        ("Fewer latrines", False),
                        ("Withholding information", False),
                    ],
                ),
                (
                    TF,
                    "Informing people about deceptive offers is a preventive measure.",
                    "It helps them recognise such offers.",
                    true_false_choices("en", True),
                ),
                (
                    M,
                    "Which measures prevent trafficking on a site?",
                    "Safe latrines and supervised points.",
                    [
                        ("Lockable latrines", True),
                        ("Supervised distribution", True),
                        ("Unlit areas", False),
                    ],
                ),
            ],
        ),
    },
    {
        "es": (
            "Protección de datos",
            "proteccion-de-datos",
            "Manejar la información de forma ética",
            "Los datos sobre posibles víctimas son muy sensibles. Recoge solo lo necesario, guárdalo con acceso "
            "restringido y no lo compartas sin una base clara y el consentimiento de la persona.\n\n"
            "Las cifras que se publican deben ser agregadas, para que nadie pueda ser identificado.",
            [
                (
                    S,
                    "¿Qué datos se recogen sobre una posible víctima?",
                    "Solo los necesarios.",
                    [
                        ("Solo los necesarios", True),
                        ("Todos los posibles", False),
                        ("Los de su familia entera", False),
                    ],
                ),
                (
                    TF,
                    "Las cifras publicadas deben permitir identificar casos.",
                    "Deben ser agregadas.",
                    true_false_choices("es", False),
                ),
                (
                    M,
                    "¿Qué prácticas protegen los datos?",
                    "Acceso restringido y consentimiento.",
                    [
                        ("Acceso restringido", True),
                        ("Consentimiento", True),
                        ("Hojas compartidas abiertas", False),
                    ],
                ),
            ],
        ),
        "en": (
            "Data protection",
            "data-protection",
            "Handling information ethically",
            "Data about possible victims is highly sensitive. Collect only what is needed, store it with restricted "
            "access and do not share it without a clear basis and the person's consent.\n\n"
            "Published figures must be aggregated, so that nobody can be identified.",
            [
                (
                    S,
                    "Which data should be collected about a possible victim?",
                    "Only what is needed.",
                    [
                        ("Only what is needed", True),
                        ("Everything possible", False),
                        ("Their whole family's", False),
                    ],
                ),
                (
                    TF,
                    "Published figures should make it possible to identify cases.",
                    "They must be aggregated.",
                    true_false_choices("en", False),
                ),
                (
                    M,
                    "Which practices protect data?",
                    "Restricted access and consent.",
                    [
                        ("Restricted access", True),
                        ("Consent", True),
                        ("Openly shared spreadsheets", False),
                    ],
                ),
            ],
        ),
    },
]

FINAL = {
    "es": (
        "Evaluación final",
        [
            (
                S,
                "¿Cuántos elementos componen la definición de trata de personas adultas?",
                "Acto, medio y fin.",
                [("Tres", True), ("Dos", False), ("Cinco", False)],
            ),
            (
                TF,
                "La asistencia a sobrevivientes depende de que denuncien.",
                "No depende de denunciar.",
                true_false_choices("es", False),
            ),
            (
                S,
                "¿Qué hacer ante varios indicadores?",
                "Derivar de forma segura.",
                [
                    ("Derivar de forma segura", True),
                    ("Investigar por cuenta propia", False),
                    ("Nada", False),
                ],
            ),
            (
                M,
                "¿Qué principios guían la respuesta?",
                "No causar daño y confidencialidad.",
                [
                    ("No causar daño", True),
                    ("Confidencialidad", True),
                    ("Rapidez a cualquier costo", False),
                ],
            ),
            (
                TF,
                "El diseño de un sitio de desplazamiento influye en el riesgo de trata.",
                "Iluminación y baños seguros importan.",
                true_false_choices("es", True),
            ),
            (
                S,
                "¿Dónde se coordina la respuesta en emergencias?",
                "Grupo de protección.",
                [
                    ("Grupo de protección", True),
                    ("Grupo de logística", False),
                    ("Medios de comunicación", False),
                ],
            ),
            (
                TF,
                "Los datos de posibles víctimas pueden compartirse libremente entre organizaciones.",
                "Solo con base clara y consentimiento.",
                true_false_choices("es", False),
            ),
            (
                S,
                "¿Qué guía las decisiones sobre un niño o una niña?",
                "Su interés superior.",
                [("Su interés superior", True), ("La rapidez", False), ("El presupuesto", False)],
            ),
        ],
    ),
    "en": (
        "Final assessment",
        [
            (
                S,
                "How many elements make up the definition of trafficking in adults?",
                "Act, means and purpose.",
                [("Three", True), ("Two", False), ("Five", False)],
            ),
            (
                TF,
                "Assistance to survivors depends on their reporting to the police.",
                "It does not depend on reporting.",
                true_false_choices("en", False),
            ),
            (
                S,
                "What should you do when you notice several indicators?",
                "Refer safely.",
                [("Refer safely", True), ("Investigate on your own", False), ("Nothing", False)],
            ),
            (
                M,
                "Which principles guide the response?",
                "Do no harm and confidentiality.",
                [("Do no harm", True), ("Confidentiality", True), ("Speed at any cost", False)],
            ),
            (
                TF,
                "The design of a displacement site affects the risk of trafficking.",
                "Lighting and safe latrines matter.",
                true_false_choices("en", True),
            ),
            (
                S,
                "Where is the response coordinated in emergencies?",
                "Protection cluster.",
                [("Protection cluster", True), ("Logistics cluster", False), ("The media", False)],
            ),
            (
                TF,
                "Data about possible victims may be shared freely between organisations.",
                "Only with a clear basis and consent.",
                true_false_choices("en", False),
            ),
            (
                S,
                "What guides decisions about a child?",
                "Their best interests.",
                [("Their best interests", True), ("Speed", False), ("The budget", False)],
            ),
        ],
    ),
}

QUIZ_TITLE = {
    "es": "Cuestionario del módulo",
    "en": "Module quiz",
    "fr": "Quiz du module",
    "ar": "اختبار الوحدة",
}

SHORT_COURSES = [
    {
        "slug": "fair-recruitment-labour-migration",
        "topic": "labour-migration",
        "audience": {
            "es": "Personal de puntos de información y de oficinas de empleo",
            "en": "Information-point and employment-office staff",
            "fr": "Personnel des points d'information et des agences pour l'emploi",
            "ar": "موظفو نقاط المعلومات ومكاتب التوظيف",
        },
        "title": {
            "es": "Migración laboral y contratación equitativa",
            "en": "Labour migration and fair recruitment",
        },
        "summary": {
            "es": "Cómo reconocer una oferta de empleo en el extranjero segura.",
            "en": "How to recognise a safe job offer abroad.",
        },
        "modules": [
            {
                "es": (
                    "Ofertas de empleo en el extranjero",
                    "ofertas",
                    "Señales de una oferta segura",
                    "Una oferta segura tiene contrato por escrito en un idioma que la persona entiende, un salario claro y "
                    "no cobra comisiones de contratación al trabajador.\n\nDesconfía de quien pide guardar tu pasaporte.",
                    [
                        (
                            S,
                            "¿Quién debe pagar las comisiones de contratación?",
                            "El empleador, nunca el trabajador.",
                            [
                                ("El empleador", True),
                                ("El trabajador", False),
                                ("La familia", False),
                            ],
                        ),
                        (
                            TF,
                            "Es normal que el reclutador guarde tu pasaporte.",
                            "Es una señal de alerta.",
                            true_false_choices("es", False),
                        ),
                    ],
                ),
                "en": (
                    "Job offers abroad",
                    "offers",
                    "Signs of a safe offer",
                    "A safe offer has a written contract in a language the person understands, a clear wage and charges "
                    "no recruitment fees to the worker.\n\nBe wary of anyone who asks to keep your passport.",
                    [
                        (
                            S,
                            "Who should pay recruitment fees?",
                            "The employer, never the worker.",
                            [("The employer", True), ("The worker", False), ("The family", False)],
                        ),
                        (
                            TF,
                            "It is normal for a recruiter to keep your passport.",
                            "It is a warning sign.",
                            true_false_choices("en", False),
                        ),
                    ],
                ),
            },
            {
                "es": (
                    "Programas de movilidad laboral",
                    "programas",
                    "Vías regulares de trabajo temporal",
                    "Los programas de trabajo temporal acordados entre países ofrecen visas, transporte y condiciones "
                    "supervisadas.\n\nLa información oficial se consulta en las oficinas de empleo y los consulados.",
                    [
                        (
                            S,
                            "¿Dónde se consulta información oficial?",
                            "Oficinas de empleo y consulados.",
                            [
                                ("Oficinas de empleo y consulados", True),
                                ("Anuncios sin remitente", False),
                                ("Rumores", False),
                            ],
                        ),
                        (
                            TF,
                            "Los programas de trabajo temporal ofrecen visas.",
                            "Son vías regulares.",
                            true_false_choices("es", True),
                        ),
                    ],
                ),
                "en": (
                    "Labour mobility programmes",
                    "programmes",
                    "Regular pathways for temporary work",
                    "Temporary work programmes agreed between countries offer visas, transport and supervised "
                    "conditions.\n\nOfficial information is found at employment offices and consulates.",
                    [
                        (
                            S,
                            "Where is official information found?",
                            "Employment offices and consulates.",
                            [
                                ("Employment offices and consulates", True),
                                ("Anonymous adverts", False),
                                ("Rumours", False),
                            ],
                        ),
                        (
                            TF,
                            "Temporary work programmes offer visas.",
                            "They are regular pathways.",
                            true_false_choices("en", True),
                        ),
                    ],
                ),
            },
        ],
    },
    {
        "slug": "migrants-in-vulnerable-situations",
        "topic": "vulnerable-migrants",
        "audience": {
            "es": "Personal humanitario y de gobiernos locales",
            "en": "Humanitarian and local government staff",
            "fr": "Personnel humanitaire et des collectivités locales",
            "ar": "العاملون في المجال الإنساني والحكومات المحلية",
        },
        "title": {
            "es": "Migrantes en situación de vulnerabilidad",
            "en": "Migrants in vulnerable situations",
        },
        "summary": {
            "es": "Identificar necesidades de protección y responder con servicios.",
            "en": "Identifying protection needs and responding with services.",
        },
        "modules": [
            {
                "es": (
                    "Necesidades de protección",
                    "necesidades",
                    "Escuchar antes de actuar",
                    "Una conversación respetuosa y privada permite conocer necesidades de salud, seguridad y documentos.\n\n"
                    "Registra solo lo necesario y explica para qué.",
                    [
                        (
                            S,
                            "¿Cómo debe ser la conversación inicial?",
                            "Respetuosa y privada.",
                            [
                                ("Respetuosa y privada", True),
                                ("Pública y rápida", False),
                                ("Grabada sin avisar", False),
                            ],
                        ),
                        (
                            TF,
                            "Conviene registrar todos los datos posibles.",
                            "Solo lo necesario.",
                            true_false_choices("es", False),
                        ),
                    ],
                ),
                "en": (
                    "Protection needs",
                    "needs",
                    "Listen before acting",
                    "A respectful, private conversation reveals health, safety and document needs.\n\n"
                    "Record only what is needed and explain why.",
                    [
                        (
                            S,
                            "How should the first conversation be?",
                            "Respectful and private.",
                            [
                                ("Respectful and private", True),
                                ("Public and quick", False),
                                ("Recorded without notice", False),
                            ],
                        ),
                        (
                            TF,
                            "It is best to record every possible detail.",
                            "Only what is needed.",
                            true_false_choices("en", False),
                        ),
                    ],
                ),
            },
            {
                "es": (
                    "Servicios y derivación",
                    "servicios",
                    "Conectar con los servicios",
                    "Un directorio de servicios actualizado (salud, albergue, apoyo legal) acorta el camino de la persona.\n\n"
                    "Acompaña la derivación y verifica que se haya recibido.",
                    [
                        (
                            S,
                            "¿Qué acorta el camino a los servicios?",
                            "Un directorio actualizado.",
                            [
                                ("Un directorio actualizado", True),
                                ("Una lista antigua", False),
                                ("Ninguna información", False),
                            ],
                        ),
                        (
                            TF,
                            "Conviene verificar que la derivación se recibió.",
                            "Así no se pierde nadie.",
                            true_false_choices("es", True),
                        ),
                    ],
                ),
                "en": (
                    "Services and referral",
                    "services",
                    "Connecting with services",
                    "An up-to-date service directory (health, shelter, legal aid) shortens the person's path.\n\n"
                    "Accompany the referral and check that it was received.",
                    [
                        (
                            S,
                            "What shortens the path to services?",
                            "An up-to-date directory.",
                            [
                                ("An up-to-date directory", True),
                                ("An old list", False),
                                ("No information", False),
                            ],
                        ),
                        (
                            TF,
                            "It is good practice to check that a referral was received.",
                            "So nobody is lost.",
                            true_false_choices("en", True),
                        ),
                    ],
                ),
            },
        ],
    },
]
