"""Building blocks shared by the plan and chapter models.

Keys seen by authors are Czech without diacritics (pydantic aliases); attributes
are English. Every field carries a Czech title and description: they become the
JSON Schema that editors use and the key reference in ``docs/klice.md``.
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal
from typing import Annotated, Any, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError, PydanticUndefined

from assembler.models.placement import Printed, attach
from assembler.problems.diagnostics import shown

INTERNAL_NOTE = "interni_poznamka"


class Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        validate_by_alias=True,
        validate_by_name=False,
        serialize_by_alias=True,
    )


def yaml_key(
    alias: str,
    title: str,
    description: str,
    default: Any = ...,
    *,
    example: Any,
    printed: Printed | None = None,
    **extra: Any,
) -> Any:
    """A front-matter key: Czech alias, title, description, one example and where its
    value is printed (``printed``; only a key holding parts may leave it out) in one call.

    The example is the value as the YAML reader yields it from what an author writes
    (``Decimal("1.2")`` for ``kod: 1.2``); editors show it from the JSON Schema and
    ``docs/klice.md`` prints it as YAML.
    """
    if isinstance(default, list | dict) and not default:
        # An empty list or dict as a default is deep-copied by pydantic for every model
        # that leaves the key out (8 000 copies in a 1000-measure plan); a factory is not.
        extra = {
            "default_factory": type(default),
            "json_schema_extra": {"default": default},
            **extra,
        }
        default = PydanticUndefined
    field = Field(
        default, alias=alias, title=title, description=description, examples=[example], **extra
    )
    return attach(field, printed)


def _as_text(value: Any) -> Any:
    """YAML reads ``kod: 1.2`` as a number; codes and identifiers are text."""
    if type(value) is str:  # nearly always: called for every code of a plan
        return value
    if isinstance(value, bool):
        return value
    if isinstance(value, int | Decimal):
        return str(value)
    return value


def quoted(value: str) -> str:
    """A value as a message quotes it; an empty one said in words, not as „“."""
    return f"„{shown(value)}“" if value.strip() else "Prázdná hodnota"


def _pattern(regex: str, what: str, example: str) -> AfterValidator:
    compiled = re.compile(regex)

    def check(value: str) -> str:
        if not compiled.fullmatch(value):
            raise PydanticCustomError(
                "spatna-hodnota",
                "{value} není platný {what}. Správný tvar je např. {example}.",
                {"value": quoted(value), "what": what, "example": example},
            )
        return value

    return AfterValidator(check)


def _code(regex: str, what: str, example: str) -> Any:
    # Numeric codes may be written unquoted (kod: 1.2), so editors must accept numbers too.
    types_ = ["string", "number"] if regex[0] == "\\" else ["string"]
    schema = {"type": types_, "pattern": f"^{regex}$", "examples": [example]}
    return Annotated[
        str, BeforeValidator(_as_text), _pattern(regex, what, example), WithJsonSchema(schema)
    ]


ChapterCode = _code(r"[A-Z]{2,8}", "kód kapitoly (2–8 velkých písmen bez diakritiky)", "SEN")
PriorityCode = _code(r"P\d{1,2}", "kód priority (P a číslo)", "P1")
GoalCode = _code(r"\d{1,2}", "kód cíle (číslo)", "2")
MeasureCode = _code(r"\d{1,2}\.\d{1,2}", "kód opatření (číslo cíle, tečka, číslo)", "2.3")
ActivityCode = _code(r"\d{1,2}\.\d{1,2}\.\d{1,2}", "kód aktivity", "2.3.1")
IndicatorCode = _code(r"\d{1,2}\.\d{1,2}[a-z]", "kód indikátoru (kód opatření a písmeno)", "2.3a")
SharedGoalCode = _code(r"SC\d{1,2}", "kód společného cíle (SC a číslo)", "SC1")
VocabKey = _code(r"[a-z0-9][a-z0-9_-]*", "klíč (malá písmena bez diakritiky)", "seniori")
OrgKey = _code(
    r"[A-Za-z0-9][A-Za-z0-9_-]*", "klíč organizace (písmena bez diakritiky, číslice)", "CHARITA"
)
TerritoryKey = _code(
    r"[A-Za-z0-9][A-Za-z0-9_-]*", "klíč obce nebo lokality (písmena bez diakritiky)", "JANOV"
)
Text = Annotated[str, BeforeValidator(_as_text)]


def _paragraph(value: Any) -> Any:
    """Authors write 40, "§ 40" or "60a"; keep the bare section number."""
    value = _as_text(value)
    if isinstance(value, str):
        return value.replace("§", "").replace("\u00a0", " ").strip().lower()
    return value


# Written unquoted (paragraf: 40, identifikator: 4829157), so editors must accept numbers too.
_TEXT_OR_INTEGER = WithJsonSchema({"type": ["string", "integer"]})
Paragraph = Annotated[str, BeforeValidator(_paragraph), _TEXT_OR_INTEGER]
Digits = Annotated[str, BeforeValidator(_as_text), _TEXT_OR_INTEGER]
Markdown = Annotated[str, BeforeValidator(_as_text)]

Year = Annotated[
    int,
    Field(ge=1990, le=2100, examples=[2026]),
]


def _ico(value: Any) -> Any:
    # YAML drops leading zeros of an unquoted IČO (00299308 → 299308); restore them.
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 10**8:
        return f"{value:08d}"
    return value


Ico = Annotated[str, BeforeValidator(_ico), _pattern(r"\d{8}", "IČO (8 číslic)", "00299308")]


def ico_check_digit(ico: str) -> bool:
    """IČO: 8 digits, the last one a weighted mod-11 check digit (a warning in a plan,
    a refused answer in ``plan init``)."""
    if not re.fullmatch(r"\d{8}", ico):
        return False
    total = sum(int(d) * w for d, w in zip(ico[:7], range(8, 1, -1), strict=True))
    return (11 - total % 11) % 10 == int(ico[7])


def accepts(annotation: Any, value: Any) -> bool:
    """Whether a value passes the rules of a model type (``Year``, ``Ico``, ``ChapterCode``),
    for the CLI, which asks for such values before any model exists."""
    try:
        TypeAdapter(annotation).validate_python(value)
    except ValidationError:
        return False
    return True


_YES = {"ano", "true", "yes", "1"}
_NO = {"ne", "false", "no", "0"}


def _yes_no(value: Any) -> Any:
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in _YES:
            return True
        if lowered in _NO:
            return False
    return value


# Authors are told to write ano/ne; the schema must not mark that as wrong in editors.
YesNo = Annotated[
    bool,
    BeforeValidator(_yes_no),
    WithJsonSchema({"oneOf": [{"type": "boolean"}, {"enum": ["ano", "ne"]}]}),
]


_CZECH_DATE = re.compile(r"(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})")


def _czech_date(value: Any) -> Any:
    """Authors write dates the Czech way (10. 12. 2026, 10.12.2026) or as 2026-12-10."""
    if isinstance(value, str):
        text = value.replace("\u00a0", " ").strip()
        match = _CZECH_DATE.fullmatch(text)
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                return datetime.date(year, month, day)
            except ValueError:
                raise PydanticCustomError(
                    "spatna-hodnota",
                    "„{value}“ není skutečné datum (takový den v kalendáři není). "
                    "Napište je např. jako 10. 12. 2026.",
                    {"value": value},
                ) from None
        return text
    return value


# The editors' schema accepts both written forms, as the model does.
CzechDate = Annotated[
    datetime.date,
    BeforeValidator(_czech_date),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": r"^\s*\d{1,2}\.\s*\d{1,2}\.\s*\d{4}\s*$"},
            ],
            "examples": ["10. 12. 2026"],
        }
    ),
]


def listify(value: Any) -> Any:
    """Let authors write a single item where a list is expected."""
    if value is None:
        return []
    if isinstance(value, dict | str):
        return [value]
    return value


T = TypeVar("T")
Many = Annotated[list[T], BeforeValidator(listify)]
