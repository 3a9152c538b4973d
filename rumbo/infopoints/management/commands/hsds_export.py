from pathlib import Path

from django.core.management.base import BaseCommand

from rumbo.infopoints.hsds_files import export_zip


class Command(BaseCommand):
    help = "Writes every information point as an HSDS 3.0 export (JSON and CSV tables, zipped)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path, help="The zip file to write.")

    def handle(self, *args, path: Path, **options) -> None:
        data = export_zip()
        path.write_bytes(data)
        self.stdout.write(f"{path}: {len(data)} bytes")
