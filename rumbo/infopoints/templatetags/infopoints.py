from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from rumbo.core.places import language_name
from rumbo.infopoints.models import InfoPoint

register = template.Library()


@register.filter
def distance(km: float) -> str:
    if km < 1:
        return _("%(metres)s m") % {"metres": number_format(round(km * 1000, -1), 0)}
    return _("%(km)s km") % {"km": number_format(km, 1 if km < 10 else 0)}


@register.filter
def language(code: str) -> str:
    return language_name(code)


@register.simple_tag
def directions(point: InfoPoint, origin=None) -> str:
    if origin is not None and origin.kind == "location":
        return point.directions_url(origin=(origin.latitude, origin.longitude))
    return point.directions_url()
