from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Compiles every gettext catalogue (.po to .mo) in pure Python, so a fresh clone "
        "needs no GNU gettext to run."
    )

    def handle(self, *args, **options):
        count = 0
        for po_path in sorted(Path(settings.BASE_DIR, "rumbo").glob("*/locale/*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if not mo_path.exists() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
                polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
                count += 1
        self.stdout.write(f"{count} catalogue(s) compiled")
