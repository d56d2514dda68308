"""Czech typography applied to text before it reaches pandoc, so DOCX, PDF and HTML agree.

The rule set: one-letter prepositions and conjunctions, abbreviations and legal
forms (z. s., o. p. s., s. r. o., spol. s r. o., č., odst., písm., §, Sb., tel.),
numbers with their units, dates and ranges of years are bound by non-breaking
spaces; dashes and Czech quotes replace hyphens and straight quotes; dates and
amounts written the short way are normalised ("12.3.2026" → "12. 3. 2026",
"1250000 Kč" → "1 250 000 Kč"; plan/written.py declares both, and the check warns
where an author wrote them). Protected parts of Markdown — code, link
targets, URLs, e-mail addresses, attributes — are each replaced by one private
character while the rules run and are put back unchanged afterwards.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from assembler.plan.written import PROTECTED, SHORT_DATE, UNGROUPED_AMOUNT, czech_date, grouped

NBSP = "\u00a0"

_MONTHS = "ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince"
_UNITS = r"%|‰|Kč|EUR|tis\.|mil\.|mld\.|km|m²|m|ha|kg|t|h|min|ks|°C|let|roků|osob|lůžek|lůžka"
_ABBREVIATIONS = (
    r"§|č\.|odst\.|písm\.|čl\.|str\.|s\.|tel\.|např\.|tzv\.|resp\.|spol\.|reg\.|ev\.|mj\."
)
# Legal forms and other abbreviations of one-letter parts: "o. p. s.", "z. ú.", "a. s.".
_LETTER_DOT = r"(?<![\w.])[a-zá-ž]\."


def _date(match: re.Match[str]) -> str:
    return czech_date(match, NBSP) or match.group(0)


def _amount(match: re.Match[str]) -> str:
    return grouped(match, NBSP)


# Each rule with what its text must contain for the rule to apply at all: checking
# that first skips most of the regex work on the thousands of short texts of a plan.
_DIGITS = tuple("0123456789")
_Replacement = str | Callable[[re.Match[str]], str]
_RULES: list[tuple[re.Pattern[str], _Replacement, tuple[str, ...]]] = [
    # dates written without spaces: 12.3.2026 → 12. 3. 2026
    (SHORT_DATE, _date, (".",)),
    # amounts written without digit groups: 1250000 Kč → 1 250 000 Kč
    (UNGROUPED_AMOUNT, _amount, ("Kč", "korun", "EUR")),
    # one-letter prepositions and conjunctions stay with the next word
    (re.compile(r"(?<![\w\\.,;:!?])([KkSsVvZzOoUuAaIi]) (?=\S)"), r"\1" + NBSP, ()),
    # digit groups: 1 279 522
    (re.compile(r"(?<=\d) (?=\d{3}(?!\d))"), NBSP, _DIGITS),
    # number and unit or sign: 50 %, 1 000 Kč, 2,5 mil. Kč
    (re.compile(rf"(?<=\d) (?=(?:{_UNITS})(?![\w]))"), NBSP, _DIGITS),
    (re.compile(r"(?<=\b(?:tis|mil|mld)\.) (?=Kč)"), NBSP, ("Kč",)),
    # o. p. s., s. r. o., z. ú.: the parts of an abbreviation stay together
    (re.compile(rf"({_LETTER_DOT}) (?={_LETTER_DOT})"), r"\1" + NBSP, (". ",)),
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


_MASK = 0xF0000  # supplementary private use plane: never in a plan's text


@lru_cache(maxsize=8192)
def czech(text: str) -> str:
    """Apply Czech typography to Markdown text, leaving code, URLs and attributes alone."""
    if " " not in text and "-" not in text and '"' not in text and "." not in text:
        return text  # every rule needs a space, a hyphen, a quote or a dot: skip the regex work
    protected: list[str] = []

    def mask(match: re.Match[str]) -> str:
        protected.append(match.group(0))
        return chr(_MASK + len(protected) - 1)

    result = PROTECTED.sub(mask, text)
    for pattern, replacement, needs in _RULES:
        if not needs or any(needed in result for needed in needs):
            result = pattern.sub(replacement, result)
    if not protected:
        return result
    return re.sub(
        f"[{chr(_MASK)}-{chr(_MASK + len(protected) - 1)}]",
        lambda m: protected[ord(m.group(0)) - _MASK],
        result,
    )
