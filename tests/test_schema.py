"""Generated files stay in sync with the models: JSON Schemas, Czech key and rule references."""

from __future__ import annotations

import json

import pytest
from helpers import REPO

from assembler.schema import generated_files


@pytest.mark.parametrize("relative", sorted(generated_files()))
def test_committed_file_is_current(relative: str) -> None:
    committed = (REPO / relative).read_text(encoding="utf-8")
    assert committed == generated_files()[relative], (
        f"{relative} is stale: run `plan schema` and commit the result"
    )


def test_schema_speaks_czech_and_uses_czech_keys() -> None:
    chapter = json.loads(generated_files()["schema/kapitola.schema.json"])
    measure = chapter["$defs"]["Measure"]
    assert measure["title"] == "Opatření (opatreni)"
    assert {"kod", "nazev", "garant", "naklady", "indikatory"} <= set(measure["properties"])
    assert measure["properties"]["garant"]["title"] == "Garant"
    assert measure["additionalProperties"] is False


def test_every_rule_is_documented() -> None:
    from assembler.rules import RULES

    text = generated_files()["docs/pravidla.md"]
    for code in RULES:
        assert f"`{code}`" in text


def test_every_rule_has_a_test() -> None:
    from assembler.rules import RULES

    tests = "".join(p.read_text(encoding="utf-8") for p in (REPO / "tests").glob("test_*.py"))
    untested = [code for code in RULES if f'"{code}"' not in tests]
    assert untested == []
