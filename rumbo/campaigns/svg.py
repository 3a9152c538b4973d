"""Logos arrive as SVG source typed or pasted by a campaign team: a document that can carry
scripts, event handlers, external references (images, fonts, stylesheets, links) and entity
bombs. A logo is accepted only if it is built from an allow-list of drawing elements and
attributes, and is then written back out from the parsed tree, so nothing the list does not
name survives. Anything dangerous is refused with a message saying what was found (the team
should know their file was altered, not discover a blank logo). The logo is also served as an
image of its own (`<img>`, where browsers never run scripts) with a sandboxing CSP.
"""

import re
from xml.etree.ElementTree import Element, register_namespace, tostring  # noqa: S405

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SVG_NS = "http://www.w3.org/2000/svg"
MAX_SVG_BYTES = 50 * 1024
register_namespace("", SVG_NS)

ELEMENTS = {
    "svg", "g", "path", "circle", "ellipse", "rect", "line", "polyline", "polygon", "text",
    "tspan", "title", "desc", "defs", "linearGradient", "radialGradient", "stop", "clipPath",
}  # fmt: skip
ATTRIBUTES = {
    "id", "viewBox", "width", "height", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r",
    "rx", "ry", "d", "points", "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width",
    "stroke-opacity", "stroke-linecap", "stroke-linejoin", "opacity", "transform",
    "font-family", "font-size", "font-weight", "text-anchor", "offset", "stop-color",
    "stop-opacity", "gradientUnits", "gradientTransform", "clip-path", "clip-rule",
    "preserveAspectRatio", "role", "aria-label", "version", "dx", "dy",
}  # fmt: skip
# url(...) may only point inside the document (a gradient, a clip path).
URL_REFERENCE = re.compile(r"url\s*\(", re.IGNORECASE)
LOCAL_REFERENCE = re.compile(r"^url\(#[-\w.]+\)$")


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]


def _refuse(what: str) -> ValidationError:
    return ValidationError(_("The SVG logo was refused: %(what)s.") % {"what": what}, code="svg")


def svg_sanitise(source: str) -> str:
    """The logo written back from its allowed parts, or ValidationError naming what is
    refused (a script, an event handler, an external reference, a DTD or entity, a foreign
    element, a broken document)."""
    source = source.strip()
    if not source:
        return ""
    if len(source.encode()) > MAX_SVG_BYTES:
        raise _refuse(_("it is larger than %(size)s KB") % {"size": MAX_SVG_BYTES // 1024})
    try:
        root = fromstring(source, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise _refuse(_("it declares a DTD or entities")) from error
    except ParseError as error:
        raise _refuse(_("it is not well-formed XML (%(problem)s)") % {"problem": error}) from error
    if root.tag != f"{{{SVG_NS}}}svg":
        raise _refuse(_("it is not an SVG document"))
    for element in root.iter():
        _check_element(element)
    return tostring(root, encoding="unicode")


def _check_element(element: Element) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    name = _local(tag)
    if name == "script":
        raise _refuse(_("it holds a script"))
    if not tag.startswith(f"{{{SVG_NS}}}") or name not in ELEMENTS:
        raise _refuse(_("the element <%(name)s> is not allowed") % {"name": name[:40]})
    for attribute, value in list(element.attrib.items()):
        local = _local(attribute)
        if local.lower().startswith("on"):
            raise _refuse(_("it holds an event handler (%(name)s)") % {"name": local[:40]})
        if local in {"href", "src"} or attribute.startswith("{http://www.w3.org/1999/xlink}"):
            raise _refuse(_("it holds a reference to another file or page"))
        if local == "style":
            raise _refuse(_("it holds a style attribute (use presentation attributes)"))
        if local not in ATTRIBUTES or "}" in attribute:
            raise _refuse(_("the attribute %(name)s is not allowed") % {"name": local[:40]})
        if URL_REFERENCE.search(value) and not LOCAL_REFERENCE.match(value.strip()):
            raise _refuse(_("it holds a reference to another file or page"))
    if name in {"text", "tspan", "title", "desc"}:
        return
    if element.text and element.text.strip():
        raise _refuse(_("the element <%(name)s> holds text") % {"name": name})
