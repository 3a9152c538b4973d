from django.core.management.base import BaseCommand

from rumbo.opportunities.services import confirmation_reminders_send


class Command(BaseCommand):
    help = (
        "Emails partner accounts a signed link for each record that will leave the public "
        "lists within 30 days unless confirmed (run daily or weekly)."
    )

    def handle(self, *args, **options) -> None:
        sent = confirmation_reminders_send()
        self.stdout.write(f"{sent} reminder emails sent")
