"""Demo opportunities: invented partner organisations offering the kinds of programme found in
the five countries (national vocational training, youth employment programmes, scholarships,
seed capital, microcredit). Every organisation, address and phone number here is invented:
the numbers use the fictional 555 range and the web addresses the reserved `.example` domain.

Texts are Spanish first, then English, French and Arabic. A title may hold `{trade}`, filled
with the trade's name in the same language.
"""

from rumbo.core.models import Organisation

K = Organisation.Kind

# slug, kind, country, name (an invented proper name, kept in Spanish in every language)
ORGANISATIONS = [
    (
        "demo-capacitacion-soconusco",
        K.GOVERNMENT,
        "MX",
        "Centro de Capacitación para el Trabajo del Soconusco",
    ),
    (
        "demo-empleo-joven-chiapas",
        K.GOVERNMENT,
        "MX",
        "Programa Estatal de Empleo Joven de Chiapas",
    ),
    ("demo-fondo-emprende-sur", K.NGO, "MX", "Fondo Emprende Sur"),
    (
        "demo-universidad-intercultural",
        K.EDUCATION,
        "MX",
        "Universidad Intercultural de la Frontera",
    ),
    ("demo-camara-comercio-tabasco", K.PRIVATE, "MX", "Cámara de Comercio de Villahermosa"),
    ("demo-formacion-tecnica-gt", K.GOVERNMENT, "GT", "Instituto Técnico de Capacitación Laboral"),
    ("demo-becas-altiplano", K.NGO, "GT", "Fundación Becas del Altiplano"),
    ("demo-cooperativa-cafe-gt", K.PRIVATE, "GT", "Cooperativa de Caficultores de Huehuetenango"),
    ("demo-microfinanciera-quetzal", K.PRIVATE, "GT", "Microfinanciera Solidaria Quetzal"),
    ("demo-ventanilla-empleo-gt", K.GOVERNMENT, "GT", "Ventanilla Nacional de Empleo"),
    ("demo-formacion-tecnica-hn", K.GOVERNMENT, "HN", "Instituto Hondureño de Formación Técnica"),
    ("demo-empresas-valle-sula", K.PRIVATE, "HN", "Asociación de Empresas del Valle de Sula"),
    ("demo-incubadora-juvenil-hn", K.NGO, "HN", "Incubadora de Empresas Juveniles"),
    ("demo-honduras-aprende", K.GOVERNMENT, "HN", "Programa de Becas Honduras Aprende"),
    ("demo-escuela-turismo-caribe", K.EDUCATION, "HN", "Escuela de Turismo del Caribe"),
    (
        "demo-capacitacion-laboral-sv",
        K.GOVERNMENT,
        "SV",
        "Instituto Salvadoreño de Capacitación Laboral",
    ),
    ("demo-empleo-juvenil-sv", K.MUNICIPALITY, "SV", "Red Municipal de Empleo Juvenil"),
    ("demo-mujeres-emprenden", K.NGO, "SV", "Asociación Mujeres que Emprenden"),
    ("demo-tecnologico-oriente", K.EDUCATION, "SV", "Instituto Tecnológico de Oriente"),
    ("demo-tecnologico-occidente", K.EDUCATION, "NI", "Centro Tecnológico de Occidente"),
    ("demo-formacion-tecnica-ni", K.GOVERNMENT, "NI", "Programa Nacional de Formación Técnica"),
    ("demo-cooperativa-maribios", K.PRIVATE, "NI", "Cooperativa de Ahorro y Crédito Los Maribios"),
    ("demo-juventud-caribe-ni", K.NGO, "NI", "Fundación Juventud del Caribe"),
]

# Country calling codes, for the invented 555 numbers.
CALLING_CODES = {"MX": "52", "GT": "502", "HN": "504", "SV": "503", "NI": "505"}

TRADES = {
    "electricity": (
        "electricidad residencial",
        "residential electrics",
        "électricité du bâtiment",
        "الكهرباء المنزلية",
    ),
    "welding": ("soldadura", "welding", "soudure", "اللحام"),
    "cooking": ("cocina", "cooking", "cuisine", "الطبخ"),
    "barista": (
        "barismo y café de especialidad",
        "barista and specialty coffee",
        "barista et café de spécialité",
        "تحضير القهوة المختصة",
    ),
    "motorcycles": (
        "mecánica de motocicletas",
        "motorcycle mechanics",
        "mécanique moto",
        "ميكانيكا الدراجات النارية",
    ),
    "web": ("programación web", "web programming", "programmation web", "برمجة المواقع"),
    "tourism": (
        "turismo y hotelería",
        "tourism and hospitality",
        "tourisme et hôtellerie",
        "السياحة والضيافة",
    ),
    "garments": (
        "confección textil",
        "garment making",
        "confection textile",
        "الخياطة وصناعة الملابس",
    ),
    "solar": (
        "instalación de paneles solares",
        "solar panel installation",
        "installation de panneaux solaires",
        "تركيب الألواح الشمسية",
    ),
    "plumbing": ("fontanería", "plumbing", "plomberie", "السباكة"),
    "beauty": (
        "cosmetología y peluquería",
        "hairdressing and beauty",
        "coiffure et esthétique",
        "تصفيف الشعر والتجميل",
    ),
    "coffee": ("producción de café", "coffee growing", "culture du café", "زراعة البن"),
    "english": (
        "inglés para el trabajo",
        "English for work",
        "anglais professionnel",
        "الإنجليزية للعمل",
    ),
    "carpentry": ("carpintería", "carpentry", "menuiserie", "النجارة"),
    "cooling": (
        "refrigeración y aire acondicionado",
        "refrigeration and air conditioning",
        "froid et climatisation",
        "التبريد وتكييف الهواء",
    ),
}

STIPENDS = {
    "allowance": (
        "Apoyo mensual para transporte y alimentación",
        "Monthly allowance for transport and meals",
        "Indemnité mensuelle pour le transport et les repas",
        "بدل شهري للمواصلات والطعام",
    ),
    "wage": (
        "Salario mínimo legal o más, con prestaciones",
        "At least the legal minimum wage, with benefits",
        "Au moins le salaire minimum légal, avec avantages",
        "الحد الأدنى القانوني للأجر على الأقل، مع المزايا",
    ),
    "kit": (
        "Equipo e insumos por hasta unos 1500 USD",
        "Equipment and supplies worth up to about 1,500 USD",
        "Équipement et fournitures jusqu'à environ 1 500 USD",
        "معدات ومستلزمات بقيمة تصل إلى نحو 1500 دولار",
    ),
    "scholarship": (
        "Matrícula pagada y apoyo mensual",
        "Tuition paid and a monthly allowance",
        "Frais d'études payés et aide mensuelle",
        "رسوم دراسية مدفوعة وبدل شهري",
    ),
}

COSTS = {
    "materials": (
        "Cuota pequeña para materiales",
        "Small fee for materials",
        "Petite participation aux frais de matériel",
        "رسوم رمزية للمواد",
    ),
    "interest": (
        "Préstamo con interés; la tasa se informa antes de firmar",
        "A loan with interest; the rate is given before signing",
        "Prêt avec intérêts ; le taux est indiqué avant la signature",
        "قرض بفائدة؛ يُعلَن المعدل قبل التوقيع",
    ),
}

COUNTRY_NAMES = {
    "MX": ("México", "Mexico", "Mexique", "المكسيك"),
    "GT": ("Guatemala", "Guatemala", "Guatemala", "غواتيمالا"),
    "HN": ("Honduras", "Honduras", "Honduras", "هندوراس"),
    "SV": ("El Salvador", "El Salvador", "Salvador", "السلفادور"),
    "NI": ("Nicaragua", "Nicaragua", "Nicaragua", "نيكاراغوا"),
}
NATIONALITY_MESSAGE = (
    "Solo para personas con nacionalidad de {country}",
    "Only for nationals of {country}",
    "Réservé aux personnes de nationalité : {country}",
    "فقط لمواطني {country}",
)

L, W, E = "learning", "work", "entrepreneurship"

# key: kind, subkind, title, summary, defaults
TEMPLATES: dict[str, tuple] = {
    "course": (
        L,
        "vocational_course",
        (
            "Curso técnico de {trade}",
            "Vocational course: {trade}",
            "Formation professionnelle : {trade}",
            "دورة مهنية: {trade}",
        ),
        (
            "Formación práctica con certificado, en talleres equipados y con prácticas en empresas de la zona.",
            "Hands-on training with a certificate, in equipped workshops, with placements in local businesses.",
            "Formation pratique certifiante en atelier, avec stage dans des entreprises locales.",
            "تدريب عملي بشهادة في ورش مجهزة، مع تدريب في شركات محلية.",
        ),
        {"age": (16, 35), "schooling": "primary", "docs": "national-id school-certificate"},
    ),
    "apprenticeship": (
        W,
        "apprenticeship",
        (
            "Aprendizaje pagado en {trade}",
            "Paid apprenticeship in {trade}",
            "Apprentissage rémunéré en {trade}",
            "تدريب مهني مدفوع الأجر في {trade}",
        ),
        (
            "Aprende el oficio trabajando en una empresa, con un tutor y un apoyo mensual.",
            "Learn the trade on the job in a company, with a mentor and a monthly allowance.",
            "Apprenez le métier en entreprise, avec un tuteur et une indemnité mensuelle.",
            "تعلّم المهنة أثناء العمل في شركة، مع مشرف وبدل شهري.",
        ),
        {"age": (16, 24), "schooling": "primary", "stipend": "allowance", "docs": "national-id"},
    ),
    "internship": (
        W,
        "internship",
        (
            "Pasantía remunerada en {trade}",
            "Paid internship in {trade}",
            "Stage rémunéré en {trade}",
            "تدريب مدفوع الأجر في {trade}",
        ),
        (
            "Tres meses en una empresa de la zona para ganar tu primera experiencia.",
            "Three months in a local business to gain your first experience.",
            "Trois mois dans une entreprise locale pour une première expérience.",
            "ثلاثة أشهر في شركة محلية لاكتساب خبرتك الأولى.",
        ),
        {
            "age": (18, 29),
            "schooling": "upper_secondary",
            "stipend": "allowance",
            "docs": "national-id school-certificate",
        },
    ),
    "secondary_grant": (
        L,
        "scholarship",
        (
            "Beca para terminar la secundaria",
            "Grant to finish secondary school",
            "Bourse pour terminer le secondaire",
            "منحة لإكمال التعليم الثانوي",
        ),
        (
            "Apoyo mensual y útiles escolares para que no dejes los estudios.",
            "A monthly grant and school supplies so you can stay in school.",
            "Une aide mensuelle et des fournitures pour continuer vos études.",
            "منحة شهرية ولوازم مدرسية لتواصل دراستك.",
        ),
        {
            "age": (12, 19),
            "schooling": "primary",
            "stipend": "allowance",
            "docs": "birth-certificate school-certificate",
            "rules": "nationality",
        },
    ),
    "university_grant": (
        L,
        "scholarship",
        (
            "Beca universitaria para jóvenes de zonas rurales",
            "University scholarship for young people from rural areas",
            "Bourse universitaire pour les jeunes des zones rurales",
            "منحة جامعية للشباب من المناطق الريفية",
        ),
        (
            "Cubre la matrícula y un apoyo para vivienda y transporte durante la carrera.",
            "Covers tuition and a housing and transport allowance throughout the degree.",
            "Couvre les frais d'études et une aide au logement et au transport.",
            "تغطي الرسوم الدراسية وبدل سكن ومواصلات طوال الدراسة.",
        ),
        {
            "age": (17, 25),
            "schooling": "upper_secondary",
            "stipend": "scholarship",
            "docs": "national-id school-certificate",
            "rules": "nationality",
        },
    ),
    "technical_grant": (
        L,
        "scholarship",
        (
            "Beca para carrera técnica superior",
            "Scholarship for a higher technical degree",
            "Bourse pour un diplôme technique supérieur",
            "منحة لدراسة دبلوم تقني عالٍ",
        ),
        (
            "Dos años de estudios técnicos con beca completa y prácticas profesionales.",
            "Two years of technical studies on a full scholarship, with work placements.",
            "Deux ans d'études techniques avec bourse complète et stages.",
            "سنتان من الدراسة التقنية بمنحة كاملة مع تدريب عملي.",
        ),
        {
            "age": (17, 27),
            "schooling": "upper_secondary",
            "stipend": "scholarship",
            "docs": "national-id school-certificate",
        },
    ),
    "distance_school": (
        L,
        "school_programme",
        (
            "Bachillerato a distancia para jóvenes y adultos",
            "Distance secondary school for young people and adults",
            "Lycée à distance pour jeunes et adultes",
            "الثانوية عن بُعد للشباب والكبار",
        ),
        (
            "Estudia a tu ritmo desde el teléfono, con tutorías los sábados.",
            "Study at your own pace from your phone, with tutoring on Saturdays.",
            "Étudiez à votre rythme sur votre téléphone, avec tutorat le samedi.",
            "ادرس بالسرعة التي تناسبك من هاتفك، مع دروس دعم أيام السبت.",
        ),
        {
            "age": (15, None),
            "schooling": "lower_secondary",
            "docs": "national-id school-certificate",
        },
    ),
    "primary_school": (
        L,
        "school_programme",
        (
            "Primaria acelerada para jóvenes y adultos",
            "Accelerated primary school for young people and adults",
            "Primaire accélérée pour jeunes et adultes",
            "تعليم ابتدائي مسرّع للشباب والكبار",
        ),
        (
            "Termina la primaria en un año, por la tarde y en tu idioma.",
            "Finish primary school in one year, in the afternoon and in your language.",
            "Terminez le primaire en un an, l'après-midi et dans votre langue.",
            "أكمل المرحلة الابتدائية في عام واحد، بعد الظهر وبلغتك.",
        ),
        {"age": (14, None), "schooling": "none", "docs": "birth-certificate"},
    ),
    "first_job": (
        W,
        "employment_programme",
        (
            "Programa de primer empleo juvenil",
            "First job programme for young people",
            "Programme premier emploi pour les jeunes",
            "برنامج الوظيفة الأولى للشباب",
        ),
        (
            "Seis meses de trabajo en una empresa o institución, con salario y formación.",
            "Six months of work in a company or public body, with a wage and training.",
            "Six mois de travail en entreprise ou institution, avec salaire et formation.",
            "ستة أشهر من العمل في شركة أو مؤسسة، بأجر وتدريب.",
        ),
        {
            "age": (18, 29),
            "schooling": "lower_secondary",
            "stipend": "wage",
            "docs": "national-id criminal-record",
        },
    ),
    "returnee_jobs": (
        W,
        "employment_programme",
        (
            "Empleo para personas retornadas",
            "Jobs for returned migrants",
            "Emploi pour les personnes migrantes de retour",
            "فرص عمل للمهاجرين العائدين",
        ),
        (
            "Orientación laboral, certificación de lo que aprendiste fuera y enlace con empresas.",
            "Career guidance, certification of skills learned abroad and links with employers.",
            "Orientation, certification des compétences acquises à l'étranger et mise en relation avec des employeurs.",
            "إرشاد مهني وتصديق المهارات المكتسبة في الخارج وربط بأصحاب العمل.",
        ),
        {"age": (18, None), "schooling": "none", "docs": "national-id"},
    ),
    "textile_job": (
        W,
        "job_offer",
        (
            "Operario/a de producción textil",
            "Textile production operator",
            "Opérateur·rice de production textile",
            "عامل/ة إنتاج في مصنع نسيج",
        ),
        (
            "Contrato indefinido, turno de día, seguro social y capacitación pagada.",
            "Permanent contract, day shift, social security and paid training.",
            "Contrat à durée indéterminée, horaires de jour, sécurité sociale et formation rémunérée.",
            "عقد دائم، دوام نهاري، ضمان اجتماعي وتدريب مدفوع.",
        ),
        {
            "age": (18, None),
            "schooling": "primary",
            "stipend": "wage",
            "docs": "national-id criminal-record",
        },
    ),
    "call_centre_job": (
        W,
        "job_offer",
        (
            "Agente bilingüe de centro de llamadas",
            "Bilingual call centre agent",
            "Téléconseiller·ère bilingue",
            "موظف/ة مركز اتصال ثنائي اللغة",
        ),
        (
            "Atención a clientes en inglés y español; capacitación inicial pagada.",
            "Customer service in English and Spanish; paid initial training.",
            "Service client en anglais et en espagnol ; formation initiale rémunérée.",
            "خدمة العملاء بالإنجليزية والإسبانية؛ تدريب أولي مدفوع.",
        ),
        {
            "age": (18, None),
            "schooling": "upper_secondary",
            "stipend": "wage",
            "docs": "national-id",
            "langs": "spa eng",
        },
    ),
    "hotel_job": (
        W,
        "job_offer",
        (
            "Ayudante de cocina en hotel",
            "Hotel kitchen assistant",
            "Commis de cuisine en hôtel",
            "مساعد/ة مطبخ في فندق",
        ),
        (
            "Temporada alta con posibilidad de contrato fijo; comida incluida.",
            "High season with the chance of a permanent contract; meals included.",
            "Haute saison avec possibilité de contrat fixe ; repas compris.",
            "موسم الذروة مع إمكانية عقد دائم؛ الوجبات مشمولة.",
        ),
        {"age": (18, None), "schooling": "primary", "stipend": "wage", "docs": "national-id"},
    ),
    "harvest_job": (
        W,
        "job_offer",
        (
            "Trabajo en la cosecha de café",
            "Coffee harvest work",
            "Travail de récolte du café",
            "عمل في حصاد البن",
        ),
        (
            "Temporada de cosecha con alojamiento, alimentación y pago por jornada.",
            "Harvest season with housing, meals and a daily wage.",
            "Saison de récolte avec logement, repas et salaire journalier.",
            "موسم الحصاد مع السكن والطعام وأجر يومي.",
        ),
        {"age": (18, None), "schooling": "none", "stipend": "wage", "docs": "national-id"},
    ),
    "seed_capital": (
        E,
        "seed_capital",
        (
            "Capital semilla para jóvenes emprendedores",
            "Seed capital for young entrepreneurs",
            "Capital d'amorçage pour jeunes entrepreneurs",
            "رأس مال أولي لرواد الأعمال الشباب",
        ),
        (
            "Equipo e insumos para arrancar tu negocio, con acompañamiento durante un año.",
            "Equipment and supplies to start your business, with support for a year.",
            "Équipement et fournitures pour lancer votre activité, avec un suivi d'un an.",
            "معدات ومستلزمات لبدء مشروعك، مع مرافقة لمدة عام.",
        ),
        {"age": (18, 35), "schooling": "none", "stipend": "kit", "docs": "national-id"},
    ),
    "returnee_seed": (
        E,
        "seed_capital",
        (
            "Capital semilla para personas retornadas",
            "Seed capital for returned migrants",
            "Capital d'amorçage pour les personnes de retour",
            "رأس مال أولي للمهاجرين العائدين",
        ),
        (
            "Apoyo en especie para un negocio familiar, tras un taller de plan de negocio.",
            "In-kind support for a family business, after a business-plan workshop.",
            "Aide en nature pour une entreprise familiale, après un atelier de plan d'affaires.",
            "دعم عيني لمشروع عائلي بعد ورشة عن خطة العمل.",
        ),
        {
            "age": (18, None),
            "schooling": "none",
            "stipend": "kit",
            "docs": "national-id",
            "rules": "nationality",
        },
    ),
    "business_workshop": (
        E,
        "training",
        (
            "Taller para empezar tu negocio",
            "Start-your-business workshop",
            "Atelier pour créer votre entreprise",
            "ورشة لبدء مشروعك",
        ),
        (
            "Ocho sesiones sobre costos, ventas y permisos, con un plan de negocio al final.",
            "Eight sessions on costs, sales and permits, ending with a business plan.",
            "Huit séances sur les coûts, les ventes et les autorisations, avec un plan d'affaires.",
            "ثماني جلسات عن التكاليف والمبيعات والتصاريح، تنتهي بخطة عمل.",
        ),
        {"age": (16, None), "schooling": "none", "docs": ""},
    ),
    "online_marketing": (
        E,
        "training",
        (
            "Vende por internet: marketing digital para negocios",
            "Sell online: digital marketing for small businesses",
            "Vendre en ligne : marketing numérique pour petites entreprises",
            "البيع عبر الإنترنت: التسويق الرقمي للمشاريع الصغيرة",
        ),
        (
            "Curso en línea para vender con redes sociales y pagos móviles.",
            "Online course on selling through social media and mobile payments.",
            "Cours en ligne pour vendre via les réseaux sociaux et le paiement mobile.",
            "دورة عبر الإنترنت للبيع عبر وسائل التواصل والدفع بالهاتف.",
        ),
        {"age": (16, None), "schooling": "primary", "docs": ""},
    ),
    "mentoring": (
        E,
        "mentoring",
        (
            "Mentoría para emprendimientos juveniles",
            "Mentoring for young entrepreneurs",
            "Mentorat pour jeunes entrepreneurs",
            "إرشاد لمشاريع الشباب",
        ),
        (
            "Una persona empresaria te acompaña cada mes durante seis meses.",
            "An experienced businessperson meets you every month for six months.",
            "Un·e chef d'entreprise vous accompagne chaque mois pendant six mois.",
            "يرافقك صاحب عمل ذو خبرة شهريًا لمدة ستة أشهر.",
        ),
        {"age": (18, 35), "schooling": "none", "docs": ""},
    ),
    "women_credit": (
        E,
        "credit",
        (
            "Microcrédito para mujeres emprendedoras",
            "Microcredit for women entrepreneurs",
            "Microcrédit pour les femmes entrepreneures",
            "قروض صغيرة لرائدات الأعمال",
        ),
        (
            "Préstamos pequeños sin garantía, en grupos solidarios, con educación financiera.",
            "Small loans without collateral, in solidarity groups, with financial education.",
            "Petits prêts sans garantie, en groupes solidaires, avec éducation financière.",
            "قروض صغيرة بلا ضمانات ضمن مجموعات تضامنية مع تثقيف مالي.",
        ),
        {
            "age": (18, None),
            "schooling": "none",
            "sex": "women",
            "cost": "interest",
            "docs": "national-id",
        },
    ),
    "farm_credit": (
        E,
        "credit",
        (
            "Crédito agrícola para jóvenes",
            "Farm credit for young people",
            "Crédit agricole pour les jeunes",
            "قروض زراعية للشباب",
        ),
        (
            "Financiamiento para semillas, riego y animales, con pagos después de la cosecha.",
            "Funding for seeds, irrigation and livestock, repaid after the harvest.",
            "Financement des semences, de l'irrigation et du bétail, remboursé après la récolte.",
            "تمويل للبذور والري والماشية، يُسدَّد بعد الحصاد.",
        ),
        {"age": (18, 35), "schooling": "none", "cost": "interest", "docs": "national-id"},
    ),
}

# slug, organisation, template, trade, places ("State/City" separated by ";", "national" or
# "online"), days until the deadline (None: open all year), options:
#   langs (ISO 639-3, default "spa"), point (information point taking applications),
#   apply ("url phone whatsapp", default "url"), age (min, max), sex, cost, free, status.
# fmt: off
OPPORTUNITIES: list[tuple] = [
    # Mexico
    ("mx-soldadura-tapachula", "demo-capacitacion-soconusco", "course", "welding", "Chiapas/Tapachula", 20, {"point": "tapachula-juventud", "apply": "phone"}),
    ("mx-electricidad-huixtla", "demo-capacitacion-soconusco", "course", "electricity", "Chiapas/Huixtla;Chiapas/Tapachula", 35, {}),
    ("mx-barismo-tapachula", "demo-capacitacion-soconusco", "course", "barista", "Chiapas/Tapachula", 9, {"apply": "url whatsapp"}),
    ("mx-refrigeracion-villahermosa", "demo-capacitacion-soconusco", "course", "cooling", "Tabasco/Villahermosa", 60, {"cost": "materials"}),
    ("mx-primer-empleo-chiapas", "demo-empleo-joven-chiapas", "first_job", None, "national", 45, {"apply": "url phone"}),
    ("mx-aprendizaje-motos-tapachula", "demo-empleo-joven-chiapas", "apprenticeship", "motorcycles", "Chiapas/Tapachula", 25, {}),
    ("mx-hotel-villahermosa", "demo-camara-comercio-tabasco", "hotel_job", None, "Tabasco/Villahermosa", 12, {"apply": "phone whatsapp", "point": "villahermosa"}),
    ("mx-pasantia-turismo-tenosique", "demo-camara-comercio-tabasco", "internship", "tourism", "Tabasco/Tenosique;Tabasco/Villahermosa", 40, {}),
    ("mx-capital-semilla-sur", "demo-fondo-emprende-sur", "seed_capital", None, "Chiapas/Tapachula;Chiapas/San Cristóbal de las Casas;Oaxaca/Juchitán de Zaragoza", 30, {}),
    ("mx-mentoria-sur", "demo-fondo-emprende-sur", "mentoring", None, "online", None, {}),
    ("mx-beca-universitaria-intercultural", "demo-universidad-intercultural", "university_grant", None, "Chiapas/San Cristóbal de las Casas", 50, {"langs": "spa tzo tzh"}),
    ("mx-bachillerato-distancia", "demo-universidad-intercultural", "distance_school", None, "online", None, {"langs": "spa tzo"}),
    # Guatemala
    ("gt-cocina-quetzaltenango", "demo-formacion-tecnica-gt", "course", "cooking", "Quetzaltenango/Quetzaltenango", 15, {"point": "quetzaltenango", "langs": "spa quc"}),
    ("gt-electricidad-guatemala", "demo-formacion-tecnica-gt", "course", "electricity", "Guatemala/Guatemala City;Guatemala/Mixco", 28, {}),
    ("gt-paneles-solares-coban", "demo-formacion-tecnica-gt", "course", "solar", "Alta Verapaz/Cobán", 42, {"langs": "spa kek"}),
    ("gt-confeccion-totonicapan", "demo-formacion-tecnica-gt", "course", "garments", "Totonicapán/Totonicapán", 10, {"langs": "quc spa", "point": "totonicapan"}),
    ("gt-programacion-web-guatemala", "demo-formacion-tecnica-gt", "course", "web", "online", 33, {"langs": "spa"}),
    ("gt-beca-secundaria-altiplano", "demo-becas-altiplano", "secondary_grant", None, "Quiché/Santa Cruz del Quiché;Totonicapán/Totonicapán;Huehuetenango/Huehuetenango", 55, {"langs": "spa quc mam"}),
    ("gt-beca-tecnica-altiplano", "demo-becas-altiplano", "technical_grant", None, "Quetzaltenango/Quetzaltenango", 70, {"langs": "spa quc"}),
    ("gt-cosecha-cafe-huehuetenango", "demo-cooperativa-cafe-gt", "harvest_job", None, "Huehuetenango/Huehuetenango", 18, {"apply": "phone", "langs": "spa mam"}),
    ("gt-produccion-cafe-huehuetenango", "demo-cooperativa-cafe-gt", "course", "coffee", "Huehuetenango/Huehuetenango", 48, {"langs": "spa mam", "point": "huehuetenango"}),
    ("gt-microcredito-mujeres-quiche", "demo-microfinanciera-quetzal", "women_credit", None, "Quiché/Santa Cruz del Quiché;Quetzaltenango/Quetzaltenango", None, {"langs": "quc spa", "apply": "phone whatsapp"}),
    ("gt-credito-agricola", "demo-microfinanciera-quetzal", "farm_credit", None, "national", None, {"apply": "phone"}),
    ("gt-primer-empleo", "demo-ventanilla-empleo-gt", "first_job", None, "national", 38, {"point": "guatemala-zona-1"}),
    ("gt-empleo-retornados", "demo-ventanilla-empleo-gt", "returnee_jobs", None, "Guatemala/Guatemala City", None, {"point": "guatemala-retornados", "apply": "phone"}),
    ("gt-call-center-guatemala", "demo-ventanilla-empleo-gt", "call_centre_job", None, "Guatemala/Guatemala City", 14, {}),
    # Honduras
    ("hn-electricidad-san-pedro-sula", "demo-formacion-tecnica-hn", "course", "electricity", "Cortés/San Pedro Sula;Cortés/Choloma", 22, {"point": "san-pedro-sula-centro"}),
    ("hn-soldadura-san-pedro-sula", "demo-formacion-tecnica-hn", "course", "welding", "Cortés/San Pedro Sula", 8, {}),
    ("hn-fontaneria-tegucigalpa", "demo-formacion-tecnica-hn", "course", "plumbing", "Francisco Morazán/Tegucigalpa", 30, {"point": "tegucigalpa-centro"}),
    ("hn-belleza-comayagua", "demo-formacion-tecnica-hn", "course", "beauty", "Comayagua/Comayagua", 26, {"cost": "materials"}),
    ("hn-carpinteria-danli", "demo-formacion-tecnica-hn", "course", "carpentry", "El Paraíso/Danlí;Olancho/Juticalpa", 44, {}),
    ("hn-operario-textil-choloma", "demo-empresas-valle-sula", "textile_job", None, "Cortés/Choloma;Cortés/San Pedro Sula", 16, {"apply": "phone whatsapp", "point": "choloma"}),
    ("hn-call-center-san-pedro-sula", "demo-empresas-valle-sula", "call_centre_job", None, "Cortés/San Pedro Sula", 11, {}),
    ("hn-aprendizaje-refrigeracion-sps", "demo-empresas-valle-sula", "apprenticeship", "cooling", "Cortés/San Pedro Sula", 36, {}),
    ("hn-primer-empleo", "demo-empresas-valle-sula", "first_job", None, "Cortés/San Pedro Sula;Francisco Morazán/Tegucigalpa", 52, {}),
    ("hn-capital-semilla-juvenil", "demo-incubadora-juvenil-hn", "seed_capital", None, "Cortés/San Pedro Sula;Atlántida/La Ceiba", 27, {}),
    ("hn-capital-retornados", "demo-incubadora-juvenil-hn", "returnee_seed", None, "national", 58, {"point": "san-pedro-sula-centro", "apply": "phone"}),
    ("hn-taller-negocio-tegucigalpa", "demo-incubadora-juvenil-hn", "business_workshop", None, "Francisco Morazán/Tegucigalpa", 13, {}),
    ("hn-marketing-digital", "demo-incubadora-juvenil-hn", "online_marketing", None, "online", None, {}),
    ("hn-beca-secundaria", "demo-honduras-aprende", "secondary_grant", None, "national", 65, {}),
    ("hn-beca-universitaria", "demo-honduras-aprende", "university_grant", None, "national", 80, {}),
    ("hn-turismo-la-ceiba", "demo-escuela-turismo-caribe", "course", "tourism", "Atlántida/La Ceiba", 19, {"langs": "spa cab eng", "point": "la-ceiba"}),
    ("hn-ingles-la-ceiba", "demo-escuela-turismo-caribe", "course", "english", "Atlántida/La Ceiba", 39, {"langs": "eng spa cab"}),
    # El Salvador
    ("sv-programacion-web-san-salvador", "demo-capacitacion-laboral-sv", "course", "web", "San Salvador/San Salvador;San Salvador/Soyapango", 24, {"point": "san-salvador-centro"}),
    ("sv-cocina-santa-ana", "demo-capacitacion-laboral-sv", "course", "cooking", "Santa Ana/Santa Ana", 17, {"point": "santa-ana"}),
    ("sv-motos-san-miguel", "demo-capacitacion-laboral-sv", "course", "motorcycles", "San Miguel/San Miguel", 31, {"point": "san-miguel"}),
    ("sv-paneles-solares-usulutan", "demo-capacitacion-laboral-sv", "course", "solar", "Usulután/Usulután", 46, {}),
    ("sv-primer-empleo-municipal", "demo-empleo-juvenil-sv", "first_job", None, "San Salvador/Soyapango;San Salvador/San Salvador;Santa Ana/Santa Ana", 21, {"point": "soyapango"}),
    ("sv-pasantia-web", "demo-empleo-juvenil-sv", "internship", "web", "San Salvador/San Salvador", 29, {}),
    ("sv-empleo-retornados", "demo-empleo-juvenil-sv", "returnee_jobs", None, "national", None, {"point": "san-salvador-retornados", "apply": "phone"}),
    ("sv-microcredito-mujeres", "demo-mujeres-emprenden", "women_credit", None, "Sonsonate/Sonsonate;Ahuachapán/Ahuachapán;Santa Ana/Santa Ana", None, {"apply": "phone whatsapp"}),
    ("sv-mentoria-mujeres", "demo-mujeres-emprenden", "mentoring", None, "San Salvador/San Salvador", 34, {"sex": "women"}),
    ("sv-taller-negocio-la-union", "demo-mujeres-emprenden", "business_workshop", None, "La Unión/La Unión;San Miguel/San Miguel", 23, {}),
    ("sv-beca-tecnica-oriente", "demo-tecnologico-oriente", "technical_grant", None, "San Miguel/San Miguel", 62, {}),
    ("sv-refrigeracion-san-miguel", "demo-tecnologico-oriente", "course", "cooling", "San Miguel/San Miguel;Usulután/Usulután", 41, {"cost": "materials"}),
    # Nicaragua
    ("ni-electricidad-chinandega", "demo-tecnologico-occidente", "course", "electricity", "Chinandega/Chinandega", 20, {"apply": "url phone"}),
    ("ni-soldadura-leon", "demo-tecnologico-occidente", "course", "welding", "León/León;Chinandega/Chinandega", 32, {"point": "leon"}),
    ("ni-beca-tecnica-occidente", "demo-tecnologico-occidente", "technical_grant", None, "León/León", 57, {}),
    ("ni-cocina-managua", "demo-formacion-tecnica-ni", "course", "cooking", "Managua/Managua;Masaya/Masaya", 14, {"point": "managua-comunitario"}),
    ("ni-barismo-matagalpa", "demo-formacion-tecnica-ni", "course", "barista", "Matagalpa/Matagalpa;Jinotega/Jinotega", 27, {}),
    ("ni-confeccion-esteli", "demo-formacion-tecnica-ni", "course", "garments", "Estelí/Estelí", 37, {"point": "esteli"}),
    ("ni-primaria-acelerada", "demo-formacion-tecnica-ni", "primary_school", None, "national", None, {}),
    ("ni-aprendizaje-motos-chinandega", "demo-formacion-tecnica-ni", "apprenticeship", "motorcycles", "Chinandega/Chinandega;León/León", 29, {}),
    ("ni-credito-agricola-maribios", "demo-cooperativa-maribios", "farm_credit", None, "Chinandega/Chinandega;León/León", None, {"apply": "phone"}),
    ("ni-capital-semilla-occidente", "demo-cooperativa-maribios", "seed_capital", None, "Chinandega/Chinandega", 43, {}),
    ("ni-turismo-bluefields", "demo-juventud-caribe-ni", "course", "tourism", "Costa Caribe Sur/Bluefields", 26, {"langs": "spa eng miq", "point": "bluefields"}),
    ("ni-ingles-bilwi", "demo-juventud-caribe-ni", "course", "english", "Costa Caribe Norte/Puerto Cabezas", 35, {"langs": "miq eng spa", "point": "puerto-cabezas"}),
    ("ni-beca-secundaria-caribe", "demo-juventud-caribe-ni", "secondary_grant", None, "Costa Caribe Norte/Puerto Cabezas;Costa Caribe Sur/Bluefields", 49, {"langs": "miq spa"}),
    # Closed: archived, kept to show that only published opportunities are public.
    ("hn-capital-semilla-2025", "demo-incubadora-juvenil-hn", "seed_capital", None, "Cortés/San Pedro Sula", None, {"status": "archived"}),
]
# fmt: on
