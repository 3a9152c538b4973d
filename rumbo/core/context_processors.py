from django.conf import settings
from django.utils.safestring import mark_safe

from rumbo.core.selectors import site_section_list


def site(request):
    # On a campaign's site (rumbo.campaigns.middleware) its name and theme replace the
    # instance's; the theme is the few CSS custom properties its colours set.
    campaign = getattr(request, "campaign", None)
    context = {
        "site_name": campaign.name if campaign else settings.RUMBO_SITE_NAME,
        "site_sections": site_section_list(),
        "campaign": campaign,
        "campaign_theme": "",
    }
    if campaign is not None:
        from rumbo.campaigns.sites import campaign_for_slug, theme_css

        # Read again from the kept copy inside the page's own reading, so a page stored in
        # the page cache records the campaigns table and is dropped when a theme changes.
        campaign = campaign_for_slug(campaign.slug) or campaign
        context["campaign"] = campaign
        context["site_name"] = campaign.name

        # Colours are validated as #rrggbb; the CSP allows exactly this text by its hash.
        context["campaign_theme"] = mark_safe(theme_css(campaign))  # noqa: S308
    return context
