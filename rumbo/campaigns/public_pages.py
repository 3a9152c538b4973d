from django.urls import reverse

from rumbo.campaigns.models import Campaign, NewsItem, Programme


def _slug() -> str:
    # The Honduran demo campaign when loaded (it has the fullest site), else the first.
    campaign = Campaign.objects.filter(slug="ponele-plan-a-tu-vida").first()
    return (campaign or Campaign.objects.order_by("pk")[0]).slug


def _news() -> str:
    item = NewsItem.objects.filter(published_at__isnull=False, campaign__isnull=False)
    return item.order_by("pk")[0].get_absolute_url()


PAGES = {
    "list": lambda: reverse("campaigns:list"),
    "detail": lambda: reverse("campaigns:detail", kwargs={"slug": _slug()}),
    "materials": lambda: reverse("campaigns:materials", kwargs={"slug": _slug()}),
    "partners": lambda: reverse("campaigns:partners", kwargs={"slug": _slug()}),
    "press": lambda: reverse("campaigns:press", kwargs={"slug": _slug()}),
    "news": lambda: reverse("campaigns:news", kwargs={"slug": _slug()}),
    "news_item": _news,
    "regional_news": lambda: reverse("campaigns:regional_news"),
    "regional_press": lambda: reverse("campaigns:regional_press"),
    "programme": lambda: Programme.objects.order_by("pk")[0].get_absolute_url(),
}

EXCLUDED = {
    "regional_news_item": "a regional news item; the demo has none (a campaign's is checked)",
    "material_file": "a file download",
    "material_captions": "a WebVTT captions file",
    "poster": "a PDF download",
    "qr": "an SVG image",
    "logo": "an SVG image",
    "partner_logo": "an SVG image",
    "feed": "an Atom feed (tests/test_feeds.py)",
    "regional_feed": "an Atom feed (tests/test_feeds.py)",
    "manage": "campaign team page (powers, second factor)",
    "manage_regional_news": "regional officer page (powers, second factor)",
    "manage_campaign": "campaign team page (powers, second factor)",
    "manage_block": "campaign team page (powers, second factor)",
    "manage_block_new": "campaign team page (powers, second factor)",
    "manage_preview": "campaign team page (powers, second factor)",
    "manage_publish": "campaign team POST target",
    "manage_news": "campaign team page (powers, second factor)",
    "manage_news_publish": "campaign team POST target",
    "manage_material": "campaign team page (powers, second factor)",
    "manage_theme": "campaign team page (powers, second factor)",
    "manage_partner": "campaign team page (powers, second factor)",
    "manage_channel": "campaign team page (powers, second factor)",
    "manage_remove": "campaign team POST target",
}
