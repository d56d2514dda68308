"""Files that plan.yaml names: logos and the DOCX template must exist inside the project.

Without this check a mistyped logo path would silently drop the EU publicity block
from the title page, and a broken template would stop pandoc with its own message.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from assembler.checks.image_files import image_fault
from assembler.checks.markup import IMAGE_TYPES
from assembler.plan.images import find_image
from assembler.plan.items import ItemIndex
from assembler.plan.project import Project, project_file
from assembler.problems.diagnostics import Problem


def logos(project: Project, items: ItemIndex) -> Iterator[Problem]:
    info = project.info
    named = [(["zadavatel", "logo"], info.municipality.logo)]
    if info.esf:
        named.append((["publicita_esf", "logo"], info.esf.logo))
    for key, name in named:
        if not name:
            continue
        path = find_image(project.root, name, project.plan_source.path)
        if path is None or path.suffix.lower() not in IMAGE_TYPES:
            message = (
                f"Logo {name} nelze použít: musí to být soubor PNG, JPG nebo SVG uvnitř složky "
                "plánu, cesta se píše od složky s plan.yaml (např. assets/logo.svg)."
            )
            yield Problem("obrazek-mimo-projekt", message, project.plan_source.location(key))
        elif fault := image_fault(path, project.root):
            message = f"Logo {name} nelze použít: {fault}. Uložte je jako PNG, JPG nebo SVG."
            yield Problem("obrazek-obsah", message, project.plan_source.location(key))


def docx_template(project: Project, items: ItemIndex) -> Iterator[Problem]:
    name = project.info.outputs.reference_docx
    if not name:
        return
    where = project.plan_source.location(["vystupy", "sablona_docx"])
    path = project_file(project.root, name)
    if path is None or path.suffix.lower() != ".docx":
        message = (
            f"Šablona {name} neexistuje nebo není soubor .docx ve složce plánu. Cesta se píše "
            "od složky s plan.yaml, např. sablony/reference.docx."
        )
        yield Problem("sablona-docx", message, where)
    elif not _is_word_document(path):
        message = (
            f"Soubor {name} není dokument Wordu (DOCX). Otevřete šablonu ve Wordu nebo "
            "LibreOffice a uložte ji znovu jako „Dokument Word (.docx)“."
        )
        yield Problem("sablona-docx", message, where)


def _is_word_document(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return "word/styles.xml" in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


CHECKS = [logos, docx_template]
