"""Fills the app's catalogues: `python rumbo/infopoints/locale/translations.py` after
makemessages. English copies the msgid; every other language must be listed here."""

from pathlib import Path

import polib

T: dict[str, tuple[str, str, str]] = {
    # msgid: (es, fr, ar)
    "confirmation": ("confirmación", "confirmation", "التأكيد"),
    "Overdue": ("Vencida", "En retard", "متأخر"),
    "Up to date": ("Al día", "À jour", "محدّث"),
    "Mark as confirmed today": (
        "Marcar como confirmado hoy",
        "Marquer comme confirmé aujourd'hui",
        "وضع علامة مؤكد اليوم",
    ),
    "HSDS export (zip)": ("Exportación HSDS (zip)", "Export HSDS (zip)", "تصدير HSDS (zip)"),
    "A zip written by Rumbo's HSDS export, or in the same layout.": (
        "Un zip creado por la exportación HSDS de Rumbo, o con la misma estructura.",
        "Un zip produit par l'export HSDS de Rumbo, ou de même structure.",
        "ملف zip أنشأه تصدير HSDS في Rumbo، أو بالبنية نفسها.",
    ),
    "The file is larger than 50 MB.": (
        "El archivo pesa más de 50 MB.",
        "Le fichier dépasse 50 Mo.",
        "حجم الملف أكبر من 50 ميغابايت.",
    ),
    "Imported %(points)d information points.": (
        "Se importaron %(points)d puntos de información.",
        "%(points)d points d'information importés.",
        "تم استيراد %(points)d من نقاط المعلومات.",
    ),
    "Import information points (HSDS 3.0)": (
        "Importar puntos de información (HSDS 3.0)",
        "Importer des points d'information (HSDS 3.0)",
        "استيراد نقاط المعلومات (HSDS 3.0)",
    ),
    "Information points": ("Puntos de información", "Points d'information", "نقاط المعلومات"),
    "Find the nearest place that gives free advice, open now, in your language.": (
        "Encuentra el lugar más cercano que da orientación gratuita, abierto ahora y en tu idioma.",
        "Trouvez le lieu le plus proche qui conseille gratuitement, ouvert maintenant, dans votre langue.",
        "اعثر على أقرب مكان يقدم المشورة مجانًا، مفتوح الآن وبلغتك.",
    ),
    "Country": ("País", "Pays", "البلد"),
    "State or department": ("Estado o departamento", "État ou département", "الولاية أو المقاطعة"),
    "Municipality": ("Municipio", "Commune", "البلدية"),
    "Or type the name of your town": (
        "O escribe el nombre de tu municipio",
        "Ou tapez le nom de votre commune",
        "أو اكتب اسم بلدتك",
    ),
    "Service": ("Servicio", "Service", "الخدمة"),
    "Language spoken": ("Idioma que se habla", "Langue parlée", "اللغة المستخدمة"),
    "Open now": ("Abierto ahora", "Ouvert maintenant", "مفتوح الآن"),
    "Choose a country": ("Elige un país", "Choisissez un pays", "اختر بلدًا"),
    "Any service": ("Cualquier servicio", "Tous les services", "أي خدمة"),
    "Any language": ("Cualquier idioma", "Toutes les langues", "أي لغة"),
    "Choose a state or department": (
        "Elige un estado o departamento",
        "Choisissez un État ou un département",
        "اختر ولاية أو مقاطعة",
    ),
    "Choose a municipality": ("Elige un municipio", "Choisissez une commune", "اختر بلدية"),
    "Choose a state or department of the country you picked.": (
        "Elige un estado o departamento del país que escogiste.",
        "Choisissez un État ou un département du pays choisi.",
        "اختر ولاية أو مقاطعة من البلد الذي اخترته.",
    ),
    "This municipality is not in our list. Please choose it again.": (
        "Este municipio no está en nuestra lista. Elígelo de nuevo, por favor.",
        "Cette commune n'est pas dans notre liste. Choisissez-la à nouveau.",
        "هذه البلدية ليست في قائمتنا. يرجى اختيارها من جديد.",
    ),
    "Your location arrived incomplete. Please try again or choose your town.": (
        "Tu ubicación llegó incompleta. Inténtalo de nuevo o elige tu municipio.",
        "Votre position est arrivée incomplète. Réessayez ou choisissez votre commune.",
        "وصل موقعك ناقصًا. حاول مرة أخرى أو اختر بلدتك.",
    ),
    "%(value)s is not an IANA time zone (for example America/Guatemala).": (
        "%(value)s no es una zona horaria IANA (por ejemplo America/Guatemala).",
        "%(value)s n'est pas un fuseau horaire IANA (par exemple America/Guatemala).",
        "%(value)s ليست منطقة زمنية من IANA (مثل America/Guatemala).",
    ),
    "%(value)s is not an ISO 639-3 language code (for example spa, quc, cab, miq).": (
        "%(value)s no es un código de idioma ISO 639-3 (por ejemplo spa, quc, cab, miq).",
        "%(value)s n'est pas un code de langue ISO 639-3 (par exemple spa, quc, cab, miq).",
        "%(value)s ليس رمز لغة وفق ISO 639-3 (مثل spa وquc وcab وmiq).",
    ),
    "Write the number in international form, e.g. +50222223333 (no spaces).": (
        "Escribe el número en formato internacional, p. ej. +50222223333 (sin espacios).",
        "Écrivez le numéro au format international, p. ex. +50222223333 (sans espaces).",
        "اكتب الرقم بالصيغة الدولية، مثل +50222223333 (بدون مسافات).",
    ),
    "code": ("código", "code", "الرمز"),
    "name": ("nombre", "nom", "الاسم"),
    "description": ("descripción", "description", "الوصف"),
    "order": ("orden", "ordre", "الترتيب"),
    "service": ("servicio", "service", "خدمة"),
    "services": ("servicios", "services", "الخدمات"),
    "Open as usual": ("Abierto como siempre", "Ouvert comme d'habitude", "مفتوح كالمعتاد"),
    "Temporarily closed": ("Cerrado temporalmente", "Fermé temporairement", "مغلق مؤقتًا"),
    "Closed for good": ("Cerrado definitivamente", "Fermé définitivement", "مغلق نهائيًا"),
    "organisation": ("organización", "organisation", "المنظمة"),
    "identifier": ("identificador", "identifiant", "المعرّف"),
    "street address": ("dirección", "adresse", "العنوان"),
    "Street, number and neighbourhood.": (
        "Calle, número y colonia o barrio.",
        "Rue, numéro et quartier.",
        "الشارع والرقم والحي.",
    ),
    "postal code": ("código postal", "code postal", "الرمز البريدي"),
    "municipality": ("municipio", "commune", "البلدية"),
    "The municipality or city of the gazetteer the point is in.": (
        "El municipio o ciudad del nomenclátor donde está el punto.",
        "La commune ou ville du répertoire géographique où se trouve le point.",
        "البلدية أو المدينة من المعجم الجغرافي التي تقع فيها النقطة.",
    ),
    "latitude": ("latitud", "latitude", "خط العرض"),
    "longitude": ("longitud", "longitude", "خط الطول"),
    "time zone": ("zona horaria", "fuseau horaire", "المنطقة الزمنية"),
    "IANA name, e.g. America/Guatemala. Opening hours are in this time zone.": (
        "Nombre IANA, p. ej. America/Guatemala. El horario está en esta zona horaria.",
        "Nom IANA, p. ex. America/Guatemala. Les horaires sont dans ce fuseau.",
        "اسم IANA، مثل America/Guatemala. مواعيد العمل بهذه المنطقة الزمنية.",
    ),
    "email": ("correo electrónico", "courriel", "البريد الإلكتروني"),
    "website": ("sitio web", "site web", "الموقع الإلكتروني"),
    "accessibility": ("accesibilidad", "accessibilité", "إمكانية الوصول"),
    "Step-free access, sign language, toilets, ... as a short text.": (
        "Acceso sin escalones, lengua de señas, baños... en un texto breve.",
        "Accès de plain-pied, langue des signes, toilettes... en un court texte.",
        "مدخل بلا درج، لغة الإشارة، دورات المياه... في نص قصير.",
    ),
    "status": ("estado", "statut", "الحالة"),
    "last confirmed": ("última confirmación", "dernière confirmation", "آخر تأكيد"),
    "When the organisation last confirmed that these details are right.": (
        "Cuándo confirmó la organización por última vez que estos datos son correctos.",
        "Quand l'organisation a confirmé pour la dernière fois que ces informations sont exactes.",
        "آخر مرة أكدت فيها المنظمة صحة هذه البيانات.",
    ),
    "updated": ("actualizado", "mis à jour", "تاريخ التحديث"),
    "information point": ("punto de información", "point d'information", "نقطة معلومات"),
    "information points": ("puntos de información", "points d'information", "نقاط المعلومات"),
    "Landline": ("Teléfono fijo", "Fixe", "هاتف أرضي"),
    "Mobile": ("Celular", "Mobile", "هاتف محمول"),
    "Text messages only": ("Solo mensajes de texto", "SMS uniquement", "رسائل نصية فقط"),
    "point": ("punto", "point", "النقطة"),
    "number": ("número", "numéro", "الرقم"),
    "extension": ("extensión", "poste", "التحويلة"),
    "kind": ("tipo", "type", "النوع"),
    "WhatsApp": ("WhatsApp", "WhatsApp", "واتساب"),
    "phone": ("teléfono", "téléphone", "هاتف"),
    "phones": ("teléfonos", "téléphones", "الهواتف"),
    "Monday": ("Lunes", "Lundi", "الاثنين"),
    "Tuesday": ("Martes", "Mardi", "الثلاثاء"),
    "Wednesday": ("Miércoles", "Mercredi", "الأربعاء"),
    "Thursday": ("Jueves", "Jeudi", "الخميس"),
    "Friday": ("Viernes", "Vendredi", "الجمعة"),
    "Saturday": ("Sábado", "Samedi", "السبت"),
    "Sunday": ("Domingo", "Dimanche", "الأحد"),
    "day": ("día", "jour", "اليوم"),
    "opens": ("abre", "ouvre", "يفتح"),
    "closes": ("cierra", "ferme", "يغلق"),
    "opening hours": ("horario", "horaires", "مواعيد العمل"),
    "Closing time must be after opening time.": (
        "La hora de cierre debe ser posterior a la de apertura.",
        "L'heure de fermeture doit suivre l'heure d'ouverture.",
        "يجب أن يكون وقت الإغلاق بعد وقت الفتح.",
    ),
    "Holiday": ("Día festivo", "Jour férié", "عطلة"),
    "Temporary closure": ("Cierre temporal", "Fermeture temporaire", "إغلاق مؤقت"),
    "Special hours": ("Horario especial", "Horaires spéciaux", "مواعيد خاصة"),
    "from": ("desde", "du", "من"),
    "until (inclusive)": ("hasta (incluido)", "au (inclus)", "إلى (ضمنًا)"),
    "exception to the opening hours": (
        "excepción al horario",
        "exception aux horaires",
        "استثناء من مواعيد العمل",
    ),
    "exceptions to the opening hours": (
        "excepciones al horario",
        "exceptions aux horaires",
        "استثناءات من مواعيد العمل",
    ),
    "The end date must not be before the start date.": (
        "La fecha final no puede ser anterior a la inicial.",
        "La date de fin ne peut précéder la date de début.",
        "لا يجوز أن يسبق تاريخ الانتهاء تاريخ البدء.",
    ),
    "Give both the opening and the closing time, or neither.": (
        "Indica la hora de apertura y la de cierre, o ninguna.",
        "Indiquez l'heure d'ouverture et de fermeture, ou aucune.",
        "أدخل وقتي الفتح والإغلاق معًا أو لا تدخل أيًّا منهما.",
    ),
    "Special hours need an opening and a closing time.": (
        "Un horario especial necesita hora de apertura y de cierre.",
        "Des horaires spéciaux exigent une heure d'ouverture et de fermeture.",
        "تحتاج المواعيد الخاصة إلى وقت فتح ووقت إغلاق.",
    ),
    "Only special hours have times; holidays and closures close.": (
        "Solo los horarios especiales llevan horas; los festivos y cierres cierran.",
        "Seuls les horaires spéciaux ont des heures ; jours fériés et fermetures ferment.",
        "المواعيد الخاصة وحدها لها أوقات؛ العطل والإغلاقات تعني الإغلاق.",
    ),
    "ISO 639-3 code": ("código ISO 639-3", "code ISO 639-3", "رمز ISO 639-3"),
    "language spoken": ("idioma que se habla", "langue parlée", "لغة مستخدمة"),
    "languages spoken": ("idiomas que se hablan", "langues parlées", "اللغات المستخدمة"),
    "point awaiting confirmation": (
        "punto pendiente de confirmar",
        "point à confirmer",
        "نقطة بانتظار التأكيد",
    ),
    "points awaiting confirmation": (
        "puntos pendientes de confirmar",
        "points à confirmer",
        "نقاط بانتظار التأكيد",
    ),
    "your location": ("tu ubicación", "votre position", "موقعك"),
    "Points in the file are created, or updated when their id is already known. If anything in the file is wrong, nothing is imported and every problem is listed below.": (
        "Los puntos del archivo se crean, o se actualizan si su id ya existe. Si algo del archivo está mal, no se importa nada y cada problema aparece abajo.",
        "Les points du fichier sont créés, ou mis à jour si leur id est déjà connu. Si quelque chose est faux dans le fichier, rien n'est importé et chaque problème est listé ci-dessous.",
        "تُنشأ النقاط الواردة في الملف، أو تُحدَّث إذا كان معرّفها معروفًا. إذا كان في الملف أي خطأ فلن يُستورد شيء وتُعرض كل مشكلة أدناه.",
    ),
    "Import": ("Importar", "Importer", "استيراد"),
    "Export HSDS 3.0 (zip)": (
        "Exportar HSDS 3.0 (zip)",
        "Exporter HSDS 3.0 (zip)",
        "تصدير HSDS 3.0 (zip)",
    ),
    "Import HSDS 3.0": ("Importar HSDS 3.0", "Importer HSDS 3.0", "استيراد HSDS 3.0"),
    "Call": ("Llamar al", "Appeler le", "اتصل بـ"),
    "Directions": ("Cómo llegar", "Itinéraire", "الاتجاهات"),
    "Open in my map app": (
        "Abrir en mi app de mapas",
        "Ouvrir dans mon appli de cartes",
        "افتح في تطبيق الخرائط",
    ),
    "closes at %(time)s": ("cierra a las %(time)s", "ferme à %(time)s", "يغلق الساعة %(time)s"),
    "open day and night": ("abierto día y noche", "ouvert jour et nuit", "مفتوح ليلًا ونهارًا"),
    "Closed": ("Cerrado", "Fermé", "مغلق"),
    "opens today at %(time)s": (
        "abre hoy a las %(time)s",
        "ouvre aujourd'hui à %(time)s",
        "يفتح اليوم الساعة %(time)s",
    ),
    "opens tomorrow at %(time)s": (
        "abre mañana a las %(time)s",
        "ouvre demain à %(time)s",
        "يفتح غدًا الساعة %(time)s",
    ),
    "opens on %(day)s at %(time)s": (
        "abre el %(day)s a las %(time)s",
        "ouvre le %(day)s à %(time)s",
        "يفتح يوم %(day)s الساعة %(time)s",
    ),
    "Finding your location…": (
        "Buscando tu ubicación…",
        "Recherche de votre position…",
        "جارٍ تحديد موقعك…",
    ),
    "We could not get your location. Choose your town instead.": (
        "No pudimos obtener tu ubicación. Elige tu municipio.",
        "Impossible d'obtenir votre position. Choisissez plutôt votre commune.",
        "تعذر الحصول على موقعك. اختر بلدتك بدلًا من ذلك.",
    ),
    "The location sent by your browser is not valid. Choose your town instead.": (
        "La ubicación que envió tu navegador no es válida. Elige tu municipio.",
        "La position envoyée par votre navigateur n'est pas valide. Choisissez plutôt votre commune.",
        "الموقع الذي أرسله متصفحك غير صالح. اختر بلدتك بدلًا من ذلك.",
    ),
    "Use my location": ("Usar mi ubicación", "Utiliser ma position", "استخدم موقعي"),
    "Search": ("Buscar", "Rechercher", "بحث"),
    "Search again": ("Buscar de nuevo", "Nouvelle recherche", "ابحث من جديد"),
    "Or choose your municipality": (
        "O elige tu municipio",
        "Ou choisissez votre commune",
        "أو اختر بلديتك",
    ),
    "Municipalities starting with:": (
        "Municipios que empiezan por:",
        "Communes commençant par :",
        "البلديات التي تبدأ بـ:",
    ),
    "Show the nearest points": (
        "Ver los puntos más cercanos",
        "Voir les points les plus proches",
        "اعرض أقرب النقاط",
    ),
    "Continue": ("Continuar", "Continuer", "متابعة"),
    "What do you need?": ("¿Qué necesitas?", "De quoi avez-vous besoin ?", "ماذا تحتاج؟"),
    "Apply": ("Aplicar", "Appliquer", "تطبيق"),
    "All information points": (
        "Todos los puntos de información",
        "Tous les points d'information",
        "كل نقاط المعلومات",
    ),
    "demo record": ("registro de demostración", "donnée de démonstration", "سجل تجريبي"),
    "Address and contact": ("Dirección y contacto", "Adresse et contact", "العنوان والتواصل"),
    "Website": ("Sitio web", "Site web", "الموقع الإلكتروني"),
    "Opening hours": ("Horario", "Horaires", "مواعيد العمل"),
    "Local time (%(zone)s).": (
        "Hora local (%(zone)s).",
        "Heure locale (%(zone)s).",
        "بالتوقيت المحلي (%(zone)s).",
    ),
    "Changes to these hours": (
        "Cambios a este horario",
        "Changements d'horaires",
        "تغييرات على هذه المواعيد",
    ),
    "%(start)s to %(end)s": (
        "del %(start)s al %(end)s",
        "du %(start)s au %(end)s",
        "من %(start)s إلى %(end)s",
    ),
    "open %(opens)s–%(closes)s only": (
        "abierto solo de %(opens)s a %(closes)s",
        "ouvert seulement de %(opens)s à %(closes)s",
        "مفتوح فقط من %(opens)s إلى %(closes)s",
    ),
    "closed": ("cerrado", "fermé", "مغلق"),
    "Services": ("Servicios", "Services", "الخدمات"),
    "Ask the point what it can help with.": (
        "Pregunta al punto en qué puede ayudarte.",
        "Demandez au point en quoi il peut aider.",
        "اسأل النقطة عمّا يمكنها المساعدة فيه.",
    ),
    "Languages spoken": ("Idiomas que se hablan", "Langues parlées", "اللغات المستخدمة"),
    "Accessibility": ("Accesibilidad", "Accessibilité", "إمكانية الوصول"),
    "Details confirmed on %(date)s.": (
        "Datos confirmados el %(date)s.",
        "Informations confirmées le %(date)s.",
        "تم تأكيد البيانات في %(date)s.",
    ),
    "Details confirmed on %(date)s": (
        "Datos confirmados el %(date)s",
        "Informations confirmées le %(date)s",
        "تم تأكيد البيانات في %(date)s",
    ),
    "These details have not been confirmed yet.": (
        "Estos datos aún no se han confirmado.",
        "Ces informations n'ont pas encore été confirmées.",
        "لم يتم تأكيد هذه البيانات بعد.",
    ),
    "They may be out of date: call before you go.": (
        "Pueden estar desactualizados: llama antes de ir.",
        "Elles peuvent être dépassées : appelez avant d'y aller.",
        "قد تكون قديمة: اتصل قبل أن تذهب.",
    ),
    "Free, confidential advice near you on migrating safely and on opportunities at home.": (
        "Orientación gratuita y confidencial cerca de ti sobre cómo migrar de forma segura y sobre oportunidades en tu país.",
        "Des conseils gratuits et confidentiels près de chez vous pour migrer en sécurité et sur les opportunités au pays.",
        "مشورة مجانية وسرية بالقرب منك حول الهجرة الآمنة والفرص في بلدك.",
    ),
    "Which place do you mean?": (
        "¿A qué lugar te refieres?",
        "De quel lieu s'agit-il ?",
        "أي مكان تقصد؟",
    ),
    "We found no town called “%(name)s”. Check the spelling, or choose your municipality from the lists.": (
        "No encontramos ningún municipio llamado «%(name)s». Revisa cómo lo escribiste o elige tu municipio en las listas.",
        "Aucune commune nommée « %(name)s ». Vérifiez l'orthographe ou choisissez votre commune dans les listes.",
        "لم نجد بلدة باسم «%(name)s». تحقق من الكتابة أو اختر بلديتك من القوائم.",
    ),
    "Nearest to %(place)s": (
        "Más cercanos a %(place)s",
        "Les plus proches de %(place)s",
        "الأقرب إلى %(place)s",
    ),
    "Show these points on a map": (
        "Ver estos puntos en un mapa",
        "Voir ces points sur une carte",
        "اعرض هذه النقاط على خريطة",
    ),
    "No information point matches these filters. Try without “open now” or with another service or language.": (
        "Ningún punto de información coincide con estos filtros. Prueba sin «abierto ahora» o con otro servicio o idioma.",
        "Aucun point d'information ne correspond à ces filtres. Essayez sans « ouvert maintenant » ou avec un autre service ou une autre langue.",
        "لا توجد نقطة معلومات تطابق هذه المرشحات. جرّب دون «مفتوح الآن» أو بخدمة أو لغة أخرى.",
    ),
    "Map of information points": (
        "Mapa de puntos de información",
        "Carte des points d'information",
        "خريطة نقاط المعلومات",
    ),
    "Back to the list": ("Volver a la lista", "Retour à la liste", "العودة إلى القائمة"),
    "The nearest points around %(place)s (the cross). Drawn without a street map, to save your data.": (
        "Los puntos más cercanos a %(place)s (la cruz). Dibujado sin mapa de calles, para ahorrar tus datos.",
        "Les points les plus proches de %(place)s (la croix). Dessiné sans plan des rues, pour économiser vos données.",
        "أقرب النقاط حول %(place)s (العلامة +). مرسومة دون خريطة شوارع لتوفير بياناتك.",
    ),
    "Information points around %(place)s": (
        "Puntos de información alrededor de %(place)s",
        "Points d'information autour de %(place)s",
        "نقاط المعلومات حول %(place)s",
    ),
    "Choose a place first: the map shows the points nearest to it.": (
        "Elige primero un lugar: el mapa muestra los puntos más cercanos a él.",
        "Choisissez d'abord un lieu : la carte montre les points les plus proches.",
        "اختر مكانًا أولًا: تعرض الخريطة أقرب النقاط إليه.",
    ),
    "%(metres)s m": ("%(metres)s m", "%(metres)s m", "%(metres)s م"),
    "%(km)s km": ("%(km)s km", "%(km)s km", "%(km)s كم"),
}

PLURALS: dict[str, dict[str, list[str]]] = {
    "%(count)d point marked as confirmed.": {
        "es": [
            "%(count)d punto marcado como confirmado.",
            "%(count)d puntos marcados como confirmados.",
        ],
        "fr": [
            "%(count)d point marqué comme confirmé.",
            "%(count)d points marqués comme confirmés.",
        ],
        "ar": ["تم تأكيد %(count)d نقطة."] * 6,
    },
    "%(counter)s problem; nothing was imported.": {
        "es": [
            "%(counter)s problema; no se importó nada.",
            "%(counter)s problemas; no se importó nada.",
        ],
        "fr": [
            "%(counter)s problème ; rien n'a été importé.",
            "%(counter)s problèmes ; rien n'a été importé.",
        ],
        "ar": ["%(counter)s مشكلة؛ لم يُستورد شيء."] * 6,
    },
}

LOCALE = Path(__file__).resolve().parent


def fill() -> list[str]:
    missing = []
    for index, language in enumerate(["es", "fr", "ar"]):
        po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
        for entry in po:
            if entry.msgid_plural:
                forms = PLURALS.get(entry.msgid, {}).get(language)
                if not forms:
                    missing.append(entry.msgid)
                    continue
                count = len(entry.msgstr_plural) or 2
                entry.msgstr_plural = {n: forms[min(n, len(forms) - 1)] for n in range(count)}
            elif entry.msgid in T:
                entry.msgstr = T[entry.msgid][index]
            else:
                missing.append(entry.msgid)
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        po.save()
    po = polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.po"))
    for entry in po:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
    po.save()
    return sorted(set(missing))


if __name__ == "__main__":
    print("\n".join(fill()) or "all translated")
