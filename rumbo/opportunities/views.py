from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_page
from django.views.decorators.http import require_GET

from rumbo.core.places import municipality_resolve
from rumbo.opportunities import selectors
from rumbo.opportunities.forms import OpportunityFilterForm

PER_PAGE = 10
# Anonymous pages, the same for everyone in one language: kept for a few minutes. A past
# deadline or an edit shows within this time (only 200 answers are kept).
CACHE_SECONDS = 300


@require_GET
@cache_page(CACHE_SECONDS)
def opportunity_list(request: HttpRequest) -> HttpResponse:
    form = OpportunityFilterForm(request.GET or None)
    context: dict = {"form": form, "page": None, "origin": None, "place_choices": []}
    if form.is_bound and not form.is_valid():
        # A filter the form refused is answered 400, with the form and its messages.
        return render(request, "opportunities/list.html", context, status=400)
    data = form.cleaned_data if form.is_bound else {}
    search = municipality_resolve(place=data.get("place"), query=data.get("q", ""))
    filters = form.filters(origin=search.place) if form.is_bound else selectors.OpportunityFilters()
    page = Paginator(selectors.opportunity_search(filters=filters), PER_PAGE).get_page(
        data.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context |= {
        "page": page,
        "entries": [
            (
                opportunity,
                selectors.opportunity_distance_km(opportunity=opportunity, origin=search.place)
                if search.place
                else None,
            )
            for opportunity in page
        ],
        "origin": search.place,
        "place_choices": search.choices,
        "not_found": bool(data.get("q", "").strip())
        and search.place is None
        and not search.choices,
        "query": query.urlencode(),
        "today": timezone.localdate(),
    }
    return render(request, "opportunities/list.html", context)


@require_GET
@cache_page(CACHE_SECONDS)
def opportunity_detail(request: HttpRequest, slug: str) -> HttpResponse:
    opportunity = selectors.opportunity_get(slug=slug)
    if opportunity is None:
        raise Http404(_("No open opportunity with this address."))
    return render(request, "opportunities/detail.html", {"opportunity": opportunity})
