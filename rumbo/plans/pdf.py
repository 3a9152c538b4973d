"""The plan as a small PDF (fpdf2). A font with Arabic glyphs (DejaVu Sans, vendored in
fonts/ so that no system font is needed) is embedded as a subset, so the file stays small;
Arabic text is shaped and laid right to left with HarfBuzz."""

from django.utils import formats
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext as _
from fpdf import FPDF

from rumbo.core.pdf import font_path as _font_path
from rumbo.core.pdf import shaping_available as _shaping_available
from rumbo.plans.selectors import PlanSummary


class _PlanPDF(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(auto=True, margin=15)
        self.rtl = get_language_bidi()
        font = _font_path()
        if font:
            self.add_font("body", fname=str(font))
            self.family = "body"
            if self.rtl and _shaping_available():
                self.set_text_shaping(use_shaping_engine=True, direction="rtl")
        else:
            self.family = "helvetica"

    def clean(self, text: str) -> str:
        if self.family == "body":
            return text
        return text.encode("latin-1", "replace").decode("latin-1")

    def write_line(self, text: str, *, size: int = 10, gap: float = 1, ltr: bool = False) -> None:
        """One paragraph; `ltr` keeps a code or a link left to right inside an Arabic page."""
        self.set_font(self.family, size=size)
        shaped = self.rtl and self.text_shaping is not None
        if shaped and ltr:
            self.set_text_shaping(use_shaping_engine=True, direction="ltr")
        self.multi_cell(
            0,
            size * 0.5,
            self.clean(text),
            align="R" if self.rtl else "L",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        if shaped and ltr:
            self.set_text_shaping(use_shaping_engine=True, direction="rtl")
        self.ln(gap)


def plan_pdf(*, summary: PlanSummary, link: str) -> bytes:
    pdf = _PlanPDF()
    pdf.set_title(_("My plan"))
    pdf.add_page()
    pdf.write_line(_("My plan"), size=18, gap=2)
    pdf.write_line(_("Code: %(code)s") % {"code": summary.plan.code})
    pdf.write_line(link, size=8, ltr=True)
    pdf.write_line(
        _("Available until %(date)s.")
        % {"date": formats.date_format(summary.plan.expires_at, "DATE_FORMAT")},
        gap=4,
    )
    if summary.opportunities:
        pdf.write_line(_("Opportunities near you that fit you"), size=14)
        for fit in summary.opportunities:
            opportunity = fit.opportunity
            pdf.write_line(opportunity.title, size=12, gap=0)
            where = f" ({fit.distance_km:.1f} km)" if fit.distance_km else ""
            pdf.write_line(f"{opportunity.provider}{where}", size=10)
    if summary.destination:
        pdf.write_line(
            _("Regular pathways to %(country)s that fit you") % {"country": summary.destination},
            size=14,
        )
        for pathway, _to_check in summary.fitting or summary.other_fitting:
            pdf.write_line(pathway.title, size=12)
            for step in pathway.steps.all():
                pdf.write_line(f"{step.order}. {step.title}", size=10, gap=0)
            pdf.ln(2)
        if not (summary.fitting or summary.other_fitting):
            pdf.write_line(_("None of the regular pathways we know fits you yet."))
        for pathway, unmet in summary.unfit:
            pdf.write_line(
                _("Not yet for you: %(title)s") % {"title": pathway.title}, size=11, gap=0
            )
            for message in unmet:
                pdf.write_line(f"- {message}", size=10, gap=0)
            pdf.ln(2)
    elif summary.abroad:
        pdf.write_line(_("Regular ways abroad that fit you"), size=14)
        for pathway in summary.abroad:
            pdf.write_line(f"{pathway.title} ({pathway.destination.name})", size=11, gap=0)
        pdf.ln(2)
    if summary.checklist or summary.fitting:
        pdf.write_line(_("Documents to get"), size=14)
    if summary.fitting and not summary.checklist:
        pdf.write_line(_("No documents to get."))
    for item in summary.checklist:
        pdf.write_line(item.document.name, size=12, gap=0)
        if item.nearest:
            issuance, office = item.nearest.issuance, item.nearest.office
            pdf.write_line(str(issuance.institution), gap=0)
            if office:
                where = ", ".join(part for part in (office.name, office.address) if part)
                pdf.write_line(f"{where} ({office.place})", gap=0)
            if issuance.cost:
                pdf.write_line(_("Cost: %(cost)s") % {"cost": issuance.cost}, gap=0)
            if issuance.what_to_bring:
                pdf.write_line(
                    _("What to bring: %(items)s") % {"items": issuance.what_to_bring}, gap=0
                )
        pdf.ln(2)
    if summary.info_points:
        pdf.write_line(_("Information points near you"), size=14)
        for point, km in summary.info_points:
            pdf.write_line(point.name, size=11, gap=0)
            pdf.write_line(f"{point.address} ({km:.1f} km)", size=9)
    if summary.articles:
        pdf.write_line(_("Risks to know"), size=14)
        for article in summary.articles:
            pdf.write_line(article.title, size=11, gap=0)
            pdf.write_line(article.summary, size=9)
    return bytes(pdf.output())
