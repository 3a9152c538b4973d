"""The point-service links become an explicit model holding their HSDS id, so the HSDS API
finds a service_at_location by its id in the database. The table and its rows stay: only the
id column is added (Django's recipe for giving a many-to-many relation a through model)."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

HSDS_NAMESPACE = uuid.UUID("3b0d7c1e-55f4-4d8e-a5b2-6c8e1f9d2a47")


def fill_hsds_ids(apps, schema_editor):
    link_model = apps.get_model("infopoints", "InfoPointService")
    links = link_model.objects.select_related("infopoint", "service").only(
        "infopoint__uuid", "service__code"
    )
    batch = []
    for link in links.iterator(chunk_size=2000):
        link.hsds_id = uuid.uuid5(
            HSDS_NAMESPACE, f"service_at_location:{link.infopoint.uuid}:{link.service.code}"
        )
        batch.append(link)
        if len(batch) == 2000:
            link_model.objects.bulk_update(batch, ["hsds_id"])
            batch = []
    link_model.objects.bulk_update(batch, ["hsds_id"])


class Migration(migrations.Migration):
    dependencies = [
        ("infopoints", "0003_web_urls_http_only"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="InfoPointService",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "infopoint",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to="infopoints.infopoint",
                            ),
                        ),
                        (
                            "service",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                to="infopoints.service",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "service at a point",
                        "verbose_name_plural": "services at points",
                        "db_table": "infopoints_infopoint_services",
                        "unique_together": {("infopoint", "service")},
                    },
                ),
                migrations.AlterField(
                    model_name="infopoint",
                    name="services",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="info_points",
                        through="infopoints.InfoPointService",
                        to="infopoints.service",
                        verbose_name="services",
                    ),
                ),
            ],
        ),
        migrations.AddField(
            model_name="infopointservice",
            name="hsds_id",
            field=models.UUIDField(editable=False, null=True, verbose_name="HSDS id"),
        ),
        migrations.RunPython(fill_hsds_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="infopointservice",
            name="hsds_id",
            field=models.UUIDField(editable=False, unique=True, verbose_name="HSDS id"),
        ),
    ]
