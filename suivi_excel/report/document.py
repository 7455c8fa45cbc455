"""Write the committee's bilan as a Word document from the template `modeles/bilan.docx` (docxtpl), and
its tagged PDF through LibreOffice when it is installed.

The template belongs to the coordinator: fonts, colours, logo and fixed paragraphs are theirs to
change in Word; the tags between {{ }} and {% %} are filled here (modeles/README.md lists them).
A template that cannot be filled is refused with a French message before anything is written.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from suivi_excel.core.atomic import atomic_path
from suivi_excel.core.columns import AXE
from suivi_excel.core.errors import SuiviError
from suivi_excel.core.messages.report import REASONS
from suivi_excel.core.resources import models_dir
from suivi_excel.core.limits import DEFAULT_LIMITS
from suivi_excel.core.safety import inspect_archive
from suivi_excel.core.text import french_date
from suivi_excel.report import bilan_texts as texts
from suivi_excel.report import charts
from suivi_excel.report.bilan_data import BilanData
from suivi_excel.report.indicators import by_group

TEMPLATE_NAME = "bilan.docx"
_IMAGE_WIDTH_MM = 160
# LibreOffice's PDF export with its structure tags (headings, tables, alt texts): an accessible PDF
_TAGGED_PDF = 'pdf:writer_pdf_Export:{"UseTaggedPDF":{"type":"boolean","value":"true"}}'
_PDF_TIMEOUT = 300


def default_template() -> Path:
    return models_dir() / TEMPLATE_NAME


def _broken(template: Path, why: str) -> SuiviError:
    """The template refused, `why` (most often one of `REASONS`)."""
    return SuiviError.of("bilan-template-broken", template=template, default=default_template(), why=why)


def _open_template(template: Path):
    from docx.opc.exceptions import PackageNotFoundError
    from docxtpl import DocxTemplate

    if not template.is_file():
        raise SuiviError.of("bilan-template-missing", template=template, default=default_template())
    if not zipfile.is_zipfile(template):
        raise _broken(template, REASONS["template-not-docx"])
    refusal = inspect_archive(template, DEFAULT_LIMITS)  # bounded before docxtpl parses it
    if refusal is not None:
        raise _broken(template, refusal.reason or REASONS["template-not-readable"])
    try:
        with zipfile.ZipFile(template) as archive:
            if "word/document.xml" not in archive.namelist():
                raise _broken(template, REASONS["template-not-docx"])
        document = DocxTemplate(str(template))
        document.init_docx()
        return document
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise _broken(template, REASONS["template-not-opening"].format(kind=type(error).__name__)) from None


def context(data: BilanData) -> dict:
    """What the template's tags receive (modeles/README.md)."""
    plan = data.plan
    axes = by_group(data.actions, AXE)
    suite_title, suite_sentence, suite = texts.next_part(data)
    return {
        # a plan without its municipality (Paramètres left empty) still gets a title page
        "municipalite": plan.municipality or plan.title or "", "plan": plan.title or "", "titre": texts.title(data),
        "periode": data.label, "periode_texte": texts.period_text(data),
        "date": french_date(data.created.date()),
        "faits_saillants": texts.highlights(data), "sommaire": texts.status_sentences(data),
        "axes": texts.axe_parts(data, axes),
        "suite_titre": suite_title, "suite_phrase": suite_sentence, "suite": suite,
        "annexe": texts.annex_rows(data.actions),
        "annexe_phrase": texts.annex_sentence(data),
    }


def write_document(data: BilanData, output: Path, template: Path | None = None) -> Path:
    """Fill the template with the bilan of `data` and write the .docx, atomically.

    Args:
        data: the bilan's figures (`bilan_data.gather`).
        output: the .docx to write.
        template: the Word template; by default `modeles/bilan.docx`.

    Returns:
        The path written.

    Raises:
        SuiviError: when the template is missing or cannot be filled (nothing is written).
    """
    import jinja2
    from docx.shared import Mm
    from docxtpl import InlineImage

    template = Path(template) if template else default_template()
    document = _open_template(template)
    values = context(data)
    status = charts.status_chart(data.figures.by_status)
    axes = charts.axes_chart(by_group(data.actions, AXE))
    values.update({
        "graphique_statuts": InlineImage(document, io.BytesIO(status.png), width=Mm(_IMAGE_WIDTH_MM)),
        "graphique_axes": InlineImage(document, io.BytesIO(axes.png), width=Mm(_IMAGE_WIDTH_MM)),
        "legende_statuts": status.alt, "legende_axes": axes.alt,
    })
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    try:
        if not document.get_undeclared_template_variables(environment):  # a document that would say nothing
            raise _broken(template, REASONS["template-no-tags"])
        document.render(values, environment)
    except jinja2.TemplateSyntaxError as error:
        raise _broken(template, REASONS["template-tag-malformed"].format(error=error.message)) from None
    except jinja2.UndefinedError as error:
        raise _broken(template, REASONS["template-tag-unknown"].format(error=error.message)) from None
    except (jinja2.TemplateError, ValueError, KeyError, IndexError, AttributeError) as error:
        why = REASONS["template-not-filled"].format(kind=type(error).__name__, error=error)
        raise _broken(template, why) from None
    _describe_images(document, {status.png: status.alt, axes.png: axes.alt})
    properties = document.docx.core_properties
    properties.title = f"{values['titre']} — {values['municipalite']}".strip(" —")
    properties.subject = values["plan"]
    properties.language = "fr-CA"
    properties.author = "suivi-excel"
    with atomic_path(output) as temporary:
        document.save(str(temporary))
    return output


def _describe_images(document, alts: dict[bytes, str]) -> None:
    """Give each chart its text alternative (`descr`, what screen readers and the tagged PDF read)."""
    part = document.docx.part
    for shape in document.docx.inline_shapes:
        inline = shape._inline
        blips = inline.xpath(".//a:blip/@r:embed")
        if not blips:
            continue
        image = part.related_parts.get(blips[0])
        alt = alts.get(getattr(image, "blob", b""))
        if alt:
            inline.docPr.set("descr", alt)
            inline.docPr.set("title", alt.split(" — ")[0])


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def write_pdf(document: Path, output: Path) -> Path:
    """Convert the .docx to a tagged PDF with LibreOffice (headless, its own profile), atomically.

    Raises:
        SuiviError: when LibreOffice is missing or fails.
    """
    program = soffice()
    if program is None:
        raise SuiviError.of("pdf-no-libreoffice")
    with tempfile.TemporaryDirectory(prefix="suivi-pdf-") as work:
        work_dir = Path(work)
        profile = work_dir / "profil"
        try:
            subprocess.run([program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                            "--convert-to", _TAGGED_PDF, "--outdir", str(work_dir), str(document)],
                           check=True, capture_output=True, timeout=_PDF_TIMEOUT,
                           env={**os.environ, "HOME": str(work_dir)})
        except (OSError, subprocess.SubprocessError) as error:
            raise SuiviError.of("pdf-failed", kind=type(error).__name__) from None
        written = work_dir / (document.stem + ".pdf")
        if not written.is_file():
            raise SuiviError.of("pdf-not-written")
        with atomic_path(output) as temporary:
            shutil.copyfile(written, temporary)
    return output
