"""Long paragraphs and long words on their way to Typst: the PDF in linear time.

Both engines are superlinear on text no author writes on purpose but anyone can
paste (measured on the sample with a 900 KB paragraph and a 1 MB word):

- Typst's line breaking costs more per character the longer the paragraph (the
  900 KB paragraph: 64 s, against about 5 s for the same text in ordinary
  paragraphs). It stays linear only for simple (first-fit) breaking of text that is
  one run: no non-breaking spaces (each splits the run) and no line ends in the
  Typst source. A paragraph longer than the check's warning limit is therefore put
  in a block labelled for layout.typ, which sets it with simple breaking; its
  non-breaking spaces become spaces and pandoc is told not to wrap lines. Only a
  plain paragraph at the top level is labelled: a div around one piece of a list
  or quote would split it in two.
- pandoc's Typst writer is quadratic in the length of one word (10 000 letters
  0.8 s, 50 000 letters 16-44 s; its reader and the DOCX and HTML writers are not).
  A long run of letters, digits and plain punctuation (a pasted base64 string) is
  cut into empty-attribute spans, ``[…]{}``, which the writer prints as the same
  letters, one after another.
"""

from __future__ import annotations

import re

from assembler.checks.engine import MAX_PARAGRAPH
from assembler.plan.texts import long_paragraphs, mask_code

LONG_PARAGRAPH = "dlouhy-odstavec"  # the label layout.typ sets with simple line breaking
_BLOCK_LINE = re.compile(r"(?m)^[ \t]*(?:[-*+#|:>=~`]|\d{1,9}[.)]|\[\^)")
WORD_PIECE = 500
# A whole word (spaces or the text's ends around it) of characters that mean nothing
# to Markdown inside brackets; possessive, so a failing word is not rescanned.
_LONG_WORD = re.compile(r"(?<!\S)(?:[^\W_]|[.,;:!?+/=%-]){" + str(2 * WORD_PIECE) + r",}+(?!\S)")


def for_typst(markdown: str) -> tuple[str, bool]:
    """The Markdown with long words cut and long paragraphs labelled, and whether
    any paragraph was labelled (then pandoc must not wrap lines)."""
    if len(markdown) <= 2 * WORD_PIECE:
        return markdown, False
    masked = mask_code(markdown)
    cut = _cut_words(markdown, masked)
    if cut is not markdown:
        markdown, masked = cut, mask_code(cut)
    return _label_paragraphs(markdown, masked)


def _cut_words(markdown: str, masked: str) -> str:
    pieces: list[str] = []
    last = 0
    for match in _LONG_WORD.finditer(masked):
        word = markdown[match.start() : match.end()]
        spans = (f"[{word[i : i + WORD_PIECE]}]{{}}" for i in range(0, len(word), WORD_PIECE))
        pieces += [markdown[last : match.start()], *spans]
        last = match.end()
    return "".join([*pieces, markdown[last:]]) if pieces else markdown


def _label_paragraphs(markdown: str, masked: str) -> tuple[str, bool]:
    pieces: list[str] = []
    last = 0
    for start, end in long_paragraphs(masked, MAX_PARAGRAPH):
        paragraph = markdown[start:end]
        top_level = start == 0 or markdown[start - 1] == "\n"
        if not top_level or _BLOCK_LINE.search(paragraph):
            continue
        plain = paragraph.replace("\u00a0", " ")
        pieces += [markdown[last:start], f"::: {{#{LONG_PARAGRAPH}}}\n{plain}\n:::"]
        last = end
    if not pieces:
        return markdown, False
    return "".join([*pieces, markdown[last:]]), True
