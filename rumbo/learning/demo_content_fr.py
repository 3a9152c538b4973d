"""Modules 2 to 11 and the final assessment of the demo counter-trafficking course in French,
written for the demo (not IOM's course material), in the shape of demo_content.LATER_MODULES.
"""

from rumbo.learning.demo_content import TF, M, S, true_false_choices

LATER_MODULES = [
    (
        "La traite dans les crises humanitaires",
        "crises-et-risques",
        "Pourquoi le risque augmente",
        "Les catastrophes et les conflits brisent les réseaux qui protègent les personnes : les familles sont "
        "séparées, les documents et les revenus sont perdus, et les services cessent de fonctionner.\n\n"
        "Les exploiteurs profitent de l'urgence : ils proposent un transport, un travail ou un abri en échange de "
        "dettes qui ne finissent jamais. La réponse humanitaire doit tenir compte de ce risque dès le premier jour.",
        [
            (
                S,
                "De quoi les trafiquants profitent-ils souvent dans une situation d'urgence ?",
                "De l'urgence et de la perte des réseaux de soutien.",
                [
                    ("De l'urgence des personnes", True),
                    ("De l'arrivée de l'aide", False),
                    ("De la fin de la crise", False),
                ],
            ),
            (
                TF,
                "La prévention de la traite doit attendre la fin de l'urgence.",
                "Elle fait partie de la réponse dès le premier jour.",
                true_false_choices("fr", False),
            ),
            (
                M,
                "Quelles pertes augmentent la vulnérabilité ?",
                "Les documents et les revenus protègent les personnes.",
                [("Les documents", True), ("Les revenus", True), ("Un changement de météo", False)],
            ),
        ],
    ),
    (
        "Indicateurs de traite",
        "indicateurs",
        "Les signes à surveiller",
        "Aucun indicateur ne prouve à lui seul la traite, mais plusieurs ensemble justifient d'agir.\n\n"
        "- La personne ne détient pas ses documents ou ne sait pas où ils se trouvent.\n"
        "- Elle doit une dette qui ne cesse de grandir.\n"
        "- Elle ne peut pas partir librement ni parler sans qu'une autre personne la contrôle.\n"
        "- Elle montre de la peur ou des blessures inexpliquées.",
        [
            (
                S,
                "Que faire si vous remarquez plusieurs indicateurs ensemble ?",
                "Plusieurs indicateurs justifient une réponse sûre.",
                [
                    ("Agir selon le protocole d'orientation", True),
                    ("Les ignorer", False),
                    ("Les publier sur les réseaux sociaux", False),
                ],
            ),
            (
                TF,
                "Un seul indicateur prouve qu'il y a traite.",
                "Les indicateurs s'apprécient ensemble.",
                true_false_choices("fr", False),
            ),
            (
                M,
                "Lesquels sont des indicateurs ?",
                "Une dette croissante et l'absence de ses documents sont des indicateurs.",
                [
                    ("Une dette qui grandit", True),
                    ("Ne pas détenir ses documents", True),
                    ("Parler plusieurs langues", False),
                ],
            ),
        ],
    ),
    (
        "Vulnérabilité et facteurs de risque",
        "vulnerabilite",
        "Qui est le plus exposé",
        "Le risque combine des facteurs individuels (âge, genre, handicap), familiaux (dettes, violence) et "
        "environnementaux (conflit, absence de voies de migration régulières).\n\n"
        "La vulnérabilité n'est pas un trait de la personne mais de sa situation : elle change quand les "
        "protections à sa portée changent.",
        [
            (
                S,
                "Dans ce cours, la vulnérabilité est avant tout…",
                "Elle dépend de la situation et des protections.",
                [
                    ("Une caractéristique de la situation", True),
                    ("Un trait fixe de la personne", False),
                    ("Une faute", False),
                ],
            ),
            (
                TF,
                "L'absence de voies de migration régulières est un facteur de risque environnemental.",
                "Elle pousse les personnes vers des routes irrégulières.",
                true_false_choices("fr", True),
            ),
            (
                M,
                "Lesquels sont des facteurs familiaux ?",
                "Les dettes et la violence au foyer.",
                [("Les dettes", True), ("La violence au foyer", True), ("Un conflit armé", False)],
            ),
        ],
    ),
    (
        "Principes de protection",
        "principes",
        "Ne pas nuire",
        "Toute intervention suit des principes : ne pas nuire, confidentialité, consentement éclairé, "
        "non-discrimination et intérêt supérieur de l'enfant.\n\n"
        "Avant de poser des questions, demandez-vous si la conversation met la personne en danger. Parlez dans "
        "un lieu privé et expliquez ce que vous ferez des informations.",
        [
            (
                S,
                "Quel principe exige d'expliquer ce qui sera fait des informations ?",
                "Le consentement éclairé.",
                [
                    ("Le consentement éclairé", True),
                    ("La rapidité", False),
                    ("La publicité", False),
                ],
            ),
            (
                TF,
                "On peut interroger une victime possible devant la personne qui la contrôle.",
                "Cela met la personne en danger.",
                true_false_choices("fr", False),
            ),
            (
                M,
                "Lesquels sont des principes de protection ?",
                "Ne pas nuire et la confidentialité.",
                [
                    ("Ne pas nuire", True),
                    ("La confidentialité", True),
                    ("Recueillir le plus de données possible", False),
                ],
            ),
        ],
    ),
    (
        "Identification et orientation sûre",
        "orientation",
        "Du premier contact à l'orientation",
        "Le personnel humanitaire n'enquête pas sur les crimes : il repère les signes et oriente. Une carte des "
        "services à jour indique qui appeler pour l'hébergement, la santé, l'aide juridique et la protection.\n\n"
        "N'orientez qu'avec le consentement de la personne, sauf si sa vie est en danger immédiat ou s'il "
        "s'agit d'un enfant, et ne partagez que les données nécessaires.",
        [
            (
                S,
                "Quel est le rôle du personnel humanitaire ?",
                "Repérer les signes et orienter.",
                [
                    ("Repérer et orienter", True),
                    ("Enquêter sur le crime", False),
                    ("Arrêter les trafiquants", False),
                ],
            ),
            (
                TF,
                "Une carte des services à jour facilite l'orientation.",
                "Elle indique qui appeler.",
                true_false_choices("fr", True),
            ),
            (
                M,
                "Lors d'une orientation, que faut-il faire ?",
                "Le consentement et le minimum de données.",
                [
                    ("Demander le consentement", True),
                    ("Ne partager que le nécessaire", True),
                    ("Envoyer tout le dossier à tout le monde", False),
                ],
            ),
        ],
    ),
    (
        "Assister les personnes survivantes",
        "assistance",
        "Une assistance centrée sur la personne",
        "L'assistance couvre les besoins immédiats (sécurité, abri, santé, soutien psychosocial) et les besoins "
        "à plus long terme (documents, revenus, réintégration).\n\n"
        "C'est la personne qui décide : l'assistance ne dépend pas d'une plainte à la police ni d'une "
        "coopération avec la justice.",
        [
            (
                S,
                "De quoi dépend l'assistance à une personne survivante ?",
                "Elle ne dépend pas d'une plainte.",
                [
                    ("De ses besoins et de ses décisions", True),
                    ("D'une plainte à la police", False),
                    ("De sa nationalité", False),
                ],
            ),
            (
                TF,
                "Le soutien psychosocial est un besoin immédiat.",
                "Il fait partie de la première réponse.",
                true_false_choices("fr", True),
            ),
            (
                M,
                "Quels besoins sont à long terme ?",
                "Les documents et les revenus.",
                [("Les documents", True), ("Les revenus", True), ("Les premiers secours", False)],
            ),
        ],
    ),
    (
        "Les enfants et la traite",
        "enfants",
        "Protéger les enfants",
        "Les enfants non accompagnés ou séparés courent un risque élevé. Les enregistrer, rechercher leur "
        "famille et leur offrir une prise en charge alternative sûre sont des mesures de prévention.\n\n"
        "Chaque décision suit leur intérêt supérieur et tient compte de leur avis selon leur âge et leur maturité.",
        [
            (
                S,
                "Qu'est-ce qui guide chaque décision concernant un enfant ?",
                "Son intérêt supérieur.",
                [
                    ("Son intérêt supérieur", True),
                    ("L'avis du trafiquant", False),
                    ("Le coût", False),
                ],
            ),
            (
                TF,
                "La recherche de la famille est une mesure de prévention.",
                "Elle réduit le risque.",
                true_false_choices("fr", True),
            ),
            (
                M,
                "Quelles mesures protègent les enfants non accompagnés ?",
                "L'enregistrement et une prise en charge alternative sûre.",
                [
                    ("L'enregistrement", True),
                    ("Une prise en charge alternative sûre", True),
                    ("Les laisser voyager seuls", False),
                ],
            ),
        ],
    ),
    (
        "Coordination",
        "coordination",
        "Travailler avec le système des clusters",
        "En situation d'urgence, la réponse à la traite est coordonnée au sein du cluster protection. Des "
        "procédures opérationnelles standard convenues évitent que chaque organisation agisse seule.\n\n"
        "La coordination inclut les autorités nationales et les organisations locales.",
        [
            (
                S,
                "Où la réponse à la traite est-elle coordonnée en situation d'urgence ?",
                "Au sein du cluster protection.",
                [
                    ("Au sein du cluster protection", True),
                    ("Au sein du cluster logistique", False),
                    ("Nulle part", False),
                ],
            ),
            (
                TF,
                "Les procédures opérationnelles standard facilitent la coordination.",
                "Elles évitent les réponses isolées.",
                true_false_choices("fr", True),
            ),
            (
                M,
                "Qui la coordination inclut-elle ?",
                "Les autorités et les organisations locales.",
                [
                    ("Les autorités nationales", True),
                    ("Les organisations locales", True),
                    ("Les trafiquants", False),
                ],
            ),
        ],
    ),
    (
        "Prévention dans les abris et les sites de déplacement",
        "prevention",
        "Des sites plus sûrs",
        "L'aménagement d'un site influe sur le risque : l'éclairage, des latrines séparées qui ferment à clé et "
        "des points de distribution surveillés réduisent les occasions de recrutement.\n\n"
        "Informer les personnes sur les offres d'emploi trompeuses et sur les endroits où demander de l'aide "
        "prévient aussi la traite.",
        [
            (
                S,
                "Quelle mesure d'aménagement réduit le risque sur un site ?",
                "L'éclairage réduit les occasions de recrutement.",
                [
                    ("Un bon éclairage", True),
                    ("Moins de latrines", False),
                    ("Retenir l'information", False),
                ],
            ),
            (
                TF,
                "Informer sur les offres trompeuses est une mesure de prévention.",
                "Cela aide à les reconnaître.",
                true_false_choices("fr", True),
            ),
            (
                M,
                "Quelles mesures préviennent la traite sur un site ?",
                "Des latrines sûres et des points surveillés.",
                [
                    ("Des latrines qui ferment à clé", True),
                    ("Une distribution surveillée", True),
                    ("Des zones sans éclairage", False),
                ],
            ),
        ],
    ),
    (
        "Protection des données",
        "protection-des-donnees",
        "Traiter l'information de façon éthique",
        "Les données sur les victimes possibles sont très sensibles. Ne recueillez que le nécessaire, "
        "conservez-les avec un accès restreint et ne les partagez pas sans base claire ni consentement de la "
        "personne.\n\n"
        "Les chiffres publiés doivent être agrégés, afin que personne ne puisse être identifié.",
        [
            (
                S,
                "Quelles données faut-il recueillir sur une victime possible ?",
                "Seulement le nécessaire.",
                [
                    ("Seulement le nécessaire", True),
                    ("Tout ce qui est possible", False),
                    ("Celles de toute sa famille", False),
                ],
            ),
            (
                TF,
                "Les chiffres publiés doivent permettre d'identifier les cas.",
                "Ils doivent être agrégés.",
                true_false_choices("fr", False),
            ),
            (
                M,
                "Quelles pratiques protègent les données ?",
                "L'accès restreint et le consentement.",
                [
                    ("L'accès restreint", True),
                    ("Le consentement", True),
                    ("Des tableurs partagés ouvertement", False),
                ],
            ),
        ],
    ),
]

FINAL = (
    "Évaluation finale",
    [
        (
            S,
            "Combien d'éléments composent la définition de la traite des adultes ?",
            "L'acte, le moyen et la fin.",
            [("Trois", True), ("Deux", False), ("Cinq", False)],
        ),
        (
            TF,
            "L'assistance aux personnes survivantes dépend de leur plainte à la police.",
            "Elle ne dépend pas d'une plainte.",
            true_false_choices("fr", False),
        ),
        (
            S,
            "Que faire lorsque vous remarquez plusieurs indicateurs ?",
            "Orienter de façon sûre.",
            [
                ("Orienter de façon sûre", True),
                ("Enquêter seul", False),
                ("Rien", False),
            ],
        ),
        (
            M,
            "Quels principes guident la réponse ?",
            "Ne pas nuire et la confidentialité.",
            [
                ("Ne pas nuire", True),
                ("La confidentialité", True),
                ("La rapidité à tout prix", False),
            ],
        ),
        (
            TF,
            "L'aménagement d'un site de déplacement influe sur le risque de traite.",
            "L'éclairage et des latrines sûres comptent.",
            true_false_choices("fr", True),
        ),
        (
            S,
            "Où la réponse est-elle coordonnée en situation d'urgence ?",
            "Le cluster protection.",
            [
                ("Le cluster protection", True),
                ("Le cluster logistique", False),
                ("Les médias", False),
            ],
        ),
        (
            TF,
            "Les données sur les victimes possibles peuvent circuler librement entre organisations.",
            "Seulement avec une base claire et le consentement.",
            true_false_choices("fr", False),
        ),
        (
            S,
            "Qu'est-ce qui guide les décisions concernant un enfant ?",
            "Son intérêt supérieur.",
            [("Son intérêt supérieur", True), ("La rapidité", False), ("Le budget", False)],
        ),
    ],
)
