"""Loads the service taxonomy, so that an installation without demo data can link points to
services from the start. Codes are stable by rule (see taxonomy.py), so reading the current
list here is safe."""

import uuid

from django.db import migrations


def load_taxonomy(apps, schema_editor):
    from rumbo.infopoints.taxonomy import SERVICES, TAXONOMY_NAMESPACE

    Service = apps.get_model("infopoints", "Service")
    for order, (code, names) in enumerate(SERVICES):
        Service.objects.get_or_create(
            code=code,
            defaults={
                "uuid": uuid.uuid5(TAXONOMY_NAMESPACE, code),
                "order": order * 10,
                "name": names["es"],
                **{f"name_{language}": name for language, name in names.items()},
            },
        )


class Migration(migrations.Migration):
    dependencies = [("infopoints", "0001_info_points")]

    operations = [migrations.RunPython(load_taxonomy, migrations.RunPython.noop)]
