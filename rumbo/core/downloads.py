"""The one way a view hands over a file (a CSV, a PDF, a zip, a JSON record)."""

from django.http import HttpResponse
from django.utils.http import content_disposition_header


def download_response(
    content: bytes | str, *, filename: str, content_type: str, inline: bool = False
) -> HttpResponse:
    """The file with its Content-Disposition header (Django's own writer, which quotes the
    name and encodes a non-ASCII one as RFC 6266 asks); `inline` lets the browser show it.

    Not `FileResponse(as_attachment=True, ...)`: that streams, and every file here is
    already built in memory, so a plain response keeps `Content-Length` and `.content`.
    """
    response = HttpResponse(content, content_type=content_type)
    disposition = content_disposition_header(as_attachment=not inline, filename=filename)
    if disposition:  # None only for an inline file without a name
        response["Content-Disposition"] = disposition
    return response
