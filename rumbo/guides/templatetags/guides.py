import markdown as markdown_lib
import nh3
from django import template
from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

ALLOWED_TAGS = {"p", "ul", "ol", "li", "strong", "em", "a", "h2", "h3", "h4", "blockquote", "br"}


@register.filter
def markdown(text: str) -> SafeString:
    """Content Markdown as HTML, sanitised: editors' text never carries scripts or styles."""
    html = markdown_lib.markdown(text or "", output_format="html")
    # Content headings start below the page's own h1.
    html = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    cleaned = nh3.clean(
        html, tags=ALLOWED_TAGS, attributes={"a": {"href"}}, link_rel="noopener noreferrer"
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above


@register.simple_tag
def content_max_age_days() -> int:
    return settings.RUMBO_CONTENT_MAX_AGE_DAYS
