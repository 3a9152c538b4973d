"""Anonymous public pages from a shared cache, invalidated by the content they show.

A launch sends thousands of visitors to the same few pages within minutes, while content
changes a few times a day. `PageCacheMiddleware` (placed before sessions, CSRF and auth)
answers a repeat visit with the stored, already gzipped bytes and headers, at about the cost
of a bare Django view. What makes that safe:

- **Who**: only GET and HEAD, without an Authorization header, a session cookie or a
  messages cookie: anyone who might see personal data or a notice goes through the full
  stack, uncached.
- **What is stored** is decided by the response, so a view cannot forget to opt out: a 200
  with no cookie set, no `Vary: Cookie`, no CSRF token used, no `private`/`no-store`/
  `no-cache`, rendered in the language the key names, and that read no table of personal
  data (`PERSONAL_APPS`, `PERSONAL_MODELS`): a page that read one is never stored.
- **Which content a page shows** is recorded while it renders: every table its queries read
  (an execute wrapper on each database connection), plus the tables behind any content kept
  in the process (`rumbo.core.kept`) that it used.
- **Invalidation**: every INSERT, UPDATE or DELETE on a content table, whatever made it (the
  admin, a service, `bulk_create`, `.update()`, a task, a command), gives that table a new
  version in the shared cache when its transaction commits (`transaction.on_commit`; a
  rollback changes nothing). A stored page keeps the versions its tables had *before* it was
  rendered; a lookup compares them with the current ones (one `get_many`), so a page that
  shows a changed table is never served again, in any process or on any app server sharing
  the cache. The time limit (`RUMBO_PAGE_CACHE_SECONDS`) is only a fallback.
- **Kept content**: a process may keep content for up to 60 s (`kept.py`). A page rendered
  for the cache checks each kept value it uses against the versions read before the render
  and reloads a value whose tables changed since it was loaded, so a stale kept copy never
  reaches the shared cache.

Keys: host, the full original `request.path` (campaign sites may strip a prefix from
`path_info`), the query string, the language (cookie or Accept-Language, as LocaleMiddleware
chooses it), the campaign if a site middleware set `request.campaign`, gzip or not, and a
hash of the interface (templates and catalogues), so a deployment does not serve the
previous release's pages.

Conditional requests: stored pages carry a strong `ETag` (a hash of the stored bytes) and
`Last-Modified` (when they were stored); `If-None-Match`/`If-Modified-Since` get a 304 with
no body. `Cache-Control: public, max-age=0, s-maxage=N` lets a proxy or CDN hold them N
seconds (`RUMBO_PAGE_PROXY_SECONDS`, see README "Deployment") while browsers revalidate.
"""

import contextlib
import hashlib
import logging
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any
from uuid import uuid4

from django.apps import apps
from django.conf import settings
from django.core.cache import BaseCache, caches
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.db.backends.signals import connection_created
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.urls import Resolver404, resolve
from django.utils.cache import get_max_age
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import get_language_from_request

logger = logging.getLogger(__name__)

# Apps and models whose rows are personal data: a page that reads one is never stored, and
# writing one gives no table a new version (no stored page can show it).
PERSONAL_APPS = frozenset(
    {"accounts", "admin", "audit", "auth", "axes", "casework", "otp_totp", "sessions"}
)
PERSONAL_MODELS = frozenset(
    {
        "plans.Plan",
        "learning.LearnerProfile",
        "learning.Enrolment",
        "learning.LessonView",
        "learning.Attempt",
        "learning.Answer",
        "learning.Statement",
    }
)
_PRIVATE_DIRECTIVES = ("private", "no-store", "no-cache")
_MAX_QUERY_LENGTH = 512
_KEY_PREFIX = "rumbo-page"
_HEADER_LIST = re.compile(r"\s*,\s*")

_READ_TABLES = re.compile(r'\b(?:FROM|JOIN)\s+"?(\w+)"?', re.IGNORECASE)
_WRITTEN_TABLE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.I)


def page_cache() -> BaseCache:
    return caches[settings.RUMBO_PAGE_CACHE_ALIAS]


# --- Tables: which are content, which hold personal data ---------------------------------


@cache
def _tables() -> tuple[frozenset[str], frozenset[str]]:
    """(content tables, personal tables) of the installed models."""
    content, personal = set(), set()
    for model in apps.get_models(include_auto_created=True):
        opts = model._meta
        creator = opts.auto_created  # the model a many-to-many link table belongs to
        owner = creator._meta if isinstance(creator, type) else opts
        if owner.app_label in PERSONAL_APPS or owner.label in PERSONAL_MODELS:
            personal.add(opts.db_table)
        else:
            content.add(opts.db_table)
    return frozenset(content), frozenset(personal)


def content_tables() -> frozenset[str]:
    return _tables()[0]


def tables_of(models: Iterable[type]) -> frozenset[str]:
    """The tables of `models` (and of their many-to-many links) that pages can depend on."""
    names = set()
    for model in models:
        opts = model._meta  # type: ignore[attr-defined]
        names.add(opts.db_table)
        names.update(f.remote_field.through._meta.db_table for f in opts.local_many_to_many)
    return frozenset(names) & content_tables()


# --- Table versions in the shared cache --------------------------------------------------


def _version_key(table: str) -> str:
    return f"{_KEY_PREFIX}:v:{table}"


def table_versions(tables: Iterable[str]) -> dict[str, str]:
    """The current version of each table, giving a first version to those without one."""
    tables = list(tables)
    store = page_cache()
    found = store.get_many([_version_key(table) for table in tables])
    versions: dict[str, str] = {}
    for table in tables:
        version = found.get(_version_key(table))
        if version is None:
            # add(), not set(): a version written meanwhile by a change wins.
            store.add(_version_key(table), uuid4().hex, timeout=None)
            version = store.get(_version_key(table)) or ""
        versions[table] = version
    return versions


def tables_changed(tables: Iterable[str]) -> None:
    """New versions for `tables`: every stored page that read one of them is out of date."""
    tables = set(tables) & content_tables()
    if tables and settings.RUMBO_PAGE_CACHE_ENABLED:
        page_cache().set_many({_version_key(t): uuid4().hex for t in tables}, timeout=None)


def page_cache_clear() -> None:
    """Every stored page out of date at once (every content table gets a new version)."""
    tables_changed(content_tables())


# --- Recording what a render reads --------------------------------------------------------


@dataclass
class Reading:
    """What one render read: tables from queries and from kept content, and the versions of
    every content table taken before the render began."""

    versions: dict[str, str]
    tables: set[str] = field(default_factory=set)

    def read_sql(self, sql: str) -> None:
        self.tables.update(_READ_TABLES.findall(sql))


_reading: ContextVar[Reading | None] = ContextVar("rumbo_page_reading", default=None)


def current_reading() -> Reading | None:
    return _reading.get()


@contextlib.contextmanager
def reading(versions: dict[str, str]) -> Iterator[Reading]:
    """Records the tables read inside the block (nested readings add to the outer one)."""
    record = Reading(versions=versions)
    outer = _reading.get()
    token = _reading.set(record)
    try:
        yield record
    finally:
        _reading.reset(token)
        if outer is not None:
            outer.tables.update(record.tables)


def _pending(connection: Any) -> set[str]:
    if not hasattr(connection, "_rumbo_changed_tables"):
        connection._rumbo_changed_tables = set()
    return connection._rumbo_changed_tables


def _flush_changes(connection: Any) -> None:
    tables, connection._rumbo_changed_tables = _pending(connection), set()
    try:
        tables_changed(tables)
    except Exception as error:  # the change is committed: a missing cache must not undo it
        # (during `migrate` the cache table does not exist yet; nothing is cached then either)
        logger.warning("page cache: could not record changed tables: %s", error)


def _watch_queries(execute, sql, params, many, context):  # noqa: ANN001 - Django's signature
    record = _reading.get()
    if record is not None:
        record.read_sql(sql)
    result = execute(sql, params, many, context)
    written = _WRITTEN_TABLE.match(sql)
    if written and written[1] in content_tables():
        connection = context["connection"]
        _pending(connection).add(written[1])
        # Runs at once outside a transaction; after the commit inside one; never on rollback.
        # Each write registers the flush: a savepoint rollback drops the callbacks made inside it.
        transaction.on_commit(lambda: _flush_changes(connection), using=connection.alias)
    return result


def _install_watch(sender: object, connection: Any, **kwargs: object) -> None:
    if _watch_queries not in connection.execute_wrappers:
        connection.execute_wrappers.append(_watch_queries)


def watch_connections() -> None:
    """Installs the query watch on the connections already open (idempotent). New ones get
    it when they connect: this module is imported by `rumbo.core.kept`, which the guides and
    plans apps import when Django starts, so every process (web, task worker, commands)
    versions the tables it writes."""
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        _install_watch(None, connection)


connection_created.connect(_install_watch, dispatch_uid="rumbo-page-cache-watch")


# --- Keys and stored pages ----------------------------------------------------------------


@cache
def interface_release() -> str:
    """A hash of the templates and catalogues: pages of a previous release are not served."""
    root = Path(settings.BASE_DIR) / "rumbo"
    digest = hashlib.blake2b(digest_size=8)
    for path in sorted([*root.glob("**/templates/**/*.html"), *root.glob("**/*.mo")]):
        stat = path.stat()
        digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return digest.hexdigest()


def page_key(request: HttpRequest) -> str | None:
    """The cache key of the page `request` asks for, or None when it may not come from or go
    to the cache."""
    if request.method not in ("GET", "HEAD"):
        return None
    cookies = request.COOKIES
    if (
        "HTTP_AUTHORIZATION" in request.META
        or settings.SESSION_COOKIE_NAME in cookies
        or "messages" in cookies
    ):
        return None
    query = request.META.get("QUERY_STRING", "")
    if len(query) > _MAX_QUERY_LENGTH:
        return None
    try:
        host = request.get_host()
    except DisallowedHost:
        return None
    campaign = getattr(request, "campaign", None)
    gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
    parts = (
        host,
        request.path,
        query,
        get_language_from_request(request),
        str(getattr(campaign, "pk", "")),
        "gzip" if gzip else "identity",
        interface_release(),
    )
    digest = hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).hexdigest()
    return f"{_KEY_PREFIX}:p:{digest}"


@dataclass(frozen=True)
class StoredPage:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    etag: str
    last_modified: float
    versions: tuple[tuple[str, str], ...]


def cache_control(seconds: int) -> str:
    proxy = min(seconds, settings.RUMBO_PAGE_PROXY_SECONDS)
    return f"public, max-age=0, s-maxage={proxy}"


def _not_modified(request: HttpRequest, etag: str, last_modified: float) -> bool:
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return etag in tags or "*" in tags
    since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
    return since is not None and int(last_modified) <= since


def _answer(request: HttpRequest, page: StoredPage, state: str) -> HttpResponse:
    if _not_modified(request, page.etag, page.last_modified):
        response: HttpResponse = HttpResponseNotModified()
        for name, value in page.headers:
            if name.lower() in ("cache-control", "vary", "content-language"):
                response.headers[name] = value
    else:
        response = HttpResponse(b"" if request.method == "HEAD" else page.body, status=page.status)
        for name, value in page.headers:
            response.headers[name] = value
        response.headers["Content-Length"] = str(len(page.body))
    response.headers["ETag"] = page.etag
    response.headers["Last-Modified"] = http_date(page.last_modified)
    response.headers["X-Page-Cache"] = state
    return response


# The version keys of each page last seen in this process, so that a hit usually needs one
# round trip to the cache (the page and its versions together).
_seen_version_keys: dict[str, tuple[str, ...]] = {}
_SEEN_LIMIT = 50_000


def lookup(key: str) -> StoredPage | None:
    """The stored page under `key` if every table it read still has the version it had."""
    store = page_cache()
    guessed = _seen_version_keys.get(key, ())
    found = store.get_many([key, *guessed])
    page = found.get(key)
    if page is None:
        return None
    wanted = tuple(_version_key(table) for table, _ in page.versions)
    if wanted != guessed:
        if len(_seen_version_keys) >= _SEEN_LIMIT:
            _seen_version_keys.clear()
        _seen_version_keys[key] = wanted
        found = store.get_many(wanted)
    for (_table, version), version_key in zip(page.versions, wanted, strict=True):
        if found.get(version_key) != version:
            return None
    return page


def refusal(request: HttpRequest, response: HttpResponseBase, record: Reading) -> str:
    """Why `response` may not be stored ("" when it may)."""
    if response.status_code != 200 or response.streaming:
        return "status"
    if response.cookies:
        return "sets a cookie"
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return "uses a CSRF token"
    control = {
        part.split("=", 1)[0].strip().lower()
        for part in _HEADER_LIST.split(response.headers.get("Cache-Control", ""))
    }
    if control.intersection(_PRIVATE_DIRECTIVES):
        return "private"
    vary = {v.strip().lower() for v in _HEADER_LIST.split(response.headers.get("Vary", ""))}
    if "cookie" in vary or "*" in vary or "authorization" in vary:
        return "varies by cookie"
    if getattr(request, "_cache_update_cache", None) is False:
        return "served by a per-view cache"
    if response.headers.get("Content-Language", "") != get_language_from_request(request):
        return "language differs from the key"
    if record.tables & _tables()[1]:
        return "read personal data"
    return ""


def store(
    key: str, request: HttpRequest, response: HttpResponse, record: Reading
) -> StoredPage | None:
    """Stores `response`, marked with the versions its tables had before the render."""
    tables = record.tables & content_tables()
    missing = tables - record.versions.keys()
    if missing:  # a table nobody has versioned yet: its version was read after the render
        return None
    seconds = settings.RUMBO_PAGE_CACHE_SECONDS
    if (asked := get_max_age(response)) is not None and asked > 0:
        seconds = min(seconds, asked)  # a view that knows its page ages fast (opening hours)
    response.headers["Cache-Control"] = cache_control(seconds)
    body = response.content
    page = StoredPage(
        status=response.status_code,
        headers=tuple(
            (name, value)
            for name, value in response.headers.items()
            if name not in ("X-Page-Cache", "Expires")  # Expires: a per-view cache's own
        ),
        body=body,
        etag='"' + hashlib.blake2b(body, digest_size=12).hexdigest() + '"',
        last_modified=float(int(time.time())),
        versions=tuple(sorted((table, record.versions[table]) for table in tables)),
    )
    page_cache().set(key, page, seconds)
    return page


# Refusals that come from what a route is, not from one visit: a route that gave one is not
# asked again in this process for a while (a plan page costs no cache round trip).
_ROUTE_REFUSALS = frozenset(
    {"sets a cookie", "uses a CSRF token", "private", "varies by cookie", "read personal data"}
)
_ROUTE_REFUSAL_SECONDS = 60.0


@dataclass
class _Route:
    """What this process learnt about one route: the content tables its pages read (so a
    miss reads only their versions before rendering), and until when it is not cached."""

    tables: frozenset[str] | None = None
    refused_until: float = 0.0


def _route_name(request: HttpRequest) -> str:
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return ""
    return match.route or match.view_name


class PageCache:
    """The middleware's logic, kept apart from it for tests and benchmarks."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self._routes: dict[str, _Route] = {}

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        key = page_key(request) if settings.RUMBO_PAGE_CACHE_ENABLED else None
        if key is None:
            return self.get_response(request)
        route = self._routes.setdefault(_route_name(request), _Route())
        if route.refused_until > time.monotonic():
            return self.get_response(request)
        try:
            page = lookup(key)
            if page is not None:
                return _answer(request, page, "hit")
            # Versions before the render: a change committed during it leaves the page stale
            # in the cache only under versions that are already out of date.
            expected = route.tables if route.tables is not None else content_tables()
            versions = table_versions(expected)
        except Exception:  # an unreachable cache costs speed, never the page
            logger.exception("page cache: unavailable")
            return self.get_response(request)
        with reading(versions) as record:
            response = self.get_response(request)
        reason = refusal(request, response, record)
        if reason or not isinstance(response, HttpResponse):
            if reason in _ROUTE_REFUSALS:
                route.refused_until = time.monotonic() + _ROUTE_REFUSAL_SECONDS
            response.headers.setdefault("X-Page-Cache", f"bypass ({reason})")
            return response
        read = frozenset(record.tables & content_tables())
        route.tables = read if route.tables is None else route.tables | read
        page = store(key, request, response, record)
        if page is None:
            response.headers["X-Page-Cache"] = "miss (not stored)"
            return response
        return _answer(request, page, "miss")
