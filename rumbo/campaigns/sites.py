"""Which campaign site a request is for, and the theme that site's pages carry.

The campaigns are few and read on every request, so each process keeps them (rumbo.core.kept,
cleared by any change to a campaign; other processes reload within `CACHE_SECONDS`).
"""

import base64
import hashlib
from dataclasses import dataclass

from rumbo.campaigns.models import Campaign
from rumbo.core.kept import KeptInProcess

CACHE_SECONDS = 60
# The inline theme must stay tiny: it is sent with every page of a campaign site.
THEME_MAX_BYTES = 2048


@dataclass(frozen=True)
class CampaignSites:
    by_slug: dict[str, Campaign]
    by_domain: dict[str, Campaign]


_sites: KeptInProcess[CampaignSites] = KeptInProcess(seconds=CACHE_SECONDS)


def _load() -> CampaignSites:
    campaigns = list(Campaign.objects.select_related("country"))
    return CampaignSites(
        by_slug={campaign.slug: campaign for campaign in campaigns},
        by_domain={campaign.domain.lower(): campaign for campaign in campaigns if campaign.domain},
    )


def campaign_sites() -> CampaignSites:
    return _sites.get("sites", _load)


def campaign_sites_clear() -> None:
    _sites.clear()


def campaign_for_slug(slug: str) -> Campaign | None:
    return campaign_sites().by_slug.get(slug)


def campaign_for_domain(host: str) -> Campaign | None:
    """The campaign served on `host` (a validated Host header, with or without its port)."""
    domain = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return campaign_sites().by_domain.get(domain.lower().rstrip("."))


def theme_css(campaign: Campaign) -> str:
    """The campaign's colours as CSS custom properties over the shared stylesheet's own
    (site.css reads --accent for links and buttons). Colours are validated as #rrggbb when
    saved; anything else is left out, so no stored value can break out of the rule."""
    rules = []
    if _is_hex(campaign.colour_primary):
        rules.append(f":root{{--accent:{campaign.colour_primary}}}")
    if _is_hex(campaign.colour_accent):
        rules.append(
            f".site-header{{border-block-start:.4rem solid {campaign.colour_accent}}}"
            f".brand{{color:{campaign.colour_primary if _is_hex(campaign.colour_primary) else 'inherit'}}}"
        )
    rules.append(".brand img{block-size:2rem;inline-size:auto;vertical-align:middle}")
    return "".join(rules)


def theme_hash(css: str) -> str:
    """The CSP source expression that allows exactly this inline style."""
    digest = hashlib.sha256(css.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def _is_hex(value: str) -> bool:
    return (
        len(value) == 7
        and value[0] == "#"
        and all(char in "0123456789abcdefABCDEF" for char in value[1:])
    )
