"""Where a tracked link may send people.

A printed QR code cannot be recalled, so its target must never become a way to send people
anywhere an attacker chooses (an open redirect, or a campaign manager's stolen account turned
into a phishing link on a thousand posters). A target is either a page of this site, written as
a path (`/plan/`), or a full http(s) address on a host the instance lists: its own public
address, its allowed hosts, and `RUMBO_TRACKED_LINK_HOSTS` (for example the campaign's own
domains or its Facebook page), which only whoever deploys the instance can change.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from rumbo.core.validators import is_web_url


def allowed_hosts() -> set[str]:
    hosts = {host.lower().lstrip(".") for host in settings.ALLOWED_HOSTS if host != "*"}
    hosts |= {host.lower() for host in getattr(settings, "RUMBO_TRACKED_LINK_HOSTS", [])}
    public = urlsplit(settings.RUMBO_PUBLIC_URL).hostname
    if public:
        hosts.add(public.lower())
    return hosts


def target_problem(value: str) -> str | None:
    """None for an acceptable target, else why it is refused (translated)."""
    if not value:
        return str(_("Give a target."))
    if any(ord(char) < 33 for char in value) or "\\" in value:
        return str(_("A target holds no spaces, control characters or backslashes."))
    if value.startswith("/"):
        if value.startswith("//"):
            return str(_("A page of this site starts with a single slash."))
        return None
    if not is_web_url(value):
        return str(_("Give a page of this site (/plan/) or an address starting with https://."))
    host = (urlsplit(value).hostname or "").lower()
    if host not in allowed_hosts():
        return str(
            _(
                "Links may only lead to this site or to the hosts the instance allows "
                "(RUMBO_TRACKED_LINK_HOSTS); %(host)s is not one of them."
            )
            % {"host": host}
        )
    return None


@deconstructible(path="rumbo.measurement.targets.TargetValidator")
class TargetValidator:
    def __call__(self, value: str) -> None:
        if problem := target_problem(value):
            raise ValidationError(problem, code="invalid")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TargetValidator)


target_validator = TargetValidator()
