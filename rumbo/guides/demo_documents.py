"""Demo documents and where to obtain them in the five origin countries.

Written in our own words for the demo from public sources (the institutions' sites, listed as
sources, and for minors' exit permits the sources named in issue 20); not verified by the
institutions. Fees change
often, so amounts are only given where the official fee is stable (e.g. free first issue);
otherwise the text points to the official page. Office addresses are left to the official pages:
each office is placed at its city in the gazetteer.
"""

# (slug, kind, names by language, descriptions by language)
DOCUMENTS = [
    (
        "passport",
        "travel",
        {"es": "Pasaporte", "en": "Passport", "fr": "Passeport", "ar": "جواز السفر"},
        {
            "es": "Documento de viaje que prueba tu identidad y nacionalidad fuera de tu país. "
            "Lo necesitas para casi cualquier visa o programa de trabajo.",
            "en": "Travel document proving your identity and nationality abroad. You need it "
            "for almost every visa or work programme.",
            "fr": "Document de voyage qui prouve votre identité et votre nationalité à "
            "l'étranger. Il est exigé pour presque tous les visas et programmes de travail.",
            "ar": "وثيقة سفر تثبت هويتك وجنسيتك خارج بلدك. تحتاجها لكل تأشيرة أو برنامج عمل تقريبًا.",
        },
    ),
    (
        "birth-certificate",
        "civil",
        {
            "es": "Certificado o partida de nacimiento",
            "en": "Birth certificate",
            "fr": "Acte de naissance",
            "ar": "شهادة الميلاد",
        },
        {
            "es": "Copia certificada del registro de tu nacimiento. Se pide para sacar el "
            "pasaporte y el documento de identidad, y en trámites de familia.",
            "en": "Certified copy of your birth record. Asked for the passport, the identity "
            "card and family procedures.",
            "fr": "Copie certifiée de votre enregistrement de naissance, demandée pour le "
            "passeport, la carte d'identité et les démarches familiales.",
            "ar": "نسخة مصدقة من قيد ميلادك، تُطلب لاستخراج جواز السفر وبطاقة الهوية وفي إجراءات الأسرة.",
        },
    ),
    (
        "national-id",
        "identity",
        {
            "es": "Documento nacional de identidad",
            "en": "National identity card",
            "fr": "Carte nationale d'identité",
            "ar": "بطاقة الهوية الوطنية",
        },
        {
            "es": "Tu documento de identidad en tu país (DNI, DPI, DUI, cédula o credencial "
            "INE). Se pide para el pasaporte y para viajar en la región CA-4.",
            "en": "Your identity card at home (DNI, DPI, DUI, cédula or INE card). Asked for "
            "the passport and for travel within the CA-4 region.",
            "fr": "Votre pièce d'identité nationale (DNI, DPI, DUI, cédula ou carte INE), "
            "exigée pour le passeport et pour circuler dans la région CA-4.",
            "ar": "بطاقة هويتك في بلدك (DNI أو DPI أو DUI أو البطاقة الوطنية أو بطاقة INE). "
            "تُطلب لجواز السفر وللتنقل في منطقة CA-4.",
        },
    ),
    (
        "criminal-record",
        "police",
        {
            "es": "Constancia de antecedentes penales",
            "en": "Criminal record certificate",
            "fr": "Extrait de casier judiciaire",
            "ar": "شهادة السجل العدلي",
        },
        {
            "es": "Certifica si tienes o no condenas. Casi todas las visas de trabajo, estudio "
            "o residencia la piden, a veces apostillada.",
            "en": "States whether you have any convictions. Almost every work, study or "
            "residence visa asks for it, sometimes apostilled.",
            "fr": "Indique si vous avez des condamnations. Presque tous les visas de travail, "
            "d'études ou de séjour la demandent, parfois apostillée.",
            "ar": "تثبت ما إذا كانت لديك أحكام جنائية. تطلبها معظم تأشيرات العمل والدراسة والإقامة، "
            "وأحيانًا مع التصديق (أبوستيل).",
        },
    ),
    (
        "school-certificate",
        "education",
        {
            "es": "Certificado de estudios",
            "en": "School certificate",
            "fr": "Certificat de scolarité",
            "ar": "الشهادة الدراسية",
        },
        {
            "es": "Prueba los estudios que terminaste. Sirve para visas de estudio, becas y "
            "muchos empleos, en tu país y fuera.",
            "en": "Proves the studies you completed. Used for study visas, scholarships and "
            "many jobs, at home and abroad.",
            "fr": "Prouve les études terminées ; utile pour les visas d'études, les bourses et "
            "de nombreux emplois.",
            "ar": "تثبت الدراسة التي أكملتها. تُستخدم لتأشيرات الدراسة والمنح والعديد من الوظائف.",
        },
    ),
    (
        "minor-travel-permit",
        "civil",
        {
            "es": "Permiso de salida de menores de edad",
            "en": "Travel permit for minors",
            "fr": "Autorisation de sortie du territoire pour mineurs",
            "ar": "إذن سفر القاصرين",
        },
        {
            "es": "Si tienes menos de 18 años (menos de 21 si eres de Honduras) y no viajas con "
            "tus dos padres, necesitas la autorización que pide tu país: en Guatemala, El "
            "Salvador y Honduras, una autorización de tus padres ante notario; en Nicaragua, la "
            "visa de salida de la DGME; en México, el formato SAM solo si viajas solo o con "
            "otra persona que no sea tu padre o tu madre.",
            "en": "If you are under 18 (under 21 if you are Honduran) and do not travel with "
            "both parents, you need the authorisation your country asks for: in Guatemala, El "
            "Salvador and Honduras, your parents' authorisation before a notary; in Nicaragua, "
            "the DGME exit visa; in Mexico, the SAM form only if you travel alone or with "
            "someone who is not your parent.",
            "fr": "Si vous avez moins de 18 ans (moins de 21 ans au Honduras) et ne voyagez pas "
            "avec vos deux parents, il faut l'autorisation exigée par votre pays : autorisation "
            "notariée des parents au Guatemala, au Salvador et au Honduras ; visa de sortie de "
            "la DGME au Nicaragua ; au Mexique, le formulaire SAM seulement si vous voyagez "
            "seul ou avec un tiers.",
            "ar": "إذا كان عمرك أقل من 18 عامًا (أقل من 21 في هندوراس) ولا تسافر مع والديك معًا، "
            "تحتاج إلى الإذن الذي يطلبه بلدك: إذن موثّق من الوالدين أمام كاتب عدل في غواتيمالا "
            "والسلفادور وهندوراس؛ تأشيرة الخروج من إدارة الهجرة في نيكاراغوا؛ وفي المكسيك "
            "استمارة SAM فقط إذا سافرت وحدك أو مع شخص غير والديك.",
        },
    ),
]

# (slug, country, kind, names by language, acronym, website)
ORGANISATIONS = [
    # Minors' exit authorisations are made before a notary (or a consulate or court), not at
    # a migration office: the "institution" a plan names is the notary.
    ("notario-gt", "GT", "private", "Notario (abogado y notario colegiado)", "", ""),
    ("notario-sv", "SV", "private", "Notario (abogado salvadoreño) o consulado", "", ""),
    ("notario-hn", "HN", "private", "Notario (abogado y notario)", "", ""),
    (
        "sre-mx",
        "MX",
        "government",
        "Secretaría de Relaciones Exteriores",
        "SRE",
        "https://www.gob.mx/sre",
    ),
    ("ine-mx", "MX", "government", "Instituto Nacional Electoral", "INE", "https://www.ine.mx"),
    (
        "registro-civil-mx",
        "MX",
        "government",
        "Registro Civil (de cada estado)",
        "",
        "https://www.gob.mx/ActaNacimiento/",
    ),
    (
        "sspc-mx",
        "MX",
        "government",
        "Secretaría de Seguridad y Protección Ciudadana",
        "SSPC",
        "https://www.gob.mx/sspc",
    ),
    (
        "sep-mx",
        "MX",
        "government",
        "Secretaría de Educación Pública",
        "SEP",
        "https://www.gob.mx/sep",
    ),
    (
        "inm-mx",
        "MX",
        "government",
        "Instituto Nacional de Migración",
        "INM",
        "https://www.gob.mx/inm",
    ),
    (
        "igm-gt",
        "GT",
        "government",
        "Instituto Guatemalteco de Migración",
        "IGM",
        "https://igm.gob.gt",
    ),
    (
        "renap-gt",
        "GT",
        "government",
        "Registro Nacional de las Personas",
        "RENAP",
        "https://www.renap.gob.gt",
    ),
    ("oj-gt", "GT", "government", "Organismo Judicial", "OJ", "https://www.oj.gob.gt"),
    (
        "mineduc-gt",
        "GT",
        "government",
        "Ministerio de Educación",
        "MINEDUC",
        "https://www.mineduc.gob.gt",
    ),
    ("inm-hn", "HN", "government", "Instituto Nacional de Migración", "INM", "https://inm.gob.hn"),
    (
        "rnp-hn",
        "HN",
        "government",
        "Registro Nacional de las Personas",
        "RNP",
        "https://www.rnp.hn",
    ),
    (
        "poder-judicial-hn",
        "HN",
        "government",
        "Poder Judicial de Honduras",
        "",
        "https://www.poderjudicial.gob.hn",
    ),
    ("seduc-hn", "HN", "government", "Secretaría de Educación", "SEDUC", "https://www.se.gob.hn"),
    (
        "rnpn-sv",
        "SV",
        "government",
        "Registro Nacional de las Personas Naturales",
        "RNPN",
        "https://www.rnpn.gob.sv",
    ),
    (
        "centros-penales-sv",
        "SV",
        "government",
        "Dirección General de Centros Penales",
        "DGCP",
        "https://www.dgcp.gob.sv",
    ),
    (
        "mined-sv",
        "SV",
        "government",
        "Ministerio de Educación, Ciencia y Tecnología",
        "MINEDUCYT",
        "https://www.mined.gob.sv",
    ),
    (
        "dgme-ni",
        "NI",
        "government",
        "Dirección General de Migración y Extranjería",
        "DGME",
        "https://www.migob.gob.ni/migracion/",
    ),
    ("cse-ni", "NI", "government", "Consejo Supremo Electoral", "CSE", "https://www.cse.gob.ni"),
    ("policia-ni", "NI", "government", "Policía Nacional", "", "https://www.policia.gob.ni"),
    (
        "mined-ni",
        "NI",
        "government",
        "Ministerio de Educación",
        "MINED",
        "https://www.mined.gob.ni",
    ),
]

_CHECK = {
    "es": "Consulta el monto vigente en la página oficial antes de pagar.",
    "en": "Check the current fee on the official page before paying.",
    "fr": "Vérifiez le montant en vigueur sur la page officielle avant de payer.",
    "ar": "تحقق من الرسوم الحالية في الصفحة الرسمية قبل الدفع.",
}
_FREE = {"es": "Gratuito.", "en": "Free of charge.", "fr": "Gratuit.", "ar": "مجاني."}
_FREE_FIRST = {
    "es": "La primera emisión es gratuita; la reposición tiene costo.",
    "en": "The first issue is free; a replacement has a fee.",
    "fr": "La première délivrance est gratuite ; le remplacement est payant.",
    "ar": "الإصدار الأول مجاني؛ أما البديل فله رسوم.",
}
_DAYS = {
    "es": "El mismo día o pocos días hábiles.",
    "en": "The same day or a few working days.",
    "fr": "Le jour même ou quelques jours ouvrables.",
    "ar": "في اليوم نفسه أو خلال أيام عمل قليلة.",
}
_WEEKS = {
    "es": "De una a varias semanas, según la demanda; pide cita con tiempo.",
    "en": "One to several weeks, depending on demand; book an appointment early.",
    "fr": "D'une à plusieurs semaines selon la demande ; prenez rendez-vous tôt.",
    "ar": "من أسبوع إلى عدة أسابيع حسب الطلب؛ احجز موعدًا مبكرًا.",
}
_PASSPORT_BRING = {
    "es": "Documento de identidad vigente, comprobante de pago y cita si se pide. Menores: "
    "partida de nacimiento y presencia o autorización de ambos padres.",
    "en": "Valid identity card, proof of payment and an appointment where required. Minors: "
    "birth certificate and both parents present or their authorisation.",
    "fr": "Pièce d'identité valide, preuve de paiement et rendez-vous s'il est exigé. Mineurs : "
    "acte de naissance et présence ou autorisation des deux parents.",
    "ar": "بطاقة هوية سارية وإيصال الدفع وموعد عند الطلب. القاصرون: شهادة الميلاد وحضور "
    "الوالدين أو إذنهما.",
}
_ID_BRING = {
    "es": "Partida de nacimiento y, si se pide, comprobante de domicilio.",
    "en": "Birth certificate and, where asked, proof of address.",
}
_BIRTH_BRING = {
    "es": "Tu nombre completo, fecha y lugar de nacimiento, o tu número de identidad.",
    "en": "Your full name, date and place of birth, or your identity number.",
}
_RECORD_BRING = {
    "es": "Documento de identidad vigente y comprobante de pago.",
    "en": "Valid identity card and proof of payment.",
}
_SCHOOL_BRING = {
    "es": "Documento de identidad y datos de la escuela y el año en que terminaste.",
    "en": "Identity card and the name of the school and year you finished.",
}
_NOTARY_FEE = {
    "es": "Honorarios del notario (los fija cada notario): pregunta antes.",
    "en": "The notary's fee (each notary sets it): ask first.",
    "fr": "Honoraires du notaire (fixés par chaque notaire) : demandez avant.",
    "ar": "أتعاب كاتب العدل (يحددها كل كاتب عدل): اسأل مسبقًا.",
}
_MINOR_BRING_GT = {
    "es": "Si no viajas con tus dos padres: la autorización del padre o la madre que no "
    "viaja, ante notario (mandato, declaración jurada o poder con firma legalizada), o un "
    "documento consular o judicial. Además, pasaporte vigente y certificado de nacimiento. "
    "No es un trámite de la PGN.",
    "en": "If you do not travel with both parents: the authorisation of the parent who does not "
    "travel, before a notary (mandate, sworn declaration or power of attorney with a legalised "
    "signature), or a consular or court document. Also a valid passport and birth certificate. "
    "It is not a PGN procedure.",
}
_MINOR_BRING_SV = {
    "es": "Si no viajas con tus dos padres: un acta notarial de autorización hecha por un "
    "abogado y notario salvadoreño, o en un consulado de El Salvador. No es un permiso de la "
    "DGME. Además, pasaporte vigente y partida de nacimiento.",
    "en": "If you do not travel with both parents: a notarial act of authorisation made by a "
    "Salvadoran lawyer and notary, or at a Salvadoran consulate. It is not a DGME permit. Also "
    "a valid passport and birth certificate.",
}
_MINOR_BRING_HN = {
    "es": "Hasta los 21 años, si no viajas con tus dos padres: su autorización firmada ante "
    "notario, con copia de sus documentos de identidad y tu partida de nacimiento.",
    "en": "Until 21, if you do not travel with both parents: their authorisation signed before "
    "a notary, with copies of their identity cards and your birth certificate.",
}
_MINOR_BRING_NI = {
    "es": "Partida de nacimiento, pasaporte y documentos de identidad de los padres para la "
    "visa de salida de menores que expide la DGME.",
    "en": "Birth certificate, passport and the parents' identity cards for the minors' exit "
    "visa issued by the DGME.",
}
_MINOR_BRING_MX = {
    "es": "Solo si viajas solo o con una tercera persona (no con tu padre, tu madre o ambos): "
    "el formato SAM del INM con la autorización de quienes ejercen la patria potestad "
    "otorgada ante notario o autoridad. Con uno o ambos padres no hace falta.",
    "en": "Only if you travel alone or with a third party (not with one or both parents): the "
    "INM's SAM form with the authorisation of those with parental authority, given before a "
    "notary or authority. Not needed with one or both parents.",
}

# (document, country, institution, local names, cost, time, what to bring, official url,
#  offices: [(office name by language, city name)])
ISSUANCES = [
    # Honduras
    (
        "passport",
        "HN",
        "inm-hn",
        {"es": "Pasaporte hondureño", "en": "Honduran passport"},
        _CHECK,
        _WEEKS,
        _PASSPORT_BRING,
        "https://inm.gob.hn",
        [
            (
                {
                    "es": "Oficina de pasaportes del INM en San Pedro Sula",
                    "en": "INM passport office, San Pedro Sula",
                },
                "San Pedro Sula",
            ),
            (
                {
                    "es": "Oficina de pasaportes del INM en Tegucigalpa",
                    "en": "INM passport office, Tegucigalpa",
                },
                "Tegucigalpa",
            ),
            (
                {
                    "es": "Oficina de pasaportes del INM en La Ceiba",
                    "en": "INM passport office, La Ceiba",
                },
                "La Ceiba",
            ),
        ],
    ),
    (
        "birth-certificate",
        "HN",
        "rnp-hn",
        {"es": "Certificación de acta de nacimiento"},
        _CHECK,
        _DAYS,
        _BIRTH_BRING,
        "https://www.rnp.hn",
        [
            (
                {
                    "es": "RNP, registro civil municipal de San Pedro Sula",
                    "en": "RNP civil registry, San Pedro Sula",
                },
                "San Pedro Sula",
            ),
            (
                {
                    "es": "RNP, oficinas centrales en Tegucigalpa",
                    "en": "RNP head office, Tegucigalpa",
                },
                "Tegucigalpa",
            ),
        ],
    ),
    (
        "national-id",
        "HN",
        "rnp-hn",
        {
            "es": "DNI (Documento Nacional de Identificación)",
            "en": "DNI (national identity document)",
        },
        _FREE_FIRST,
        _WEEKS,
        _ID_BRING,
        "https://www.rnp.hn",
        [
            ({"es": "RNP San Pedro Sula", "en": "RNP San Pedro Sula"}, "San Pedro Sula"),
            ({"es": "RNP Tegucigalpa", "en": "RNP Tegucigalpa"}, "Tegucigalpa"),
        ],
    ),
    (
        "criminal-record",
        "HN",
        "poder-judicial-hn",
        {"es": "Constancia de antecedentes penales"},
        _CHECK,
        _DAYS,
        _RECORD_BRING,
        "https://www.poderjudicial.gob.hn",
        [
            (
                {"es": "Poder Judicial, San Pedro Sula", "en": "Judiciary office, San Pedro Sula"},
                "San Pedro Sula",
            ),
            (
                {"es": "Poder Judicial, Tegucigalpa", "en": "Judiciary office, Tegucigalpa"},
                "Tegucigalpa",
            ),
        ],
    ),
    (
        "school-certificate",
        "HN",
        "seduc-hn",
        {"es": "Certificado de estudios"},
        _CHECK,
        _WEEKS,
        _SCHOOL_BRING,
        "https://www.se.gob.hn",
        [
            (
                {
                    "es": "Dirección departamental de educación de Cortés",
                    "en": "Cortés departmental education office",
                },
                "San Pedro Sula",
            )
        ],
    ),
    (
        "minor-travel-permit",
        "HN",
        "notario-hn",
        {
            "es": "Autorización notarial de los padres (menores de 21 años)",
            "en": "Parents' notarised authorisation (under 21)",
        },
        _NOTARY_FEE,
        _DAYS,
        _MINOR_BRING_HN,
        "https://inm.gob.hn",
        [],
    ),
    # Guatemala
    (
        "passport",
        "GT",
        "igm-gt",
        {"es": "Pasaporte guatemalteco", "en": "Guatemalan passport"},
        _CHECK,
        _WEEKS,
        _PASSPORT_BRING,
        "https://igm.gob.gt",
        [
            (
                {
                    "es": "Centro de emisión de pasaportes del IGM, Ciudad de Guatemala",
                    "en": "IGM passport centre, Guatemala City",
                },
                "Guatemala City",
            ),
            (
                {"es": "Delegación del IGM en Quetzaltenango", "en": "IGM office, Quetzaltenango"},
                "Quetzaltenango",
            ),
            (
                {"es": "Delegación del IGM en Huehuetenango", "en": "IGM office, Huehuetenango"},
                "Huehuetenango",
            ),
        ],
    ),
    (
        "birth-certificate",
        "GT",
        "renap-gt",
        {"es": "Certificado de nacimiento RENAP"},
        _CHECK,
        _DAYS,
        _BIRTH_BRING,
        "https://www.renap.gob.gt",
        [
            ({"es": "RENAP Ciudad de Guatemala", "en": "RENAP Guatemala City"}, "Guatemala City"),
            ({"es": "RENAP Quetzaltenango", "en": "RENAP Quetzaltenango"}, "Quetzaltenango"),
        ],
    ),
    (
        "national-id",
        "GT",
        "renap-gt",
        {
            "es": "DPI (Documento Personal de Identificación)",
            "en": "DPI (personal identification document)",
        },
        _FREE_FIRST,
        _WEEKS,
        _ID_BRING,
        "https://www.renap.gob.gt",
        [
            ({"es": "RENAP Ciudad de Guatemala", "en": "RENAP Guatemala City"}, "Guatemala City"),
            ({"es": "RENAP Cobán", "en": "RENAP Cobán"}, "Cobán"),
        ],
    ),
    (
        "criminal-record",
        "GT",
        "oj-gt",
        {"es": "Constancia de carencia de antecedentes penales"},
        _CHECK,
        _DAYS,
        _RECORD_BRING,
        "https://www.oj.gob.gt",
        [
            (
                {
                    "es": "Organismo Judicial, Ciudad de Guatemala",
                    "en": "Judiciary, Guatemala City",
                },
                "Guatemala City",
            ),
            (
                {"es": "Organismo Judicial, Quetzaltenango", "en": "Judiciary, Quetzaltenango"},
                "Quetzaltenango",
            ),
        ],
    ),
    (
        "school-certificate",
        "GT",
        "mineduc-gt",
        {"es": "Certificado de estudios MINEDUC"},
        _CHECK,
        _WEEKS,
        _SCHOOL_BRING,
        "https://www.mineduc.gob.gt",
        [
            (
                {
                    "es": "Dirección departamental de educación de Guatemala",
                    "en": "Guatemala departmental education office",
                },
                "Guatemala City",
            )
        ],
    ),
    (
        "minor-travel-permit",
        "GT",
        "notario-gt",
        {
            "es": "Autorización notarial de salida de menores",
            "en": "Notarised authorisation for a minor to travel",
        },
        _NOTARY_FEE,
        _DAYS,
        _MINOR_BRING_GT,
        "https://igm.gob.gt",
        [],
    ),
    # El Salvador
    (
        "passport",
        "SV",
        "dgme-sv",
        {"es": "Pasaporte salvadoreño", "en": "Salvadoran passport"},
        _CHECK,
        _DAYS,
        _PASSPORT_BRING,
        "https://www.migracion.gob.sv",
        [
            (
                {
                    "es": "DGME, oficina central de pasaportes, San Salvador",
                    "en": "DGME passport head office, San Salvador",
                },
                "San Salvador",
            ),
            ({"es": "DGME San Miguel", "en": "DGME San Miguel"}, "San Miguel"),
            ({"es": "DGME Santa Ana", "en": "DGME Santa Ana"}, "Santa Ana"),
        ],
    ),
    (
        "birth-certificate",
        "SV",
        "rnpn-sv",
        {"es": "Partida de nacimiento"},
        _CHECK,
        _DAYS,
        _BIRTH_BRING,
        "https://www.rnpn.gob.sv",
        [
            (
                {
                    "es": "Registro del Estado Familiar, San Salvador",
                    "en": "Family status registry, San Salvador",
                },
                "San Salvador",
            )
        ],
    ),
    (
        "national-id",
        "SV",
        "rnpn-sv",
        {"es": "DUI (Documento Único de Identidad)", "en": "DUI (single identity document)"},
        _FREE_FIRST,
        _DAYS,
        _ID_BRING,
        "https://www.rnpn.gob.sv",
        [
            (
                {
                    "es": "Centro de servicio DUI San Salvador",
                    "en": "DUI service centre, San Salvador",
                },
                "San Salvador",
            ),
            (
                {"es": "Centro de servicio DUI San Miguel", "en": "DUI service centre, San Miguel"},
                "San Miguel",
            ),
        ],
    ),
    (
        "criminal-record",
        "SV",
        "centros-penales-sv",
        {"es": "Constancia de antecedentes penales"},
        _CHECK,
        _DAYS,
        _RECORD_BRING,
        "https://www.transparencia.gob.sv/institutions/dgcp/services",
        [
            (
                {
                    "es": "Centros Penales, San Salvador",
                    "en": "Prison service office, San Salvador",
                },
                "San Salvador",
            )
        ],
    ),
    (
        "school-certificate",
        "SV",
        "mined-sv",
        {"es": "Certificado de estudios"},
        _CHECK,
        _WEEKS,
        _SCHOOL_BRING,
        "https://www.mined.gob.sv",
        [
            (
                {
                    "es": "Departamental de educación de San Salvador",
                    "en": "San Salvador departmental education office",
                },
                "San Salvador",
            )
        ],
    ),
    (
        "minor-travel-permit",
        "SV",
        "notario-sv",
        {
            "es": "Acta notarial de autorización de viaje de menores",
            "en": "Notarial act authorising a minor to travel",
        },
        _NOTARY_FEE,
        _DAYS,
        _MINOR_BRING_SV,
        "https://www.migracion.gob.sv",
        [],
    ),
    # Nicaragua
    (
        "passport",
        "NI",
        "dgme-ni",
        {"es": "Pasaporte nicaragüense", "en": "Nicaraguan passport"},
        _CHECK,
        _WEEKS,
        _PASSPORT_BRING,
        "https://www.migob.gob.ni/migracion/",
        [
            (
                {"es": "DGME, oficina central, Managua", "en": "DGME head office, Managua"},
                "Managua",
            ),
            ({"es": "DGME León", "en": "DGME León"}, "León"),
            ({"es": "DGME Estelí", "en": "DGME Estelí"}, "Estelí"),
        ],
    ),
    (
        "birth-certificate",
        "NI",
        "cse-ni",
        {"es": "Certificado de nacimiento"},
        _CHECK,
        _DAYS,
        _BIRTH_BRING,
        "https://www.cse.gob.ni",
        [
            (
                {"es": "Registro del Estado Civil, Managua", "en": "Civil registry, Managua"},
                "Managua",
            )
        ],
    ),
    (
        "national-id",
        "NI",
        "cse-ni",
        {"es": "Cédula de identidad ciudadana", "en": "Citizen identity card (cédula)"},
        _FREE_FIRST,
        _WEEKS,
        _ID_BRING,
        "https://www.cse.gob.ni",
        [
            ({"es": "CSE Managua", "en": "CSE Managua"}, "Managua"),
            ({"es": "CSE Chinandega", "en": "CSE Chinandega"}, "Chinandega"),
        ],
    ),
    (
        "criminal-record",
        "NI",
        "policia-ni",
        {"es": "Récord de policía"},
        _CHECK,
        _DAYS,
        _RECORD_BRING,
        "https://www.policia.gob.ni",
        [
            ({"es": "Policía Nacional, Managua", "en": "National Police, Managua"}, "Managua"),
            (
                {"es": "Policía Nacional, Matagalpa", "en": "National Police, Matagalpa"},
                "Matagalpa",
            ),
        ],
    ),
    (
        "school-certificate",
        "NI",
        "mined-ni",
        {"es": "Certificado de notas"},
        _CHECK,
        _WEEKS,
        _SCHOOL_BRING,
        "https://www.mined.gob.ni",
        [
            (
                {"es": "MINED, oficina central, Managua", "en": "MINED head office, Managua"},
                "Managua",
            )
        ],
    ),
    (
        "minor-travel-permit",
        "NI",
        "dgme-ni",
        {"es": "Visa de salida de menores (DGME)", "en": "Minors' exit visa (DGME)"},
        _CHECK,
        _DAYS,
        _MINOR_BRING_NI,
        "https://www.migob.gob.ni/migracion/",
        [({"es": "DGME Managua", "en": "DGME Managua"}, "Managua")],
    ),
    # Mexico
    (
        "passport",
        "MX",
        "sre-mx",
        {"es": "Pasaporte mexicano", "en": "Mexican passport"},
        _CHECK,
        _DAYS,
        _PASSPORT_BRING,
        "https://www.gob.mx/sre",
        [
            (
                {
                    "es": "Oficina de pasaportes SRE, Ciudad de México",
                    "en": "SRE passport office, Mexico City",
                },
                "Mexico City",
            ),
            (
                {
                    "es": "Oficina de pasaportes SRE, Tapachula",
                    "en": "SRE passport office, Tapachula",
                },
                "Tapachula",
            ),
            (
                {
                    "es": "Oficina de pasaportes SRE, Guadalajara",
                    "en": "SRE passport office, Guadalajara",
                },
                "Guadalajara",
            ),
        ],
    ),
    (
        "birth-certificate",
        "MX",
        "registro-civil-mx",
        {"es": "Acta de nacimiento"},
        {
            "es": "Varía por estado; también se obtiene en línea en gob.mx.",
            "en": "Varies by state; it can also be obtained online at gob.mx.",
        },
        _DAYS,
        _BIRTH_BRING,
        "https://www.gob.mx/ActaNacimiento/",
        [
            (
                {"es": "Registro Civil, Ciudad de México", "en": "Civil registry, Mexico City"},
                "Mexico City",
            ),
            ({"es": "Registro Civil, Tapachula", "en": "Civil registry, Tapachula"}, "Tapachula"),
        ],
    ),
    (
        "national-id",
        "MX",
        "ine-mx",
        {"es": "Credencial para votar (INE)", "en": "Voter card (INE)"},
        _FREE,
        _WEEKS,
        _ID_BRING,
        "https://www.ine.mx/credencial/",
        [
            (
                {
                    "es": "Módulo de atención ciudadana INE, Ciudad de México",
                    "en": "INE service module, Mexico City",
                },
                "Mexico City",
            ),
            ({"es": "Módulo INE, Tapachula", "en": "INE service module, Tapachula"}, "Tapachula"),
        ],
    ),
    (
        "criminal-record",
        "MX",
        "sspc-mx",
        {"es": "Constancia de antecedentes penales federales"},
        _CHECK,
        _DAYS,
        _RECORD_BRING,
        "https://constancias.oadprs.gob.mx/",
        [
            (
                {
                    "es": "Oficina de constancias, Ciudad de México",
                    "en": "Certificate office, Mexico City",
                },
                "Mexico City",
            )
        ],
    ),
    (
        "school-certificate",
        "MX",
        "sep-mx",
        {"es": "Certificado de estudios SEP"},
        {
            "es": "Los certificados electrónicos se descargan gratis en gob.mx.",
            "en": "Electronic certificates are downloaded free of charge at gob.mx.",
        },
        _DAYS,
        _SCHOOL_BRING,
        "https://www.gob.mx/sep",
        [
            (
                {
                    "es": "Oficina de servicios escolares, Ciudad de México",
                    "en": "School services office, Mexico City",
                },
                "Mexico City",
            )
        ],
    ),
    (
        "minor-travel-permit",
        "MX",
        "inm-mx",
        {
            "es": "Formato de salida de menores (SAM), si viajas solo o con un tercero",
            "en": "Minors' exit form (SAM), if travelling alone or with a third party",
        },
        _FREE,
        _DAYS,
        _MINOR_BRING_MX,
        "https://www.gob.mx/inm",
        [
            (
                {"es": "Oficina del INM, Ciudad de México", "en": "INM office, Mexico City"},
                "Mexico City",
            ),
            ({"es": "Oficina del INM, Tapachula", "en": "INM office, Tapachula"}, "Tapachula"),
        ],
    ),
]
