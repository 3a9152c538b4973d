from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from rumbo.infopoints import clock, selectors
from rumbo.infopoints.forms import DirectoryForm
from rumbo.infopoints.map import map_layout

# Pages that say whether a point is open now age with the clock, not only with content: the
# page cache (rumbo/core/pagecache.py) keeps them at most this long.
OPEN_STATE_SECONDS = 60


def _open_state_page(response: HttpResponse) -> HttpResponse:
    patch_cache_control(response, max_age=OPEN_STATE_SECONDS)
    return response


def _search(request: HttpRequest) -> dict:
    """The directory search shared by the list and the map: the form, the origin and the
    nearest points (or the choices for an ambiguous place name)."""
    form = DirectoryForm(request.GET or None)
    context: dict = {"form": form, "entries": None, "origin": None, "place_choices": []}
    if not form.is_bound or not form.is_valid():
        return context
    data = form.cleaned_data
    search = selectors.origin_resolve(
        latitude=data["lat"],
        longitude=data["lon"],
        place=data["place"],
        query=data["q"],
        prefer=data["by"],
    )
    context |= {
        "origin": search.origin,
        "place_choices": search.choices,
        "filters": urlencode(
            {key: data[key] for key in ("service", "language") if data[key]}
            | ({"open": "on"} if data["open"] else {})
        ),
        "not_found": bool(data["q"].strip()) and search.origin is None and not search.choices,
    }
    if search.origin is not None:
        context["entries"] = selectors.info_point_directory(
            origin=search.origin,
            service=data["service"] or None,
            language=data["language"] or None,
            open_now=data["open"],
            at=clock.now(),
        )
    return context


def _status(context: dict) -> int:
    # A search the form refused is answered 400, with the form and its messages.
    form = context["form"]
    return 400 if form.is_bound and not form.is_valid() else 200


@require_GET
def point_list(request: HttpRequest) -> HttpResponse:
    context = _search(request)
    return _open_state_page(
        render(request, "infopoints/list.html", context, status=_status(context))
    )


@require_GET
def point_map(request: HttpRequest) -> HttpResponse:
    context = _search(request)
    if context["entries"]:
        context["map"] = map_layout(origin=context["origin"], entries=context["entries"])
    return _open_state_page(
        render(request, "infopoints/map.html", context, status=_status(context))
    )


@require_GET
def point_detail(request: HttpRequest, slug: str) -> HttpResponse:
    point = selectors.info_point_get(slug=slug)
    if point is None:
        raise Http404
    return _open_state_page(
        render(
            request,
            "infopoints/detail.html",
            {
                "point": point,
                "state": selectors.info_point_open_state(point=point, at=clock.now()),
                "week": selectors.info_point_week(point=point),
                "exceptions": selectors.info_point_upcoming_exceptions(
                    point=point, today=timezone.localdate()
                ),
                "overdue": selectors.info_point_is_overdue(point=point),
            },
        )
    )
