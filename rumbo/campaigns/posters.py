"""A campaign's printable poster: its name, slogan and a QR code of its site (fpdf2 and
segno, drawn on the server). The font is the one the plans' PDF vendors (DejaVu Sans)."""

import io
from pathlib import Path

import segno
from fpdf import FPDF

from rumbo.campaigns.models import Campaign

FONT = Path(__file__).resolve().parent.parent / "plans" / "fonts" / "DejaVuSans.ttf"


def site_qr_svg(*, url: str) -> str:
    """The site's address as a QR code in SVG (a file of its own)."""
    code = segno.make(url, error="m")
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", scale=8, border=2, dark="#000", light="#fff", xmldecl=True)
    return buffer.getvalue().decode()


def campaign_poster_pdf(*, campaign: Campaign, url: str, call: str) -> bytes:
    """An A4 poster: the campaign's name and slogan, a call to action and the QR code that
    opens its site, with the address written out for those without a camera."""
    pdf = FPDF(format="A4")
    pdf.set_title(campaign.name)
    pdf.set_creator("Rumbo")
    pdf.add_page()
    if FONT.exists():
        pdf.add_font("body", fname=str(FONT))
        family = "body"
    else:  # pragma: no cover - the font is vendored
        family = "helvetica"
    red, green, blue = (int(campaign.colour_primary[i : i + 2], 16) for i in (1, 3, 5))
    pdf.set_fill_color(red, green, blue)
    pdf.rect(0, 0, 210, 24, style="F")
    pdf.set_font(family, size=34)
    pdf.set_y(40)
    pdf.multi_cell(0, 14, campaign.name, align="C", new_x="LMARGIN", new_y="NEXT")
    if campaign.slogan:
        pdf.set_font(family, size=18)
        pdf.multi_cell(0, 9, campaign.slogan, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(8)
    pdf.set_font(family, size=14)
    pdf.multi_cell(0, 7, call, align="C", new_x="LMARGIN", new_y="NEXT")
    png = io.BytesIO()
    segno.make(url, error="m").save(png, kind="png", scale=10, border=2)
    png.seek(0)
    pdf.image(png, x=55, y=pdf.get_y() + 8, w=100, h=100)
    pdf.set_y(pdf.get_y() + 116)
    pdf.set_font(family, size=12)
    pdf.multi_cell(0, 6, url, align="C", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
