"""The HTML page of `plan watch`: the full plan, converted chapter by chapter and cached.

Converting a 1000-measure plan to HTML in one pandoc run takes ~10 s, far too slow
to feel live. The plan's Markdown is cut at its top-level headings; each piece is
converted on its own and kept under the hash of its text, so after an edit only
the pieces whose Markdown changed (the edited chapter, and the overviews or
backlinks it touches) go through pandoc again, two at a time.
"""

from __future__ import annotations

import hashlib
import html
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from assembler.render import images, pandoc, resources
from assembler.render.documents import Document
from assembler.render.html import page_meta

_MARKER = "PLANBODYMARKER"
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_SECTION = re.compile(r'<section id="([^"]*)" class="level([23])">\s*<h\2[^>]*>(.*?)</h\2>', re.S)
_SECTION_ID = re.compile(r'<section id="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")
_FRAGMENT_OPTIONS = ["--section-divs", "--shift-heading-level-by=1"]


def split_chapters(markdown: str) -> list[str]:
    """Pieces of the Markdown, each starting at a top-level ``# `` heading (not in code)."""
    pieces: list[list[str]] = [[]]
    fence = ""
    for line in markdown.split("\n"):
        opening = _FENCE.match(line)
        if opening and (not fence or line.startswith(fence)):
            fence = "" if fence else opening.group(1)
        elif not fence and line.startswith("# ") and any(s.strip() for s in pieces[-1]):
            pieces.append([])
        pieces[-1].append(line)
    return ["\n".join(piece) + "\n" for piece in pieces]


@dataclass(frozen=True)
class Heading:
    anchor: str
    level: int  # 1 for a chapter, 2 for its sections
    text: str


def headings(fragment: str) -> list[Heading]:
    return [
        Heading(anchor, int(level) - 1, html.unescape(_TAG.sub("", inner)).strip())
        for anchor, level, inner in _SECTION.findall(fragment)
    ]


def unique_sections(body: str) -> str:
    """Number repeated section ids ("popis-oblasti" in every chapter) as one pandoc run would."""
    seen: dict[str, int] = {}

    def rename(match: re.Match[str]) -> str:
        anchor = match.group(1)
        count = seen.get(anchor, 0)
        seen[anchor] = count + 1
        return match.group(0) if count == 0 else f'<section id="{anchor}-{count}"'

    return _SECTION_ID.sub(rename, body)


def table_of_contents(entries: list[Heading]) -> str:
    chapters: list[tuple[Heading, list[Heading]]] = []
    for entry in entries:
        if entry.level == 1:
            chapters.append((entry, []))
        elif chapters:
            chapters[-1][1].append(entry)
    items = []
    for chapter, sections in chapters:
        inner = "".join(f"<li>{_link(s)}</li>" for s in sections)
        items.append(f"<li>{_link(chapter)}{f'<ul>{inner}</ul>' if inner else ''}</li>")
    return (
        '<nav class="toc wrap" aria-labelledby="toc-nadpis">'
        f'<h2 id="toc-nadpis">Obsah</h2><ul>{"".join(items)}</ul></nav>'
    )


def _link(heading: Heading) -> str:
    return f'<a href="#{html.escape(heading.anchor)}">{html.escape(heading.text)}</a>'


class LivePage:
    """Renders a Document to one HTML page, reusing the pieces that did not change."""

    def __init__(self) -> None:
        self.fragments: dict[str, str] = {}
        self.shells: dict[str, str] = {}
        self.converted = 0  # pieces sent to pandoc by the last render, for the terminal

    def render(self, document: Document) -> str:
        markdown = images.for_pandoc(document.markdown, document.root, raster_svg=False)
        pieces = [(_digest(piece), piece) for piece in split_chapters(markdown)]
        missing = {key: piece for key, piece in pieces if key not in self.fragments}
        with ThreadPoolExecutor(max_workers=2) as pool:
            done = dict(zip(missing, pool.map(_fragment, missing.values()), strict=True))
        self.converted = len(done)
        # Keep only what this plan uses, so memory does not grow with every edit.
        self.fragments = {key: self.fragments.get(key) or done[key] for key, _ in pieces}
        body = unique_sections("\n".join(self.fragments[key] for key, _ in pieces))
        toc = table_of_contents(headings(body))
        shell = self._shell(document)
        head, _, tail = shell.partition(f"<p>{_MARKER}</p>")
        head = head.replace("<!--problems-->", toc + "\n<!--problems-->", 1)
        return head + body + tail

    def _shell(self, document: Document) -> str:
        """The page around the body (title, styles, footer); pandoc makes it once per title."""
        meta = page_meta(document)
        key = _digest(repr(sorted(meta.items())))
        if key not in self.shells:
            page = pandoc.convert(
                _MARKER,
                "html5",
                meta,
                ["--standalone", "--template={dir}/page.html"],
                files={"page.html": resources.read("page.html")},
            )
            self.shells = {key: page.decode("utf-8")}
        return self.shells[key]


def _fragment(markdown: str) -> str:
    return pandoc.convert(markdown, "html5", {}, _FRAGMENT_OPTIONS).decode("utf-8")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
