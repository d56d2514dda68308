"""Amounts in crowns and other numbers as authors write them.

Amounts are copied from budgets and spreadsheets (1 250 000,50 Kč, 1.250.000,50): spaces,
the currency and the Czech decimal comma are read, not refused.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

_MONEY_JUNK = re.compile(r"[\s\u00a0\u202f]|Kč|CZK", re.IGNORECASE)


def parse_money(value: Any) -> Decimal:
    """Accept 1250000, 1250000.50, "1 250 000,50 Kč" and "1.250.000,50"; refuse floats."""
    if type(value) is int and value >= 0:  # nearly always: every amount of every year
        return Decimal(value)
    if value is None:
        raise PydanticCustomError(
            "castka",
            "Částka chybí. Napište nezáporné číslo v korunách, např. 1250000; nemá-li "
            "opatření v tomto roce náklady, napište 0.",
        )
    if isinstance(value, bool):
        raise _money_error(value)
    if isinstance(value, int | Decimal):
        amount = Decimal(value)
    elif isinstance(value, str):
        text = _MONEY_JUNK.sub("", value).rstrip(",-–")
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        elif text.count(".") > 1:
            text = text.replace(".", "")
        try:
            amount = Decimal(text)
        except InvalidOperation:
            raise _money_error(value) from None
    else:
        raise _money_error(value)
    if not amount.is_finite() or amount < 0 or amount.as_tuple().exponent < -2:  # type: ignore[operator]
        raise _money_error(value)
    return amount


def _money_error(value: Any) -> PydanticCustomError:
    return PydanticCustomError(
        "castka",
        "„{value}“ není platná částka. Napište nezáporné číslo v korunách, nejvýše "
        "s haléři, např. 1250000 nebo „1 250 000,50“.",
        {"value": value},
    )


Money = Annotated[
    Decimal,
    BeforeValidator(parse_money),
    Field(json_schema_extra={"examples": [1250000, "1 250 000,50"]}),
]


def _number(value: Any) -> Any:
    if isinstance(value, str):
        cleaned = _MONEY_JUNK.sub("", value).replace(",", ".")
        try:
            return Decimal(cleaned)
        except InvalidOperation:
            pass
    return value


Number = Annotated[Decimal, BeforeValidator(_number)]
