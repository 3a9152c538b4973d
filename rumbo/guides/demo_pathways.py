"""Demo pathways and articles, written in our own words for the demo from public sources (and,
for the corrections of issue 20, from the sources each record names). Nobody at the
institutions has verified them: they load as "not yet verified".

Eligibility rules are simplified to what a questionnaire can check; every pathway's body says
so and points to the official source, which decides. `high_risk` marks pathways about minors,
asylum or fees: they are re-verified more often and show their source next to them."""

from typing import Any

AGE_18 = {
    "es": "Solo a partir de 18 años de edad",
    "en": "Only from 18 years of age",
    "fr": "Uniquement à partir de 18 ans",
    "ar": "فقط من سن 18 عامًا",
}
JOB_OFFER = {
    "es": "Necesitas una oferta de empleo de un empleador autorizado",
    "en": "You need a job offer from an authorised employer",
    "fr": "Il faut une offre d'emploi d'un employeur autorisé",
    "ar": "تحتاج إلى عرض عمل من صاحب عمل مرخّص",
}
SCHOOL = {
    "es": "Necesitas la carta de aceptación de una escuela o universidad",
    "en": "You need an acceptance letter from a school or university",
    "fr": "Il faut une lettre d'admission d'un établissement d'enseignement",
    "ar": "تحتاج إلى خطاب قبول من مدرسة أو جامعة",
}
FAMILY = {
    "es": "Necesitas un familiar directo con residencia en el país de destino",
    "en": "You need a close relative who is a resident of the destination country",
    "fr": "Il faut un proche parent résidant dans le pays de destination",
    "ar": "تحتاج إلى قريب مباشر مقيم في بلد الوجهة",
}
CA4_NATIONALS = {
    "es": "Solo para personas de Guatemala, El Salvador, Honduras y Nicaragua",
    "en": "Only for nationals of Guatemala, El Salvador, Honduras and Nicaragua",
    "fr": "Uniquement pour les ressortissants du Guatemala, du Salvador, du Honduras et du Nicaragua",
    "ar": "فقط لمواطني غواتيمالا والسلفادور وهندوراس ونيكاراغوا",
}
REGIONAL_VISITOR_NATIONALS = {
    "es": "Solo para personas de Guatemala, Belice, Honduras y El Salvador",
    "en": "Only for nationals of Guatemala, Belize, Honduras and El Salvador",
    "fr": "Uniquement pour les ressortissants du Guatemala, du Belize, du Honduras et du Salvador",
    "ar": "فقط لمواطني غواتيمالا وبليز وهندوراس والسلفادور",
}
UNDER_18 = {
    "es": "Solo para menores de 18 años",
    "en": "Only for people under 18",
    "fr": "Uniquement pour les moins de 18 ans",
    "ar": "فقط لمن هم دون 18 عامًا",
}
HN_18_TO_20 = {
    "es": "Solo de 18 a 20 años: Honduras aplica sus reglas de salida de menores hasta los 21",
    "en": "Only from 18 to 20: Honduras applies its exit rules for minors until 21",
    "fr": "Uniquement de 18 à 20 ans : le Honduras applique ses règles de sortie des mineurs "
    "jusqu'à 21 ans",
    "ar": "فقط من 18 إلى 20 عامًا: تطبّق هندوراس قواعد خروج القاصرين حتى سن 21",
}
HN_NATIONALS = {
    "es": "Solo para personas de nacionalidad hondureña",
    "en": "Only for Honduran nationals",
    "fr": "Uniquement pour les ressortissants du Honduras",
    "ar": "فقط للمواطنين الهندوراسيين",
}
GT_BZ_NATIONALS = {
    "es": "Solo para personas de Guatemala y Belice",
    "en": "Only for nationals of Guatemala and Belize",
    "fr": "Uniquement pour les ressortissants du Guatemala et du Belize",
    "ar": "فقط لمواطني غواتيمالا وبليز",
}
MX_NATIONALS = {
    "es": "Solo para personas de nacionalidad mexicana",
    "en": "Only for Mexican nationals",
    "fr": "Uniquement pour les ressortissants mexicains",
    "ar": "فقط للمواطنين المكسيكيين",
}


def rule_age_18() -> dict:
    return {"fact": "age", "operator": "min", "value": "18", "message": AGE_18}


def rule_job_offer() -> dict:
    return {"fact": "job_offer", "operator": "is_true", "value": "", "message": JOB_OFFER}


SIMPLIFIED = {
    "es": "\n\n*Contenido de demostración, simplificado: la fuente oficial es la que decide. "
    "Verifica siempre los requisitos vigentes en ella.*",
    "en": "\n\n*Demo content, simplified: the official source decides. Always check the "
    "current requirements there.*",
    "fr": "\n\n*Contenu de démonstration, simplifié : la source officielle fait foi. Vérifiez "
    "toujours les conditions en vigueur.*",
    "ar": "\n\n*محتوى تجريبي ومبسّط: المصدر الرسمي هو المرجع. تحقق دائمًا من الشروط السارية فيه.*",
}

# Each pathway: slug, kind, destination, origins, documents, sources, title/summary/body by
# language, cost/time by language, steps [(title by language, description by language)], rules.
PATHWAYS: list[dict[str, Any]] = [
    {
        "slug": "mx-temporary-resident-work",
        "kind": "temporary_work",
        "destination": "MX",
        "origins": ["GT", "HN", "SV", "NI"],
        "documents": ["passport", "criminal-record", "birth-certificate"],
        "sources": ["https://www.gob.mx/inm"],
        "title": {
            "es": "México: residencia temporal con permiso para trabajar (oferta de empleo)",
            "en": "Mexico: temporary residence with a work permit (job offer)",
            "fr": "Mexique : résidence temporaire avec permis de travail (offre d'emploi)",
            "ar": "المكسيك: إقامة مؤقتة مع تصريح عمل (عرض عمل)",
        },
        "summary": {
            "es": "Si una empresa registrada ante el INM te ofrece trabajo, ella solicita tu "
            "permiso en México y tú recoges la visa en el consulado.",
            "en": "If a company registered with the INM offers you a job, it applies for your "
            "permit in Mexico and you collect the visa at the consulate.",
            "fr": "Si une entreprise enregistrée auprès de l'INM vous offre un emploi, elle "
            "demande votre permis au Mexique et vous retirez le visa au consulat.",
            "ar": "إذا عرضت عليك شركة مسجلة لدى المعهد الوطني للهجرة عملًا، فهي تطلب تصريحك في "
            "المكسيك وتستلم أنت التأشيرة من القنصلية.",
        },
        "body": {
            "es": "La **residencia temporal** permite vivir en México hasta cuatro años. Con una "
            "oferta de empleo, el empleador (con constancia de inscripción de empleador ante el "
            "INM) inicia el trámite en México. Cuando el INM lo autoriza, tú acudes al "
            "consulado de México con tu pasaporte para la entrevista y la visa.\n\n"
            "Al entrar a México tienes 30 días naturales para canjear la visa por la tarjeta "
            "de residente en una oficina del INM.",
            "en": "**Temporary residence** lets you live in Mexico for up to four years. With a "
            "job offer, the employer (holding an INM employer registration) starts the "
            "procedure in Mexico. Once the INM approves it, you go to a Mexican consulate with "
            "your passport for the interview and the visa.\n\n"
            "After entering Mexico you have 30 calendar days to exchange the visa for the "
            "resident card at an INM office.",
            "fr": "La **résidence temporaire** permet de vivre au Mexique jusqu'à quatre ans. "
            "Avec une offre d'emploi, l'employeur enregistré auprès de l'INM lance la "
            "démarche ; vous retirez ensuite le visa au consulat, puis échangez-le contre la "
            "carte de résident dans les 30 jours suivant l'entrée.",
            "ar": "تسمح **الإقامة المؤقتة** بالعيش في المكسيك حتى أربع سنوات. مع عرض عمل، يبدأ "
            "صاحب العمل المسجل لدى المعهد الوطني للهجرة الإجراء، ثم تستلم التأشيرة من القنصلية "
            "وتستبدلها ببطاقة الإقامة خلال 30 يومًا من الدخول.",
        },
        "cost": {
            "es": "Derechos de visa y de la tarjeta de residente según la Ley Federal de "
            "Derechos vigente.",
            "en": "Visa and resident card fees under the current Federal Duties Law.",
            "fr": "Droits de visa et de carte de résident selon la loi fédérale en vigueur.",
            "ar": "رسوم التأشيرة وبطاقة الإقامة وفق القانون الفيدرالي الساري.",
        },
        "time": {
            "es": "Varias semanas entre la solicitud del empleador y la cita consular.",
            "en": "Several weeks between the employer's application and the consular appointment.",
            "fr": "Plusieurs semaines entre la demande de l'employeur et le rendez-vous "
            "consulaire.",
            "ar": "عدة أسابيع بين طلب صاحب العمل وموعد القنصلية.",
        },
        "steps": [
            (
                {
                    "es": "Consigue una oferta de empleo real",
                    "en": "Get a genuine job offer",
                    "fr": "Obtenez une véritable offre d'emploi",
                    "ar": "احصل على عرض عمل حقيقي",
                },
                {
                    "es": "De una empresa con constancia de inscripción de empleador. Nadie "
                    "legítimo te cobra por una oferta.",
                    "en": "From a company holding an employer registration. No legitimate "
                    "employer charges you for an offer.",
                    "fr": "D'une entreprise enregistrée. Aucun employeur honnête ne fait payer "
                    "une offre.",
                    "ar": "من شركة مسجلة. لا يطلب صاحب عمل شرعي مالًا مقابل العرض.",
                },
            ),
            (
                {
                    "es": "El empleador solicita el permiso ante el INM",
                    "en": "The employer applies to the INM",
                    "fr": "L'employeur dépose la demande à l'INM",
                    "ar": "يتقدم صاحب العمل بالطلب إلى المعهد الوطني للهجرة",
                },
                {
                    "es": "Recibirás un número de trámite (NUT) para tu cita consular.",
                    "en": "You receive a procedure number (NUT) for your consular appointment.",
                    "fr": "Vous recevez un numéro de dossier (NUT) pour le consulat.",
                    "ar": "ستحصل على رقم إجراء (NUT) لموعد القنصلية.",
                },
            ),
            (
                {
                    "es": "Entrevista y visa en el consulado de México",
                    "en": "Interview and visa at the Mexican consulate",
                    "fr": "Entretien et visa au consulat du Mexique",
                    "ar": "المقابلة والتأشيرة في القنصلية المكسيكية",
                },
                {
                    "es": "Lleva tu pasaporte vigente y los documentos que te pidan.",
                    "en": "Bring your valid passport and the documents requested.",
                    "fr": "Apportez votre passeport valide et les documents demandés.",
                    "ar": "أحضر جواز سفرك الساري والمستندات المطلوبة.",
                },
            ),
            (
                {
                    "es": "Canjea la visa por la tarjeta de residente",
                    "en": "Exchange the visa for the resident card",
                    "fr": "Échangez le visa contre la carte de résident",
                    "ar": "استبدل التأشيرة ببطاقة الإقامة",
                },
                {
                    "es": "En una oficina del INM dentro de los 30 días siguientes a tu entrada.",
                    "en": "At an INM office within 30 days of entering Mexico.",
                    "fr": "Dans un bureau de l'INM dans les 30 jours suivant l'entrée.",
                    "ar": "في مكتب للمعهد خلال 30 يومًا من دخولك.",
                },
            ),
        ],
        "rules": [rule_age_18(), rule_job_offer()],
    },
    {
        "slug": "mx-border-worker-card",
        "kind": "temporary_work",
        "high_risk": True,  # fees
        "destination": "MX",
        "origins": ["GT"],
        "documents": ["passport", "national-id"],
        "sources": ["https://www.gob.mx/inm"],
        "title": {
            "es": "México: Tarjeta de Visitante Trabajador Fronterizo",
            "en": "Mexico: Border Worker Visitor Card",
            "fr": "Mexique : carte de visiteur travailleur frontalier",
            "ar": "المكسيك: بطاقة الزائر العامل الحدودي",
        },
        "summary": {
            "es": "Para personas de Guatemala y Belice con oferta de empleo en Chiapas, "
            "Tabasco, Campeche o Quintana Roo. Se tramita en México, sin visa.",
            "en": "For Guatemalan and Belizean nationals with a job offer in Chiapas, Tabasco, "
            "Campeche or Quintana Roo. Applied for in Mexico, without a visa.",
            "fr": "Pour les ressortissants du Guatemala et du Belize ayant une offre d'emploi "
            "au Chiapas, Tabasco, Campeche ou Quintana Roo.",
            "ar": "لمواطني غواتيمالا وبليز الذين لديهم عرض عمل في تشياباس أو تاباسكو أو كامبيتشي "
            "أو كينتانا رو.",
        },
        "body": {
            "es": "La tarjeta permite trabajar de forma regular en los estados fronterizos del "
            "sur de México, con entradas y salidas múltiples, durante la vigencia que otorgue "
            "el INM. Pregunta al INM qué nacionalidades pueden pedirla hoy.",
            "en": "The card allows regular work in Mexico's southern border states, with "
            "multiple entries, for the period granted by the INM. Ask the INM which "
            "nationalities can apply today.",
        },
        "cost": {
            "es": "Puede haber un derecho (pago) según la Ley Federal de Derechos: consulta el "
            "monto en el INM y paga solo en ventanillas oficiales. No necesitas intermediarios.",
            "en": "A fee may apply under the Federal Duties Law: check the amount with the INM "
            "and pay only at official counters. You need no intermediary.",
            "fr": "Des droits peuvent s'appliquer : vérifiez le montant auprès de l'INM et payez "
            "uniquement aux guichets officiels.",
            "ar": "قد تُفرض رسوم: تحقق من المبلغ لدى المعهد الوطني للهجرة وادفع فقط في الشبابيك "
            "الرسمية.",
        },
        "time": {"es": "Pocos días en la oficina del INM.", "en": "A few days at the INM office."},
        "steps": [
            (
                {"es": "Consigue la oferta de empleo", "en": "Get the job offer"},
                {
                    "es": "De un empleador registrado en uno de los cuatro estados.",
                    "en": "From a registered employer in one of the four states.",
                },
            ),
            (
                {"es": "Preséntate en el INM", "en": "Go to the INM"},
                {
                    "es": "En el punto de entrada o la oficina del INM en Tapachula, con "
                    "pasaporte o documento de identidad.",
                    "en": "At the port of entry or the INM office in Tapachula, with your "
                    "passport or identity card.",
                },
            ),
        ],
        "rules": [
            {"fact": "nationality", "operator": "in", "value": "GT,BZ", "message": GT_BZ_NATIONALS},
            rule_age_18(),
            rule_job_offer(),
        ],
    },
    {
        "slug": "mx-regional-visitor-card",
        "kind": "visitor",
        "destination": "MX",
        "origins": ["GT", "HN", "SV"],
        "documents": ["passport", "national-id"],
        "sources": ["https://www.gob.mx/inm", "https://www.dof.gob.mx"],
        "title": {
            "es": "México: Tarjeta de Visitante Regional",
            "en": "Mexico: Regional Visitor Card",
            "fr": "Mexique : carte de visiteur régional",
            "ar": "المكسيك: بطاقة الزائر الإقليمي",
        },
        "summary": {
            "es": "Para visitar Chiapas, Tabasco, Campeche, Quintana Roo y Yucatán hasta siete "
            "días seguidos, sin permiso para trabajar. Para personas de Guatemala, Belice, "
            "Honduras y El Salvador.",
            "en": "To visit Chiapas, Tabasco, Campeche, Quintana Roo and Yucatán for up to "
            "seven days at a time, without permission to work. For nationals of Guatemala, "
            "Belize, Honduras and El Salvador.",
            "fr": "Pour visiter le Chiapas, le Tabasco, le Campeche, le Quintana Roo et le "
            "Yucatán jusqu'à sept jours d'affilée, sans droit de travailler. Pour les "
            "ressortissants du Guatemala, du Belize, du Honduras et du Salvador.",
            "ar": "لزيارة تشياباس وتاباسكو وكامبيتشي وكينتانا رو ويوكاتان حتى سبعة أيام متتالية "
            "دون إذن بالعمل. لمواطني غواتيمالا وبليز وهندوراس والسلفادور.",
        },
        "body": {
            "es": "Sirve para compras, visitas familiares o turismo en la región fronteriza. "
            "**No permite trabajar.** Desde el acuerdo publicado en el Diario Oficial de la "
            "Federación en abril de 2019, también pueden pedirla las personas de Honduras y "
            "El Salvador, y cubre también Yucatán (trámite del INM).",
            "en": "For shopping, family visits or tourism in the border region. **It does not "
            "allow work.** Since the agreement published in Mexico's Official Gazette (DOF) in "
            "April 2019, nationals of Honduras and El Salvador can apply too, and Yucatán is "
            "covered as well (INM procedure).",
        },
        "cost": {
            "es": "Consulta en el INM si hay algún pago; paga solo en ventanillas oficiales.",
            "en": "Ask the INM whether any fee applies; pay only at official counters.",
        },
        "time": {"es": "En el momento, en el punto de entrada.", "en": "On the spot."},
        "steps": [
            (
                {"es": "Ve al punto de entrada", "en": "Go to the port of entry"},
                {
                    "es": "Con pasaporte o documento de identidad vigente.",
                    "en": "With a valid passport or identity card.",
                },
            ),
        ],
        "rules": [
            {
                "fact": "nationality",
                "operator": "in",
                "value": "GT,BZ,HN,SV",
                "message": REGIONAL_VISITOR_NATIONALS,
            }
        ],
    },
    {
        "slug": "mx-asylum-comar",
        "kind": "asylum",
        "high_risk": True,  # asylum
        "destination": "MX",
        "origins": ["GT", "HN", "SV", "NI"],
        "documents": ["national-id", "birth-certificate"],
        "sources": [
            "https://www.gob.mx/comar",
            "https://www.diputados.gob.mx/LeyesBiblio/pdf/LRPCAP.pdf",
            "https://www.acnur.org",
        ],
        "title": {
            "es": "México: solicitar la condición de refugiado ante la COMAR",
            "en": "Mexico: applying for refugee status with COMAR",
            "fr": "Mexique : demander le statut de réfugié auprès de la COMAR",
            "ar": "المكسيك: طلب صفة اللاجئ لدى اللجنة المكسيكية لمساعدة اللاجئين",
        },
        "summary": {
            "es": "Si tu vida, seguridad o libertad corren peligro en tu país, puedes pedir "
            "protección en México. El trámite es gratuito.",
            "en": "If your life, safety or freedom are at risk in your country, you can ask "
            "Mexico for protection. The procedure is free.",
            "fr": "Si votre vie, votre sécurité ou votre liberté sont menacées, vous pouvez "
            "demander la protection du Mexique. La procédure est gratuite.",
            "ar": "إذا كانت حياتك أو سلامتك أو حريتك في خطر في بلدك، يمكنك طلب الحماية في "
            "المكسيك. الإجراء مجاني.",
        },
        "body": {
            "es": "La solicitud se presenta ante la **Comisión Mexicana de Ayuda a Refugiados "
            "(COMAR)** dentro de los 30 días hábiles siguientes a tu entrada a México. **Si "
            "ya pasó ese plazo, todavía puedes pedirlo**: la COMAR recibe la solicitud si "
            "explicas por qué no pudiste presentarla antes. Mientras se resuelve, recibes una "
            "constancia, **debes permanecer en el estado donde la presentaste** y puedes pedir "
            "al INM una tarjeta de visitante por razones humanitarias. Nadie puede devolverte "
            "a un país donde tu vida corra peligro.",
            "en": "You apply to the **Mexican Commission for Refugee Assistance (COMAR)** "
            "within 30 working days of entering Mexico. **If that time has passed you can "
            "still apply**: COMAR accepts a later application when you explain why you could "
            "not apply sooner. While your case is decided you receive a certificate, **you "
            "must stay in the state where you applied**, and you can ask the INM for a "
            "humanitarian visitor card. Nobody may return you to a country where your life is "
            "at risk.",
            "fr": "La demande se dépose auprès de la **COMAR** dans les 30 jours ouvrables "
            "suivant l'entrée au Mexique ; passé ce délai, elle reste possible si vous "
            "expliquez pourquoi vous ne l'avez pas déposée plus tôt. Pendant la procédure, vous "
            "devez rester dans l'État où vous l'avez déposée. Personne ne peut vous renvoyer "
            "vers un pays où votre vie est en danger.",
            "ar": "يُقدَّم الطلب إلى **اللجنة المكسيكية لمساعدة اللاجئين (COMAR)** خلال 30 يوم "
            "عمل من دخولك المكسيك، ويمكن تقديمه بعد ذلك إذا شرحت سبب التأخير. أثناء النظر في "
            "الطلب يجب أن تبقى في الولاية التي قدّمته فيها. لا يجوز إعادتك إلى بلد تكون فيه "
            "حياتك في خطر.",
        },
        "cost": {
            "es": "Gratuito.",
            "en": "Free of charge.",
            "fr": "Gratuit.",
            "ar": "مجاني.",
        },
        "time": {
            "es": "Varios meses; la ley fija plazos que a menudo se amplían.",
            "en": "Several months; the law sets deadlines that are often extended.",
            "fr": "Plusieurs mois.",
            "ar": "عدة أشهر.",
        },
        "steps": [
            (
                {
                    "es": "Preséntate en una oficina de la COMAR",
                    "en": "Go to a COMAR office",
                    "fr": "Rendez-vous dans un bureau de la COMAR",
                    "ar": "توجّه إلى مكتب COMAR",
                },
                {
                    "es": "Por ejemplo en Tapachula o Ciudad de México, dentro de los 30 días "
                    "hábiles (o después, explicando por qué). Quédate en ese estado mientras "
                    "se resuelve.",
                    "en": "For example in Tapachula or Mexico City, within 30 working days (or "
                    "later, explaining why). Stay in that state while your case is decided.",
                    "fr": "Par exemple à Tapachula ou à Mexico, dans les 30 jours ouvrables (ou "
                    "plus tard, en expliquant pourquoi). Restez dans cet État pendant la "
                    "procédure.",
                    "ar": "مثلًا في تاباتشولا أو مدينة مكسيكو، خلال 30 يوم عمل (أو بعدها مع شرح "
                    "السبب). ابقَ في تلك الولاية أثناء النظر في طلبك.",
                },
            ),
            (
                {
                    "es": "Entrevista de elegibilidad",
                    "en": "Eligibility interview",
                    "fr": "Entretien d'éligibilité",
                    "ar": "مقابلة الأهلية",
                },
                {
                    "es": "Cuenta tu historia con detalle; tienes derecho a intérprete.",
                    "en": "Tell your story in detail; you have the right to an interpreter.",
                    "fr": "Racontez votre histoire en détail ; vous avez droit à un interprète.",
                    "ar": "احكِ قصتك بالتفصيل؛ لك الحق في مترجم.",
                },
            ),
        ],
        "rules": [],
    },
    {
        "slug": "mx-humanitarian-visitor-card",
        "kind": "humanitarian",
        "high_risk": True,  # asylum seekers and unaccompanied minors
        "destination": "MX",
        "origins": ["GT", "HN", "SV", "NI"],
        "documents": ["national-id"],
        "sources": ["https://www.gob.mx/inm"],
        "title": {
            "es": "México: Tarjeta de Visitante por Razones Humanitarias",
            "en": "Mexico: Visitor Card for Humanitarian Reasons",
            "fr": "Mexique : carte de visiteur pour raisons humanitaires",
            "ar": "المكسيك: بطاقة زائر لأسباب إنسانية",
        },
        "summary": {
            "es": "Para víctimas o testigos de delitos en México, niñas, niños y adolescentes "
            "no acompañados y solicitantes de asilo. Permite trabajar.",
            "en": "For victims or witnesses of crimes in Mexico, unaccompanied children and "
            "asylum seekers. It allows work.",
            "fr": "Pour les victimes ou témoins de délits au Mexique, les mineurs non "
            "accompagnés et les demandeurs d'asile. Elle permet de travailler.",
            "ar": "لضحايا الجرائم أو شهودها في المكسيك، والأطفال غير المصحوبين، وطالبي اللجوء. "
            "تسمح بالعمل.",
        },
        "body": {
            "es": "El INM la expide por un año renovable mientras dure la causa. Con ella "
            "puedes obtener CURP temporal y trabajar.",
            "en": "The INM issues it for one renewable year while the reason lasts. With it you "
            "can get a temporary CURP and work.",
        },
        "cost": {"es": "Gratuita.", "en": "Free of charge.", "fr": "Gratuite.", "ar": "مجانية."},
        "time": {"es": "Semanas.", "en": "Weeks."},
        "steps": [
            (
                {"es": "Solicítala en una oficina del INM", "en": "Apply at an INM office"},
                {
                    "es": "Con la constancia de la COMAR o la denuncia ante la fiscalía.",
                    "en": "With the COMAR certificate or the complaint filed with the prosecutor.",
                },
            ),
        ],
        "rules": [],
    },
    {
        "slug": "mx-student-visa",
        "kind": "study",
        "destination": "MX",
        "origins": ["GT", "HN", "SV", "NI"],
        "documents": ["passport", "school-certificate", "birth-certificate"],
        "sources": ["https://www.gob.mx/sre"],
        "title": {
            "es": "México: visa de residente temporal estudiante",
            "en": "Mexico: temporary resident student visa",
            "fr": "Mexique : visa de résident temporaire étudiant",
            "ar": "المكسيك: تأشيرة إقامة مؤقتة للطلاب",
        },
        "summary": {
            "es": "Para estudiar más de 180 días en una escuela mexicana que te haya aceptado.",
            "en": "To study for more than 180 days at a Mexican school that has admitted you.",
            "fr": "Pour étudier plus de 180 jours dans un établissement mexicain qui vous a admis.",
            "ar": "للدراسة أكثر من 180 يومًا في مؤسسة مكسيكية قبلتك.",
        },
        "body": {
            "es": "Se pide en el consulado de México con la carta de aceptación y prueba de "
            "medios económicos o beca.",
            "en": "Applied for at a Mexican consulate with the acceptance letter and proof of "
            "funds or a scholarship.",
        },
        "cost": {"es": "Derechos consulares vigentes.", "en": "Current consular fees."},
        "time": {"es": "Semanas.", "en": "Weeks."},
        "steps": [
            (
                {"es": "Obtén la carta de aceptación", "en": "Get the acceptance letter"},
                {"es": "De una institución reconocida.", "en": "From a recognised institution."},
            ),
            (
                {"es": "Cita en el consulado", "en": "Consular appointment"},
                {"es": "Con pasaporte y documentos.", "en": "With passport and documents."},
            ),
        ],
        "rules": [
            {"fact": "school_admission", "operator": "is_true", "value": "", "message": SCHOOL}
        ],
    },
    {
        "slug": "mx-family-unity",
        "kind": "family",
        "destination": "MX",
        "origins": ["GT", "HN", "SV", "NI"],
        "documents": ["passport", "birth-certificate"],
        "sources": ["https://www.gob.mx/inm"],
        "title": {
            "es": "México: residencia por unidad familiar",
            "en": "Mexico: residence for family unity",
            "fr": "Mexique : résidence pour regroupement familial",
            "ar": "المكسيك: إقامة لمّ الشمل العائلي",
        },
        "summary": {
            "es": "Si tu madre, padre, cónyuge o hijos son residentes o mexicanos, pueden "
            "pedir que vivas con ellos en México.",
            "en": "If your parent, spouse or children are residents or Mexican citizens, they "
            "can ask for you to live with them in Mexico.",
            "fr": "Si un parent, conjoint ou enfant est résident ou mexicain, il peut demander "
            "que vous viviez avec lui au Mexique.",
            "ar": "إذا كان أحد والديك أو زوجك أو أبنائك مقيمين أو مواطنين مكسيكيين، يمكنهم طلب "
            "إقامتك معهم في المكسيك.",
        },
        "body": {
            "es": "El familiar en México presenta la solicitud ante el INM; luego recoges la "
            "visa en el consulado.",
            "en": "The relative in Mexico applies to the INM; you then collect the visa at the "
            "consulate.",
        },
        "cost": {"es": "Derechos vigentes.", "en": "Current fees."},
        "time": {"es": "Semanas a meses.", "en": "Weeks to months."},
        "steps": [
            (
                {"es": "Tu familiar presenta la solicitud", "en": "Your relative applies"},
                {"es": "Ante el INM en México.", "en": "At the INM in Mexico."},
            ),
        ],
        "rules": [
            {
                "fact": "family_in_destination",
                "operator": "is_true",
                "value": "",
                "message": FAMILY,
            }
        ],
    },
    {
        "slug": "us-h2a-seasonal-agriculture",
        "kind": "seasonal_work",
        "high_risk": True,  # fees
        "destination": "US",
        "origins": ["MX", "GT", "HN", "SV", "NI"],
        "documents": ["passport", "criminal-record"],
        "sources": [
            "https://www.uscis.gov/working-in-the-united-states/temporary-workers/"
            "h-2a-temporary-agricultural-workers",
            "https://www.dol.gov/agencies/whd/agriculture/h2a",
            "https://www.federalregister.gov/citation/89-FR-88799",
        ],
        "title": {
            "es": "Estados Unidos: visa H-2A de trabajo agrícola temporal",
            "en": "United States: H-2A temporary agricultural work visa",
            "fr": "États-Unis : visa H-2A de travail agricole temporaire",
            "ar": "الولايات المتحدة: تأشيرة H-2A للعمل الزراعي المؤقت",
        },
        "summary": {
            "es": "Un empleador agrícola de EE. UU. con certificación laboral te contrata por "
            "una temporada. Da la vivienda; el viaje y la visa puede que los pagues tú primero "
            "y te los reembolse. Cobrarte por reclutarte está prohibido.",
            "en": "A US farm employer with a labour certification hires you for a season. It "
            "provides housing; you may have to pay travel and visa costs up front and be "
            "reimbursed. Recruitment fees are banned.",
            "fr": "Un employeur agricole américain certifié vous embauche pour une saison. Il "
            "fournit le logement ; vous devrez peut-être avancer les frais de voyage et de visa, "
            "qui vous sont remboursés. Les frais de recrutement sont interdits.",
            "ar": "يوظفك صاحب عمل زراعي أمريكي حاصل على شهادة عمل لموسم واحد. يوفّر السكن؛ وقد "
            "تدفع أنت تكاليف السفر والتأشيرة أولًا ثم تُعاد إليك. رسوم التوظيف ممنوعة.",
        },
        "body": {
            "es": "El empleador obtiene la certificación del Departamento de Trabajo y presenta "
            "la petición ante USCIS. Después tienes una entrevista en el consulado. "
            "Guatemala, Honduras, El Salvador, Nicaragua y México están en la lista de países "
            "elegibles que publica el DHS (aviso 89 FR 88799, vigente hasta el 8 de noviembre "
            "de 2025); USCIS puede aprobar caso por caso a personas de otros países.\n\n"
            "Puede que tengas que pagar primero el viaje y la visa: el empleador debe "
            "reembolsarlos según las reglas del programa (página del Departamento de Trabajo "
            "para trabajadores H-2A). **Cobrar al trabajador por el reclutamiento está "
            "prohibido**; denuncia cualquier cobro.",
            "en": "The employer obtains the Department of Labor certification and files the "
            "petition with USCIS. You then have a consular interview. Guatemala, Honduras, "
            "El Salvador, Nicaragua and Mexico are on the list of eligible countries DHS "
            "publishes (notice 89 FR 88799, in force until 8 November 2025); USCIS can approve "
            "nationals of other countries case by case.\n\nYou may have to pay travel and visa "
            "costs up front: the employer must reimburse them under the programme's rules "
            "(Department of Labor page for H-2A workers). **Charging workers recruitment fees "
            "is prohibited**; report any such charge.",
            "fr": "L'employeur obtient la certification du ministère du Travail puis dépose la "
            "pétition auprès de l'USCIS. **Il est interdit de faire payer le recrutement au "
            "travailleur.**",
            "ar": "يحصل صاحب العمل على شهادة وزارة العمل ثم يقدم الالتماس إلى دائرة الهجرة. "
            "**يُمنع تحصيل رسوم توظيف من العامل.**",
        },
        "cost": {
            "es": "Puede que pagues primero el viaje y la visa y te los reembolsen; cobrar por "
            "reclutar es ilegal.",
            "en": "You may pay travel and visa costs up front and be reimbursed; charging for "
            "recruitment is illegal.",
            "fr": "Vous pouvez avancer voyage et visa, remboursés ensuite ; faire payer le "
            "recrutement est illégal.",
            "ar": "قد تدفع السفر والتأشيرة أولًا ثم تُعاد إليك؛ تحصيل رسوم التوظيف غير قانوني.",
        },
        "time": {
            "es": "Dos a tres meses antes de la temporada.",
            "en": "Two to three months before the season.",
            "fr": "Deux à trois mois avant la saison.",
            "ar": "شهران إلى ثلاثة أشهر قبل الموسم.",
        },
        "steps": [
            (
                {
                    "es": "Recibe una oferta de un empleador certificado",
                    "en": "Receive an offer from a certified employer",
                    "fr": "Recevez une offre d'un employeur certifié",
                    "ar": "احصل على عرض من صاحب عمل معتمد",
                },
                {
                    "es": "Verifica la oferta en el sitio del Departamento de Trabajo.",
                    "en": "Check the offer on the Department of Labor's site.",
                    "fr": "Vérifiez l'offre sur le site du ministère du Travail.",
                    "ar": "تحقق من العرض في موقع وزارة العمل.",
                },
            ),
            (
                {
                    "es": "Entrevista en el consulado de EE. UU.",
                    "en": "Interview at the US consulate",
                    "fr": "Entretien au consulat des États-Unis",
                    "ar": "مقابلة في القنصلية الأمريكية",
                },
                {
                    "es": "Con pasaporte vigente.",
                    "en": "With a valid passport.",
                    "fr": "Avec un passeport valide.",
                    "ar": "بجواز سفر ساري.",
                },
            ),
        ],
        "rules": [rule_age_18(), rule_job_offer()],
    },
    {
        "slug": "us-h2b-temporary-work",
        "kind": "seasonal_work",
        "high_risk": True,  # fees
        "destination": "US",
        "origins": ["MX", "GT", "HN", "SV", "NI"],
        "documents": ["passport", "criminal-record"],
        "sources": [
            "https://www.uscis.gov/working-in-the-united-states/temporary-workers/"
            "h-2b-temporary-non-agricultural-workers",
            "https://www.federalregister.gov/citation/89-FR-88799",
        ],
        "title": {
            "es": "Estados Unidos: visa H-2B de trabajo temporal no agrícola",
            "en": "United States: H-2B temporary non-agricultural work visa",
            "fr": "États-Unis : visa H-2B de travail temporaire non agricole",
            "ar": "الولايات المتحدة: تأشيرة H-2B للعمل المؤقت غير الزراعي",
        },
        "summary": {
            "es": "Trabajo de temporada en hoteles, construcción, paisajismo o procesamiento "
            "de alimentos, con un empleador que tenga certificación laboral.",
            "en": "Seasonal work in hotels, construction, landscaping or food processing, with "
            "an employer holding a labour certification.",
            "fr": "Travail saisonnier dans l'hôtellerie, la construction ou l'agroalimentaire, "
            "avec un employeur certifié.",
            "ar": "عمل موسمي في الفنادق أو البناء أو تنسيق الحدائق أو تصنيع الأغذية مع صاحب عمل "
            "معتمد.",
        },
        "body": {
            "es": "Hay un número limitado de visas al año. Nicaragua, como Guatemala, Honduras, "
            "El Salvador y México, está en la lista de países elegibles del DHS (89 FR 88799, "
            "vigente hasta el 8 de noviembre de 2025); USCIS puede aprobar caso por caso a "
            "personas de otros países. Como en la H-2A, el empleador no puede cobrarte por "
            "reclutarte.",
            "en": "A limited number of visas is available each year. Nicaragua, like Guatemala, "
            "Honduras, El Salvador and Mexico, is on DHS's list of eligible countries (89 FR "
            "88799, in force until 8 November 2025); USCIS can approve nationals of other "
            "countries case by case. As with the H-2A, the employer may not charge you "
            "recruitment fees.",
        },
        "cost": {
            "es": "Cobrar por reclutar es ilegal.",
            "en": "Charging recruitment fees is illegal.",
        },
        "time": {"es": "Dos a cuatro meses.", "en": "Two to four months."},
        "steps": [
            (
                {"es": "Recibe una oferta verificada", "en": "Receive a verified offer"},
                {
                    "es": "De un empleador con certificación laboral.",
                    "en": "From an employer with a labour certification.",
                },
            ),
            (
                {"es": "Entrevista consular", "en": "Consular interview"},
                {"es": "Con pasaporte vigente.", "en": "With a valid passport."},
            ),
        ],
        "rules": [rule_age_18(), rule_job_offer()],
    },
    {
        "slug": "ca-seasonal-agricultural-worker-program",
        "kind": "seasonal_work",
        "high_risk": True,  # fees
        "destination": "CA",
        "origins": ["MX"],
        "documents": ["passport", "criminal-record", "national-id"],
        "sources": [
            "https://www.canada.ca/en/employment-social-development/services/foreign-workers/"
            "agricultural/seasonal-agricultural.html",
            "https://www.gob.mx/stps",
        ],
        "title": {
            "es": "Canadá: Programa de Trabajadores Agrícolas Temporales (PTAT)",
            "en": "Canada: Seasonal Agricultural Worker Program (SAWP)",
            "fr": "Canada : Programme des travailleurs agricoles saisonniers (PTAS)",
            "ar": "كندا: برنامج العمال الزراعيين الموسميين",
        },
        "summary": {
            "es": "Acuerdo entre México y Canadá: el Servicio Nacional de Empleo selecciona a "
            "trabajadores para temporadas agrícolas de hasta ocho meses.",
            "en": "Agreement between Mexico and Canada: Mexico's National Employment Service "
            "selects workers for farm seasons of up to eight months.",
            "fr": "Accord entre le Mexique et le Canada : le service national de l'emploi "
            "mexicain sélectionne des travailleurs pour des saisons de huit mois au plus.",
            "ar": "اتفاق بين المكسيك وكندا: تختار دائرة التوظيف الوطنية المكسيكية العمال لمواسم "
            "زراعية تصل إلى ثمانية أشهر.",
        },
        "body": {
            "es": "La inscripción se hace en las oficinas del Servicio Nacional de Empleo "
            "(STPS). El reclutamiento es gratuito, pero puede cobrarse la tasa de trámite del "
            "permiso de trabajo. Canadá (ESDC) pide tener al menos 18 años; el Servicio "
            "Nacional de Empleo fija además su propio perfil (edad y escolaridad): consúltalo "
            "en su convocatoria.",
            "en": "Registration is at the offices of Mexico's National Employment Service "
            "(STPS). Recruitment is free, but the work-permit processing fee may be charged. "
            "Canada (ESDC) requires workers to be at least 18; Mexico's National Employment "
            "Service also sets its own profile (age and schooling): check its call.",
        },
        "cost": {
            "es": "Reclutamiento gratuito; puede cobrarse la tasa del permiso de trabajo.",
            "en": "Recruitment is free; the work-permit processing fee may be charged.",
            "fr": "Recrutement gratuit ; les frais de traitement du permis de travail peuvent "
            "être facturés.",
            "ar": "التوظيف مجاني؛ وقد تُفرض رسوم معالجة تصريح العمل.",
        },
        "time": {"es": "Meses, según la temporada.", "en": "Months, depending on the season."},
        "steps": [
            (
                {
                    "es": "Inscríbete en el Servicio Nacional de Empleo",
                    "en": "Register with the National Employment Service",
                },
                {"es": "En tu estado.", "en": "In your state."},
            ),
        ],
        "rules": [
            {"fact": "nationality", "operator": "in", "value": "MX", "message": MX_NATIONALS},
            rule_age_18(),
        ],
    },
    {
        "slug": "ca-temporary-foreign-worker-agriculture",
        "kind": "temporary_work",
        "destination": "CA",
        "origins": ["MX", "GT", "HN", "SV", "NI"],
        "documents": ["passport", "criminal-record"],
        "sources": [
            "https://www.canada.ca/en/immigration-refugees-citizenship/services/work-canada.html"
        ],
        "title": {
            "es": "Canadá: trabajador temporal extranjero (vertiente agrícola)",
            "en": "Canada: Temporary Foreign Worker Program (agricultural stream)",
            "fr": "Canada : Programme des travailleurs étrangers temporaires (volet agricole)",
            "ar": "كندا: برنامج العمال الأجانب المؤقتين (المسار الزراعي)",
        },
        "summary": {
            "es": "Un empleador canadiense con evaluación de impacto en el mercado laboral "
            "(EIMT) te ofrece un contrato; tú pides el permiso de trabajo.",
            "en": "A Canadian employer with a Labour Market Impact Assessment (LMIA) offers "
            "you a contract; you apply for the work permit.",
            "fr": "Un employeur canadien titulaire d'une EIMT vous propose un contrat ; vous "
            "demandez le permis de travail.",
            "ar": "يعرض عليك صاحب عمل كندي حاصل على تقييم أثر سوق العمل عقدًا، وتتقدم أنت بطلب "
            "تصريح العمل.",
        },
        "body": {
            "es": "El permiso está ligado a ese empleador. Desconfía de agencias que cobran "
            "por ofertas de trabajo en Canadá.",
            "en": "The permit is tied to that employer. Distrust agencies that charge for job "
            "offers in Canada.",
        },
        "cost": {
            "es": "Tasa del permiso de trabajo y datos biométricos, según IRCC.",
            "en": "Work permit and biometrics fees, as set by IRCC.",
        },
        "time": {"es": "Varias semanas a meses.", "en": "Several weeks to months."},
        "steps": [
            (
                {"es": "Obtén la oferta con EIMT", "en": "Get the offer with an LMIA"},
                {"es": "Del empleador canadiense.", "en": "From the Canadian employer."},
            ),
            (
                {"es": "Solicita el permiso de trabajo", "en": "Apply for the work permit"},
                {"es": "En línea ante IRCC.", "en": "Online with IRCC."},
            ),
        ],
        "rules": [rule_age_18(), rule_job_offer()],
    },
    {
        "slug": "es-gecco-collective-recruitment",
        "kind": "seasonal_work",
        "high_risk": True,  # fees
        "destination": "ES",
        "origins": ["GT", "HN", "MX", "SV"],
        "documents": ["passport", "criminal-record"],
        "sources": ["https://www.inclusion.gob.es/web/migraciones"],
        "title": {
            "es": "España: contratación colectiva en origen (GECCO)",
            "en": "Spain: collective recruitment in the country of origin (GECCO)",
            "fr": "Espagne : recrutement collectif dans le pays d'origine (GECCO)",
            "ar": "إسبانيا: التوظيف الجماعي في بلد المنشأ (GECCO)",
        },
        "summary": {
            "es": "Empresas españolas seleccionan trabajadores de temporada en los países "
            "participantes (en 2025, Guatemala, Honduras, México y El Salvador) con sus "
            "gobiernos; se firma un compromiso de regreso al terminar.",
            "en": "Spanish companies select seasonal workers in the participating countries "
            "(in 2025, Guatemala, Honduras, Mexico and El Salvador) together with their "
            "governments; workers commit to return at the end.",
            "fr": "Des entreprises espagnoles recrutent des saisonniers dans les pays "
            "participants (en 2025 : Guatemala, Honduras, Mexique et Salvador) avec leurs "
            "gouvernements ; engagement de retour en fin de saison.",
            "ar": "تختار شركات إسبانية عمالًا موسميين في البلدان المشاركة (في 2025: غواتيمالا "
            "وهندوراس والمكسيك والسلفادور) بالتعاون مع حكوماتها، مع التزام بالعودة في نهاية "
            "الموسم.",
        },
        "body": {
            "es": "La selección se anuncia por los canales oficiales del gobierno de tu país "
            "(en 2025 participaron Guatemala, Honduras, México y El Salvador). Nadie puede "
            "venderte un cupo.",
            "en": "Selection is announced through your government's official channels (in "
            "2025 Guatemala, Honduras, Mexico and El Salvador took part). Nobody can sell you "
            "a place.",
        },
        "cost": {"es": "Sin cobro por selección.", "en": "No charge for selection."},
        "time": {"es": "Según la campaña agrícola.", "en": "Depends on the harvest campaign."},
        "steps": [
            (
                {"es": "Sigue la convocatoria oficial", "en": "Follow the official call"},
                {
                    "es": "Del ministerio o secretaría de trabajo de tu país.",
                    "en": "From your country's ministry of labour.",
                },
            ),
        ],
        "rules": [rule_age_18()],
    },
    {
        "slug": "es-student-visa",
        "kind": "study",
        "destination": "ES",
        "origins": ["MX", "GT", "HN", "SV", "NI"],
        "documents": ["passport", "school-certificate", "criminal-record"],
        "sources": ["https://www.exteriores.gob.es"],
        "title": {
            "es": "España: visado de estudios",
            "en": "Spain: study visa",
            "fr": "Espagne : visa d'études",
            "ar": "إسبانيا: تأشيرة الدراسة",
        },
        "summary": {
            "es": "Para estudios de más de 90 días en un centro autorizado de España que te "
            "haya admitido.",
            "en": "For studies of more than 90 days at an authorised Spanish institution that "
            "has admitted you.",
            "fr": "Pour des études de plus de 90 jours dans un établissement espagnol agréé qui "
            "vous a admis.",
            "ar": "للدراسة أكثر من 90 يومًا في مؤسسة إسبانية معتمدة قبلتك.",
        },
        "body": {
            "es": "Se solicita en el consulado de España con la admisión, seguro médico y "
            "medios económicos.",
            "en": "Applied for at a Spanish consulate with the admission, health insurance and "
            "proof of funds.",
        },
        "cost": {"es": "Tasa consular vigente.", "en": "Current consular fee."},
        "time": {"es": "Hasta un mes.", "en": "Up to one month."},
        "steps": [
            (
                {"es": "Obtén la admisión", "en": "Get the admission"},
                {"es": "De un centro autorizado.", "en": "From an authorised institution."},
            ),
            (
                {"es": "Solicita el visado", "en": "Apply for the visa"},
                {"es": "En el consulado de España.", "en": "At the Spanish consulate."},
            ),
        ],
        "rules": [
            {"fact": "school_admission", "operator": "is_true", "value": "", "message": SCHOOL}
        ],
    },
]

PATHWAYS.append(
    {
        "slug": "mx-regularisation-family-ties",
        "kind": "regularisation",
        "destination": "MX",
        "origins": ["GT", "HN", "SV", "NI"],
        "documents": ["passport", "birth-certificate"],
        "sources": ["https://www.gob.mx/inm"],
        "title": {
            "es": "México: regularización por vínculo familiar",
            "en": "Mexico: regularisation through family ties",
            "fr": "Mexique : régularisation pour liens familiaux",
            "ar": "المكسيك: تسوية الوضع بسبب الروابط العائلية",
        },
        "summary": {
            "es": "Si ya estás en México sin documentos y tienes hija, hijo, cónyuge o pareja "
            "mexicana o con residencia, puedes pedir al INM regularizar tu situación.",
            "en": "If you are already in Mexico without papers and have a child, spouse or "
            "partner who is Mexican or a resident, you can ask the INM to regularise you.",
            "fr": "Si vous êtes déjà au Mexique sans papiers et avez un enfant, un conjoint ou "
            "un partenaire mexicain ou résident, vous pouvez demander votre régularisation à "
            "l'INM.",
            "ar": "إذا كنت في المكسيك بلا وثائق ولديك ابن أو زوج أو شريك مكسيكي أو مقيم، يمكنك "
            "طلب تسوية وضعك من المعهد الوطني للهجرة.",
        },
        "body": {
            "es": "La solicitud se presenta en una oficina del INM con las actas que prueban el "
            "vínculo. Si se aprueba, recibes una tarjeta de residente. Regularizarte te "
            "protege: puedes trabajar, estudiar y denunciar abusos sin miedo.",
            "en": "You apply at an INM office with the certificates proving the tie. If "
            "approved, you receive a resident card. Regularising protects you: you can work, "
            "study and report abuse without fear.",
        },
        "cost": {
            "es": "Derechos del trámite y de la tarjeta, más una multa en algunos casos.",
            "en": "Procedure and card fees, plus a fine in some cases.",
        },
        "time": {"es": "Semanas a meses.", "en": "Weeks to months."},
        "steps": [
            (
                {"es": "Reúne las actas del vínculo", "en": "Gather the certificates of the tie"},
                {
                    "es": "Acta de nacimiento de tu hija o hijo, o de matrimonio o concubinato.",
                    "en": "Your child's birth certificate, or the marriage or partnership "
                    "certificate.",
                },
            ),
            (
                {"es": "Presenta la solicitud en el INM", "en": "Apply at the INM"},
                {"es": "Con pasaporte o identificación.", "en": "With a passport or ID."},
            ),
        ],
        "rules": [
            {
                "fact": "family_in_destination",
                "operator": "is_true",
                "value": "",
                "message": FAMILY,
            }
        ],
    }
)

# CA-4: one pathway per destination, generated from one text.
CA4_COUNTRIES = {
    "GT": {"es": "Guatemala", "en": "Guatemala", "fr": "Guatemala", "ar": "غواتيمالا"},
    "SV": {"es": "El Salvador", "en": "El Salvador", "fr": "Salvador", "ar": "السلفادور"},
    "HN": {"es": "Honduras", "en": "Honduras", "fr": "Honduras", "ar": "هندوراس"},
    "NI": {"es": "Nicaragua", "en": "Nicaragua", "fr": "Nicaragua", "ar": "نيكاراغوا"},
}


CA4_SOURCES = ["https://www.sica.int", "https://igm.gob.gt", "https://www.migracion.gob.sv"]
CROSS_OFFICIALLY = (
    {
        "es": "Pasa por un puesto fronterizo oficial",
        "en": "Cross at an official border post",
        "fr": "Passez par un poste frontière officiel",
        "ar": "اعبر من منفذ حدودي رسمي",
    },
    {
        "es": "Cruzar por puntos no oficiales te expone a riesgos y sanciones.",
        "en": "Crossing at unofficial points exposes you to risks and penalties.",
        "fr": "Passer par des points non officiels vous expose à des risques.",
        "ar": "العبور من نقاط غير رسمية يعرّضك للمخاطر والعقوبات.",
    },
)


def _ca4_nationals(destination: str) -> dict:
    return {
        "fact": "nationality",
        "operator": "in",
        "value": ",".join(code for code in CA4_COUNTRIES if code != destination),
        "message": CA4_NATIONALS,
    }


def ca4_pathway(destination: str) -> dict[str, Any]:
    """Adults (18 and over) travel within the CA-4 with their identity card."""
    names = CA4_COUNTRIES[destination]
    return {
        "slug": f"ca4-free-mobility-{destination.lower()}",
        "kind": "free_mobility",
        "destination": destination,
        "origins": [code for code in CA4_COUNTRIES if code != destination],
        "documents": ["national-id"],
        "sources": CA4_SOURCES,
        "title": {
            "es": f"CA-4: viajar a {names['es']} con tu documento de identidad (adultos)",
            "en": f"CA-4: travelling to {names['en']} with your identity card (adults)",
            "fr": f"CA-4 : voyager vers {names['fr']} avec votre carte d'identité (adultes)",
            "ar": f"CA-4: السفر إلى {names['ar']} ببطاقة هويتك (للبالغين)",
        },
        "summary": {
            "es": "Entre Guatemala, El Salvador, Honduras y Nicaragua, las personas adultas "
            "pueden viajar como visitantes hasta 90 días con su documento de identidad. Los "
            "menores de edad necesitan pasaporte.",
            "en": "Between Guatemala, El Salvador, Honduras and Nicaragua, adults may travel as "
            "visitors for up to 90 days with their identity card. Minors need a passport.",
            "fr": "Entre le Guatemala, le Salvador, le Honduras et le Nicaragua, les adultes "
            "peuvent voyager comme visiteurs jusqu'à 90 jours avec leur carte d'identité. Les "
            "mineurs ont besoin d'un passeport.",
            "ar": "بين غواتيمالا والسلفادور وهندوراس ونيكاراغوا يمكن للبالغين السفر كزوار حتى 90 "
            "يومًا ببطاقة الهوية. أما القاصرون فيحتاجون إلى جواز سفر.",
        },
        "body": {
            "es": "El convenio CA-4 no da permiso para trabajar: para trabajar necesitas un "
            "permiso del país de destino. **Menores de 18 años: necesitan pasaporte vigente y "
            "partida de nacimiento**, no solo el documento de identidad (IGM de Guatemala, "
            "2024; preguntas frecuentes de la DGME de El Salvador). Si eres hondureño o "
            "hondureña y tienes menos de 21 años, Honduras te pide además la autorización "
            "notarial de tus padres para salir.",
            "en": "The CA-4 agreement does not give permission to work: to work you need a "
            "permit from the destination country. **Minors (under 18) need a valid passport "
            "and their birth certificate**, not only an identity card (Guatemala's IGM, 2024; "
            "El Salvador's DGME FAQ). If you are Honduran and under 21, Honduras also asks for "
            "your parents' notarised authorisation to leave.",
            "fr": "L'accord CA-4 ne donne pas le droit de travailler. Les mineurs doivent "
            "présenter un passeport valide et leur acte de naissance.",
            "ar": "اتفاق CA-4 لا يمنح إذنًا بالعمل. يحتاج القاصرون إلى جواز سفر ساري وشهادة "
            "الميلاد.",
        },
        "cost": {"es": "Sin costo de entrada.", "en": "No entry fee."},
        "time": {"es": "Inmediato en la frontera.", "en": "Immediate at the border."},
        "steps": [
            (
                {
                    "es": "Lleva tu documento de identidad vigente",
                    "en": "Carry your valid identity card",
                    "fr": "Munissez-vous de votre carte d'identité valide",
                    "ar": "احمل بطاقة هويتك السارية",
                },
                {
                    "es": "Si tienes menos de 18 años, lleva pasaporte (ver la guía para menores).",
                    "en": "If you are under 18, carry a passport (see the guide for minors).",
                    "fr": "Si vous avez moins de 18 ans, un passeport est exigé.",
                    "ar": "إذا كان عمرك أقل من 18 عامًا فاحمل جواز سفر.",
                },
            ),
            CROSS_OFFICIALLY,
        ],
        "rules": [_ca4_nationals(destination), rule_age_18()],
    }


def ca4_minors_pathway(destination: str) -> dict[str, Any]:
    """Minors within the CA-4: passport and birth certificate, and the authorisation their
    country asks for when they do not travel with both parents."""
    names = CA4_COUNTRIES[destination]
    return {
        "slug": f"ca4-minors-{destination.lower()}",
        "kind": "free_mobility",
        "high_risk": True,  # minors
        "destination": destination,
        "origins": [code for code in CA4_COUNTRIES if code != destination],
        "documents": ["passport", "birth-certificate", "minor-travel-permit"],
        "sources": CA4_SOURCES,
        "title": {
            "es": f"CA-4: menores de edad que viajan a {names['es']} (con pasaporte)",
            "en": f"CA-4: minors travelling to {names['en']} (with a passport)",
            "fr": f"CA-4 : mineurs voyageant vers {names['fr']} (avec passeport)",
            "ar": f"CA-4: سفر القاصرين إلى {names['ar']} (بجواز سفر)",
        },
        "summary": {
            "es": "Si tienes menos de 18 años, para viajar dentro del CA-4 necesitas pasaporte "
            "vigente y partida de nacimiento; si no viajas con tus dos padres, también la "
            "autorización que pide tu país.",
            "en": "If you are under 18, travelling within the CA-4 needs a valid passport and "
            "your birth certificate; if you do not travel with both parents, also the "
            "authorisation your country asks for.",
            "fr": "Si vous avez moins de 18 ans, il faut un passeport valide et votre acte de "
            "naissance ; sans vos deux parents, aussi l'autorisation exigée par votre pays.",
            "ar": "إذا كان عمرك أقل من 18 عامًا فتحتاج داخل CA-4 إلى جواز سفر ساري وشهادة "
            "الميلاد، وإذا لم تسافر مع والديك معًا فتحتاج أيضًا إلى الإذن الذي يطلبه بلدك.",
        },
        "body": {
            "es": "El documento de identidad no basta para menores: **es obligatorio el "
            "pasaporte vigente** (IGM de Guatemala, 2024; preguntas frecuentes de la DGME de "
            "El Salvador: «Es obligatorio que presente su pasaporte vigente»), con la partida "
            "de nacimiento.\n\nSi no viajas con tus dos padres: en Guatemala, una "
            "autorización notarial (mandato, declaración jurada o poder con firma legalizada) "
            "o un documento consular o judicial; en El Salvador, un acta notarial de abogado "
            "salvadoreño o hecha en un consulado; en Honduras, una autorización notarial (hasta "
            "los 21 años); en Nicaragua, la visa de salida de la DGME.",
            "en": "An identity card is not enough for minors: **a valid passport is "
            "required** (Guatemala's IGM, 2024; El Salvador's DGME FAQ: \"Es obligatorio que "
            'presente su pasaporte vigente"), with the birth certificate.\n\nIf you do not '
            "travel with both parents: in Guatemala, a notarised authorisation (mandate, sworn "
            "declaration or power of attorney with a legalised signature) or a consular or "
            "court document; in El Salvador, a notarial act by a Salvadoran lawyer or made at "
            "a consulate; in Honduras, a notarised authorisation (until 21); in Nicaragua, the "
            "DGME exit visa.",
            "fr": "La carte d'identité ne suffit pas aux mineurs : le passeport valide est "
            "obligatoire, avec l'acte de naissance, et l'autorisation des parents exigée par "
            "le pays d'origine s'ils ne voyagent pas tous les deux.",
            "ar": "بطاقة الهوية لا تكفي للقاصرين: جواز السفر الساري إلزامي مع شهادة الميلاد، "
            "وإذن الوالدين الذي يطلبه بلد المنشأ إذا لم يسافرا معًا.",
        },
        "cost": {
            "es": "Costo del pasaporte y, si hace falta, honorarios del notario.",
            "en": "The passport's fee and, where needed, the notary's fee.",
        },
        "time": {
            "es": "Semanas: pide el pasaporte con tiempo.",
            "en": "Weeks: apply for the passport early.",
        },
        "steps": [
            (
                {
                    "es": "Saca tu pasaporte",
                    "en": "Get your passport",
                    "fr": "Obtenez votre passeport",
                    "ar": "استخرج جواز سفرك",
                },
                {
                    "es": "Con tu partida de nacimiento y tus padres o su autorización.",
                    "en": "With your birth certificate and your parents or their authorisation.",
                    "fr": "Avec votre acte de naissance et vos parents ou leur autorisation.",
                    "ar": "بشهادة ميلادك وبحضور والديك أو بإذنهما.",
                },
            ),
            (
                {
                    "es": "Si no viajas con tus dos padres, lleva su autorización",
                    "en": "If you do not travel with both parents, carry their authorisation",
                    "fr": "Sans vos deux parents, emportez leur autorisation",
                    "ar": "إذا لم تسافر مع والديك معًا فاحمل إذنهما",
                },
                {
                    "es": "En la forma que pide tu país (ver el documento).",
                    "en": "In the form your country requires (see the document).",
                    "fr": "Sous la forme exigée par votre pays.",
                    "ar": "بالشكل الذي يطلبه بلدك.",
                },
            ),
            CROSS_OFFICIALLY,
        ],
        "rules": [
            _ca4_nationals(destination),
            {"fact": "age", "operator": "max", "value": "17", "message": UNDER_18},
        ],
    }


def ca4_honduras_under_21_pathway(destination: str) -> dict[str, Any]:
    """Hondurans of 18 to 20: Honduras applies its rules for minors leaving until 21."""
    names = CA4_COUNTRIES[destination]
    return {
        "slug": f"ca4-honduras-under-21-{destination.lower()}",
        "kind": "free_mobility",
        "high_risk": True,  # minors (Honduras: until 21)
        "destination": destination,
        "origins": ["HN"],
        "documents": ["national-id", "minor-travel-permit"],
        "sources": ["https://inm.gob.hn", "https://www.sica.int"],
        "title": {
            "es": f"CA-4 desde Honduras a {names['es']} entre los 18 y los 20 años",
            "en": f"CA-4 from Honduras to {names['en']} between 18 and 20",
            "fr": f"CA-4 du Honduras vers {names['fr']} entre 18 et 20 ans",
            "ar": f"CA-4 من هندوراس إلى {names['ar']} بين 18 و20 عامًا",
        },
        "summary": {
            "es": "Honduras aplica sus reglas de salida de menores hasta los 21 años: entre los "
            "18 y los 20 necesitas también la autorización notarial de tus padres.",
            "en": "Honduras applies its exit rules for minors until 21: between 18 and 20 you "
            "also need your parents' notarised authorisation.",
            "fr": "Le Honduras applique ses règles de sortie des mineurs jusqu'à 21 ans : "
            "entre 18 et 20 ans, il faut aussi l'autorisation notariée des parents.",
            "ar": "تطبّق هندوراس قواعد خروج القاصرين حتى سن 21: بين 18 و20 عامًا تحتاج أيضًا "
            "إلى إذن موثّق من والديك.",
        },
        "body": {
            "es": "Lleva tu DNI y la autorización de tus padres firmada ante notario. Sin ella "
            "pueden impedirte la salida de Honduras.",
            "en": "Carry your DNI and your parents' authorisation signed before a notary. "
            "Without it you may be stopped from leaving Honduras.",
        },
        "cost": {"es": "Honorarios del notario.", "en": "The notary's fee."},
        "time": {"es": "Pocos días.", "en": "A few days."},
        "steps": [
            (
                {
                    "es": "Pide a tus padres la autorización ante notario",
                    "en": "Ask your parents for the authorisation before a notary",
                    "fr": "Demandez à vos parents l'autorisation devant notaire",
                    "ar": "اطلب من والديك الإذن أمام كاتب عدل",
                },
                {
                    "es": "Firmada por ambos, o por quien tenga tu custodia.",
                    "en": "Signed by both, or by whoever has custody of you.",
                    "fr": "Signée par les deux, ou par la personne qui a votre garde.",
                    "ar": "موقّعًا من كليهما أو ممن له حضانتك.",
                },
            ),
            CROSS_OFFICIALLY,
        ],
        "rules": [
            {"fact": "nationality", "operator": "in", "value": "HN", "message": HN_NATIONALS},
            rule_age_18(),
            {"fact": "age", "operator": "max", "value": "20", "message": HN_18_TO_20},
        ],
    }


def ca4_pathways() -> list[dict[str, Any]]:
    return [
        *(ca4_pathway(code) for code in CA4_COUNTRIES),
        *(ca4_minors_pathway(code) for code in CA4_COUNTRIES),
        *(ca4_honduras_under_21_pathway(code) for code in CA4_COUNTRIES if code != "HN"),
    ]


ARTICLES: list[dict[str, Any]] = [
    {
        "slug": "regular-or-irregular",
        "kind": "regular_irregular",
        "sources": ["https://www.iom.int"],
        "title": {
            "es": "Migración regular o irregular: ¿cuál es la diferencia?",
            "en": "Regular or irregular migration: what is the difference?",
            "fr": "Migration régulière ou irrégulière : quelle différence ?",
            "ar": "الهجرة النظامية وغير النظامية: ما الفرق؟",
        },
        "summary": {
            "es": "Viajar con los documentos y permisos que pide el país de destino te protege; "
            "hacerlo sin ellos te expone a abusos y a la deportación.",
            "en": "Travelling with the documents and permits the destination requires protects "
            "you; travelling without them exposes you to abuse and deportation.",
            "fr": "Voyager avec les documents et permis exigés vous protège ; sans eux, vous "
            "êtes exposé aux abus et à l'expulsion.",
            "ar": "السفر بالوثائق والتصاريح التي يطلبها بلد الوجهة يحميك؛ والسفر بدونها يعرّضك "
            "للاستغلال والترحيل.",
        },
        "body": {
            "es": "**Migración regular** es entrar, vivir o trabajar en otro país cumpliendo "
            "sus leyes: con pasaporte, visa o permiso cuando se piden, y por puestos "
            "fronterizos oficiales.\n\n**Migración irregular** es hacerlo sin esos permisos. "
            "Quien viaja de forma irregular queda más expuesto a traficantes, extorsión, "
            "trabajo sin paga y detención.\n\n- Infórmate en fuentes oficiales.\n- Ninguna "
            "visa se compra a un intermediario.\n- Pedir asilo es un derecho, aunque hayas "
            "entrado de forma irregular.",
            "en": "**Regular migration** means entering, living or working in another country "
            "under its laws: with a passport, visa or permit where required, and through "
            "official border posts.\n\n**Irregular migration** means doing so without those "
            "permits. People travelling irregularly are more exposed to smugglers, extortion, "
            "unpaid work and detention.\n\n- Get information from official sources.\n- No visa "
            "is bought from an intermediary.\n- Seeking asylum is a right, even if you entered "
            "irregularly.",
            "fr": "La **migration régulière** respecte les lois du pays de destination : "
            "passeport, visa ou permis si nécessaire, et postes frontières officiels. La "
            "**migration irrégulière** expose aux passeurs, à l'extorsion et à la détention.",
            "ar": "**الهجرة النظامية** تعني الدخول أو العيش أو العمل في بلد آخر وفق قوانينه. "
            "أما **الهجرة غير النظامية** فتعرّضك للمهربين والابتزاز والاحتجاز.",
        },
    },
    {
        "slug": "smuggling-risks",
        "kind": "smuggling",
        "sources": ["https://www.iom.int"],
        "title": {
            "es": "Los riesgos de viajar con coyotes",
            "en": "The risks of travelling with smugglers",
            "fr": "Les risques de voyager avec des passeurs",
            "ar": "مخاطر السفر مع المهرّبين",
        },
        "summary": {
            "es": "Los coyotes cobran miles de dólares, te abandonan en rutas peligrosas y "
            "pueden entregarte a grupos criminales.",
            "en": "Smugglers charge thousands of dollars, abandon people on dangerous routes "
            "and may hand them over to criminal groups.",
            "fr": "Les passeurs demandent des milliers de dollars, abandonnent les personnes "
            "sur des routes dangereuses et peuvent les livrer à des groupes criminels.",
            "ar": "يتقاضى المهربون آلاف الدولارات، ويتركون الناس في طرق خطرة، وقد يسلّمونهم "
            "لجماعات إجرامية.",
        },
        "body": {
            "es": "El tráfico de personas es un delito. Quien paga a un coyote no tiene "
            "ninguna garantía: accidentes, secuestros y extorsión son frecuentes en las "
            "rutas irregulares. Si estás en peligro, busca un punto de información o a la "
            "OIM.",
            "en": "Migrant smuggling is a crime. Paying a smuggler gives no guarantee: "
            "accidents, kidnapping and extortion are common on irregular routes. If you are "
            "in danger, look for an information point or IOM.",
        },
    },
    {
        "slug": "human-trafficking",
        "kind": "trafficking",
        "sources": ["https://www.unodc.org/unodc/es/human-trafficking/"],
        "title": {
            "es": "Trata de personas: cómo reconocerla",
            "en": "Human trafficking: how to recognise it",
            "fr": "La traite des êtres humains : comment la reconnaître",
            "ar": "الاتجار بالبشر: كيف تتعرف عليه",
        },
        "summary": {
            "es": "Si alguien retiene tus documentos, te obliga a trabajar o te prohíbe irte, "
            "puede ser trata. Pide ayuda.",
            "en": "If someone keeps your documents, forces you to work or stops you from "
            "leaving, it may be trafficking. Ask for help.",
            "fr": "Si quelqu'un confisque vos papiers, vous force à travailler ou vous empêche "
            "de partir, c'est peut-être de la traite. Demandez de l'aide.",
            "ar": "إذا احتجز أحدهم وثائقك أو أجبرك على العمل أو منعك من المغادرة، فقد يكون ذلك "
            "اتجارًا بالبشر. اطلب المساعدة.",
        },
        "body": {
            "es": "Señales de alerta:\n\n- Te quitan el pasaporte o la identificación.\n- Te "
            "dicen que debes una deuda que no deja de crecer.\n- No puedes salir ni hablar "
            "con tu familia.\n\nLas víctimas de trata tienen derecho a protección, también "
            "a la tarjeta por razones humanitarias en México.",
            "en": "Warning signs:\n\n- Your passport or ID is taken from you.\n- You are told "
            "you owe a debt that keeps growing.\n- You cannot leave or talk to your family."
            "\n\nVictims of trafficking have a right to protection, including Mexico's "
            "humanitarian visitor card.",
        },
    },
    {
        "slug": "extortion-on-the-route",
        "kind": "extortion",
        "sources": ["https://www.iom.int"],
        "title": {
            "es": "Extorsión en el camino",
            "en": "Extortion on the route",
            "fr": "L'extorsion sur la route",
            "ar": "الابتزاز على الطريق",
        },
        "summary": {
            "es": 'Llamadas falsas de secuestro y cobros por "protección" son comunes. No '
            "compartas tu ubicación ni datos de tu familia con desconocidos.",
            "en": 'Fake kidnapping calls and "protection" payments are common. Do not share '
            "your location or your family's details with strangers.",
            "fr": "Faux appels d'enlèvement et paiements de « protection » sont fréquents. Ne "
            "partagez pas votre position avec des inconnus.",
            "ar": 'المكالمات الكاذبة عن الاختطاف ودفع مقابل "الحماية" شائعة. لا تشارك موقعك '
            "أو بيانات عائلتك مع غرباء.",
        },
        "body": {
            "es": "Acuerda con tu familia una palabra clave. Si alguien pide dinero en tu "
            "nombre, que llamen primero a un número de confianza.",
            "en": "Agree a code word with your family. If someone asks them for money in your "
            "name, they should first call a trusted number.",
        },
    },
    {
        "slug": "visa-fraud",
        "kind": "fraud",
        "sources": ["https://www.gob.mx/inm"],
        "title": {
            "es": "Fraudes con visas y trámites",
            "en": "Visa and paperwork fraud",
            "fr": "Fraudes aux visas et aux démarches",
            "ar": "الاحتيال في التأشيرات والمعاملات",
        },
        "summary": {
            "es": "Nadie puede venderte una visa ni garantizar que te la den. Los trámites se "
            "hacen en sitios oficiales.",
            "en": "Nobody can sell you a visa or guarantee you will get one. Procedures are "
            "done through official sites.",
            "fr": "Personne ne peut vous vendre un visa ni garantir son obtention.",
            "ar": "لا أحد يستطيع بيعك تأشيرة أو ضمان حصولك عليها. تتم الإجراءات عبر المواقع "
            "الرسمية.",
        },
        "body": {
            "es": "Revisa que la página termine en el dominio oficial del gobierno (por "
            "ejemplo gob.mx). Paga solo en bancos o ventanillas oficiales.",
            "en": "Check that the site ends in the government's official domain (for example "
            "gob.mx). Pay only at banks or official counters.",
        },
    },
    {
        "slug": "false-job-offers",
        "kind": "false_offers",
        "high_risk": True,  # fees
        "sources": ["https://www.dol.gov/agencies/whd/agriculture/h2a"],
        "title": {
            "es": "Cómo reconocer una oferta de trabajo falsa",
            "en": "How to recognise a false job offer",
            "fr": "Comment reconnaître une fausse offre d'emploi",
            "ar": "كيف تتعرف على عرض عمل مزيف",
        },
        "summary": {
            "es": "Si te piden dinero por adelantado, si el sueldo es demasiado bueno o si no "
            "hay contrato por escrito, desconfía.",
            "en": "If you are asked for money in advance, the pay is too good to be true or "
            "there is no written contract, be suspicious.",
            "fr": "Si l'on vous demande de l'argent à l'avance, si le salaire est trop beau ou "
            "s'il n'y a pas de contrat écrit, méfiez-vous.",
            "ar": "إذا طُلب منك مال مقدمًا، أو كان الراتب أفضل من أن يكون حقيقيًا، أو لم يكن "
            "هناك عقد مكتوب، فاحذر.",
        },
        "body": {
            "es": "- Los programas H-2A, H-2B y los de Canadá **prohíben cobrar al "
            "trabajador** por reclutarlo.\n- Pide el nombre de la empresa y verifícalo en "
            "fuentes oficiales.\n- No entregues tu pasaporte a un reclutador.",
            "en": "- The H-2A, H-2B and Canadian programmes **prohibit charging workers** for "
            "recruitment.\n- Ask for the company's name and check it with official sources.\n"
            "- Never hand your passport to a recruiter.",
            "fr": "- Les programmes H-2A, H-2B et canadiens **interdisent de faire payer le "
            "recrutement**.\n- Ne remettez jamais votre passeport à un recruteur.",
            "ar": "- تمنع برامج H-2A وH-2B والبرامج الكندية **تحصيل رسوم توظيف من العمال**.\n"
            "- لا تسلّم جواز سفرك لأي وسيط.",
        },
    },
    {
        "slug": "your-rights-in-transit",
        "kind": "rights",
        "high_risk": True,  # asylum
        "sources": ["https://www.acnur.org", "https://www.gob.mx/comar"],
        "title": {
            "es": "Tus derechos como persona migrante",
            "en": "Your rights as a migrant",
            "fr": "Vos droits en tant que migrant",
            "ar": "حقوقك كمهاجر",
        },
        "summary": {
            "es": "Tienes derecho a la salud, a pedir asilo, a un intérprete y a no ser "
            "maltratado, sin importar tu situación migratoria.",
            "en": "You have the right to health care, to seek asylum, to an interpreter and "
            "not to be mistreated, whatever your migration status.",
            "fr": "Vous avez droit aux soins, à demander l'asile, à un interprète et à ne pas "
            "être maltraité, quel que soit votre statut.",
            "ar": "لك الحق في الرعاية الصحية وطلب اللجوء والحصول على مترجم وعدم التعرض لسوء "
            "المعاملة، مهما كان وضعك.",
        },
        "body": {
            "es": "En México, la Ley de Migración reconoce derechos a todas las personas "
            "migrantes, con o sin documentos: atención médica de urgencia, acceso a la "
            "justicia, registro de nacimientos de sus hijos y educación.",
            "en": "In Mexico, the Migration Law recognises rights for every migrant, documented "
            "or not: emergency health care, access to justice, birth registration of their "
            "children and education.",
        },
    },
]
