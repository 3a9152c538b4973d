"""The parts of every page that depend only on the language: the menu and the language
buttons. They are rendered once per language in each process (they cost more than the rest of
a small page to render each time) and then reused; see docs/performance.md."""

from functools import cache

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from rumbo.core.selectors import site_section_list

register = template.Library()


@cache
def _rendered(template_name: str, language: str, site_name: str) -> SafeString:
    context = {"site_name": site_name, "site_sections": site_section_list()}
    return mark_safe(render_to_string(template_name, context))  # noqa: S308 - our template


@register.simple_tag
def site_menu() -> SafeString:
    return _rendered("core/chrome/menu.html", get_language(), settings.RUMBO_SITE_NAME)


@register.simple_tag
def language_buttons() -> SafeString:
    return _rendered("core/chrome/languages.html", get_language(), settings.RUMBO_SITE_NAME)
