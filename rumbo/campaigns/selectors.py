from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import get_language

from rumbo.campaigns.models import (
    Campaign,
    LandingBlock,
    LandingRevision,
    Material,
    NewsItem,
    Partnership,
    PressContact,
    Programme,
    SocialChannel,
)
from rumbo.campaigns.permissions import campaign_editable_filter

FEATURED = 3


def campaign_list() -> QuerySet[Campaign]:
    return Campaign.objects.select_related("country").prefetch_related("funders", "implementers")


def campaign_get(*, slug: str) -> Campaign | None:
    return (
        Campaign.objects.select_related("country", "regional_programme").filter(slug=slug).first()
    )


def campaign_list_editable(*, user: Any) -> QuerySet[Campaign]:
    return (
        Campaign.objects.filter(campaign_editable_filter(user=user))
        .select_related("country")
        .distinct()
    )


@dataclass(frozen=True)
class ShownBlock:
    kind: str
    title: str
    body: str


def _in_language(texts: dict[str, str]) -> str:
    """The text in the active language, else in the fallback languages (as modeltranslation
    does for fields)."""
    for code in (get_language(), *settings.MODELTRANSLATION_FALLBACK_LANGUAGES):
        if texts.get(code or ""):
            return texts[code or ""]
    return next((text for text in texts.values() if text), "")


def _blocks_from(content: dict[str, Any]) -> list[ShownBlock]:
    return [
        ShownBlock(block["kind"], _in_language(block["title"]), _in_language(block["body"]))
        for block in content.get("blocks", [])
    ]


def landing_published(*, campaign: Campaign) -> list[ShownBlock]:
    """The blocks visitors see: the last published revision's."""
    revision = (
        LandingRevision.objects.filter(campaign=campaign, published_at__isnull=False)
        .order_by("-published_at", "-pk")
        .only("content")
        .first()
    )
    return _blocks_from(revision.content) if revision else []


def landing_draft(*, campaign: Campaign) -> list[ShownBlock]:
    """The working draft as it would be published (the preview)."""
    return [
        ShownBlock(block.kind, block.title, block.body)
        for block in LandingBlock.objects.filter(campaign=campaign).order_by("order", "pk")
    ]


def landing_block_list(*, campaign: Campaign) -> QuerySet[LandingBlock]:
    return LandingBlock.objects.filter(campaign=campaign).order_by("order", "pk")


def landing_revision_list(*, campaign: Campaign) -> QuerySet[LandingRevision]:
    return LandingRevision.objects.filter(campaign=campaign).select_related(
        "created_by", "published_by"
    )


def landing_has_unpublished_changes(*, campaign: Campaign) -> bool:
    latest = landing_revision_list(campaign=campaign).first()
    return latest is not None and latest.published_at is None


def material_list(*, campaign: Campaign) -> QuerySet[Material]:
    return Material.objects.filter(campaign=campaign)


def material_get(*, campaign: Campaign, pk: int) -> Material | None:
    return Material.objects.filter(campaign=campaign, pk=pk).first()


def partnership_list(*, campaign: Campaign) -> QuerySet[Partnership]:
    return Partnership.objects.filter(campaign=campaign).select_related("organisation")


def channel_list(*, campaign: Campaign) -> QuerySet[SocialChannel]:
    return SocialChannel.objects.filter(campaign=campaign)


def news_list(*, campaign: Campaign | None, regional_too: bool = False) -> QuerySet[NewsItem]:
    """Published news of a campaign; of the region (campaign None) every campaign's and the
    regional items."""
    items = NewsItem.objects.filter(published_at__isnull=False).select_related("campaign")
    if campaign is not None:
        items = items.filter(campaign=campaign)
    return items.order_by("-published_at", "-pk")


def news_get(*, campaign: Campaign | None, slug: str) -> NewsItem | None:
    return (
        NewsItem.objects.filter(campaign=campaign, slug=slug, published_at__isnull=False)
        .select_related("campaign")
        .prefetch_related("contacts")
        .first()
    )


def news_drafts(*, campaign: Campaign) -> QuerySet[NewsItem]:
    return NewsItem.objects.filter(campaign=campaign, published_at__isnull=True)


def press_contact_list(*, campaign: Campaign | None) -> QuerySet[PressContact]:
    return PressContact.objects.filter(campaign=campaign)


def programme_get(*, slug: str) -> Programme | None:
    return Programme.objects.prefetch_related("countries").filter(slug=slug).first()


def featured_for_country(*, campaign: Campaign) -> dict[str, list[Any]]:
    """A few pathways, opportunities and information points of the campaign's country, for
    its landing page (each list links to the full, filtered one). Only their names and
    addresses are shown, so nothing the lists' own pages prefetch is fetched."""
    from rumbo.guides.selectors import pathway_list
    from rumbo.infopoints.selectors import info_point_list_public
    from rumbo.opportunities.selectors import opportunity_list_public

    code = campaign.country.code
    return {
        "pathways": list(pathway_list(origin_code=code).prefetch_related(None)[:FEATURED]),
        "opportunities": list(
            opportunity_list_public()
            .prefetch_related(None)
            .filter(country__code=code)
            .order_by("application_deadline", "pk")[:FEATURED]
        ),
        "points": list(
            info_point_list_public()
            .prefetch_related(None)
            .filter(place__country__code=code)
            .select_related("place")
            .order_by("name")[:FEATURED]
        ),
    }
