"""`{{ address|web_url }}`: the address if it is http(s), else nothing, so a template never
renders a `javascript:` or `data:` address as a link even if one reached the database."""

from django import template

from rumbo.core.validators import is_web_url

register = template.Library()


@register.filter
def web_url(value: object) -> str:
    return value if isinstance(value, str) and is_web_url(value) else ""
