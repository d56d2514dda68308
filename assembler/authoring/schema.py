"""Files generated from the models: JSON Schemas for editors and the Czech key reference.

``plan schema`` writes them; a test fails when the committed copies are stale.
"""

from __future__ import annotations

import json
import typing
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, TypeAdapter
from pydantic.fields import FieldInfo

from assembler.authoring.examples import example_yaml
from assembler.models.chapter import Chapter
from assembler.models.monitoring import AreaMonitoring, ReportInfo
from assembler.models.placement import (
    CANCELLED_PRINTED_IN,
    MONITORED_YEAR_ONLY,
    NOT_PRINTED,
    Output,
    placement,
)
from assembler.models.plan import PlanInfo
from assembler.outputs.registry import OUTPUTS
from assembler.problems.rules import RULES, Rule

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"
EXAMPLE_WIDTH = 72  # characters of an example in docs/klice.md before it is cut with "…"


def plan_schema() -> dict[str, Any]:
    schema = PlanInfo.model_json_schema(by_alias=True, mode="validation")
    schema["title"] = "plan.yaml – střednědobý plán rozvoje sociálních služeb"
    return {"$schema": SCHEMA_URL, **schema}


def chapter_schema() -> dict[str, Any]:
    schema = TypeAdapter(Chapter).json_schema(by_alias=True, mode="validation")
    schema["title"] = "Hlavička kapitoly plánu (oblast nebo sekce)"
    return {"$schema": SCHEMA_URL, **schema}


def monitoring_schema(model: type[BaseModel], title: str) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema["title"] = title
    return {"$schema": SCHEMA_URL, **schema}


def _czech_titles(schema: dict[str, Any]) -> dict[str, Any]:
    for name, definition in schema.get("$defs", {}).items():
        definition["title"] = _CZECH_NAMES.get(name, name)
    return schema


def _dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, default=str) + "\n"


def generated_files() -> dict[str, str]:
    plan, chapter = _czech_titles(plan_schema()), _czech_titles(chapter_schema())
    area_report = _czech_titles(monitoring_schema(AreaMonitoring, _CZECH_NAMES["AreaMonitoring"]))
    report = _czech_titles(monitoring_schema(ReportInfo, _CZECH_NAMES["ReportInfo"]))
    return {
        "schema/plan.schema.json": _dump(plan),
        "schema/kapitola.schema.json": _dump(chapter),
        "schema/monitoring.schema.json": _dump(area_report),
        "schema/zprava.schema.json": _dump(report),
        "docs/klice.md": key_reference(plan, chapter, [area_report, report]),
        "docs/pravidla.md": rule_reference(),
    }


def key_reference(
    plan: dict[str, Any], chapter: dict[str, Any], monitoring: Sequence[dict[str, Any]] = ()
) -> str:
    lines = [
        "# Klíče hlavičky a plan.yaml",
        "",
        "Vygenerováno příkazem `plan schema` z modelů programu; needitujte ručně.",
        "Klíče se píší malými písmeny bez diakritiky. Povinné klíče jsou označeny ✔.",
        "Příklady jsou zapsány tak, jak se píší za dvojtečku klíče; dlouhé jsou zkráceny (…).",
        "",
        "Sloupec „kde se tiskne“ říká, ve kterých dokumentech se hodnota klíče objeví: "
        f"{_documents()}. „{NOT_PRINTED}“ znamená, že se hodnota nedostane do žádného výstupu "
        "(např. osobní kontakty bez verejny_kontakt: ano, interní poznámky, klíče pro odkazy). "
        "Zrušené cíle a opatření se vším, co obsahují, tiskne jen "
        f"{' a '.join(o.value for o in CANCELLED_PRINTED_IN)} (označené „zrušeno“ s důvodem); "
        f"{MONITORED_YEAR_ONLY.value} uvádí jen opatření, která ve sledovaném roce běží.",
        "",
    ]
    models = model_classes()
    lines += _model_section("plan.yaml", plan, plan.get("$defs", {}), PlanInfo)
    defs = {**plan.get("$defs", {}), **chapter.get("$defs", {})}
    # The plan's own parts first, then the chapter kinds and their parts; a model used
    # by both (e.g. Harmonogram) is written once, where it first appears.
    plan_parts = sorted(plan.get("$defs", {}), key=lambda n: _CZECH_NAMES.get(n, n))
    chapter_parts = sorted(chapter.get("$defs", {}), key=lambda n: _CZECH_NAMES.get(n, n))
    done: set[str] = set()
    for name in [*plan_parts, "Area", "Section", *chapter_parts]:
        if name in done or name not in defs or name not in models:
            continue
        done.add(name)
        lines += _model_section(_CZECH_NAMES.get(name, name), defs[name], defs, models[name])
    files: tuple[type[BaseModel], ...] = (AreaMonitoring, ReportInfo)
    for schema, model in zip(monitoring, files, strict=False):
        defs = schema.get("$defs", {})
        lines += _model_section(_CZECH_NAMES[model.__name__], schema, defs, model)
        for name in sorted(defs):
            if name not in done:
                done.add(name)
                lines += _model_section(
                    _CZECH_NAMES.get(name, name), defs[name], defs, models[name]
                )
    return "\n".join(lines).rstrip() + "\n"


_CZECH_NAMES = {
    "Area": "Kapitola oblasti (typ: oblast)",
    "Section": "Kapitola sekce (typ: sekce)",
    "Goal": "Cíl (cile)",
    "Measure": "Opatření (opatreni)",
    "Indicator": "Indikátor (indikatory)",
    "IndicatorValue": "Hodnota indikátoru",
    "Activity": "Aktivita (aktivity)",
    "Service": "Registrovaná služba (sluzby)",
    "Timeline": "Harmonogram",
    "Milestone": "Milník",
    "Priority": "Priorita",
    "WorkingGroup": "Pracovní skupina",
    "Person": "Osoba",
    "Municipality": "Zadavatel (zadavatel)",
    "Period": "Období (obdobi)",
    "Approval": "Schválení (schvaleni)",
    "Contact": "Koordinátor (koordinator)",
    "Organisation": "Organizace v registru (organizace)",
    "VocabItem": "Položka slovníku (zdroje_financovani, cilove_skupiny, vyporadani_pripominek)",
    "SharedGoal": "Společný cíl (spolecne_cile)",
    "EsfPublicity": "Publicita ESF (publicita_esf)",
    "OutputFiles": "Výstupy (vystupy)",
    "StatusItem": "Stav opatření (stavy_opatreni)",
    "AreaMonitoring": "Hlášení oblasti za rok (monitoring/RRRR/*.yaml)",
    "MeasureReport": "Hlášení o opatření (opatreni v hlášení)",
    "IndicatorReport": "Skutečná hodnota indikátoru (indikatory v hlášení)",
    "ReportInfo": "Údaje o monitorovací zprávě (monitoring/RRRR/zprava.yaml)",
    "Territory": "Území plánu (uzemi)",
    "RegisteredMunicipality": "Obec v registru území (uzemi.obce)",
    "Locality": "Lokalita (uzemi.lokality)",
    "SteeringGroup": "Řídící skupina (ridici_skupina)",
}


def model_classes() -> dict[str, type[BaseModel]]:
    """Every model reachable from plan.yaml and a chapter's front matter, by class name."""
    found: dict[str, type[BaseModel]] = {}
    pending: list[Any] = [PlanInfo, Chapter, AreaMonitoring, ReportInfo]
    while pending:
        annotation = pending.pop()
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            if annotation.__name__ not in found:
                found[annotation.__name__] = annotation
                pending += [field.annotation for field in annotation.model_fields.values()]
        else:
            pending += typing.get_args(annotation)
    return found


def _model_section(
    title: str, schema: dict[str, Any], defs: dict[str, Any], model: type[BaseModel]
) -> list[str]:
    required = set(schema.get("required", []))
    fields = {field.alias: field for field in model.model_fields.values()}
    lines = [
        f"## {title}",
        "",
        "| klíč | povinný | hodnota | popis | kde se tiskne | příklad |",
        "|---|---|---|---|---|---|",
    ]
    for name, prop in schema.get("properties", {}).items():
        mark = "✔" if name in required else ""
        description = _cell(str(prop.get("description", "")))
        example = fields[name].examples
        shown = f"`{_cell(example_yaml(example[0], EXAMPLE_WIDTH))}`" if example else ""
        where = _where(fields[name])
        lines.append(
            f"| `{name}` | {mark} | {_kind(prop, defs)} | {description} | {where} | {shown} |"
        )
    return [*lines, ""]


def _documents() -> str:
    """Each name of the column with the formats it stands for: "celý plán (PDF, DOCX)"."""
    named = []
    for output in Output:
        formats = [o.format.kind.value.upper() for o in OUTPUTS if o.document.output is output]
        named.append(f"{output.value} ({', '.join(formats)})")
    return ", ".join(named)


def _where(field: FieldInfo) -> str:
    declared = placement(field)
    return declared.label() if declared is not None else "podle jeho klíčů"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _kind(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return str(_CZECH_NAMES.get(name, name)).split(" (")[0].lower()
    if prop.get("enum") == ["ano", "ne"]:
        return "ano/ne"  # the written form of a yes/no key (see models.common.YesNo)
    if "enum" in prop:
        return " / ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    options = prop.get("anyOf") or prop.get("oneOf")
    if options:
        kinds = [_kind(o, defs) for o in options if o.get("type") != "null"]
        return " nebo ".join(dict.fromkeys(kinds))
    kind = prop.get("type")
    if isinstance(kind, list):  # e.g. a code written as text or as a number
        return " nebo ".join(dict.fromkeys(_kind({"type": k}, defs) for k in kind))
    if kind == "array":
        return f"seznam: {_kind(prop.get('items', {}), defs)}"
    if kind == "object":
        return "klíče a hodnoty"
    return {"string": "text", "integer": "celé číslo", "number": "číslo", "boolean": "ano/ne"}.get(
        str(kind), "hodnota"
    )


def rule_reference() -> str:
    lines = [
        "# Pravidla kontroly",
        "",
        "Vygenerováno příkazem `plan schema`; needitujte ručně. Každý problém ve výpisu",
        "`plan check` končí kódem pravidla v hranatých závorkách. Závažnost pravidel, která",
        "lze nastavit, se mění v plan.yaml:",
        "",
        "```yaml",
        "pravidla:",
        "  identifikator-sluzby: chyba   # chyba, varovani nebo vypnuto",
        "```",
        "",
    ]
    groups: dict[str, list[Rule]] = {}  # in order of first appearance in the catalogue
    for rule in RULES.values():
        groups.setdefault(rule.group, []).append(rule)
    for group, rules in groups.items():
        lines += [
            "",
            f"## {group}",
            "",
            "| kód | výchozí | lze změnit | význam |",
            "|---|---|---|---|",
        ]
        for rule in rules:
            configurable = "ano" if rule.configurable else "ne"
            lines.append(f"| `{rule.code}` | {rule.level} | {configurable} | {rule.summary} |")
    return "\n".join(lines) + "\n"
