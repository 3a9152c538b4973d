"""Pieces of the request fuzz test (test_fuzz.py): the hostile values, the routes of the URL
configuration, and the inputs each page offers (its forms' fields, the query parameters its
app reads, the API's parameters), all discovered from what exists rather than listed."""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

from django.urls import URLPattern, URLResolver, get_resolver

# One of each kind of input that has broken a page: digits int() rejects, numbers too large
# for any column, text too long for any, bytes a database refuses, a script URL.
HOSTILE = {
    "superscript digit": "²",
    "Arabic-Indic digits": "١٢",
    "fraction": "½",
    "400-digit number": "9" * 400,
    "negative number": "-1",
    "empty": "",
    "10,000 characters": "x" * 10_000,
    "NUL": "1\x00",
    "javascript URL": "javascript:alert(1)",
}
# Sent as raw bytes: not UTF-8 at all.
INVALID_UTF8 = b"\xff\xfe\xc3("
# 100,000 nested arrays: a recursive parser runs out of stack long before the end.
DEEP_JSON = "[" * 100_000 + "]" * 100_000
# JSON values of other types for the API's bodies.
HOSTILE_JSON = {
    **HOSTILE,
    "huge integer": 10**400,
    "negative integer": -1,
    "float overflow": 1e308 * 10,
    "nested list": [[[["x"]]]],
    "null": None,
}


@dataclass(frozen=True)
class Route:
    pattern: str  # as ResolverMatch.route spells it: "plan/<str:code>/delete/"
    name: str  # "plans:delete", or the pattern for an unnamed route
    namespace: str
    callback_module: str


def _join(route1: str, route2: str) -> str:
    # The same join as django.urls.resolvers.URLResolver._join_route.
    return route2 if not route1 else route1 + route2.removeprefix("^")


def url_routes() -> list[Route]:
    """Every route of the URL configuration, Django's admin and the API included."""

    def walk(patterns, namespace: str, prefix: str) -> Iterator[Route]:
        for pattern in patterns:
            route = _join(prefix, str(pattern.pattern))
            if isinstance(pattern, URLResolver):
                inner = ":".join(part for part in (namespace, pattern.namespace or "") if part)
                yield from walk(pattern.url_patterns, inner, route)
            elif isinstance(pattern, URLPattern):
                callback = pattern.callback
                name = f"{namespace}:{pattern.name}" if pattern.name and namespace else route
                module = getattr(callback, "__module__", "") or ""
                wrapped = getattr(callback, "__wrapped__", None)
                if wrapped is not None:
                    module = getattr(wrapped, "__module__", module) or module
                yield Route(route, pattern.name and name or route, namespace, module)

    unique: dict[str, Route] = {}
    for route in walk(get_resolver().url_patterns, "", ""):
        unique.setdefault(route.pattern, route)
    return sorted(unique.values(), key=lambda route: route.pattern)


_GET_KEY = re.compile(r"""\bGET(?:\.get|\.getlist|\[)\(?\s*["']([\w-]+)["']""")
_APP_DIR = Path(__file__).resolve().parents[2]


def app_query_keys(module: str) -> set[str]:
    """Names of the query parameters an app reads (`request.GET.get("state")`) in any of its
    modules, for the routes whose views that app holds."""
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != "rumbo":
        return set()
    keys: set[str] = set()
    for path in (_APP_DIR / parts[1]).rglob("*.py"):
        if "tests" not in path.parts and "migrations" not in path.parts:
            keys |= set(_GET_KEY.findall(path.read_text()))
    return keys


@dataclass
class Form:
    action: str
    method: str
    fields: dict[str, str] = field(default_factory=dict)  # name: default value
    files: set[str] = field(default_factory=set)


class PageParser(HTMLParser):
    """Collects a page's links and its forms with their fields and default values."""

    def __init__(self, base: str) -> None:
        super().__init__(convert_charrefs=True)
        self.base = base
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {key: value or "" for key, value in attrs}
        if tag == "a" and attr.get("href"):
            self.links.append(attr["href"])
        elif tag == "form":
            self._form = Form(
                action=attr.get("action") or self.base, method=(attr.get("method") or "get").lower()
            )
            self.forms.append(self._form)
        elif self._form is None or not attr.get("name"):
            return
        elif tag == "input":
            kind = attr.get("type", "text").lower()
            name = attr["name"]
            if kind == "file":
                self._form.files.add(name)
            elif kind in ("checkbox", "radio"):
                if "checked" in attr or name not in self._form.fields:
                    self._form.fields[name] = attr.get("value", "on")
            elif kind not in ("submit", "button", "image", "reset"):
                self._form.fields[name] = attr.get("value", "")
        elif tag == "select":
            self._select = attr["name"]
            self._form.fields.setdefault(self._select, "")
        elif tag == "option" and self._select is not None:
            value = attr.get("value", "")
            if "selected" in attr or not self._form.fields.get(self._select):
                self._form.fields[self._select] = value
        elif tag == "textarea":
            self._textarea = attr["name"]
            self._form.fields[self._textarea] = ""
        elif tag == "button" and attr.get("type", "submit") == "submit":
            self._form.fields.setdefault(attr["name"], attr.get("value", ""))

    def handle_data(self, data: str) -> None:
        if self._form is not None and self._textarea is not None:
            self._form.fields[self._textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


def page_parse(html: str, base: str) -> PageParser:
    parser = PageParser(base)
    parser.feed(html)
    parser.close()
    return parser


def site_path(href: str, base: str) -> str | None:
    """The path (with its query) of a link within the site, or None."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("#"):
        return None
    path = parts.path or urlsplit(base).path
    if not path.startswith("/"):
        path = urlsplit(base).path.rsplit("/", 1)[0] + "/" + path
    return path + (f"?{parts.query}" if parts.query else "")


def query_keys(path: str) -> set[str]:
    return {key for key, _value in parse_qsl(urlsplit(path).query, keep_blank_values=True)}
