from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from rumbo.core.uploads import UploadError
from rumbo.infopoints.hsds_files import read_document
from rumbo.infopoints.hsds_import import hsds_import


class Command(BaseCommand):
    help = (
        "Imports an HSDS 3.0 export (a zip as written by hsds_export). All or nothing: any "
        "error is listed by object and field, and nothing is written."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path, help="The zip file to read.")

    def handle(self, *args, path: Path, **options) -> None:
        try:
            document = read_document(path)
        except (OSError, UploadError) as error:
            raise CommandError(f"{path}: {error}") from None
        report = hsds_import(document=document)
        if not report.ok:
            for line in report.errors:
                self.stderr.write(line)
            raise CommandError(f"{len(report.errors)} errors; nothing was imported.")
        self.stdout.write(
            f"Imported {report.points} points, {report.organisations} new organisations, "
            f"{report.services} services."
        )
