"""Generated files stay in sync with the models (JSON Schemas, Czech key and rule references),
and every key has an example that is valid in the model, the JSON Schema and docs/klice.md."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal
from typing import Annotated, Any

import pytest
from helpers import REPO
from pydantic import BaseModel, Field, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from assembler.authoring.examples import example_yaml
from assembler.authoring.schema import generated_files, model_classes
from assembler.load import yamlio, yamltree
from assembler.models.common import MeasureCode, Model, Text, Year, YesNo, yaml_key


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
    from assembler.problems.rules import RULES

    text = generated_files()["docs/pravidla.md"]
    for code in RULES:
        assert f"`{code}`" in text


def test_every_rule_has_a_test() -> None:
    from assembler.problems.rules import RULES

    tests = "".join(p.read_text(encoding="utf-8") for p in (REPO / "tests").glob("test_*.py"))
    untested = [code for code in RULES if f'"{code}"' not in tests]
    assert untested == []


# Examples: every key has one, and it is valid as the editor (JSON Schema) and the key
# reference (docs/klice.md, YAML) show it.

SCHEMAS = {
    **json.loads(generated_files()["schema/plan.schema.json"])["$defs"],
    **json.loads(generated_files()["schema/kapitola.schema.json"])["$defs"],
    **json.loads(generated_files()["schema/monitoring.schema.json"])["$defs"],
    **json.loads(generated_files()["schema/zprava.schema.json"])["$defs"],
    "PlanInfo": json.loads(generated_files()["schema/plan.schema.json"]),
    "AreaMonitoring": json.loads(generated_files()["schema/monitoring.schema.json"]),
    "ReportInfo": json.loads(generated_files()["schema/zprava.schema.json"]),
}
FIELDS = [
    (name, field)
    for name, model in sorted(model_classes().items())
    for field in model.model_fields.values()
]


def _missing_examples(models: dict[str, type[BaseModel]]) -> list[str]:
    return [
        f"{name}.{field.alias}"
        for name, model in models.items()
        for field in model.model_fields.values()
        if not field.examples
    ]


def _example_problems(field: FieldInfo, shown_in_schema: Any) -> list[str]:
    """Problems of a key's example as written in Python, in the JSON Schema and in YAML."""
    if not field.examples:
        return ["no example"]
    example = field.examples[0]
    kind = Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation
    adapter: TypeAdapter[Any] = TypeAdapter(kind)
    root = yamlio.compose(f"{field.alias}: {example_yaml(example)}")
    read_back = yamltree.construct(root)[field.alias] if root is not None else None
    forms = {"model": example, "JSON Schema": shown_in_schema, "docs/klice.md": read_back}
    problems, values = [], []
    for form, value in forms.items():
        try:
            values.append(adapter.validate_python(value))
        except ValidationError as err:
            problems.append(f"{form}: {value!r} is not valid: {err}")
    if any(value != values[0] for value in values):
        problems.append(f"the forms of the example differ: {values!r}")
    return problems


def test_every_key_has_an_example() -> None:
    assert len(FIELDS) > 100
    assert _missing_examples(model_classes()) == []
    for name, schema in SCHEMAS.items():
        for key, prop in schema.get("properties", {}).items():
            assert prop.get("examples"), f"{name}.{key} has no example in the JSON Schema"


@pytest.mark.parametrize(("model", "field"), FIELDS, ids=[f"{n}.{f.alias}" for n, f in FIELDS])
def test_example_is_valid_for_its_key(model: str, field: FieldInfo) -> None:
    assert field.alias is not None
    shown = SCHEMAS[model]["properties"][field.alias]["examples"][0]
    assert _example_problems(field, shown) == []


@pytest.mark.parametrize("name", sorted(model_classes()))
def test_examples_together_make_a_valid_model(name: str) -> None:
    model = model_classes()[name]
    data = {field.alias: field.examples[0] for field in model.model_fields.values()}
    model.model_validate(data)


def test_example_checks_catch_bad_and_missing_examples() -> None:
    class Broken(Model):
        year: Year = yaml_key("rok", "Rok", "Rok.", example=1850)
        code: MeasureCode = yaml_key("kod", "Kód", "Kód.", example="1-1")
        mood: YesNo = yaml_key("nalada", "Nálada", "Nálada.", example="snad")
        note: Text = Field(alias="poznamka", title="Poznámka", description="Bez příkladu.")
        start: Year = yaml_key("od", "Od roku", "Rok zahájení.", example=2026)

    fields = Broken.model_fields
    assert _missing_examples({"Broken": Broken}) == ["Broken.poznamka"]
    assert _example_problems(fields["note"], None) == ["no example"]
    for key in ("year", "code", "mood"):
        problems = _example_problems(fields[key], fields[key].examples[0])
        assert len(problems) == 3, problems  # invalid in every form
    # A form that means something else is caught too: 1991 in the schema is not 2026.
    assert _example_problems(fields["start"], 1991) == [
        "the forms of the example differ: [2026, 1991, 2026]"
    ]


def test_examples_are_written_as_authors_write_yaml() -> None:
    assert example_yaml({"od": 2026, "do": 2029}) == "{od: 2026, do: 2029}"
    assert example_yaml(Decimal("1.1")) == "1.1"
    assert example_yaml(True) == "ano"
    assert example_yaml(datetime.date(2025, 12, 11)) == "11. 12. 2025"
    # Quoted only where the text would not read back as the same text.
    assert example_yaml("1.0") == '"1.0"'
    assert example_yaml("00296015") == '"00296015"'
    assert example_yaml("Cíl: bydlení") == '"Cíl: bydlení"'
    assert (
        example_yaml(["Charita, z. ú.", "+420 556 711 100"])
        == '["Charita, z. ú.", +420 556 711 100]'
    )
    # Cut short to a width, brackets kept in pairs.
    long = {"kod": 1, "nazev": "Senioři mohou co nejdéle žít ve svém domově", "opatreni": [1]}
    assert example_yaml([long], 40) == "[{kod: 1, nazev: Senioři mohou co…, …}]"
    assert example_yaml("slovo " * 20, 20) == "slovo slovo slovo…"


def test_key_reference_shows_examples() -> None:
    text = generated_files()["docs/klice.md"]
    assert "| klíč | povinný | hodnota | popis | kde se tiskne | příklad |" in text
    row = (
        "| `harmonogram` | ✔ | harmonogram | Od kdy do kdy opatření běží. "
        "| celý plán, veřejná verze, podíl obce | `{od: 2026, do: 2029}`"
    )
    assert row in text
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert rows and all(not line.endswith("|  |") for line in rows)


def test_key_reference_says_where_each_key_is_printed() -> None:
    text = generated_files()["docs/klice.md"]
    assert "Poznámka skupiny; do výstupů se nikdy netiskne. | netiskne se |" in text
    email = "| `email` |  | text | Osobní e-mail; neveřejný, pokud není verejny_kontakt: ano. "
    assert email in text
    assert "| celý plán (jen s verejny_kontakt) |" in text
    assert "| `verejne_shrnuti` |" in text and "| veřejná verze |" in text
    assert "| `organ` | ✔ | text | Kdo plán schválil" in text and "podle nadřazeného klíče" in text


def _sections(text: str) -> dict[str, str]:
    parts = text.split("\n## ")[1:]
    return {part.split("\n", 1)[0]: part for part in parts}


def test_key_reference_documents_every_key_of_every_model() -> None:
    """Each model reachable from plan.yaml or a chapter has its own section in
    docs/klice.md, and the section lists every key of that model (sub-keys of
    zadavatel, organizace, schvaleni… included)."""
    from assembler.authoring.schema import _CZECH_NAMES

    sections = _sections(generated_files()["docs/klice.md"])
    missing = []
    for name, model in model_classes().items():
        title = "plan.yaml" if name == "PlanInfo" else _CZECH_NAMES.get(name, name)
        section = sections.get(title)
        if section is None:
            missing.append(f"section {title}")
            continue
        missing += [
            f"{title}: {field.alias}"
            for field in model.model_fields.values()
            if f"| `{field.alias}` |" not in section
        ]
    assert missing == []
    organisation = sections["Organizace v registru (organizace)"]
    for key in ("adresa", "telefon", "email", "web", "pomaha_s"):
        assert f"| `{key}` |" in organisation
