"""Generate a realistic large plan for benchmarks: N area chapters × M measures.

    python bench/generate.py OUT_DIR --chapters 20 --measures 50

Czech text, indicators, costs for every year, registered services, cross-references
between chapters and a table in every chapter body. The result passes `plan check`.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

START, END = 2026, 2029
WORDS = [
    *("služba", "podpora", "senioři", "rodina", "péče", "domácnost", "terénní", "pracovník"),
    *("poradenství", "bydlení", "dostupnost", "kapacita", "klient", "město", "kraj"),
    *("spolupráce", "potřeba", "financování", "dobrovolník", "komunita", "prevence"),
    *("asistence", "stacionář", "odlehčovací", "krizový", "pomoc", "dítě", "mládež"),
]
AREAS = [
    ("SEN", "Senioři", "seniori"),
    ("DUS", "Duševní zdraví", "dusevni-onemocneni"),
    ("ZRA", "Zrakové postižení", "zrakove-postizeni"),
    ("SLU", "Sluchové postižení", "sluchove-postizeni"),
    ("POS", "Zdravotní postižení", "mentalni-telesne-postizeni"),
    ("ROD", "Rodiny s dětmi", "rodiny-s-detmi"),
    ("VYL", "Sociální vyloučení", "ohrozeni-vyloucenim"),
    ("LOK", "Vyloučené lokality", "vyloucene-lokality"),
    ("PRE", "Prevence", "zavislosti"),
    ("BEZ", "Lidé bez domova", "bez-domova"),
]
SECTIONS = [
    "37",
    "39",
    "40",
    "41",
    "43",
    "44",
    "46",
    "49",
    "51",
    "54",
    "57",
    "59",
    "65",
    "69",
    "70",
]


def _ico(base: int) -> str:
    digits = f"{base:07d}"
    total = sum(int(d) * w for d, w in zip(digits, range(8, 1, -1), strict=True))
    return digits + str((11 - total % 11) % 10)


def _sentence(rng: random.Random, words: int = 14) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _area(index: int) -> tuple[str, str, str]:
    code, title, group = AREAS[index % len(AREAS)]
    suffix = "" if index < len(AREAS) else chr(ord("A") + index // len(AREAS) - 1)
    return code + suffix, title + (f" {suffix}" if suffix else ""), group


def _measure(rng: random.Random, area: str, goal: int, n: int, codes: list[str]) -> str:
    code = f"{goal}.{n}"
    start = rng.choice([2026, 2026, 2027])
    costs = "\n".join(
        f"          {year}: {{obec: {rng.randrange(50, 900) * 1000}, "
        f"mpsv: {rng.randrange(0, 3000) * 1000}, uhrady: {rng.randrange(0, 400) * 1000}}}"
        for year in range(start, END + 1)
    )
    other = rng.choice(codes) if codes else None
    reference = f" Navazuje na [[{other}]]." if other else ""
    related = f"\n        souvisejici: [{other}]" if other else ""
    return f"""      - kod: {code}
        nazev: {_sentence(rng, 5)[:-1]}
        druh: {rng.choice(["udrzeni", "rozvoj", "nova_sluzba", "systemove"])}
        popis: |
          {_sentence(rng, 25)}{reference}

          {_sentence(rng, 18)}
        oduvodneni: {_sentence(rng, 16)}
        garant: ORG{rng.randrange(1, 31)}
        realizatori: [ORG{rng.randrange(1, 31)}, ORG{rng.randrange(1, 31)}]{related}
        sluzby:
          - identifikator: {rng.randrange(1000000, 9999999)}
            paragraf: {rng.choice(SECTIONS)}
            forma: terenni
            poskytovatel: ORG{rng.randrange(1, 31)}
        harmonogram: {{od: {start}, do: {END}}}
        naklady:
{costs}
        indikatory:
          - kod: {code}a
            nazev: Počet podpořených osob
            jednotka: osoby
            vychozi_hodnota: {{hodnota: {rng.randrange(0, 100)}, rok: 2025}}
            cilova_hodnota: {{hodnota: {rng.randrange(100, 300)}, rok: {END}}}
            vyssi_je_lepsi: ano
            zdroj_overeni: výkaz poskytovatele
          - kod: {code}b
            nazev: Průměrná čekací doba
            jednotka: týdny
            vychozi_hodnota: {{hodnota: {rng.randrange(8, 20)}, rok: 2025}}
            cilova_hodnota: {{hodnota: {rng.randrange(1, 8)}, rok: {END}}}
            vyssi_je_lepsi: ne
            zdroj_overeni: evidence žadatelů
"""


def chapter(
    rng: random.Random, index: int, measures: int, previous: list[str]
) -> tuple[str, list[str]]:
    code, title, group = _area(index)
    goals = max(1, measures // 5)
    body, codes = [], []
    for goal in range(1, goals + 1):
        count = measures // goals + (1 if goal <= measures % goals else 0)
        items = []
        for n in range(1, count + 1):
            items.append(_measure(rng, code, goal, n, previous))
            codes.append(f"{code} {goal}.{n}")
        body.append(
            f"  - kod: {goal}\n    nazev: {_sentence(rng, 6)[:-1]}\n    opatreni:\n"
            + "".join(items)
        )
    table = "\n".join(f"| {rng.choice(WORDS)} | {rng.randrange(10, 5000)} |" for _ in range(8))
    text = f"""---
typ: oblast
kod: {code}
nazev: {title}
pracovni_skupina:
  nazev: Pracovní skupina {title}
  manazer: {{jmeno: Jana Nováková, organizace: ORG1}}
cilove_skupiny: [{group}]
shrnuti: {_sentence(rng, 30)}
cile:
{"".join(body)}---

## Popis oblasti

{_sentence(rng, 40)} {_sentence(rng, 30)}

{_sentence(rng, 35)} Viz také [[{previous[0] if previous else code + " 1.1"}]].

| Ukazatel | Hodnota |
|:--|--:|
{table}

: Údaje o oblasti {title}
"""
    return text, codes


def plan_yaml(chapters: list[str]) -> str:
    orgs = "\n".join(
        f'  - {{klic: ORG{i}, nazev: "Organizace {i}, z. ú.", ico: "{_ico(2600000 + i * 37)}", '
        f"role: {'zadavatel' if i == 1 else 'poskytovatel'}, pomaha_s: Poradenství a služby.}}"
        for i in range(1, 31)
    )
    outline = "\n".join(f"  - {name}" for name in ["01-uvod.md", *chapters])
    return f"""nazev: Střednědobý plán rozvoje sociálních služeb Podhorského kraje 2026–2029
zadavatel: {{nazev: Podhorský kraj, ico: "70890692", typ: kraj}}
obdobi: {{od: {START}, do: {END}}}
stav: navrh
koordinator: {{jmeno: Alena Horáková, email: plan@kraj.example.cz}}
osnova:
{outline}
  - seznam-opatreni
  - rozpocet
  - indikatory
  - odpovednost
  - cilove-skupiny
  - sluzby
  - zkratky
organizace:
{orgs}
"""


INTRO = """---
typ: sekce
kod: UVOD
nazev: Úvod, analýza a realizace
pokryva: [priprava, analyza, povinnosti, monitoring, zmeny]
---

Plán vznikl v pracovních skupinách a popisuje analýzu, povinnosti, monitoring a změny.
"""


def generate(out: Path, chapters: int, measures: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "chapters").mkdir(parents=True)
    (out / "chapters" / "01-uvod.md").write_text(INTRO, encoding="utf-8")
    names: list[str] = []
    codes: list[str] = []
    for index in range(chapters):
        text, new = chapter(rng, index, measures, codes[-40:])
        name = f"{10 + index:02d}-{_area(index)[0].lower()}.md"
        (out / "chapters" / name).write_text(text, encoding="utf-8")
        names.append(name)
        codes += new
    (out / "plan.yaml").write_text(plan_yaml(names), encoding="utf-8")
    return out


def monitoring(root: Path, years: list[int], seed: int = 1) -> None:
    """Yearly reports of every running measure of a generated plan (monitoring/RRRR/)."""
    from assembler.checks.pipeline import check
    from assembler.plan.evaluation import expected_value
    from assembler.plan.items import Kind

    rng = random.Random(seed)
    result = check(root)
    assert result.plan is not None, [str(p) for p in result.problems]
    items = result.plan.items
    statuses = ["rozpracovano"] * 8 + ["naplneno", "nezahajeno"]
    for year in years:
        folder = root / "monitoring" / str(year)
        folder.mkdir(parents=True, exist_ok=True)
        for area in items.of(Kind.CHAPTER):
            if area.chapter is None or area.chapter.area is None:
                continue
            lines = [f"oblast: {area.code}", f"rok: {year}", "vykazal: Jana Nová"]
            lines += [f"datum: {year + 1}-01-31", "opatreni:"]
            for measure in items.within(area, Kind.MEASURE):
                if year not in measure.model.timeline.years or measure.cancelled:
                    continue
                lines += [f"  - kod: {measure.model.code}", f"    stav: {rng.choice(statuses)}"]
                lines += [f"    hodnoceni: {_sentence(rng)}."]
                costs = measure.model.costs.get(year, {})
                if costs:
                    spent = (
                        f"{k}: {int(v * rng.randint(85, 105) // 100)}" for k, v in costs.items()
                    )
                    lines.append("    skutecne_naklady: {" + ", ".join(spent) + "}")
                indicators = items.children(measure, Kind.INDICATOR)
                lines += ["    indikatory:"] if indicators else []
                for indicator in indicators:
                    value = expected_value(indicator.model, year) * rng.randint(80, 120) // 100
                    lines += [f"      - kod: {indicator.model.code}", f"        hodnota: {value}"]
            name = area.chapter.source.path.stem
            (folder / f"{name}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--chapters", type=int, default=20)
    parser.add_argument("--measures", type=int, default=50, help="measures per chapter")
    parser.add_argument(
        "--monitoring", default="", help="monitored years, e.g. 2026,2027 (monitoring/RRRR/)"
    )
    args = parser.parse_args()
    generate(args.out, args.chapters, args.measures)
    if args.monitoring:
        monitoring(args.out, [int(y) for y in args.monitoring.split(",")])
    print(f"{args.out}: {args.chapters} kapitol × {args.measures} opatření")


if __name__ == "__main__":
    main()
