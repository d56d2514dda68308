"""Czech language behind one module: numbers, money, dates and plurals (babel), and the
Czech alphabetical order (ICU, from the pyicu-wheels package): C, Č, … H, CH, I, … R, Ř, S, Š."""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from babel import Locale

NBSP = "\u00a0"
# Parts of a title-page line ("plán · Zpracoval(a): … · datum"): the dot stays with the
# text before it, so a wrapped line never starts with "·".
SEPARATOR = f"{NBSP}· "
T = TypeVar("T")


def joined(parts: Iterable[str]) -> str:
    """Title-page parts joined by a middle dot that cannot start a line."""
    return SEPARATOR.join(parts)


def plural(count: int, one: str, few: str, many: str) -> str:
    """``plural(3, "chyba", "chyby", "chyb")`` → ``"3 chyby"``.

    CLDR's Czech rule for a whole number, written out: reading babel's Czech data for it
    cost ``plan check`` 20–40 ms, for the one line that sums up its problems."""
    whole = abs(count)
    word = one if whole == 1 else few if 2 <= whole <= 4 else many
    return f"{count} {word}"


@lru_cache(maxsize=1)
def _cs() -> Locale:
    """babel's Czech, imported when a document first prints a number or a date: ``plan
    check`` prints neither, and importing babel cost it ~25 ms."""
    from babel import Locale

    return Locale.parse("cs_CZ")


def number(value: Decimal | int, decimals: int | None = None) -> str:
    """1234567.5 → ``1 234 567,5`` with non-breaking spaces between digit groups; a zero
    is never printed as ``-0`` (a rounded -0.3 or a chart tick at -0.0)."""
    if value == 0 or (decimals is not None and Decimal(value).quantize(_step(decimals)) == 0):
        value = abs(Decimal(value))
    # Before the cache: Decimal("-0") == 0 with the same hash, so a -0 printed first
    # was handed out for every later 0.
    return _number(value, decimals)


@lru_cache(maxsize=16384)
def _number(value: Decimal | int, decimals: int | None) -> str:
    from babel.numbers import format_decimal

    if decimals is None:
        text = format_decimal(value, locale=_cs(), decimal_quantization=False)
    else:
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        text = format_decimal(value, format=pattern, locale=_cs())
    return text.replace("\u00a0", NBSP).replace(" ", NBSP)


def money(value: Decimal | int) -> str:
    """Money as the Czech plans print it: ``1 279 522,20 Kč``; whole crowns without decimals."""
    amount = Decimal(value)
    decimals = 0 if amount == amount.to_integral_value() else 2
    return f"{number(amount, decimals)}{NBSP}Kč"


def _step(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


def percent(value: Decimal | int | None, decimals: int = 0) -> str:
    """``51,4 %`` with a non-breaking space; a dash when there is nothing to show."""
    if value is None:
        return "–"
    rounded = Decimal(value).quantize(_step(decimals), ROUND_HALF_UP)
    return f"{number(rounded, decimals)}{NBSP}%"


def measured(value: Decimal) -> str:
    """A measured value to one decimal place, without a trailing ``,0``: ``36,7``, ``96``."""
    rounded = value.quantize(Decimal("0.1"), ROUND_HALF_UP)
    whole = rounded % 1 == 0
    return number(rounded.quantize(Decimal(1)) if whole else rounded.normalize())


def date(value: datetime.date) -> str:
    """``1. 12. 2010`` with non-breaking spaces, as Czech typography asks."""
    from babel.dates import format_date

    return format_date(value, "d. M. y", locale=_cs()).replace(" ", NBSP)


def long_date(value: datetime.date) -> str:
    """``1. prosince 2010``."""
    from babel.dates import format_date

    return format_date(value, "d. MMMM y", locale=_cs()).replace(" ", NBSP)


def years(start: int, end: int) -> str:
    """``2026–2029``; a single year once: ``2026``, never ``2026–2026``."""
    return str(start) if start == end else f"{start}–{end}"


@lru_cache(maxsize=1)
def _collator() -> Any:
    """ICU's Czech collator, loaded when something is first sorted (``plan check`` never)."""
    import icu

    return icu.Collator.createInstance(icu.Locale("cs_CZ"))


def sort_key(text: str) -> bytes:
    """Key for sorting words as a Czech dictionary does (``sorted(words, key=sort_key)``)."""
    return bytes(_collator().getSortKey(text))


def alphabetical(items: Iterable[T], name: Callable[[T], str]) -> list[T]:
    """``items`` in the Czech order of their names: Cerhenice, Čáslav, Hodonín, Cheb, Ivančice."""
    return sorted(items, key=lambda item: sort_key(name(item)))
