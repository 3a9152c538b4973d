from django.core import validators
from django.db import models

from rumbo.casework.crypto import value_decrypt, value_encrypt


class EncryptedTextField(models.TextField):
    """A text column stored encrypted (rumbo.casework.crypto); Python code sees plain text.

    An empty value stays empty (nothing to protect, and "erased" is visible as such). The
    column cannot be searched or ordered: nothing may filter on personal data anyway.

    A `max_length` is enforced by full_clean() too (a TextField alone only passes it to its
    form field), so a service refuses an oversized value even when no form checked it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.max_length is not None:
            # Appended to the cached list, as CharField does, so migrations do not see it.
            self.validators.append(validators.MaxLengthValidator(self.max_length))

    def contribute_to_class(self, cls, name, *args, **kwargs):
        super().contribute_to_class(cls, name, *args, **kwargs)
        self.encryption_context = f"{cls._meta.label_lower}.{name}"

    def from_db_value(self, value, expression, connection):
        if not value:
            return ""
        return value_decrypt(stored=value, context=self.encryption_context)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if not value:
            return ""
        return value_encrypt(plaintext=value, context=self.encryption_context)
