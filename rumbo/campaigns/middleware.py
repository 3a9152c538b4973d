import re

from django.http import Http404, HttpRequest, HttpResponseBase, HttpResponsePermanentRedirect
from django.urls import get_script_prefix, set_script_prefix
from django.utils.translation import gettext as _

from rumbo.campaigns.models import Campaign
from rumbo.campaigns.sites import (
    campaign_for_domain,
    campaign_for_slug,
    theme_css,
    theme_hash,
)

SITE_PREFIX = re.compile(r"^/c/(?P<slug>[-a-zA-Z0-9_]+)(?P<rest>/.*)?$", re.DOTALL)
CAMPAIGN_PAGES = re.compile(r"^/campaigns/(?P<slug>[-a-zA-Z0-9_]+)/")
CSP_HEADER = "Content-Security-Policy"
# Not pages of any site: the health check must answer even when the database cannot.
NO_SITE_PATHS = frozenset({"/healthz"})


class CampaignSiteMiddleware:
    """Sets `request.campaign`: the campaign whose site the request is for, or None.

    A campaign's site is reached (a) on its own domain, configured in the admin (the domain
    must also be in ALLOWED_HOSTS: Django refuses any other Host with 400 before this runs),
    or (b) under /c/<slug>/. For (b) the prefix is taken off `request.path_info`, so every
    public page (guides, plan, points...) resolves as usual, and the script prefix becomes
    /c/<slug>/ while the response is made, so `reverse()` and `{% url %}` write links that stay
    on the campaign's site; `request.path` keeps the full address (the page cache and the
    language form read it). The site's home (/) is the campaign's landing page. A host that is
    allowed but is no campaign's domain is the regional site; an unknown slug is a 404.
    The regional pages of one campaign (/campaigns/<slug>/...) carry its theme too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.path_info in NO_SITE_PATHS:
            request.campaign = None  # type: ignore[attr-defined]
            return self.get_response(request)
        campaign: Campaign | None = None
        prefix = ""
        match = SITE_PREFIX.match(request.path_info)
        if match:
            campaign = campaign_for_slug(match["slug"])
            if campaign is None:
                raise Http404(_("No campaign has this address."))
            if not match["rest"]:
                query = request.META.get("QUERY_STRING", "")
                return HttpResponsePermanentRedirect(
                    f"{request.path}/" + (f"?{query}" if query else "")
                )
            prefix = f"{get_script_prefix()}c/{campaign.slug}/"
            request.path_info = match["rest"]
        else:
            # get_host() validates the Host header against ALLOWED_HOSTS (400 otherwise).
            campaign = campaign_for_domain(request.get_host())
            if campaign is None and (page := CAMPAIGN_PAGES.match(request.path_info)):
                campaign = campaign_for_slug(page["slug"])
        request.campaign = campaign  # type: ignore[attr-defined]
        if campaign is not None and request.path_info == "/":
            request.path_info = f"/campaigns/{campaign.slug}/"
        if not prefix:
            response = self.get_response(request)
        else:
            previous = get_script_prefix()
            set_script_prefix(prefix)
            try:
                response = self.get_response(request)
            finally:
                set_script_prefix(previous)
        if campaign is not None:
            csp_allow_style(response, theme_hash(theme_css(campaign)))
        return response


def csp_allow_style(response: HttpResponseBase, source: str) -> None:
    """Adds `source` (the theme's hash) to the style-src of the response's CSP. Done here, on
    the way out, because django-csp (further down the middleware list) has already written the
    header by then."""
    header = response.get(CSP_HEADER)
    if not header or not response.get("Content-Type", "").startswith("text/html"):
        return
    directives = [part.strip() for part in header.split(";")]
    for index, directive in enumerate(directives):
        if directive.split(" ", 1)[0] == "style-src":
            directives[index] = f"{directive} {source}"
    response[CSP_HEADER] = "; ".join(directives)
