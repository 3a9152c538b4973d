from django.core.management.base import BaseCommand

from rumbo.certificates.keys import (
    public_key_multibase,
    secret_key_from_multibase,
    secret_key_generate,
)


class Command(BaseCommand):
    help = (
        "Prints a new Ed25519 signing key for RUMBO_CREDENTIAL_SIGNING_KEY and its public key. "
        "Nothing is stored: put the secret key in your secret store."
    )

    def handle(self, *args, **options):
        secret = secret_key_generate()
        public = public_key_multibase(secret_key_from_multibase(secret).public_key())
        self.stdout.write(f"RUMBO_CREDENTIAL_SIGNING_KEY={secret}")
        self.stdout.write(f"public key (publicKeyMultibase): {public}")
