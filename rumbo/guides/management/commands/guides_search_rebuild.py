from django.core.management.base import BaseCommand

from rumbo.guides.services import search_index_rebuild


class Command(BaseCommand):
    help = "Rebuilds the guides' search terms (after a bulk import that bypassed the services)."

    def handle(self, *args, **options) -> None:
        written = search_index_rebuild()
        self.stdout.write(f"{written} search terms written.")
