"""Validate YAML data against the pydantic models and explain every error in Czech.

pydantic reports where (a path of keys and indexes) and what (an error type);
this module turns that into ``file:line:col`` from the YAML node tree and a
sentence saying what is wrong and how to fix it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from assembler.load.hints import Hints, value_at
from assembler.load.modelpaths import aliases_at, field_at
from assembler.load.salvage import SetAside, set_aside
from assembler.load.sources import SourceFile
from assembler.models.chapter import Area, Section
from assembler.models.plan import PlanInfo
from assembler.problems.diagnostics import Problem, shown
from assembler.problems.rules import RULES

M = TypeVar("M", bound=BaseModel)


def validate_model(
    model: type[M], source: SourceFile, info: PlanInfo | None = None
) -> tuple[M | None, list[Problem]]:
    """Validate ``source`` as ``model``. ``info`` is the plan (when its plan.yaml is
    valid): hints then name the plan's own organisations and vocabularies."""
    data = source.data if source.data is not None else {}
    if not isinstance(data, dict):
        message = (
            "Hlavička musí obsahovat klíče s hodnotami (např. nazev: Senioři), "
            "ne samotný text nebo seznam."
        )
        return None, [Problem("spatna-hodnota", message, source.location())]
    found, errors = _validated(model, data)
    return found, _problems(model, source, errors, info)


def validate_salvaged(
    model: type[M], source: SourceFile
) -> tuple[M | None, list[Problem], SetAside]:
    """As validate_model, but a file whose every error is a value that can be set aside
    (load/salvage.py) is read without those values, so the plan's rules judge the rest of
    it in the same run; where the refused values were comes with it. Only errors of rules that
    cannot be relaxed qualify: they stop every output that the salvaged file could reach."""
    data = source.data
    if not isinstance(data, dict):
        found, problems = validate_model(model, source)
        return found, problems, SetAside()
    found, errors = _validated(model, data)
    problems = _problems(model, source, errors, None)
    if not errors or any(RULES[p.rule].configurable for p in problems):
        return found, problems, SetAside()
    salvaged = set_aside(model, data, errors)
    kept, left = _validated(model, salvaged.data) if salvaged else (None, errors)
    if salvaged is None or left:
        return None, problems, SetAside()
    return kept, problems, salvaged.set_aside


def _validated(model: type[M], data: dict[Any, Any]) -> tuple[M | None, list[ErrorDetails]]:
    try:
        return model.model_validate(data), []
    except ValidationError as err:
        return None, err.errors()


def _problems(
    model: type[BaseModel], source: SourceFile, errors: list[ErrorDetails], info: PlanInfo | None
) -> list[Problem]:
    errors = _without_split_numbers(_without_typo_twins(model, errors))
    hints = Hints(source, info)
    return [_problem(model, source, error, hints) for error in errors]


def _without_typo_twins(model: type[BaseModel], errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """A misspelt required key (``nazve:``) is one mistake, reported once: as an unknown
    key with the suggestion, not also as the required key that is missing."""
    suggested = set()
    for error in errors:
        if error["type"] == "extra_forbidden":
            loc = tuple(error["loc"])
            close = _suggestion(model, loc)
            if close:
                suggested.add((*loc[:-1], close))
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in suggested)]


def _without_split_numbers(errors: list[ErrorDetails]) -> list[ErrorDetails]:
    """``{mpsv: 1,5 mil.}`` reads as ``{mpsv: 1, "5 mil.": null}``: one mistake (the
    decimal comma), reported once at the key, not also as an amount that is missing."""
    split = {tuple(e["loc"][:-1]) for e in errors if _split_number_key(e)}
    return [e for e in errors if not (tuple(e["loc"]) in split and e["input"] is None)]


def _split_number_key(error: ErrorDetails) -> bool:
    loc = error["loc"]
    return (
        len(loc) >= 2
        and loc[-1] == "[key]"
        and isinstance(loc[-2], str)
        and bool(re.match(r"\d", loc[-2]))
    )


def validate_chapter(
    source: SourceFile, info: PlanInfo | None = None
) -> tuple[Area | Section | None, list[Problem]]:
    """Pick the chapter model by its ``typ`` key, so messages speak of the right kind."""
    data = source.data
    kind = data.get("typ") if isinstance(data, dict) else None
    if isinstance(data, dict) and kind not in ("oblast", "sekce"):
        if kind is None:
            message = (
                "Chybí klíč typ. Napište typ: oblast pro kapitolu pracovní skupiny "
                "(s cíli a opatřeními), nebo typ: sekce pro text bez cílů."
            )
            return None, [Problem("chybi-klic", message, source.location())]
        message = f"Neznámý typ kapitoly {_show(kind)}. Povolené hodnoty: oblast, sekce."
        return None, [Problem("spatna-hodnota", message, source.location(["typ"]))]
    model: type[Area | Section] = Area if kind == "oblast" else Section
    return validate_model(model, source, info)


def _problem(
    model: type[BaseModel], source: SourceFile, error: ErrorDetails, hints: Hints
) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind in RULES:  # our own validators name their rule as the error type
        rule, message = kind, hints.message(loc, error) or error["msg"]
    else:
        rule, message = _explain(model, loc, error)
    if kind in ("extra_forbidden", "invalid_key") and loc:
        loc = (*loc[:-1], f"[{loc[-1]}]")
    elif len(loc) >= 2 and loc[-1] == "[key]":  # pydantic: the key of a dict entry failed
        loc = (*loc[:-2], f"[{loc[-2]}]")
    elif loc and error["input"] is None and isinstance(value_at(source.data, loc[:-1]), dict):
        loc = (*loc[:-1], f"[{loc[-1]}]")  # an empty value has no place of its own: its key
    return Problem(rule, message, source.location(loc))


def _explain(model: type[BaseModel], loc: tuple[Any, ...], error: ErrorDetails) -> tuple[str, str]:
    kind = error["type"]
    if kind == "invalid_key":
        return "spatna-hodnota", _INVALID_KEY.format(key=shown(loc[-1] if loc else ""))
    name = _key_name(loc)
    if kind == "missing":
        field = field_at(model, loc)
        hint = f" ({field.title}: {field.description})" if field else ""
        return "chybi-klic", f"Chybí povinný klíč „{name}“{hint} Doplňte jej."
    if kind == "extra_forbidden":
        return "neznamy-klic", _unknown_key(model, loc)
    if "input" in error and error["input"] is None:
        return "spatna-hodnota", _empty(model, loc, name)
    explain = _MESSAGES.get(kind) or _MESSAGES.get(kind.split("_")[0])
    if explain is None:  # pydantic's own text is English: never shown
        message = (
            f"Klíč „{name}“ má nesprávnou hodnotu ({_show(error.get('input'))}). Správný tvar "
            "s příkladem najdete v docs/klice.md."
        )
        return "spatna-hodnota", message
    return "spatna-hodnota", explain(name, error)


def _empty(model: type[BaseModel], loc: tuple[Any, ...], name: str) -> str:
    """A key written without a value (``nazev:`` and nothing after it), with an example
    of what belongs there when the model has one."""
    field = field_at(model, loc) if loc and isinstance(loc[-1], str) else None
    example = ""
    sample = field.examples[0] if field is not None and field.examples else None
    if isinstance(sample, bool):
        example = f" Např. {loc[-1]}: {'ano' if sample else 'ne'}"
    elif isinstance(sample, str | int | Decimal) and len(str(sample)) <= 60:
        example = f" Např. {loc[-1]}: {sample}"
    if loc and isinstance(loc[-1], int):
        return f"Položka „{name}“ je prázdná: doplňte hodnotu, nebo položku smažte."
    what = f" ({field.description.rstrip('.')})" if field is not None and field.description else ""
    example = f"{example}." if example else ""
    return f"Klíč „{name}“ je prázdný: za dvojtečkou chybí hodnota{what}. Doplňte ji.{example}"


_INVALID_KEY = (
    "„{key}“ nemůže být klíčem: klíč je slovo malými písmeny bez diakritiky (např. nazev), "
    "ne číslo ani seznam. Opravte název klíče, nebo řádek odsaďte pod klíč, kam patří."
)


def _key_name(loc: tuple[Any, ...]) -> str:
    """The key a problem is about: the last key of the path, with the item's number when
    the problem is an item of a list ("cilove_skupiny, položka 2")."""
    keys = [step for step in loc if isinstance(step, str)]
    key = keys[-1] if keys else ""
    if loc and isinstance(loc[-1], int) and not isinstance(loc[-1], bool):
        return f"{key}, položka {loc[-1] + 1}" if key else f"položka {loc[-1] + 1}"
    return key


def _suggestion(model: type[BaseModel], loc: tuple[Any, ...]) -> str | None:
    """The allowed key closest to an unknown one, if any is close."""
    allowed = aliases_at(model, loc[:-1])
    close = difflib.get_close_matches(str(loc[-1]).lower(), allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def _unknown_key(model: type[BaseModel], loc: tuple[Any, ...]) -> str:
    unknown = shown(loc[-1]) if not isinstance(loc[-1], list | dict) else "seznam"
    if not re.fullmatch(r"[A-Za-z0-9_-]+", unknown):
        return (
            f"„{unknown}“ vypadá jako kus textu, ne jako klíč. V zápisu {{…}} odděluje čárka "
            'položky: text s čárkou dejte do uvozovek, např. nazev: "Charita, z. ú.".'
        )
    close = _suggestion(model, loc)
    if close:
        return f"Neznámý klíč „{unknown}“. Měli jste na mysli „{close}“?"
    listed = ", ".join(aliases_at(model, loc[:-1]))
    return f"Neznámý klíč „{unknown}“. Na tomto místě lze použít: {listed}."


def _show(value: Any) -> str:
    """An input value as a message names it: quoted text, or what kind of thing it is."""
    if value is None or value == "":
        return "prázdná hodnota"
    if isinstance(value, bool):
        return "ano" if value else "ne"
    if isinstance(value, list):
        return "seznam"
    if isinstance(value, dict):
        return "vnořené klíče"
    return f"„{shown(value, 40)}“"


def _expected(error: ErrorDetails) -> str:
    ctx = error.get("ctx") or {}
    expected = str(ctx.get("expected", ""))
    return expected.replace("'", "").replace(" or ", ", ")


def _not_allowed(name: str, error: ErrorDetails) -> str:
    value = error["input"]
    if isinstance(value, str) and value.strip():
        said = f"„{shown(value, 40)}“ není povolená hodnota klíče „{name}“."
    else:
        said = f"Klíč „{name}“ nemá povolenou hodnotu ({_show(value)})."
    return f"{said} Povolené: {_expected(error)}."


_Explain = Callable[[str, ErrorDetails], str]

_MESSAGES: dict[str, _Explain] = {
    "literal": lambda n, e: _not_allowed(n, e),
    "enum": lambda n, e: _not_allowed(n, e),
    "string": lambda n, e: (
        f"Klíč „{n}“ má obsahovat text, ne seznam ani klíče. Napište jednu hodnotu, "
        "u delšího textu použijte | a text na dalších řádcích."
    ),
    "int": lambda n, e: (
        f"Klíč „{n}“ má obsahovat celé číslo (např. rok 2026), ne {_show(e['input'])}."
    ),
    "greater": lambda n, e: (
        f"Hodnota {_show(e['input'])} u klíče „{n}“ je příliš malá (rok musí být 1990–2100)."
    ),
    "less": lambda n, e: (
        f"Hodnota {_show(e['input'])} u klíče „{n}“ je příliš velká (rok musí být 1990–2100)."
    ),
    "decimal": lambda n, e: (
        f"Klíč „{n}“ má obsahovat číslo (např. 120 nebo 12,5), ne {_show(e['input'])}."
    ),
    "bool": lambda n, e: f"Klíč „{n}“ má mít hodnotu ano nebo ne, ne {_show(e['input'])}.",
    "list": lambda n, e: (
        f"Klíč „{n}“ má obsahovat seznam: každou položku na nový řádek začínající pomlčkou."
    ),
    "dict": lambda n, e: (
        f"Klíč „{n}“ má obsahovat vnořené klíče (na dalších řádcích odsazené mezerami), "
        f"ne {_show(e['input'])}."
    ),
    "model": lambda n, e: (
        f"Klíč „{n}“ má obsahovat vnořené klíče (na dalších řádcích odsazené mezerami), "
        f"ne {_show(e['input'])}."
    ),
    "date": lambda n, e: (
        f"Klíč „{n}“ má obsahovat datum, např. 10. 12. 2025 (nebo 2025-12-10), "
        f"ne {_show(e['input'])}."
    ),
}
