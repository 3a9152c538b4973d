from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from rumbo.core.models import Place
from rumbo.core.selectors import place_search
from rumbo.guides.eligibility import document_issuance_nearest
from rumbo.guides.forms import GuideFilterForm, PlaceForm, SearchForm
from rumbo.guides.selectors import (
    article_get,
    article_index_list,
    document_get,
    document_index_list,
    guide_country_list,
    guide_search,
    pathway_get,
    pathway_index_list,
    place_city_get,
)

INDEX_LIMIT = 40


@require_GET
def guide_index(request: HttpRequest) -> HttpResponse:
    origins, destinations = guide_country_list()
    form = GuideFilterForm(request.GET or None, origins=origins, destinations=destinations)
    chosen = form.cleaned_data if form.is_bound and form.is_valid() else {}
    pathways = pathway_index_list(
        origin_code=chosen.get("origin") or None, destination_code=chosen.get("destination") or None
    )
    # Long lists are cut so the page stays within one round trip; the filter and the
    # search reach the rest.
    pathways_shown = list(pathways[: INDEX_LIMIT + 1])
    documents = list(document_index_list()[: INDEX_LIMIT + 1])
    articles = list(article_index_list()[: INDEX_LIMIT + 1])
    context = {
        "form": form,
        "pathways": pathways_shown[:INDEX_LIMIT],
        "documents": documents[:INDEX_LIMIT],
        "articles": articles[:INDEX_LIMIT],
        "cut": any(len(items) > INDEX_LIMIT for items in (pathways_shown, documents, articles)),
        "search_form": SearchForm(),
    }
    return render(request, "guides/index.html", context)


@require_GET
def pathway_detail(request: HttpRequest, slug: str) -> HttpResponse:
    pathway = pathway_get(slug=slug)
    if pathway is None:
        raise Http404(_("No pathway with this address."))
    return render(request, "guides/pathway.html", {"record": pathway, "pathway": pathway})


@require_GET
def document_detail(request: HttpRequest, slug: str) -> HttpResponse:
    document = document_get(slug=slug)
    if document is None:
        raise Http404(_("No document with this address."))
    form = PlaceForm(request.GET or None)
    place: Place | None = None
    nearest = None
    if form.is_bound and form.is_valid():
        if form.cleaned_data["place"]:
            place = place_city_get(place_id=form.cleaned_data["place"])
            if place is None:
                form.add_error("place", _("No municipality with this number."))
        elif city := form.cleaned_data["city"]:
            found = place_search(query=city, limit=1)
            place = found[0] if found else None
            if place is None:
                form.add_error("city", _("No municipality found with this name."))
    if place is not None:
        nearest = document_issuance_nearest(
            document=document,
            country_code=place.country.code,
            latitude=place.latitude,
            longitude=place.longitude,
        )
    issuances = list(document.issuances.all())
    if place is not None:
        # The person's own country first.
        issuances.sort(key=lambda issuance: issuance.country_id != place.country_id)
    context = {
        "document": document,
        "issuances": issuances,
        "form": form,
        "place": place,
        "nearest": nearest,
    }
    return render(request, "guides/document.html", context)


@require_GET
def article_detail(request: HttpRequest, slug: str) -> HttpResponse:
    article = article_get(slug=slug)
    if article is None:
        raise Http404(_("No article with this address."))
    return render(request, "guides/article.html", {"record": article, "article": article})


@require_GET
def guide_search_page(request: HttpRequest) -> HttpResponse:
    form = SearchForm(request.GET or None)
    hits = guide_search(query=form.cleaned_data["q"]) if form.is_valid() else None
    return render(request, "guides/search.html", {"search_form": form, "hits": hits})
