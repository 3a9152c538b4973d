"""The plan's link as a QR code, drawn on the server as inline SVG (no script, no request)."""

from functools import lru_cache

import segno
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


@lru_cache(maxsize=512)
def _svg(link: str) -> str:
    # Drawing a code takes a few milliseconds; a plan reopened is drawn once per process.
    code = segno.make(link, error="m")
    return code.svg_inline(scale=3, border=2, dark="#000", light="#fff", omitsize=False)


def qr_svg(link: str) -> SafeString:
    svg = _svg(link)
    label = escape(_("QR code that opens this plan"))
    # segno's output is our own markup (no user text inside: the link is only encoded in the
    # modules drawn), so it is safe; role and label make it an image for screen readers.
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))  # noqa: S308
