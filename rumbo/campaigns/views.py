from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_safe

from rumbo.campaigns.selectors import campaign_list


@cache_page(300)
@require_safe
def campaign_index(request: HttpRequest) -> HttpResponse:
    return render(request, "campaigns/list.html", {"campaigns": campaign_list()})


@cache_page(300)
@require_safe
def campaign_detail(request: HttpRequest, slug: str) -> HttpResponse:
    campaign = get_object_or_404(campaign_list(), slug=slug)
    return render(request, "campaigns/detail.html", {"campaign": campaign})
