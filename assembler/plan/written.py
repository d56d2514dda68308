"""Dates and amounts that authors write the short way, and their Czech forms.

"12.3.2026" is a date without the spaces Czech typography puts after its dots
("12. 3. 2026"); "1250000 Kč" an amount without its digit groups ("1 250 000 Kč").
The outputs print the Czech form (render/typography.py) and the check tells the
author where the short one is written (checks/written.py): both use the patterns
declared here, so what is warned about is exactly what the outputs change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Parts of Markdown that typography leaves alone: code, link targets, URLs, e-mail
# addresses and pandoc attributes. Each alternative scans forward only to the next
# character that could start or end it, and an e-mail address is tried only from the
# start of a word: a pasted 300 KB word (was minutes) or a line of 400 000 "](" costs
# its length, not its length squared.
PROTECTED = re.compile(
    r"```.*?```|~~~.*?~~~"  # fenced code
    r"|`[^`\n]+`"  # code spans
    r"|\]\((?:[^()\n]|\([^()\n]*\))*+\)"  # link destinations and titles, (one) nested
    r"|<[^<>\n]+>"  # autolinks
    r"|https?://[^\s)>\]]+"  # bare URLs
    r"|(?<![\w.+-])[\w.+-]++@[\w-]++\.[\w.-]+"  # e-mail addresses
    r"|\{[#.=][^}\n]*\}",  # pandoc attributes {#id .class}
    re.S,
)
# 12.3.2026, 1.12.2010: day and month without spaces after their dots
SHORT_DATE = re.compile(r"(?<![\w.])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)(?![\w.]|\.\d)")
# 1250000 Kč, 250000,50 Kč: five or more digits in one run before a currency
UNGROUPED_AMOUNT = re.compile(r"(?<![\d.,])(\d{5,})(?=(?:,\d+)?[ \u00a0]?(?:Kč|korun|EUR)\b)")
_AMOUNT_REST = re.compile(r"(,\d+)?[ \u00a0]?(Kč|korun|EUR)\b")


def czech_date(match: re.Match[str], space: str = " ") -> str | None:
    """``12. 3. 2026`` for a SHORT_DATE match; None when it is no date (32.13.2026)."""
    day, month, year = match.group(1), match.group(2), match.group(3)
    if not (1 <= int(day) <= 31 and 1 <= int(month) <= 12):
        return None
    return f"{int(day)}.{space}{int(month)}.{space}{year}"


def grouped(match: re.Match[str], space: str = " ") -> str:
    """The digits of an UNGROUPED_AMOUNT match in groups of three: ``1 250 000``."""
    return f"{int(match.group(1)):,}".replace(",", space)


@dataclass(frozen=True)
class ShortForm:
    """A date or an amount written the short way, where it starts in its text."""

    offset: int
    written: str  # as in the text: "12.3.2026", "1250000 Kč"
    czech: str  # "12. 3. 2026", "1 250 000 Kč"
    is_date: bool


def short_forms(text: str) -> Iterator[ShortForm]:
    """Every short date and amount of a Markdown text outside its protected parts."""
    if "." not in text and not _has_currency(text):
        return
    masked = PROTECTED.sub(lambda m: " " * len(m.group(0)), text)
    for match in SHORT_DATE.finditer(masked):
        date = czech_date(match)
        if date is not None:
            yield ShortForm(match.start(), match.group(0), date, True)
    if not _has_currency(masked):
        return
    for match in UNGROUPED_AMOUNT.finditer(masked):
        rest = _AMOUNT_REST.match(masked, match.end())
        if rest is None:  # the pattern's lookahead guarantees it
            continue
        decimals, currency = rest.group(1) or "", rest.group(2)
        written = match.group(0) + masked[match.end() : rest.end()]
        yield ShortForm(match.start(), written, f"{grouped(match)}{decimals} {currency}", False)


def _has_currency(text: str) -> bool:
    return "Kč" in text or "korun" in text or "EUR" in text


_CURRENCIES = ("Kč", "korun", "EUR")
_YEAR_DOTS = (".19", ".20")
_AMOUNT_CHARS = frozenset("0123456789,")


def may_hold(text: str) -> bool:
    """Whether ``text`` has a SHORT_DATE or UNGROUPED_AMOUNT match anywhere, answered by
    trying the patterns only where a match must be: a year after its dot, digits before a
    currency. Scanning a whole file with the patterns cost 0.15 s on a 1000-measure plan's
    2.3 MB, for the answer "no" in most plans; finding the anchors is string search.
    Linear: each character is looked at from at most one anchor."""
    for dot in _YEAR_DOTS:
        at = text.find(dot)
        while at >= 0:
            # day (1–2 digits), dot, month (1–2 digits) stand 3 to 5 characters before it
            if any(SHORT_DATE.match(text, start) for start in range(max(at - 5, 0), at - 2)):
                return True
            at = text.find(dot, at + 1)
    for currency in _CURRENCIES:
        at = text.find(currency)
        while at >= 0:
            start = at - 1 if at > 0 and text[at - 1] in " \u00a0" else at
            while start > 0 and text[start - 1] in _AMOUNT_CHARS:
                start -= 1
            if UNGROUPED_AMOUNT.search(text, start, at + len(currency) + 1):
                return True
            at = text.find(currency, at + 1)
    return False
