"""Czech typography applied to text before it reaches pandoc, so DOCX, PDF and HTML agree.

All rules replace one character by one character (a space by a non-breaking
space, a hyphen by a dash, a straight quote by a Czech one). That keeps offsets
stable, so protected parts of Markdown — code, link targets, URLs, attributes —
are masked out, the rules run, and the protected parts are put back unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache

NBSP = "\u00a0"

_PROTECTED = re.compile(
    r"```.*?```|~~~.*?~~~"  # fenced code
    r"|`[^`\n]+`"  # code spans
    r"|\]\([^)\n]*\)"  # link destinations and titles
    r"|<[^>\n]+>"  # autolinks
    r"|https?://[^\s)>\]]+"  # bare URLs
    r"|[\w.+-]+@[\w-]+\.[\w.-]+"  # e-mail addresses
    r"|\{[#.=][^}\n]*\}",  # pandoc attributes {#id .class}
    re.S,
)

_MONTHS = "ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince"
_UNITS = r"%|‰|Kč|EUR|tis\.|mil\.|mld\.|km|m²|m|ha|kg|t|h|min|ks|°C|let|roků|osob|lůžek|lůžka"
_ABBREVIATIONS = r"§|č\.|odst\.|písm\.|čl\.|str\.|s\.|tel\.|např\.|tzv\.|resp\."

# Each rule with what its text must contain for the rule to apply at all: checking
# that first skips most of the regex work on the thousands of short texts of a plan.
_DIGITS = tuple("0123456789")
_RULES: list[tuple[re.Pattern[str], str, tuple[str, ...]]] = [
    # one-letter prepositions and conjunctions stay with the next word
    (re.compile(r"(?<![\w\\.,;:!?])([KkSsVvZzOoUuAaIi]) (?=\S)"), r"\1" + NBSP, ()),
    # digit groups: 1 279 522
    (re.compile(r"(?<=\d) (?=\d{3}(?!\d))"), NBSP, _DIGITS),
    # number and unit or sign: 50 %, 1 000 Kč, 2,5 mil. Kč
    (re.compile(rf"(?<=\d) (?=(?:{_UNITS})(?![\w]))"), NBSP, _DIGITS),
    (re.compile(r"(?<=\b(?:tis|mil|mld)\.) (?=Kč)"), NBSP, ("Kč",)),
    # § 23, č. 108/2006 Sb., odst. 2
    (re.compile(rf"(?<![\w])({_ABBREVIATIONS}) (?=\S)"), r"\1" + NBSP, ("§", ".")),
    (re.compile(r"(?<=\d) (?=Sb\.)"), NBSP, _DIGITS),
    # dates: 1. 12. 2010, 15. 9. (without a year) and 1. prosince 2010
    (re.compile(r"(?<=\b\d\.) (?=\d{1,2}\.)|(?<=\b\d\d\.) (?=\d{1,2}\.)"), NBSP, _DIGITS),
    (re.compile(r"(?<=\d\.) (?=\d{4}\b)"), NBSP, _DIGITS),
    (re.compile(rf"(?<=\b\d\.) (?={_MONTHS})|(?<=\b\d\d\.) (?={_MONTHS})"), NBSP, _DIGITS),
    # ranges of years: 2019-2022 → 2019–2022
    (re.compile(r"(?<![\d./-])((?:19|20)\d\d)-((?:19|20)\d\d)(?![\d-])"), r"\1–\2", _DIGITS),
    # a hyphen used as a dash between words
    (re.compile(r"(?<=[\w“”)]) - (?=[\w„(])"), " – ", (" - ",)),
    # straight double quotes → Czech „…“
    (re.compile(r'(^|[\s(\u00a0])"([^"\n]+)"'), r"\1„\2“", ('"',)),
]


@lru_cache(maxsize=8192)
def czech(text: str) -> str:
    """Apply Czech typography to Markdown text, leaving code, URLs and attributes alone."""
    if " " not in text and "-" not in text and '"' not in text:
        return text  # every rule needs a space, a hyphen or a quote: skip the regex work
    protected = [(m.start(), m.end()) for m in _PROTECTED.finditer(text)]
    masked = list(text)
    for start, end in protected:
        masked[start:end] = "\ue000" * (end - start)
    result = "".join(masked)
    for pattern, replacement, needs in _RULES:
        if not needs or any(needed in result for needed in needs):
            result = pattern.sub(replacement, result)
    assert len(result) == len(text), "typography rules must keep the text length"
    out = list(result)
    for start, end in protected:
        out[start:end] = text[start:end]
    return "".join(out)
