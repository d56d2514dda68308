"""Hints that fit the key that failed, drawn from the plan's own registers.

A pattern error says only "not a valid key"; the author needs to hear which keys
this plan has (its organisations by key and by name, its funding sources and target
groups), or that a key is written in lower case, or that a decimal comma split an
amount in two.
"""

from __future__ import annotations

import difflib
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic_core import ErrorDetails

from assembler.load.sources import SourceFile
from assembler.models.plan import PlanInfo
from assembler.problems.diagnostics import plain

# Which vocabulary of the plan a key belongs to, by the key that holds it.
_VOCABULARIES = {
    "naklady": ("funding_sources", "zdroj financování", "zdroje financování"),
    "skutecne_naklady": ("funding_sources", "zdroj financování", "zdroje financování"),
    "cilove_skupiny": ("target_groups", "cílová skupina", "cílové skupiny"),
}
_UNITS = {"mil": 10**6, "milion": 10**6, "milionu": 10**6, "tis": 10**3, "tisíc": 10**3}
_SHOWN = 8  # keys listed in a hint at most


class Hints:
    def __init__(self, source: SourceFile, info: PlanInfo | None) -> None:
        self.source = source
        self.info = info

    def message(self, loc: tuple[Any, ...], error: ErrorDetails) -> str | None:
        """A better message for one of our own validation errors, or None."""
        if split := self._split_number(loc, error):
            return split
        what = str((error.get("ctx") or {}).get("what", ""))
        value = str(error["input"])
        if what.startswith("klíč organizace"):
            return self._organisation(value)
        if what.startswith("klíč (malá"):
            return self._vocabulary(loc, value)
        return None

    def _split_number(self, loc: tuple[Any, ...], error: ErrorDetails) -> str | None:
        key_error = bool(loc) and loc[-1] == "[key]"
        path = loc[:-1] if key_error else loc
        if not path or not (key_error or error["input"] is None):
            return None
        key = path[-1]
        if not re.match(r"\d", str(key)):
            return None
        parent = value_at(self.source.data, path[:-1])
        if not isinstance(parent, dict) or parent.get(key, 0) is not None:
            return None
        keys = list(parent)
        index = keys.index(key)
        if index == 0:
            return None
        before, whole = keys[index - 1], parent[keys[index - 1]]
        written = f"{whole},{key}"
        amount = _amount(str(whole), str(key))
        fix = (
            f"Napište částku celou v korunách: {before}: {amount}."
            if amount
            else f'Částku s desetinnou čárkou dejte do uvozovek: {before}: "{written}".'
        )
        return (
            f"„{written}“ se v zápisu {{…}} rozpadlo na dvě položky, protože čárka v něm "
            f"odděluje položky: „{before}: {whole}“ a „{key}“ bez hodnoty. {fix}"
        )

    def _organisation(self, value: str) -> str:
        orgs = {org.key: org.name for org in self.info.organisations} if self.info else {}
        start = (
            f"„{value}“ není klíč organizace: kapitoly se na organizace odkazují klíčem "
            "z registru v plan.yaml (organizace, klic)."
        )
        if not orgs:
            return f"{start} Klíč píšete písmeny bez diakritiky a bez mezer, např. CHARITA."
        match = _closest_org(value, orgs)
        if match:
            return f"{start} Měli jste na mysli {match} ({orgs[match]})?"
        return f"{start} Klíče organizací tohoto plánu: {_listed(orgs)}."

    def _vocabulary(self, loc: tuple[Any, ...], value: str) -> str | None:
        holder = next((s for s in reversed(loc) if s in _VOCABULARIES), None)
        known: list[str] = []
        one, many = "klíč", "klíče"
        if holder is not None:
            attribute, one, many = _VOCABULARIES[holder]
            if self.info is not None:
                known = [item.key for item in getattr(self.info, attribute)]
        lowered = value.lower()
        if lowered != value and (lowered in known or re.fullmatch(r"[a-z0-9][a-z0-9_-]*", lowered)):
            return f"Klíč „{value}“ se píše malými písmeny: {lowered}."
        folded = plain(value)
        if folded in known or (not known and re.fullmatch(r"[a-z0-9][a-z0-9_-]*", folded)):
            return f"Klíč „{value}“ se píše malými písmeny bez diakritiky: {folded}."
        if not known:
            return None
        close = difflib.get_close_matches(folded, known, n=1, cutoff=0.6)
        guess = f" Měli jste na mysli {close[0]}?" if close else ""
        return f"„{value}“ není {one} tohoto plánu.{guess} {many.capitalize()}: {_listed(known)}."


def _closest_org(value: str, orgs: dict[str, str]) -> str | None:
    """The registry key meant by ``value``: written as a key in other case, or as the
    organisation's name (exactly or nearly), or as a key with a typo."""
    folded = value.casefold()
    for key, name in orgs.items():
        if folded in (key.casefold(), name.casefold()):
            return key
    by_name = {name.casefold(): key for key, name in orgs.items()}
    close = difflib.get_close_matches(folded, list(by_name), n=1, cutoff=0.6)
    if close:
        return by_name[close[0]]
    close = difflib.get_close_matches(value.upper(), list(orgs), n=1, cutoff=0.6)
    return close[0] if close else None


def _listed(keys: Any) -> str:
    shown = list(keys)
    more = ", …" if len(shown) > _SHOWN else ""
    return ", ".join(shown[:_SHOWN]) + more


def _amount(whole: str, rest: str) -> str | None:
    """``1`` and ``5 mil.`` (of "1,5 mil.") → ``1500000``; None when it is not a number."""
    match = re.fullmatch(r"(\d+)\s*([^\W\d]+)?\.?", rest.strip())
    if not match or not whole.isdigit():
        return None
    factor = _UNITS.get((match.group(2) or "").lower(), 1 if not match.group(2) else 0)
    if not factor:
        return None
    try:
        value = Decimal(f"{whole}.{match.group(1)}") * factor
    except InvalidOperation:
        return None
    return str(value.normalize().quantize(Decimal(1))) if value == value.to_integral() else None


def value_at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        if isinstance(data, dict):
            data = data.get(step, _missing(data, step))
        elif isinstance(data, list) and isinstance(step, int) and step < len(data):
            data = data[step]
        else:
            return None
    return data


def _missing(data: dict[Any, Any], step: Any) -> Any:
    # pydantic reports keys as text; YAML may have read them as numbers (2027:).
    for key, value in data.items():
        if str(key) == str(step):
            return value
    return None
