"""Files generated from the models: JSON Schemas for editors and the Czech key reference.

``plan schema`` writes them; a test fails when the committed copies are stale.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from assembler.models.chapter import Chapter
from assembler.models.plan import PlanInfo
from assembler.rules import RULES, Rule

SCHEMA_URL = "https://json-schema.org/draft/2020-12/schema"


def plan_schema() -> dict[str, Any]:
    schema = PlanInfo.model_json_schema(by_alias=True, mode="validation")
    schema["title"] = "plan.yaml – střednědobý plán rozvoje sociálních služeb"
    return {"$schema": SCHEMA_URL, **schema}


def chapter_schema() -> dict[str, Any]:
    schema = TypeAdapter(Chapter).json_schema(by_alias=True, mode="validation")
    schema["title"] = "Hlavička kapitoly plánu (oblast nebo sekce)"
    return {"$schema": SCHEMA_URL, **schema}


def _czech_titles(schema: dict[str, Any]) -> dict[str, Any]:
    for name, definition in schema.get("$defs", {}).items():
        definition["title"] = _CZECH_NAMES.get(name, name)
    return schema


def _dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, default=str) + "\n"


def generated_files() -> dict[str, str]:
    plan, chapter = _czech_titles(plan_schema()), _czech_titles(chapter_schema())
    return {
        "schema/plan.schema.json": _dump(plan),
        "schema/kapitola.schema.json": _dump(chapter),
        "docs/klice.md": key_reference(plan, chapter),
        "docs/pravidla.md": rule_reference(),
    }


def key_reference(plan: dict[str, Any], chapter: dict[str, Any]) -> str:
    lines = [
        "# Klíče hlavičky a plan.yaml",
        "",
        "Vygenerováno příkazem `plan schema` z modelů programu; needitujte ručně.",
        "Klíče se píší malými písmeny bez diakritiky. Povinné klíče jsou označeny ✔.",
        "",
    ]
    lines += _model_section("plan.yaml", plan, plan.get("$defs", {}))
    defs = {**plan.get("$defs", {}), **chapter.get("$defs", {})}
    done = set(plan.get("$defs", {}))
    for name in ["Area", "Section", *sorted(chapter.get("$defs", {}))]:
        if name in done or name not in defs:
            continue
        done.add(name)
        lines += _model_section(_CZECH_NAMES.get(name, name), defs[name], defs)
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
    "Municipality": "Zadavatel",
    "Period": "Období",
    "Approval": "Schválení",
    "Contact": "Koordinátor",
    "Organisation": "Organizace (registr)",
    "VocabItem": "Položka slovníku",
    "SharedGoal": "Společný cíl",
    "EsfPublicity": "Publicita ESF",
    "OutputFiles": "Výstupy",
}


def _model_section(title: str, schema: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    required = set(schema.get("required", []))
    lines = [f"## {title}", "", "| klíč | povinný | hodnota | popis |", "|---|---|---|---|"]
    for name, prop in schema.get("properties", {}).items():
        mark = "✔" if name in required else ""
        description = str(prop.get("description", "")).replace("|", "\\|")
        lines.append(f"| `{name}` | {mark} | {_kind(prop, defs)} | {description} |")
    return [*lines, ""]


def _kind(prop: dict[str, Any], defs: dict[str, Any]) -> str:
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[-1]
        return str(_CZECH_NAMES.get(name, name)).split(" (")[0].lower()
    if "enum" in prop:
        return " / ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    options = prop.get("anyOf") or prop.get("oneOf")
    if options:
        kinds = [_kind(o, defs) for o in options if o.get("type") != "null"]
        return " nebo ".join(dict.fromkeys(kinds))
    kind = prop.get("type")
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
