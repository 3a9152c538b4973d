from django.db import transaction

from rumbo.accounts.models import User


@transaction.atomic
def user_ensure_superuser(*, email: str, password: str) -> tuple[User, bool]:
    """Creates the administrator if missing; an existing one keeps its password."""
    user = User.objects.filter(email=email).first()
    if user:
        return user, False
    return User.objects.create_superuser(email=email, password=password), True
