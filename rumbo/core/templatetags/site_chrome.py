"""The parts of every page that depend only on the language and the site: the menu and the
language buttons. They are rendered once per language (and campaign site) in each process
(they cost more than the rest of a small page to render each time) and then reused; see
docs/performance.md.

On a campaign's site (rumbo.campaigns.middleware) the menu carries its name, logo and slogan,
its links stay under the site's prefix (the script prefix is part of the key), and the lists
open filtered on the campaign's country.
"""

import hashlib
from functools import lru_cache

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from rumbo.core.selectors import site_section_list

register = template.Library()

# The query parameter each list reads its country from, so a campaign's menu opens it on the
# campaign's country.
COUNTRY_FILTERS = {
    "guides:index": "origin",
    "infopoints:list": "country",
    "opportunities:list": "country",
}


@lru_cache(maxsize=512)
def _rendered(
    template_name: str,
    language: str,
    site_name: str,
    script_prefix: str = "/",
    country_code: str = "",
    logo_url: str = "",
    slogan: str = "",
) -> SafeString:
    links = []
    for section in site_section_list():
        url = reverse(section.url_name)
        if country_code and section.url_name in COUNTRY_FILTERS:
            url += f"?{COUNTRY_FILTERS[section.url_name]}={country_code}"
        links.append((url, section.title))
    context = {
        "site_name": site_name,
        "site_links": links,
        "logo_url": logo_url,
        "slogan": slogan,
    }
    return mark_safe(render_to_string(template_name, context))  # noqa: S308 - our template


@register.simple_tag(takes_context=True)
def site_menu(context: template.Context | None = None) -> SafeString:
    request = context.get("request") if context is not None else None
    campaign = getattr(request, "campaign", None)
    if campaign is None:
        return _rendered(
            "core/chrome/menu.html", get_language(), settings.RUMBO_SITE_NAME, get_script_prefix()
        )
    logo_url = ""
    if campaign.logo_svg:
        version = hashlib.sha256(campaign.logo_svg.encode()).hexdigest()[:10]
        logo_url = reverse("campaigns:logo", kwargs={"slug": campaign.slug}) + f"?v={version}"
    return _rendered(
        "core/chrome/menu.html",
        get_language(),
        campaign.name,
        get_script_prefix(),
        campaign.country.code,
        logo_url,
        campaign.slogan,
    )


@register.simple_tag
def language_buttons() -> SafeString:
    return _rendered("core/chrome/languages.html", get_language(), settings.RUMBO_SITE_NAME)
