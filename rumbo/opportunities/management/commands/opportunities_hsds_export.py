import json

from django.core.management.base import BaseCommand, CommandError

from rumbo.opportunities.hsds import export_document, export_errors


class Command(BaseCommand):
    help = (
        "Writes the opportunities as HSDS 3.0 services (JSON) to standard output, after "
        "validating them strictly against the official schemas."
    )

    def handle(self, *args, **options) -> None:
        document = export_document()
        errors = export_errors(document)
        if errors:
            raise CommandError("\n".join(errors[:50]))
        self.stdout.write(json.dumps(document, ensure_ascii=False, indent=1))
