"""Each fixed vocabulary is declared once (models/vocab.py) and everything else follows it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import edit, problems_of

from assembler.authoring.schema import generated_files
from assembler.checks.pipeline import check
from assembler.models.vocab import (
    LegalItem,
    MeasureKind,
    MunicipalityKind,
    PlanStatus,
    ServiceForm,
    TriadRole,
    Vocabulary,
)
from assembler.render.documents import plan_document

SEN = "chapters/10-seniori.md"


def _enum_at(schema: dict[str, Any], *path: str) -> list[str]:
    node: Any = schema
    for key in path:
        node = node[key]
    return list(node["enum"])


def test_json_schema_lists_the_keys_of_each_vocabulary() -> None:
    files = generated_files()
    plan = json.loads(files["schema/plan.schema.json"])
    chapter = json.loads(files["schema/kapitola.schema.json"])
    defs = {**plan["$defs"], **chapter["$defs"]}
    found: dict[type[Vocabulary], list[str]] = {
        PlanStatus: _enum_at(plan, "properties", "stav"),
        MunicipalityKind: _enum_at(defs, "Municipality", "properties", "typ"),
        TriadRole: _enum_at(defs, "Organisation", "properties", "role"),
        MeasureKind: _enum_at(defs, "Measure", "properties", "druh"),
        ServiceForm: _enum_at(defs, "Service", "properties", "forma", "items"),
        LegalItem: _enum_at(defs, "Section", "properties", "pokryva", "items"),
    }
    for vocabulary, keys in found.items():
        assert keys == [member.value for member in vocabulary], vocabulary
    assert keys == ["priprava", "analyza", "strategie", "povinnosti", "monitoring", "zmeny"]


def test_key_reference_shows_the_choices_from_the_vocabulary() -> None:
    docs = generated_files()["docs/klice.md"]
    row = next(line for line in docs.splitlines() if line.startswith("| `druh` |"))
    assert "`udrzeni` / `rozvoj` / `nova_sluzba` / `systemove`" in row
    assert "udrzeni, rozvoj, nova_sluzba nebo systemove." in row  # description from choices()
    assert MeasureKind.choices() == "udrzeni, rozvoj, nova_sluzba nebo systemove"


def test_labels_are_printed_and_wrong_keys_are_refused(mini: Path) -> None:
    result = check(mini)
    assert result.plan is not None
    markdown = plan_document(result.plan).markdown
    assert "nová služba" in markdown  # SEN 1.2, druh: nova_sluzba
    assert MeasureKind("nova_sluzba").label == "nová služba"
    assert MunicipalityKind.MICROREGION.genitive == "svazku obcí"
    edit(mini, SEN, "druh: rozvoj", "druh: rozvijet")
    wrong = problems_of(check(mini), "spatna-hodnota")
    assert [p.message for p in wrong] == [
        "„rozvijet“ není povolená hodnota klíče „druh“. "
        "Povolené: udrzeni, rozvoj, nova_sluzba, systemove."
    ]


@pytest.mark.parametrize(
    ("attribute", "value", "reason"),
    [
        ("start", "2101", "napište rok čtyřmi číslicemi, např. 2027"),  # Year: le=2100
        ("start", "1989", "napište rok čtyřmi číslicemi, např. 2027"),
        ("ico", "00296016", "IČO musí mít 8 číslic s platnou kontrolní číslicí"),
        ("ico", "0029601x", "IČO musí mít 8 číslic s platnou kontrolní číslicí"),
    ],
)
def test_init_answers_are_checked_by_the_model_rules(
    attribute: str, value: str, reason: str
) -> None:
    import argparse

    from assembler.cli.authoring import _answer

    args = argparse.Namespace(start="2027")
    assert (_answer(attribute, value, args) or "").startswith(reason)
    good = {"start": "2100", "ico": "296015"}[attribute]  # a dropped leading zero is fine
    assert _answer(attribute, good, args) is None
