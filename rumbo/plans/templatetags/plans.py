from django import template
from django.urls import NoReverseMatch

register = template.Library()


@register.filter
def url_or_empty(record: object) -> str:
    """The record's page, or "" when its app offers none (the plan then shows plain text)."""
    try:
        return record.get_absolute_url()  # type: ignore[attr-defined]
    except (AttributeError, NoReverseMatch):
        return ""
