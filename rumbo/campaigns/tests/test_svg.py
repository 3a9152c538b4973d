import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from rumbo.campaigns.svg import svg_sanitise

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{}</svg>'


@pytest.fixture(autouse=True)
def _in_english():
    with translation.override("en"):
        yield


def test_a_plain_logo_is_kept():
    clean = svg_sanitise(SVG.format('<circle cx="5" cy="5" r="4" fill="#123456"/>'))
    assert "<circle" in clean
    assert 'viewBox="0 0 10 10"' in clean


@pytest.mark.parametrize(
    "hostile",
    [
        SVG.format("<script>alert(1)</script>"),
        SVG.format('<circle r="4" onload="alert(1)"/>'),
        SVG.format('<circle r="4" ONCLICK="alert(1)"/>'),
        SVG.format('<image href="https://evil.example/x.png"/>'),
        SVG.format('<a href="javascript:alert(1)"><circle r="1"/></a>'),
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<circle r="1" xlink:href="https://evil.example/"/></svg>',
        SVG.format('<rect fill="url(https://evil.example/p.svg#x)"/>'),
        SVG.format('<rect style="fill:url(https://evil.example/)"/>'),
        SVG.format("<style>@import url(https://evil.example/a.css);</style>"),
        SVG.format(
            '<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'
        ),
        SVG.format('<use href="#a"/>'),
        SVG.format('<animate attributeName="href" to="javascript:alert(1)"/>'),
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]>'
        '<svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
        "<html><script>alert(1)</script></html>",
        "<svg xmlns='http://www.w3.org/2000/svg'><circle",
        "<svg><circle r='1'/></svg>",  # no SVG namespace
        SVG.format("<circle r='1'/>" * 5000),
    ],
)
def test_hostile_logos_are_refused_with_a_message(hostile):
    with pytest.raises(ValidationError) as refused:
        svg_sanitise(hostile)
    assert refused.value.messages[0].startswith("The SVG logo was refused")


def test_a_local_gradient_reference_is_allowed():
    logo = SVG.format(
        '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>'
        '</defs><rect width="10" height="10" fill="url(#g)"/>'
    )
    assert 'fill="url(#g)"' in svg_sanitise(logo)


@pytest.mark.django_db
def test_the_admin_refuses_a_hostile_partner_logo(admin_user):
    from django.contrib import admin
    from django.test import RequestFactory

    from rumbo.campaigns.admin import PartnershipInline
    from rumbo.campaigns.models import Campaign

    request = RequestFactory().get("/admin/")
    request.user = admin_user
    form_class = PartnershipInline(Campaign, admin.site).get_formset(request).form
    form = form_class(data={"logo_svg": "<svg><script>alert(1)</script></svg>"})
    form.is_valid()
    assert form.errors["logo_svg"][0].startswith("The SVG logo was refused")
