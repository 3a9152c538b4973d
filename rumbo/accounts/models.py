import re
import unicodedata
from typing import ClassVar

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Letters and digits of any script, dots, hyphens and underscores: never "@", so a login
# names an email address exactly when it holds one.
USERNAME_PATTERN = re.compile(r"^[\w.-]{3,30}\Z")


def username_normalise(value: str) -> str:
    """The stored form of a username: NFKC (full-width and composed letters as one) and
    lower case, so `Amal`, `amal` and `ａｍａｌ` are one account."""
    return unicodedata.normalize("NFKC", value.strip()).lower()


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str | None, password: str | None, **extra_fields) -> "User":
        username = extra_fields.pop("username", None)
        if not email and not username:
            raise ValueError("An email address or a username is required.")
        user = self.model(
            email=self.normalize_email(email).lower() if email else None,
            username=username_normalise(username) if username else None,
            **extra_fields,
        )
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(
        self, email: str | None = None, password: str | None = None, **extra_fields
    ) -> "User":
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields) -> "User":
        if not email:
            raise ValueError("An administrator needs an email address.")
        extra_fields |= {"is_staff": True, "is_superuser": True}
        return self._create_user(email, password, **extra_fields)

    def get_by_natural_key(self, username: str | None) -> "User":
        # Every login (ModelBackend, axes) names the account through this: an email address
        # holds "@", a username never does.
        key = str(username or "")
        if "@" in key:
            return self.get(email=key)
        return self.get(username=username_normalise(key))


class User(AbstractBaseUser, PermissionsMixin):
    """Everyone who logs in: staff of information points, partners and learners.

    The login is the email address, or, for learners without one, a username with printed
    recovery codes (RecoveryCode) instead of an email to reset a forgotten password. Roles
    come from the apps that grant them.
    """

    email = models.EmailField(_("email address"), unique=True, null=True, blank=True)
    username = models.CharField(
        _("username"),
        max_length=30,
        unique=True,
        null=True,
        blank=True,
        validators=[
            RegexValidator(
                USERNAME_PATTERN,
                _("Use 3 to 30 letters, digits, dots, hyphens or underscores, without spaces."),
            )
        ],
        help_text=_("For learners without an email address."),
    )
    full_name = models.CharField(
        _("full name"),
        max_length=150,
        blank=True,
        help_text=_("As it should appear on certificates."),
    )
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Can log into the administration site."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.CheckConstraint(
                condition=Q(email__isnull=False) | Q(username__isnull=False),
                name="user_has_email_or_username",
            )
        ]

    def __str__(self) -> str:
        return self.login_name

    def natural_key(self) -> tuple[str]:
        return (self.login_name,)

    def clean(self) -> None:
        super().clean()
        # AbstractBaseUser.clean() normalises the email address; an empty one is no address.
        self.email = self.email or None
        self.username = username_normalise(self.username) if self.username else None

    @property
    def login_name(self) -> str:
        """What the person types to log in: their email address or their username."""
        return self.email or self.username or ""

    def get_full_name(self) -> str:
        return self.full_name or self.login_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.login_name


class RecoveryCode(models.Model):
    """One of the printed codes that let a learner without email set a new password. Only a
    salted hash is kept (the codes are shown once, when issued); each opens the account once.
    """

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="recovery_codes", verbose_name=_("user")
    )
    code_hash = models.CharField(_("hash of the code"), max_length=128)
    created_at = models.DateTimeField(_("issued"), default=timezone.now)
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")
        indexes = [models.Index(fields=["user", "used_at"])]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.pk}"
