"""The font and the Arabic shaping every Rumbo PDF uses (fpdf2): the plan and the certificate.

DejaVu Sans has Arabic glyphs and is embedded as a subset, so files stay small and need no
system font; HarfBuzz (uharfbuzz) shapes Arabic and lays it right to left. The font file stays
where it was vendored with its licence, rumbo/plans/fonts/.
"""

from pathlib import Path

from fpdf import FPDF

FONT_CANDIDATES = (Path(__file__).resolve().parent.parent / "plans" / "fonts" / "DejaVuSans.ttf",)
BODY = "body"
FALLBACK = "helvetica"


def font_path() -> Path | None:
    return next((path for path in FONT_CANDIDATES if path.exists()), None)


def shaping_available() -> bool:
    try:
        import uharfbuzz  # noqa: F401
    except ImportError:
        return False
    return True


def body_font_add(pdf: FPDF, *, rtl: bool) -> str:
    """Adds the body font to `pdf`, with right-to-left shaping for Arabic when HarfBuzz is
    there, and returns the family to draw with (a Latin-1 core font if the file is missing)."""
    font = font_path()
    if font is None:
        return FALLBACK
    pdf.add_font(BODY, fname=str(font))
    if rtl and shaping_available():
        pdf.set_text_shaping(use_shaping_engine=True, direction="rtl")
    return BODY


def text_for(family: str, text: str) -> str:
    """Text the family can draw: the core fallback font knows Latin-1 only."""
    if family == BODY:
        return text
    return text.encode("latin-1", "replace").decode("latin-1")
