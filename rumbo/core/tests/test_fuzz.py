"""Every route of the URL configuration × anonymous, learner, staff and administrator ×
hostile input: no answer is a server error, and a refused request (4xx) writes nothing.

Nothing is listed by hand. The routes come from the URL configuration; each gets a real
address found by crawling the site's own links from its public pages (with the demo data);
its inputs are the fields of the forms that post to it, the query parameters of the forms
and links that lead to it and of its app's code, and the API's own schema. Each input gets
every value of `fuzzing.HOSTILE` (all fields at once), then each field alone among valid
defaults, then invalid UTF-8 and, for the API, 100,000 nested arrays. Each request runs in a
transaction that is rolled back, so one request's writes cannot hide the next one's.
"""

import re
import traceback
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from itertools import cycle
from urllib.parse import urlencode, urlsplit

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import Resolver404, resolve
from django.urls import path as url_path
from django_otp.plugins.otp_totp.models import TOTPDevice

from rumbo.accounts.middleware import STAFF_SESSION
from rumbo.accounts.models import User
from rumbo.core.pages import public_page_list
from rumbo.core.tests.fuzzing import (
    DEEP_JSON,
    HOSTILE,
    HOSTILE_JSON,
    INVALID_UTF8,
    Route,
    app_query_keys,
    page_parse,
    query_keys,
    site_path,
    url_routes,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]

# Writes that are not the request's doing: the session, the login lockout's counters, the
# cache (rate limits count there).
NOT_WRITES = ("django_session", "axes_", "rumbo_cache")
WRITE = re.compile(r'^\s*(INSERT INTO|UPDATE|DELETE FROM)\s+"?(\w+)', re.IGNORECASE)
# Starting points of the crawl besides the public pages: each role's home.
ROOTS = ["/", "/staff/", "/admin/", "/campus/", "/campus/manage/", "/api/docs"]
# The demo accounts each role logs in as (rumbo/*/demo.py).
LEARNER = "learner@rumbo.example"
STAFF = "coordinador.tapachula@example.org"
ADMINISTRATOR = "admin@rumbo.example"
# The API's bodies: a valid example per endpoint that takes one, so that each property can
# be made hostile alone. A new endpoint with a body fails test_every_api_body_has_an_example.
API_BODIES: dict[str, Callable[[], dict]] = {}


def _plan_answers() -> dict:
    from rumbo.core.models import Place
    from rumbo.plans.public_pages import DEMO_ANSWERS

    place = Place.objects.get(country__code="HN", kind="city", name="San Pedro Sula")
    return {"answers": DEMO_ANSWERS | {"place": place.pk}}


API_BODIES["api/plans/"] = _plan_answers


@dataclass
class Actor:
    name: str
    client: Client
    cookies: SimpleCookie = field(default_factory=SimpleCookie)

    def reset(self) -> None:
        # A request that logged in or out changed the cookie; the database side was rolled
        # back, so the cookie goes back too.
        self.client.cookies = SimpleCookie()
        self.client.cookies.load(self.cookies.output(header="", sep=";"))


# Each field alone among valid values (its form's defaults) reaches the code behind a valid
# form; the first fields of a form only, to bound the time (the rotated series above already
# feeds every field every value).
ONE_AT_A_TIME = 6
MANAGEMENT = re.compile(r"-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$")


def _login(email: str, *, second_factor: bool) -> Client:
    client = Client(raise_request_exception=False)
    user = User.objects.get(email=email)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    if second_factor:
        device, _created = TOTPDevice.objects.get_or_create(
            user=user, confirmed=True, defaults={"name": "fuzz"}
        )
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session[STAFF_SESSION] = True
        session.save()
    return client


def actors() -> list[Actor]:
    clients = {
        "administrator": _login(ADMINISTRATOR, second_factor=True),
        "staff": _login(STAFF, second_factor=True),
        "learner": _login(LEARNER, second_factor=False),
        "anonymous": Client(raise_request_exception=False),
    }
    found = []
    for name, client in clients.items():
        actor = Actor(name, client)
        actor.cookies.load(client.cookies.output(header="", sep=";"))
        found.append(actor)
    return found


@dataclass
class Failure:
    route: str
    actor: str
    method: str
    what: str
    status: int
    detail: str

    def __str__(self) -> str:
        what = self.what if len(self.what) < 240 else self.what[:240] + "…"
        return f"{self.status} {self.method} {self.route} as {self.actor} · {self.detail} · {what}"


def _where(response: HttpResponse) -> str:
    """The exception and the project's innermost frame that raised it."""
    exc_info = getattr(response, "exc_info", None)
    if not exc_info:
        return ""
    frames = traceback.extract_tb(exc_info[2])
    ours = [f for f in frames if "/rumbo/" in f.filename and "/tests/" not in f.filename]
    # The project's innermost frame, and the innermost of all when it is elsewhere (Django).
    shown = [ours[-1]] if ours else []
    if frames and frames[-1] not in shown:
        shown.append(frames[-1])
    line = " → ".join(
        f"{frame.filename.split('/site-packages/')[-1].split('/work/main/')[-1]}:{frame.lineno}"
        for frame in shown
    )
    line = f"{line} " if line else ""
    return f"{line}{exc_info[0].__name__}: {str(exc_info[1])[:100]}"


@dataclass
class Site:
    routes: dict[str, Route]
    samples: dict[str, str] = field(default_factory=dict)  # route: a real address
    query: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    posts: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    visited: set[str] = field(default_factory=set)
    # (role, route): the status and redirect of the role's first plain GET, while crawling.
    first: dict[tuple[str, str], tuple[int, str]] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    requests: int = 0

    def route_of(self, path: str) -> str | None:
        try:
            return resolve(urlsplit(path).path).route
        except Resolver404:
            return None

    def learn(self, html: str, base: str) -> list[str]:
        """Notes the addresses, query parameters and form fields of a page; returns the
        addresses of routes not seen before."""
        page = page_parse(html, base)
        new = []
        no_fields: dict[str, str] = {}
        targets = [(link, "get", no_fields) for link in page.links] + [
            (form.action, form.method, form.fields) for form in page.forms
        ]
        for href, method, fields in targets:
            path = site_path(href, base)
            route = self.route_of(path) if path else None
            if path is None or route is None:
                continue
            if route not in self.samples and method == "get":
                self.samples[route] = path
                new.append(path)
            elif route not in self.samples:
                self.samples[route] = urlsplit(path).path
                new.append(self.samples[route])
            self.query[route] |= query_keys(path)
            if method == "get":
                self.query[route] |= set(fields)
            else:
                for name, value in fields.items():
                    self.posts[route].setdefault(name, value)
        return new

    def send(self, actor: Actor, route: str, method: str, what: str, **request) -> HttpResponse:
        """One request, rolled back; a 5xx, or a write answered by a 4xx, is a failure."""
        self.requests += 1
        self.visited.add(route)
        call = getattr(actor.client, method.lower())
        tables: set[str] = set()

        def note_writes(execute, sql, params, many, context):
            # A wrapper, not CaptureQueriesContext: its debug cursor re-quotes parameters and
            # raises on some that the real query path refuses cleanly.
            if (match := WRITE.match(sql)) and not match.group(2).startswith(NOT_WRITES):
                tables.add(match.group(2))
            return execute(sql, params, many, context)

        with connection.execute_wrapper(note_writes), transaction.atomic():
            response = call(**request)
            transaction.set_rollback(True)
        actor.reset()
        if response.status_code >= 500:
            self.failures.append(
                Failure(route, actor.name, method, what, response.status_code, _where(response))
            )
        elif response.status_code >= 400 and tables:
            self.failures.append(
                Failure(
                    route,
                    actor.name,
                    method,
                    what,
                    response.status_code,
                    f"refused, yet wrote to {', '.join(sorted(tables))}",
                )
            )
        return response


def _crawl(site: Site, crawlers: list[Actor]) -> None:
    seeds = list(ROOTS)
    for resolve_page in public_page_list().values():
        seeds.append(resolve_page())
    for path in seeds:
        if (route := site.route_of(path)) is not None:
            site.samples.setdefault(route, path)
    for actor in crawlers:
        queue = list(dict.fromkeys(seeds + list(site.samples.values())))
        seen: set[str] = set()
        while queue:
            path = queue.pop(0)
            route = site.route_of(path)
            if route is None or route in seen:
                continue
            seen.add(route)
            response = site.send(actor, route, "GET", "no input", path=path)
            site.first[(actor.name, route)] = (response.status_code, response.get("Location", ""))
            if "html" in response.get("Content-Type", "") and not response.streaming:
                queue += site.learn(response.content.decode(errors="replace"), path)
            elif location := response.get("Location", ""):
                # A redirect leads to a page no link may name (the login forms).
                queue += site.learn(f'<a href="{location}"></a>', path)
            # Routes found by another role are crawled by this one too.
            queue += [site.samples[r] for r in site.samples if r not in seen]


def _borrowed(site: Site, pattern: str) -> str | None:
    """An address for a route no link leads to, its parameters taken from the sampled
    route most like it that has them (`api/plans/<code>` from `plan/<str:code>/`, an admin
    object's history from its change page)."""
    params = re.findall(r"<(?:\w+:)?(\w+)>", pattern)
    if not params:
        return None
    if admin_object := re.match(r"admin/(\w+)/(\w+)/<(?:path:object_id|int:pk)>/", pattern):
        # The admin's own object pages: the model's first object.
        model = apps.get_model(admin_object.group(1), admin_object.group(2))
        first = model._default_manager.order_by("pk").values_list("pk", flat=True).first()
        if first is not None:
            return "/" + re.sub(r"<(?:path:object_id|int:pk)>", str(first), pattern)
    words = set(re.findall(r"[a-z]+", pattern))
    best: tuple[int, dict] | None = None
    for route, sample in site.samples.items():
        try:
            kwargs = resolve(urlsplit(sample).path).kwargs
        except Resolver404:
            continue
        if set(params) <= set(kwargs):
            score = len(words & set(re.findall(r"[a-z]+", route)))
            if best is None or score > best[0]:
                best = (score, kwargs)
    if best is None:
        return None
    path = pattern
    for name in params:
        path = re.sub(rf"<(?:\w+:)?{name}>", str(best[1][name]), path)
    return "/" + path


def _placeholder(pattern: str) -> str:
    """An address for a route no link leads to, its parameters filled with plain values."""
    path = re.sub(r"<int:\w+>", "1", pattern)
    path = re.sub(r"<uuid:\w+>", "00000000-0000-0000-0000-000000000000", path)
    path = re.sub(r"<(?:\w+:)?\w+>", "x", path)
    path = re.sub(r"\(\?P<\w+>([\w-]+)[|)][^/]*", r"\1", path)  # first choice of a regex
    path = re.sub(r"\(\?P<\w+>[^)]*\)", "x", path)
    return "/" + path.replace("^", "").replace("$", "")


def _api_operations() -> dict[str, dict]:
    from rumbo.api.api import api

    schema = api.get_openapi_schema()
    operations: dict[str, dict] = {}
    for path, methods in schema["paths"].items():
        route = re.sub(r"\{(\w+)\}", r"<\1>", path.lstrip("/"))
        operations[route] = methods
    return operations


def _rotated(names: list[str], shift: int) -> dict[str, str]:
    """Request `shift` of a series that gives every name every hostile value once: name j
    gets value (shift + j), so len(HOSTILE) requests cover every pair."""
    values = list(HOSTILE.values())
    return {name: values[(shift + j) % len(values)] for j, name in enumerate(names)}


def _described(names: list[str], shift: int) -> str:
    labels = list(HOSTILE)
    pairs = [f"{name}={labels[(shift + j) % len(labels)]}" for j, name in enumerate(names)]
    return ", ".join(pairs[:12]) + (", …" if len(pairs) > 12 else "")


def _fuzz_route(site: Site, route: str, people: list[Actor], api: dict[str, dict]) -> None:
    path = site.samples.get(route) or _borrowed(site, route) or _placeholder(route)
    base = urlsplit(path).path
    names = (site.query[route] | app_query_keys(site.routes[route].callback_module)) - {
        "csrfmiddlewaretoken"
    }
    operations = api.get(route, {})
    for operation in operations.values():
        names |= {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
    fields = {k: v for k, v in site.posts[route].items() if k != "csrfmiddlewaretoken"}
    # A formset's management fields keep their values: Django caps a hostile form count at
    # 2,000 forms, each rendered again, seconds a request for nothing the fuzz would learn.
    management = {k: v for k, v in fields.items() if MANAGEMENT.search(k)}
    keys = sorted(names) or ["q", "page", "id"]
    post_keys = sorted(set(fields) - set(management)) or keys
    admitted = []
    for actor in people:
        first = site.first.get((actor.name, route))
        if first is None:
            response = site.send(actor, route, "GET", "no input", path=path)
            first = (response.status_code, response.get("Location", ""))
        status, location = first
        if status in (401, 403) or (status == 302 and "login" in location):
            # Refused before any input is read: one hostile request of each method shows
            # that the refusal holds whatever the input.
            site.send(actor, route, "GET", "query hostile", path=base, data=_rotated(keys, 0))
            site.send(
                actor, route, "POST", "fields hostile", path=path, data=_rotated(post_keys, 0)
            )
        else:
            admitted.append(actor)
    # Roles a page admits read the same inputs: the least and the most privileged of them
    # get every hostile input, the others one request of each method.
    thorough = {admitted[0].name, admitted[-1].name} if admitted else set()
    # Django's admin builds every model's pages from the same code and renders each form
    # whole (seconds for a form with large choice lists): one rotated request of each
    # method, then each field alone, keep it within the time budget.
    admin = site.routes[route].namespace == "admin"
    for actor in admitted:
        rounds = len(HOSTILE) if actor.name in thorough and not admin else 1
        for shift in range(rounds if names else 0 if admin else 1):
            site.send(
                actor,
                route,
                "GET",
                f"query {_described(keys, shift)}",
                path=base,
                data=_rotated(keys, shift),
            )
        for shift in range(rounds if fields else 1):
            site.send(
                actor,
                route,
                "POST",
                f"fields {_described(post_keys, shift)}",
                path=path,
                data=_rotated(post_keys, shift) | management,
            )
        if actor.name not in thorough:
            continue
        if names or not admin:
            site.send(
                actor, route, "GET", "query invalid UTF-8", path=f"{base}?{keys[0]}=%FF%FE%C3("
            )
        hostile = cycle(HOSTILE.items())
        for name in post_keys[: 0 if admin else ONE_AT_A_TIME] if fields else []:
            label, value = next(hostile)
            site.send(
                actor,
                route,
                "POST",
                f"field {name!r} {label}, others valid",
                path=path,
                data=fields | {name: value},
            )
        if fields:
            body = urlencode(dict.fromkeys(post_keys, "")).encode()
            site.send(
                actor,
                route,
                "POST",
                "body invalid UTF-8",
                path=path,
                data=body.replace(b"=", b"=" + INVALID_UTF8),
                content_type="application/x-www-form-urlencoded",
            )
        if operations:
            _fuzz_api_body(site, actor, route, path, operations)


def _fuzz_api_body(site: Site, actor: Actor, route: str, path: str, operations: dict) -> None:
    for method in operations:
        if method == "get":
            continue
        site.send(
            actor,
            route,
            method.upper(),
            "JSON nested 100,000 deep",
            path=path,
            data=DEEP_JSON,
            content_type="application/json",
        )
        site.send(
            actor,
            route,
            method.upper(),
            "JSON not JSON",
            path=path,
            data=INVALID_UTF8,
            content_type="application/json",
        )
        example = API_BODIES.get(route)
        if example is None:
            continue
        valid = example()
        for key, inner in valid.items():
            for label, value in HOSTILE_JSON.items():
                body = valid | {key: value}
                if isinstance(inner, dict):
                    # Each property of a nested object in turn (the plan's answers).
                    for name in inner:
                        body = valid | {key: inner | {name: value}}
                        site.send(
                            actor,
                            route,
                            method.upper(),
                            f"JSON {key}.{name} {label}",
                            path=path,
                            data=body,
                            content_type="application/json",
                        )
                site.send(
                    actor,
                    route,
                    method.upper(),
                    f"JSON {key} {label}",
                    path=path,
                    data=body,
                    content_type="application/json",
                )


def _refusal_that_writes(request):
    from rumbo.core.models import Country

    Country.objects.filter(pk=-1).update(name="x")
    return HttpResponse(status=400)


def _server_error(request):
    raise ValueError("broken")


urlpatterns = [url_path("writes/", _refusal_that_writes), url_path("breaks/", _server_error)]


@pytest.mark.urls("rumbo.core.tests.test_fuzz")
def test_fuzz_catches_a_server_error_and_a_refusal_that_writes():
    site = Site(routes={})
    anonymous = actors()[-1]
    site.send(anonymous, "writes/", "POST", "x", path="/writes/")
    site.send(anonymous, "breaks/", "GET", "x", path="/breaks/")
    assert [(failure.route, failure.status) for failure in site.failures] == [
        ("writes/", 400),
        ("breaks/", 500),
    ]
    assert "core_country" in site.failures[0].detail
    assert "ValueError: broken" in site.failures[1].detail


def test_fuzz_discovers_every_kind_of_route():
    patterns = {route.pattern for route in url_routes()}
    for expected in (
        "plan/<str:code>/delete/",
        "staff/consultations/new/",
        "api/plans/",
        "admin/infopoints/infopoint/hsds-import/",
        "campus/manage/<slug:slug>/enrolments.csv",
    ):
        assert expected in patterns


def test_every_api_body_has_an_example():
    # So that each property of a new endpoint's body is fuzzed alone, not only all at once.
    with_body = {
        route
        for route, methods in _api_operations().items()
        for operation in methods.values()
        if "requestBody" in operation
    }
    assert with_body - set(API_BODIES) == set()


def test_no_route_answers_hostile_input_with_a_server_error_or_a_refused_write():
    routes = {route.pattern: route for route in url_routes()}
    site = Site(routes=routes)
    people = actors()
    _crawl(site, [people[0], people[1], people[2]])
    api = _api_operations()
    for route in sorted(routes):
        _fuzz_route(site, route, people, api)
    assert set(routes) - site.visited == set()
    failures = sorted({str(failure) for failure in site.failures})
    assert failures == [], f"{len(failures)} of {site.requests} requests failed:\n" + "\n".join(
        failures
    )
