"""Web addresses are http(s) only, in every model, form and admin page that takes one.

The fields are discovered (every model of Rumbo's apps, every form class of its modules, every
admin form): a new field holding an address cannot escape the check by being left off a list.
"""

import re
from pathlib import Path
from typing import Any

import pytest
from django import forms
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import models
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

import rumbo
from rumbo.core.tests.modules import rumbo_modules
from rumbo.core.validators import WebURLFormField, is_web_url, web_url_validator

ADDRESS_NAME = re.compile(r"url|link|website|href|homepage", re.IGNORECASE)
HOSTILE = [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://files.example.org/a",
    "file:///etc/passwd",
    "//evil.example/x",
    "https://",
]


def holds_address(name: str, field: object) -> bool:
    return isinstance(field, models.URLField | forms.URLField) or bool(ADDRESS_NAME.search(name))


def checked(field: models.Field | forms.Field) -> bool:
    return web_url_validator in field.validators


def model_address_fields() -> list[tuple[str, Any]]:
    found = []
    for model in apps.get_models():
        if not model.__module__.startswith("rumbo."):
            continue
        for field in model._meta.get_fields():
            if getattr(field, "concrete", False) and not field.is_relation:
                if holds_address(field.name, field):
                    found.append((f"{model._meta.label}.{field.name}", field))
    return found


def form_classes() -> list[type[forms.BaseForm]]:
    rumbo_modules()
    classes, pending = [], [forms.BaseForm]
    while pending:
        for subclass in pending.pop().__subclasses__():
            pending.append(subclass)
            if subclass.__module__.startswith("rumbo.") and hasattr(subclass, "base_fields"):
                classes.append(subclass)
    return classes


def test_the_discovery_finds_the_known_address_fields():
    names = {name for name, _field in model_address_fields()}
    assert {"learning.Lesson.video_url", "infopoints.InfoPoint.website"} <= names


def test_every_model_field_holding_an_address_accepts_only_http():
    unchecked = [name for name, field in model_address_fields() if not checked(field)]
    assert unchecked == [], "use rumbo.core.validators.WebURLField"


def test_every_form_field_holding_an_address_accepts_only_http():
    unchecked = [
        f"{form.__module__}.{form.__name__}.{name}"
        for form in form_classes()
        for name, field in form.base_fields.items()
        if holds_address(name, field) and not checked(field)
    ]
    assert unchecked == [], "use rumbo.core.validators.WebURLFormField"


@pytest.mark.django_db
def test_every_admin_form_field_holding_an_address_accepts_only_http(admin_user):
    request = RequestFactory().get("/admin/")
    request.user = admin_user
    unchecked = []
    for model, model_admin in admin.site._registry.items():
        if not model.__module__.startswith("rumbo."):
            continue
        form = model_admin.get_form(request)
        unchecked += [
            f"{model._meta.label} admin: {name}"
            for name, field in form.base_fields.items()
            if holds_address(name, field) and not checked(field)
        ]
    assert unchecked == []


@pytest.mark.parametrize("address", HOSTILE)
def test_non_web_address_is_refused(address):
    with pytest.raises(ValidationError):
        web_url_validator(address)


@pytest.mark.parametrize("address", ["https://example.org/a?b=c", "http://example.org"])
def test_web_address_is_accepted(address):
    assert is_web_url(address)


@pytest.mark.parametrize("address", [a for a in HOSTILE if not a.startswith("//")])
def test_form_field_refuses_a_non_web_address_with_a_translated_message(address):
    with translation.override("en"), pytest.raises(ValidationError, match="http:// or https://"):
        WebURLFormField().clean(address)


@pytest.mark.parametrize("address", HOSTILE)
def test_web_url_filter_renders_a_non_web_address_as_nothing(address):
    template = Template("{% load web_urls %}[{{ address|web_url }}]")
    assert template.render(Context({"address": address, "user": AnonymousUser()})) == "[]"


def test_web_url_filter_keeps_a_web_address():
    template = Template("{% load web_urls %}{{ address|web_url }}")
    assert template.render(Context({"address": "https://example.org/"})) == "https://example.org/"


def address_field_names() -> set[str]:
    return {
        field.name
        for model in apps.get_models()
        if model.__module__.startswith("rumbo.")
        for field in model._meta.get_fields()
        if isinstance(field, models.URLField)
    }


def unfiltered_address_links(text: str, names: set[str]) -> list[str]:
    """`href="{{ x.<address field> }}"` without the web_url filter, as written."""
    # A record's attribute (`point.website`); a bare name was set by `{% with %}`, and a
    # file's `.url` is the storage's own address.
    pattern = re.compile(r'href="\{\{\s*(\w+(?:\.\w+)*)\.(\w+)\s*\}\}"')
    return [
        match.group(0)
        for match in pattern.finditer(text)
        if match.group(2) in names and not match.group(1).endswith("file")
    ]


def test_templates_link_stored_addresses_only_through_the_web_url_filter():
    # Second line of defence: an address that reached the database some other way (an old
    # row, a raw SQL fix) is still never rendered as a `javascript:` link.
    names = address_field_names()
    assert {"website", "video_url"} <= names  # discovery works
    templates = list(Path(rumbo.__path__[0]).glob("*/templates/**/*.html"))
    offenders = {
        str(path): links
        for path in templates
        if (links := unfiltered_address_links(path.read_text(encoding="utf-8"), names))
    }
    assert offenders == {}, "render stored addresses as {{ value|web_url }}"


def test_the_template_check_sees_an_unfiltered_address():
    text = '<a href="{{ point.website }}">x</a><a href="{{ point.website|web_url }}">y</a>'
    assert unfiltered_address_links(text, {"website"}) == ['href="{{ point.website }}"']
