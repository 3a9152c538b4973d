"""The texts the chat sends: short, one idea each. They are content: the defaults below ship
with Rumbo (Spanish, English, French with "tu", Arabic), and a ChatText edited in the admin
replaces a default in each language it fills. Placeholders are named: %(point)s."""

from django.utils.translation import get_language

from rumbo.core.kept import KeptInProcess

LANGUAGES = ("es", "en", "fr", "ar")

# key: (es, en, fr, ar)
DEFAULTS: dict[str, tuple[str, str, str, str]] = {
    "welcome": (
        "¡Hola! Soy Rumbo. Te ayudo a planear tu futuro, aquí o en otro país, de forma segura.",
        "Hi! I'm Rumbo. I help you plan your future, here or in another country, safely.",
        "Salut ! Je suis Rumbo. Je t'aide à préparer ton avenir, ici ou ailleurs, en sécurité.",
        "مرحبًا! أنا رومبو. أساعدك على التخطيط لمستقبلك هنا أو في بلد آخر بأمان.",
    ),
    "menu": (
        "¿Qué quieres hacer? Elige una opción o escríbela.",
        "What would you like to do? Choose an option or type it.",
        "Que veux-tu faire ? Choisis une option ou écris-la.",
        "ماذا تريد أن تفعل؟ اختر خيارًا أو اكتبه.",
    ),
    "menu_plan": ("Hacer mi plan", "Make my plan", "Faire mon plan", "إعداد خطتي"),
    "menu_search": ("Buscar en guías", "Search the guides", "Chercher", "البحث في الأدلة"),
    "menu_nearest": (
        "Punto más cercano",
        "Nearest info point",
        "Point le plus proche",
        "أقرب نقطة معلومات",
    ),
    "menu_appointment": ("Pedir una cita", "Book appointment", "Prendre rendez-vous", "طلب موعد"),
    "menu_person": (
        "Hablar con alguien",
        "Talk to a person",
        "Parler à quelqu'un",
        "التحدث مع شخص",
    ),
    "menu_language": ("Cambiar idioma", "Change language", "Changer de langue", "تغيير اللغة"),
    "menu_erase": ("Borrar mis datos", "Erase my data", "Effacer mes données", "حذف بياناتي"),
    "menu_button": ("Menú", "Menu", "Menu", "القائمة"),
    "choose": ("Elegir", "Choose", "Choisir", "اختر"),
    "yes": ("Sí", "Yes", "Oui", "نعم"),
    "no": ("No", "No", "Non", "لا"),
    "not_understood": (
        "No entendí. Elige una opción o escribe «menú».",
        "I didn't understand. Choose an option or type “menu”.",
        "Je n'ai pas compris. Choisis une option ou écris « menu ».",
        "لم أفهم. اختر خيارًا أو اكتب «القائمة».",
    ),
    "media": (
        "Solo leo textos y ubicaciones. Escribe tu respuesta o «menú».",
        "I can only read text and locations. Type your answer or “menu”.",
        "Je ne lis que le texte et les positions. Écris ta réponse ou « menu ».",
        "أقرأ النصوص والمواقع فقط. اكتب إجابتك أو «القائمة».",
    ),
    "too_long": (
        "Tu mensaje es muy largo. Escríbelo más corto, por favor.",
        "Your message is too long. Please write it shorter.",
        "Ton message est trop long. Écris-le plus court, s'il te plaît.",
        "رسالتك طويلة جدًا. اكتبها بشكل أقصر من فضلك.",
    ),
    "old_answer": (
        "Esa respuesta era para una pregunta anterior. Esta es la pregunta actual:",
        "That answer was for an earlier question. Here is the current one:",
        "Cette réponse était pour une question précédente. Voici la question actuelle :",
        "كانت تلك الإجابة لسؤال سابق. هذا هو السؤال الحالي:",
    ),
    "plan_intro": (
        "Hagamos tu plan: son unas preguntas cortas. Escribe «menú» para salir.",
        "Let's make your plan: a few short questions. Type “menu” to leave.",
        "Faisons ton plan : quelques questions courtes. Écris « menu » pour sortir.",
        "لنُعدّ خطتك: بضعة أسئلة قصيرة. اكتب «القائمة» للخروج.",
    ),
    "hint_multiple": (
        "Puedes elegir varias: escribe los números separados por comas (ej.: 1,3).",
        "You can choose several: type the numbers separated by commas (e.g. 1,3).",
        "Tu peux en choisir plusieurs : écris les numéros séparés par des virgules (ex. : 1,3).",
        "يمكنك اختيار أكثر من واحد: اكتب الأرقام مفصولة بفواصل (مثال: 1,3).",
    ),
    "hint_skip": (
        "Escribe 0 si ninguna aplica.",
        "Type 0 if none applies.",
        "Écris 0 si aucune ne convient.",
        "اكتب 0 إذا لم ينطبق أي خيار.",
    ),
    "hint_number": ("Escribe un número.", "Type a number.", "Écris un nombre.", "اكتب رقمًا."),
    "hint_country": (
        "Escribe el nombre del país.",
        "Type the name of the country.",
        "Écris le nom du pays.",
        "اكتب اسم البلد.",
    ),
    "hint_place": (
        "Escribe el nombre de tu municipio.",
        "Type the name of your municipality.",
        "Écris le nom de ta commune.",
        "اكتب اسم بلديتك.",
    ),
    "place_pick": (
        "Encontré varios lugares. ¿Cuál es el tuyo?",
        "I found several places. Which one is yours?",
        "J'ai trouvé plusieurs lieux. Lequel est le tien ?",
        "وجدت عدة أماكن. أيها مكانك؟",
    ),
    "place_not_found": (
        "No encontré ese lugar. Revisa cómo se escribe e inténtalo de nuevo.",
        "I couldn't find that place. Check the spelling and try again.",
        "Je n'ai pas trouvé ce lieu. Vérifie l'orthographe et réessaie.",
        "لم أجد هذا المكان. تحقق من الكتابة وحاول مرة أخرى.",
    ),
    "plan_done": (
        "¡Tu plan está listo!",
        "Your plan is ready!",
        "Ton plan est prêt !",
        "خطتك جاهزة!",
    ),
    "plan_fits": (
        "Caminos regulares para ti:",
        "Regular pathways for you:",
        "Voies régulières pour toi :",
        "مسارات نظامية تناسبك:",
    ),
    "plan_documents": (
        "Documentos que necesitas:",
        "Documents you need:",
        "Documents à obtenir :",
        "الوثائق التي تحتاجها:",
    ),
    "plan_opportunities": (
        "Oportunidades cerca de ti: %(count)s",
        "Opportunities near you: %(count)s",
        "Opportunités près de toi : %(count)s",
        "فرص قريبة منك: %(count)s",
    ),
    "plan_point": (
        "Punto de información:",
        "Information point:",
        "Point d'information :",
        "نقطة المعلومات:",
    ),
    "plan_link": (
        "Tu plan completo (es privado, no lo compartas): %(link)s",
        "Your full plan (it is private, do not share it): %(link)s",
        "Ton plan complet (il est privé, ne le partage pas) : %(link)s",
        "خطتك الكاملة (خاصة، لا تشاركها): %(link)s",
    ),
    "plan_pdf": ("Tu plan en PDF.", "Your plan as a PDF.", "Ton plan en PDF.", "خطتك بصيغة PDF."),
    "search_ask": (
        "¿Qué buscas? Escribe una palabra, por ejemplo «pasaporte».",
        "What are you looking for? Type a word, for example “passport”.",
        "Que cherches-tu ? Écris un mot, par exemple « passeport ».",
        "عمّ تبحث؟ اكتب كلمة، مثل «جواز سفر».",
    ),
    "search_none": (
        "No encontré nada sobre eso. Prueba otra palabra.",
        "I found nothing about that. Try another word.",
        "Je n'ai rien trouvé. Essaie un autre mot.",
        "لم أجد شيئًا عن ذلك. جرّب كلمة أخرى.",
    ),
    "search_more": (
        "Escribe otra palabra para buscar, o «menú».",
        "Type another word to search, or “menu”.",
        "Écris un autre mot pour chercher, ou « menu ».",
        "اكتب كلمة أخرى للبحث، أو «القائمة».",
    ),
    "nearest_ask": (
        "Comparte tu ubicación o escribe el nombre de tu municipio.",
        "Share your location or type the name of your municipality.",
        "Partage ta position ou écris le nom de ta commune.",
        "شارك موقعك أو اكتب اسم بلديتك.",
    ),
    "nearest_none": (
        "No encontré puntos de información.",
        "I found no information points.",
        "Je n'ai trouvé aucun point d'information.",
        "لم أجد نقاط معلومات.",
    ),
    "open_now": ("Abierto ahora", "Open now", "Ouvert maintenant", "مفتوح الآن"),
    "closed_now": ("Cerrado ahora", "Closed now", "Fermé maintenant", "مغلق الآن"),
    "consent_ask": (
        "Para pedir la cita guardamos tu nombre y tu número, cifrados, solo para que el punto "
        "te contacte. ¿Estás de acuerdo?",
        "To request the appointment we keep your name and number, encrypted, only so the "
        "point can contact you. Do you agree?",
        "Pour demander le rendez-vous, nous gardons ton nom et ton numéro, chiffrés, seulement "
        "pour que le point te contacte. Es-tu d'accord ?",
        "لطلب الموعد نحفظ اسمك ورقمك مشفّرين، فقط ليتواصل معك المركز. هل توافق؟",
    ),
    "consent_refused": (
        "Entendido, no guardamos nada. Escribe «menú» para seguir.",
        "Understood, we keep nothing. Type “menu” to continue.",
        "Compris, nous ne gardons rien. Écris « menu » pour continuer.",
        "مفهوم، لن نحفظ شيئًا. اكتب «القائمة» للمتابعة.",
    ),
    "appointment_point": (
        "¿En qué punto?",
        "At which point?",
        "Dans quel point ?",
        "في أي نقطة؟",
    ),
    "appointment_topic": ("¿Sobre qué tema?", "About what?", "À quel sujet ?", "حول أي موضوع؟"),
    "appointment_day": (
        "¿Qué día prefieres?",
        "Which day suits you?",
        "Quel jour préfères-tu ?",
        "أي يوم تفضل؟",
    ),
    "appointment_slot": ("¿A qué hora?", "At what time?", "À quel moment ?", "في أي وقت؟"),
    "appointment_name": (
        "¿Cómo te llamamos? Un nombre o apodo.",
        "What should we call you? A name or nickname.",
        "Comment t'appeler ? Un prénom ou un surnom.",
        "بماذا نناديك؟ اسم أو لقب.",
    ),
    "appointment_phone": (
        "¿A qué número de teléfono te llamamos?",
        "Which phone number should we call?",
        "À quel numéro de téléphone t'appeler ?",
        "على أي رقم هاتف نتصل بك؟",
    ),
    "appointment_done": (
        "Cita pedida en %(point)s. Tu código: %(reference)s. Te contactarán pronto.",
        "Appointment requested at %(point)s. Your code: %(reference)s. They will contact you soon.",
        "Rendez-vous demandé à %(point)s. Ton code : %(reference)s. On te contactera bientôt.",
        "تم طلب الموعد في %(point)s. رمزك: %(reference)s. سيتواصلون معك قريبًا.",
    ),
    "handoff_started": (
        "Una persona de %(point)s te responderá aquí. Guardamos esta conversación cifrada "
        "mientras te atienden. Escribe tu pregunta, o «menú» para terminar.",
        "Someone from %(point)s will answer you here. We keep this conversation encrypted "
        "while they help you. Type your question, or “menu” to end.",
        "Une personne de %(point)s te répondra ici. Nous gardons cette conversation chiffrée "
        "pendant qu'on t'aide. Écris ta question, ou « menu » pour terminer.",
        "سيرد عليك شخص من %(point)s هنا. نحفظ هذه المحادثة مشفّرة أثناء مساعدتك. "
        "اكتب سؤالك، أو «القائمة» للإنهاء.",
    ),
    "handoff_closed": (
        "La conversación con %(point)s terminó. Escribe «menú» para seguir.",
        "The conversation with %(point)s has ended. Type “menu” to continue.",
        "La conversation avec %(point)s est terminée. Écris « menu » pour continuer.",
        "انتهت المحادثة مع %(point)s. اكتب «القائمة» للمتابعة.",
    ),
    "staff_reply": (
        "%(point)s: %(text)s",
        "%(point)s: %(text)s",
        "%(point)s : %(text)s",
        "%(point)s: %(text)s",
    ),
    "gave_up": (
        "Parece que no logro ayudarte. ¿Quieres hablar con una persona?",
        "It seems I can't help you. Would you like to talk to a person?",
        "On dirait que je n'arrive pas à t'aider. Veux-tu parler à une personne ?",
        "يبدو أنني لا أستطيع مساعدتك. هل تريد التحدث مع شخص؟",
    ),
    "language_ask": (
        "Elige tu idioma.",
        "Choose your language.",
        "Choisis ta langue.",
        "اختر لغتك.",
    ),
    "language_set": (
        "Listo, te escribiré en español.",
        "Done, I will write to you in English.",
        "C'est fait, je t'écrirai en français.",
        "تم، سأكتب لك بالعربية.",
    ),
    "erase_confirm": (
        "¿Borrar todos tus datos? Se borran tu plan, esta conversación y tu número. No se puede "
        "deshacer.",
        "Erase all your data? Your plan, this conversation and your number are deleted. This "
        "cannot be undone.",
        "Effacer toutes tes données ? Ton plan, cette conversation et ton numéro sont "
        "supprimés. C'est définitif.",
        "حذف كل بياناتك؟ ستُحذف خطتك وهذه المحادثة ورقمك. لا يمكن التراجع.",
    ),
    "erase_done": (
        "Listo: borramos todos tus datos. Si nos escribes otra vez, empezamos de cero.",
        "Done: we erased all your data. If you write again, we start from scratch.",
        "C'est fait : nous avons effacé toutes tes données. Si tu réécris, on recommence à zéro.",
        "تم: حذفنا كل بياناتك. إذا كتبت مرة أخرى نبدأ من جديد.",
    ),
    "erase_kept": (
        "No borramos nada. Escribe «menú» para seguir.",
        "Nothing was erased. Type “menu” to continue.",
        "Rien n'a été effacé. Écris « menu » pour continuer.",
        "لم يُحذف شيء. اكتب «القائمة» للمتابعة.",
    ),
    "window_closed": (
        "Un asesor te respondió. Escríbenos para leer su respuesta.",
        "An advisor answered you. Write to us to read the answer.",
        "Un conseiller t'a répondu. Écris-nous pour lire sa réponse.",
        "رد عليك مستشار. راسلنا لقراءة الرد.",
    ),
}

# Words that open each menu entry, in every language, folded (no accents, lower case).
INTENT_WORDS: dict[str, tuple[str, ...]] = {
    "menu": (
        "menu",
        "inicio",
        "hola",
        "start",
        "/start",
        "hello",
        "hi",
        "ayuda",
        "help",
        "aide",
        "bonjour",
        "salut",
        "قائمة",
        "القائمة",
        "مرحبا",
    ),
    "plan": (
        "plan",
        "mi plan",
        "hacer mi plan",
        "make my plan",
        "faire mon plan",
        "cuestionario",
        "questionnaire",
        "خطة",
        "خطتي",
    ),
    "search": ("buscar", "guias", "guia", "search", "guides", "chercher", "recherche", "بحث"),
    "nearest": (
        "punto",
        "punto cercano",
        "cerca",
        "oficina",
        "nearest",
        "near",
        "office",
        "point",
        "proche",
        "bureau",
        "أقرب",
        "نقطة",
    ),
    "appointment": ("cita", "pedir cita", "appointment", "book", "rendez-vous", "rdv", "موعد"),
    "person": (
        "persona",
        "humano",
        "asesor",
        "asesora",
        "agente",
        "hablar",
        "person",
        "human",
        "advisor",
        "agent",
        "personne",
        "conseiller",
        "parler",
        "شخص",
        "مستشار",
    ),
    "language": ("idioma", "language", "langue", "لغة", "اللغة"),
    "erase": (
        "borrar",
        "borrar mis datos",
        "eliminar",
        "erase",
        "delete",
        "effacer",
        "supprimer",
        "حذف",
        "احذف",
    ),
}

LANGUAGE_NAMES = {"es": "Español", "en": "English", "fr": "Français", "ar": "العربية"}

_overrides: KeptInProcess[dict[str, dict[str, str]]] = KeptInProcess(seconds=60)


def _overrides_read() -> dict[str, dict[str, str]]:
    from rumbo.chat.models import ChatText

    found: dict[str, dict[str, str]] = {}
    for row in ChatText.objects.all():
        for language in LANGUAGES:
            value = getattr(row, f"text_{language}", "") or ""
            if value.strip():
                found.setdefault(row.key, {})[language] = value
    return found


def texts_cache_clear() -> None:
    _overrides.clear()


def text(key: str, language: str | None = None, **params: object) -> str:
    """The text `key` in `language` (default: the active one), edited content first."""
    language = (language or get_language() or "es").split("-")[0]
    if language not in LANGUAGES:
        language = "es"
    edited = _overrides.get("all", _overrides_read).get(key, {})
    value = edited.get(language) or DEFAULTS[key][LANGUAGES.index(language)]
    return value % params if params else value
