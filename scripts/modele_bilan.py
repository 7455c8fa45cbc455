"""Write `modeles/bilan.docx`, the Word template of the committee's bilan (`suivi-excel bilan`).

Run: python scripts/modele_bilan.py   (rewrites modeles/bilan.docx)

The template is an ordinary Word document a coordinator may restyle in Word or LibreOffice: fonts
and colours live in its styles (Title, Heading 1-3, List Bullet, Caption, the tables' style), the
logo may be added to the title page or the header, fixed paragraphs (the committee's word) are
plain text. The words between {{ }} and {% %} are filled by `suivi-excel bilan` (docxtpl, that is
Jinja2 in Word): they are listed in modeles/README.md and must stay as they are.
"""

from __future__ import annotations

import sys
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "modeles" / "bilan.docx"

BLUE = RGBColor(0x1F, 0x4E, 0x79)
HEADER_FILL = "D9E2F3"
FONT = "Calibri"
TABLE_STYLE = "Texte de tableau"

WORD_OF_THE_COMMITTEE = (
    "Le comité de suivi présente au conseil municipal et à la population le bilan de la mise en œuvre "
    "du plan d'action. Il remercie les services municipaux, les organismes partenaires et les citoyennes "
    "et citoyens qui font vivre ce plan au quotidien.")  # replaced in the coordinator's copy (README)
ABOUT = ("Les chiffres de ce bilan viennent des retours des services municipaux, consolidés par "
         "suivi-excel. Une action « réalisée » est terminée ; « en continu », elle se répète chaque année "
         "comme prévu ; le taux de réalisation compte les deux.")


def _styles(document) -> None:
    """Fonts, sizes and colours in the styles only, so that restyling the template restyles the bilan."""
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    # French (Canada) for spelling and for the tagged PDF's language
    rpr = styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "fr-CA")
    for name, size, before in (("Title", 30, 0), ("Heading 1", 18, 18), ("Heading 2", 14, 14),
                               ("Heading 3", 12, 10)):
        style = styles[name]
        style.font.name = FONT
        style.font.size = Pt(size)
        style.font.color.rgb = BLUE
        style.font.bold = name != "Title"
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.keep_with_next = True
    styles["Subtitle"].font.name = FONT
    styles["Subtitle"].font.size = Pt(16)
    styles["Subtitle"].font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    table_text = styles.add_style(TABLE_STYLE, WD_STYLE_TYPE.PARAGRAPH)  # every table cell: restyle it here
    table_text.base_style = normal
    table_text.font.size = Pt(9.5)
    table_text.paragraph_format.space_after = Pt(0)
    table_text.quick_style = True
    styles["Caption"].font.name = FONT
    styles["Caption"].font.size = Pt(9)
    styles["Caption"].font.color.rgb = RGBColor(0x40, 0x40, 0x40)


def _paragraph(document, text: str, style: str | None = None, align=None):
    paragraph = document.add_paragraph(text, style)
    if align is not None:
        paragraph.alignment = align
    return paragraph


def _header_row(row) -> None:
    """A table's first row: repeated on each page, read as the header by screen readers, shaded."""
    tr_pr = row._tr.get_or_add_trPr()
    for tag in ("w:tblHeader", "w:cantSplit"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        tr_pr.append(element)
    for cell in row.cells:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), HEADER_FILL)
        cell._tc.get_or_add_tcPr().append(shading)
        for run in cell.paragraphs[0].runs:
            run.bold = True


def _table(document, headers: list[str], fields: list[str], loop: str, widths: list[float]):
    """A table with a header row and one row per item of `loop` (docxtpl's {%tr %} rows)."""
    table = document.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for col, text in enumerate(headers):
        table.cell(0, col).paragraphs[0].add_run(text)
    _header_row(table.rows[0])
    table.cell(1, 0).text = "{%tr for r in " + loop + " %}"
    for col, field in enumerate(fields):
        table.cell(2, col).text = "{{ r." + field + " }}"
    table.cell(3, 0).text = "{%tr endfor %}"
    cant_split = OxmlElement("w:cantSplit")  # a row stays on one page
    cant_split.set(qn("w:val"), "true")
    table.rows[2]._tr.get_or_add_trPr().append(cant_split)
    for row in table.rows:
        for col, cell in enumerate(row.cells):
            cell.width = Cm(widths[col])
            for paragraph in cell.paragraphs:
                paragraph.style = document.styles[TABLE_STYLE]
    for col, column in enumerate(table.columns):
        column.width = Cm(widths[col])
    return table


def _bullets(document, loop: str, item: str = "x") -> None:
    _paragraph(document, "{%p for " + item + " in " + loop + " %}")
    _paragraph(document, "{{ " + item + " }}", "List Bullet")
    _paragraph(document, "{%p endfor %}")


def build(path: Path = OUTPUT) -> Path:
    document = docx.Document()
    _styles(document)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.59), Cm(27.94)  # Letter, as municipalities print
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.2))
    section.different_first_page_header_footer = True  # the title page goes without
    footer = section.footer.paragraphs[0]
    footer.text = "{{ municipalite }} — {{ titre }}"
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.style = document.styles["Caption"]

    # title page
    for _ in range(5):
        _paragraph(document, "")
    _paragraph(document, "{{ municipalite }}", "Title")
    _paragraph(document, "{{ titre }}", "Subtitle")
    _paragraph(document, "{{ plan }}", "Subtitle")
    _paragraph(document, "")
    _paragraph(document, "{{ periode_texte }}")
    _paragraph(document, "Présenté au conseil municipal par le comité de suivi — document produit le {{ date }}.")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    document.add_heading("Le mot du comité", 1)
    _paragraph(document, WORD_OF_THE_COMMITTEE)

    document.add_heading("Faits saillants", 1)
    _bullets(document, "faits_saillants")
    _paragraph(document, "{%p if not faits_saillants %}")
    _paragraph(document, "Aucun fait saillant n'a été déclaré pour cette période.")
    _paragraph(document, "{%p endif %}")

    document.add_heading("Le bilan en bref", 1)
    _paragraph(document, "{%p for phrase in sommaire %}")
    _paragraph(document, "{{ phrase }}")
    _paragraph(document, "{%p endfor %}")
    for number, (image, caption) in enumerate((("graphique_statuts", "legende_statuts"),
                                               ("graphique_axes", "legende_axes")), start=1):
        _paragraph(document, "{{ " + image + " }}", align=WD_ALIGN_PARAGRAPH.CENTER)
        _paragraph(document, f"Figure {number} — {{{{ {caption} }}}}", "Caption", WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, ABOUT, "Caption")

    document.add_heading("Bilan par axe", 1)
    _paragraph(document, "{%p for axe in axes %}")
    document.add_heading("{{ axe.nom }}", 2)
    _paragraph(document, "{{ axe.phrase }}")
    for field, title in (("realisees", "Ce qui a été réalisé"), ("en_cours", "Ce qui est en cours"),
                         ("arretees", "Ce qui est reporté ou abandonné, et pourquoi"),
                         ("bons_coups", "Bons coups")):
        _paragraph(document, "{%p if axe." + field + " %}")
        document.add_heading(title, 3)
        _bullets(document, "axe." + field)
        _paragraph(document, "{%p endif %}")
    _paragraph(document, "{%p if axe.cibles %}")
    document.add_heading("Cibles", 3)
    _table(document, ["Action", "Cible", "Résultat", "Part de la cible", "Atteinte"],
           ["action", "cible", "resultat", "part", "atteinte"], "axe.cibles", [6.6, 3.0, 3.0, 2.1, 2.5])
    _paragraph(document, "{%p endif %}")
    _paragraph(document, "{%p endfor %}")

    document.add_heading("{{ suite_titre }}", 1)
    _paragraph(document, "{{ suite_phrase }}")
    _bullets(document, "suite")

    annex = document.add_section(WD_SECTION.NEW_PAGE)
    annex.orientation = WD_ORIENT.LANDSCAPE
    annex.different_first_page_header_footer = False
    annex.page_width, annex.page_height = Cm(27.94), Cm(21.59)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(annex, side, Cm(1.8))
    document.add_heading("Annexe — Toutes les actions et leur statut", 1)
    _paragraph(document, "{{ annexe_phrase }}")
    _table(document, ["No", "Axe", "Action", "Service responsable", "Statut", "Avancement", "Cible", "Résultat"],
           ["no", "axe", "action", "service", "statut", "avancement", "cible", "resultat"], "annexe",
           [1.2, 3.3, 5.3, 3.6, 2.4, 3.1, 2.7, 2.7])
    document.core_properties.title = "Bilan du plan d'action"
    document.core_properties.language = "fr-CA"
    document.core_properties.author = "suivi-excel"
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))
    return path


if __name__ == "__main__":
    written = build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT)
    print(f"Modèle du bilan écrit : {written}")
