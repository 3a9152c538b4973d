"""The service taxonomy: stable codes, never renamed (they are URL filters and HSDS taxonomy
terms), with names in every interface language."""

import uuid

from django.db import transaction

from rumbo.infopoints.models import Service

TAXONOMY_NAMESPACE = uuid.UUID("0d6f3b52-8a47-4c1e-9f0a-3c5e2b7d9a61")

SERVICES: list[tuple[str, dict[str, str]]] = [
    (
        "regular-migration-information",
        {
            "es": "Información sobre migración regular",
            "en": "Information on regular migration",
            "fr": "Information sur la migration régulière",
            "ar": "معلومات عن الهجرة النظامية",
        },
    ),
    (
        "document-guidance",
        {
            "es": "Orientación sobre documentos",
            "en": "Guidance on documents",
            "fr": "Conseils sur les documents",
            "ar": "إرشاد بشأن الوثائق",
        },
    ),
    (
        "local-opportunities",
        {
            "es": "Referencia a oportunidades locales",
            "en": "Referral to local opportunities",
            "fr": "Orientation vers des opportunités locales",
            "ar": "الإحالة إلى الفرص المحلية",
        },
    ),
    (
        "legal-advice",
        {
            "es": "Asesoría legal",
            "en": "Legal advice",
            "fr": "Conseil juridique",
            "ar": "استشارة قانونية",
        },
    ),
    (
        "psychosocial-support",
        {
            "es": "Apoyo psicosocial",
            "en": "Psychosocial support",
            "fr": "Soutien psychosocial",
            "ar": "الدعم النفسي والاجتماعي",
        },
    ),
    (
        "return-reintegration",
        {
            "es": "Retorno y reintegración",
            "en": "Return and reintegration",
            "fr": "Retour et réintégration",
            "ar": "العودة وإعادة الإدماج",
        },
    ),
    (
        "protection-referral",
        {
            "es": "Referencia a servicios de protección",
            "en": "Referral to protection services",
            "fr": "Orientation vers les services de protection",
            "ar": "الإحالة إلى خدمات الحماية",
        },
    ),
    (
        "labour-mobility",
        {
            "es": "Programas de movilidad laboral",
            "en": "Labour mobility programmes",
            "fr": "Programmes de mobilité de main-d'œuvre",
            "ar": "برامج تنقل العمالة",
        },
    ),
]


@transaction.atomic
def service_taxonomy_load() -> int:
    """Creates or renames the taxonomy's services; existing UUIDs and links are kept."""
    for order, (code, names) in enumerate(SERVICES):
        Service.objects.update_or_create(
            code=code,
            # A fixed UUID per code, so that every installation gives a service the same
            # HSDS id; an imported service keeps the id it came with.
            create_defaults={
                "uuid": uuid.uuid5(TAXONOMY_NAMESPACE, code),
                "order": order * 10,
                "name": names["es"],
                **{f"name_{language}": name for language, name in names.items()},
            },
            defaults={
                "order": order * 10,
                "name": names["es"],
                **{f"name_{language}": name for language, name in names.items()},
            },
        )
    return len(SERVICES)
