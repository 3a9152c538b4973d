from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from rumbo.learning.package import PackageError, package_import


class Command(BaseCommand):
    help = "Imports a course package (all or nothing; errors name the file and line)."

    def add_arguments(self, parser):
        parser.add_argument("package", help="path of the .zip")
        parser.add_argument(
            "--replace", action="store_true", help="replace the course if nobody is enrolled"
        )

    def handle(self, *args, **options):
        try:
            data = Path(options["package"]).read_bytes()
        except OSError as error:
            raise CommandError(str(error)) from error
        try:
            course = package_import(data=data, replace=options["replace"])
        except PackageError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{course.slug} imported")
