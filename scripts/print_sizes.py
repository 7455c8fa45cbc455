"""Print each visible sheet of workbooks alone through LibreOffice and report its pages and smallest text.

Run: python scripts/print_sizes.py rapport-2026.xlsx envois/*.xlsx

Each sheet is printed on its own (the others hidden, their print areas dropped) so its figures are its
own: pages, smallest text size in points (pdfplumber), paper (792 × 612 is Letter landscape, 1008 × 612
Legal landscape). The figures of issue 22's note come from this script.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pdfplumber

_SHEET = re.compile(r'<sheet [^>]*name="([^"]*)"[^>]*/>')


def _alone(source: Path, index: int, target: Path) -> None:
    """A copy of `source` where only the sheet `index` is visible, active and printed."""
    with zipfile.ZipFile(source) as book, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in book.infolist():
            data = book.read(item.filename)
            if item.filename == "xl/workbook.xml":
                text = data.decode()
                position = iter(range(10_000))

                def hide(match: re.Match) -> str:
                    tag = re.sub(r'\sstate="[^"]*"', "", match.group(0))
                    return tag if next(position) == index else tag.replace("<sheet ", '<sheet state="hidden" ', 1)

                text = _SHEET.sub(hide, text)
                text = re.sub(r'<definedName name="_xlnm.Print_Area" localSheetId="(\d+)"[^>]*>[^<]*</definedName>',
                              lambda m: m.group(0) if int(m.group(1)) == index else "", text)
                text = re.sub(r'\sactiveTab="\d+"', "", text).replace("<workbookView ",
                                                                        f'<workbookView activeTab="{index}" ', 1)
                data = text.encode()
            elif item.filename.startswith("xl/worksheets/sheet"):
                data = re.sub(rb'\stabSelected="1"', b"", data)
            out.writestr(item, data)


def measure(source: Path) -> None:
    with zipfile.ZipFile(source) as book:
        tags = _SHEET.findall(book.read("xl/workbook.xml").decode())
        states = re.findall(r'<sheet [^>]*/>', book.read("xl/workbook.xml").decode())
    folder = Path(tempfile.mkdtemp())
    try:
        for index, (name, tag) in enumerate(zip(tags, states)):
            if 'state="hidden"' in tag or 'state="veryHidden"' in tag:
                continue
            alone = folder / "feuille.xlsx"
            _alone(source, index, alone)
            subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/profil", "--headless",
                            "--convert-to", "pdf", "--outdir", str(folder), str(alone)],
                           capture_output=True, timeout=300, check=False)
            with pdfplumber.open(folder / "feuille.pdf") as pdf:
                # a turned character's "size" is its advance (pdfplumber), so a chart's vertical axis title
                # read as 2-pt text: its height lies across the page instead
                sizes = [min((c["size"] if c["upright"] else c["x1"] - c["x0"] for c in page.chars), default=0)
                         for page in pdf.pages]
                paper = f"{pdf.pages[0].width:.0f} × {pdf.pages[0].height:.0f}" if pdf.pages else "-"
            print(f"{source.name[:40]:40} {name.replace('&amp;', '&')[:30]:30} pages {len(sizes):3}  "
                  f"plus petit texte {min(sizes, default=0):4.1f} pt  papier {paper}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    for argument in sys.argv[1:]:
        measure(Path(argument))
