"""The certificate as a one-page PDF (fpdf2) in the course's language, in its issuer's design
(colours, logo, signatory), with a QR code to its public verification page.

The font and the Arabic shaping are every Rumbo PDF's (rumbo/core/pdf.py: DejaVu Sans embedded
as a subset; HarfBuzz lays Arabic right to left).
"""

import io

import segno
from django.conf import settings
from django.core.cache import cache
from django.utils import formats, translation
from django.utils.translation import gettext as _
from fpdf import FPDF

from rumbo.certificates.models import Certificate
from rumbo.core.pdf import body_font_add, text_for

CACHE_SECONDS = 24 * 3600
WIDTH, HEIGHT = 297, 210  # A4 landscape, millimetres


def _rgb(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


class _CertificatePDF(FPDF):
    def __init__(self, *, rtl: bool) -> None:
        super().__init__(orientation="landscape", format="A4")
        self.set_auto_page_break(auto=False)
        self.set_margins(20, 20, 20)
        self.rtl = rtl
        self.family = body_font_add(self, rtl=rtl)

    def clean(self, text: str) -> str:
        return text_for(self.family, text)

    def centred(self, text: str, *, size: float, height: float, ltr: bool = False) -> None:
        self.set_font(self.family, size=size)
        if self.rtl and ltr and self.text_shaping is not None:
            self.set_text_shaping(use_shaping_engine=True, direction="ltr")
        self.multi_cell(0, height, self.clean(text), align="C", new_x="LMARGIN", new_y="NEXT")
        if self.rtl and ltr and self.text_shaping is not None:
            self.set_text_shaping(use_shaping_engine=True, direction="rtl")


def _qr_png(link: str) -> io.BytesIO:
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=6, border=2)
    buffer.seek(0)
    return buffer


def _render(certificate: Certificate, link: str) -> bytes:
    pdf = _CertificatePDF(rtl=translation.get_language_bidi())
    pdf.set_title(_("Certificate of completion"))
    pdf.add_page()
    issuer = certificate.issuer
    primary, accent = _rgb(issuer.colour_primary), _rgb(issuer.colour_accent)
    pdf.set_fill_color(*primary)
    pdf.rect(0, 0, WIDTH, 14, style="F")
    pdf.set_fill_color(*accent)
    pdf.rect(0, 14, WIDTH, 2, style="F")
    pdf.rect(0, HEIGHT - 6, WIDTH, 6, style="F")
    if issuer.logo_svg:
        try:
            pdf.image(io.BytesIO(issuer.logo_svg.encode()), x=20, y=20, h=18)
        except Exception:  # noqa: BLE001, S110 - a logo fpdf2 cannot draw is left out
            pass
    pdf.set_text_color(*primary)
    pdf.set_y(28)
    pdf.centred(certificate.issuer_name, size=14, height=8)
    pdf.ln(6)
    pdf.centred(_("Certificate of completion"), size=30, height=14)
    pdf.set_text_color(40, 40, 40)
    pdf.ln(4)
    pdf.centred(_("This certifies that"), size=12, height=7)
    pdf.set_text_color(*primary)
    pdf.centred(certificate.learner_name, size=26, height=14)
    pdf.set_text_color(40, 40, 40)
    pdf.centred(_("has completed the online course"), size=12, height=7)
    pdf.centred(certificate.course_title, size=18, height=10)
    pdf.ln(2)
    pdf.centred(
        _("on %(date)s") % {"date": formats.date_format(certificate.completed_at, "DATE_FORMAT")},
        size=11,
        height=6,
    )
    pdf.centred(
        _("Estimated workload: %(hours)s hours") % {"hours": certificate.hours}, size=11, height=6
    )
    if certificate.score is not None:
        pdf.centred(
            _("Final assessment score: %(score)s %%") % {"score": certificate.score},
            size=11,
            height=6,
        )
    # The signatory, bottom centre; the QR code and code, bottom corner.
    pdf.set_draw_color(*accent)
    pdf.line(WIDTH / 2 - 40, 168, WIDTH / 2 + 40, 168)
    pdf.set_y(170)
    pdf.centred(certificate.signatory_name, size=12, height=6)
    if certificate.signatory_title:
        pdf.centred(certificate.signatory_title, size=10, height=5)
    qr_x = 20 if pdf.rtl else WIDTH - 20 - 32
    pdf.image(_qr_png(link), x=qr_x, y=150, w=32, h=32)
    pdf.set_xy(20, 184)
    pdf.set_font(pdf.family, size=8)
    pdf.set_text_color(90, 90, 90)
    pdf.centred(_("Verify this certificate at"), size=8, height=4)
    pdf.centred(f"{link}  ·  {certificate.display_code}", size=8, height=4, ltr=True)
    return bytes(pdf.output())


def certificate_pdf(*, certificate: Certificate) -> bytes:
    """The PDF, made once and then kept in the cache for a day (drawing takes tens of ms)."""
    key = f"certificates:pdf:{certificate.code}:{certificate.issuer_id}"
    if (kept := cache.get(key)) is not None:
        return kept
    link = settings.RUMBO_PUBLIC_URL + certificate.get_absolute_url()
    with translation.override(certificate.language):
        data = _render(certificate, link)
    cache.set(key, data, CACHE_SECONDS)
    return data
