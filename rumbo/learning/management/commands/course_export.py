from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from rumbo.learning.models import Course
from rumbo.learning.package import package_export


class Command(BaseCommand):
    help = "Writes a course as a portable package (zip of YAML and Markdown)."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("output", help="path of the .zip to write")

    def handle(self, *args, **options):
        course = Course.objects.filter(slug=options["slug"]).first()
        if course is None:
            raise CommandError(f"No course {options['slug']!r}.")
        Path(options["output"]).write_bytes(package_export(course=course))
        self.stdout.write(f"{course.slug} written to {options['output']}")
