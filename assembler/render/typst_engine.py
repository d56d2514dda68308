"""Typst behind one module: the in-process compiler for PDFs and for rasterising SVG."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import typst


class TypstError(RuntimeError):
    """Typst refused the source; the message is the compiler's own, for the -v log."""


def pdf(
    source: str,
    root: str,
    timestamp: int,
    standards: list[str],
    inputs: dict[str, str],
    fonts: list[str] | None = None,
) -> bytes:
    """The PDF of ``source``; ``fonts`` are font folders beyond Typst's own (never the
    system's, so the bytes do not depend on the machine)."""
    try:
        # The typst stubs tie the type of `root` to that of `input`; bytes input with a
        # str root is what the library documents and accepts.
        data = typst.compile(  # type: ignore[call-overload]
            source.encode("utf-8"),
            root=root,
            format="pdf",
            ignore_system_fonts=True,
            timestamp=timestamp,
            pdf_standards=standards,
            sys_inputs=inputs,
            font_paths=fonts or [],
        )
    except Exception as err:  # typst raises its own error types with the compiler's message
        raise TypstError(str(err)) from err
    except BaseException as err:
        # A Rust panic inside Typst (it panics on some runs of characters) arrives as
        # pyo3's PanicException, no Exception: without this it ends the whole program.
        if not _is_panic(err):
            raise
        raise TypstError(f"Typst crashed: {str(err).splitlines()[0] if str(err) else ''}") from err
    return bytes(data)


@lru_cache(maxsize=32)
def svg_to_png(svg: bytes, ppi: int = 200, width_cm: int = 8, fonts: tuple[str, ...] = ()) -> bytes:
    """An SVG image as PNG (Word shows SVG only with a PNG fallback); an SVG that names
    its font folders (a chart) is set in them only, never in the machine's fonts."""
    source = (
        "#set page(width: auto, height: auto, margin: 0pt)\n"
        f'#image(bytes(sys.inputs.svg), format: "svg", width: {width_cm}cm)\n'
    )
    # As above: the stubs want font paths of the input's type (bytes), paths are str.
    png = typst.compile(  # type: ignore[call-overload]
        source.encode(),
        format="png",
        ppi=ppi,
        sys_inputs={"svg": svg.decode("utf-8")},
        font_paths=list(fonts),
        ignore_system_fonts=bool(fonts),
    )
    return bytes(png)


# SVGs per Typst run: the 78 charts of a 1000-measure report took 4.4 s CPU in runs of
# one, 3.3 s in a single run (a run grows faster than its pages) and 2.5 s in runs of 20.
PER_RUN = 20


def svgs_to_png(
    svgs: Sequence[bytes], width_cm: int, ppi: int, fonts: tuple[str, ...]
) -> list[bytes]:
    """Each SVG as a PNG ``width_cm`` wide, set in the font folders ``fonts`` only: a page
    each in one Typst run (the same bytes as one run per SVG, without paying for starting
    Typst and loading its fonts each time). Callers pass at most ``PER_RUN`` SVGs."""
    pages = "".join(
        f'#page(image(bytes(sys.inputs.at("svg{i}")), format: "svg", width: {width_cm}cm))\n'
        for i in range(len(svgs))
    )
    source = "#set page(width: auto, height: auto, margin: 0pt)\n" + pages
    # As above: the stubs want font paths of the input's type (bytes), paths are str.
    pngs = typst.compile(  # type: ignore[call-overload]
        source.encode(),
        format="png",
        ppi=ppi,
        sys_inputs={f"svg{i}": svg.decode("utf-8") for i, svg in enumerate(svgs)},
        font_paths=list(fonts),
        ignore_system_fonts=True,
    )
    # One page comes back as bytes, more as a list.
    return [bytes(png) for png in pngs] if isinstance(pngs, list) else [bytes(pngs)]


def embedded_fonts() -> tuple[bytes, int]:
    """The compiled Typst extension (its fonts are stored inside it) and how many font
    variants Typst itself lists without system fonts: every PDF is set in these."""
    from pathlib import Path

    extension = Path(typst._typst.__file__).read_bytes()  # type: ignore[attr-defined]
    variants = typst.Fonts(include_system_fonts=False, include_embedded_fonts=True).fonts()
    return extension, len(variants)


def prints(source: str, standards: list[str]) -> bool:
    """Whether Typst makes a PDF of ``source`` without an error (it panics on some
    characters, which pyo3 raises as PanicException, no subclass of Exception)."""
    try:
        typst.compile(  # type: ignore[call-overload]  # standards checked by the caller
            source.encode("utf-8"), format="pdf", ignore_system_fonts=True, pdf_standards=standards
        )
    except typst.TypstError:
        return False
    except BaseException as err:
        if not _is_panic(err):
            raise
        return False
    return True


def _is_panic(err: BaseException) -> bool:
    return type(err).__name__ == "PanicException"
