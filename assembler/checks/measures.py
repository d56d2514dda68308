"""What every measure must carry: a garant, indicators, costs for its timeline."""

from __future__ import annotations

from collections.abc import Iterator

from assembler.plan.items import ItemIndex, Kind
from assembler.plan.project import Project
from assembler.problems.diagnostics import Problem, did_you_mean


def _example_guarantor(project: Project) -> str:
    """A key of this plan's registry for hints: the municipality's, else the first one."""
    orgs = project.info.organisations
    key = next((o.key for o in orgs if o.role == "zadavatel"), orgs[0].key if orgs else None)
    return f"garant: {key}" if key else "garant: a klíč organizace"


def completeness(project: Project, items: ItemIndex) -> Iterator[Problem]:
    for found in items.of(Kind.MEASURE):
        measure = found.model
        code = found.code
        if found.cancelled:
            continue
        if not measure.guarantor:
            message = (
                f"Opatření {code} nemá garanta. Doplňte klíč garant s klíčem organizace "
                f"z registru v plan.yaml (např. {_example_guarantor(project)})."
            )
            yield Problem("chybi-garant", message, found.where("kod"))
        if not items.children(found, Kind.INDICATOR):
            message = (
                f"Opatření {code} nemá žádný indikátor. Doplňte pod klíč indikatory alespoň "
                "jeden (nazev, jednotka, vychozi_hodnota, cilova_hodnota, …)."
            )
            yield Problem("chybi-indikator", message, found.where("kod"))
        missing = [year for year in measure.timeline.years if year not in measure.costs]
        if missing:
            years = ", ".join(str(y) for y in missing)
            message = (
                f"Opatření {code} nemá předpokládané náklady na rok {years}, přestože v něm "
                "běží. Doplňte je pod klíč naklady; nemá-li opatření náklady, napište "
                f"výslovně nulu (např. {missing[0]}: {{obec: 0}})."
            )
            where = found.where("naklady") if measure.costs else found.where("kod")
            yield Problem("chybi-naklady", message, where)


def funding_sources(project: Project, items: ItemIndex) -> Iterator[Problem]:
    known = [source.key for source in project.info.funding_sources]
    for found in items.of(Kind.MEASURE):
        for year, by_source in found.model.costs.items():
            for source in by_source:
                if source not in known:
                    message = (
                        f"Zdroj financování „{source}“ není v seznamu zdrojů plánu "
                        f"({', '.join(known)}).{did_you_mean(source, known)}"
                    )
                    yield Problem(
                        "neznamy-zdroj", message, found.where("naklady", year, f"[{source}]")
                    )


def target_direction(project: Project, items: ItemIndex) -> Iterator[Problem]:
    for found in items.of(Kind.INDICATOR):
        indicator = found.model
        base = indicator.baseline.value
        for i, target in enumerate(indicator.targets):
            wrong = target.value < base if indicator.higher_is_better else target.value > base
            if wrong:
                direction = "vyšší" if indicator.higher_is_better else "nižší"
                message = (
                    f"Cílová hodnota {target.value} jde proti výchozí {base}: indikátor má "
                    f"vyssi_je_lepsi: {'ano' if indicator.higher_is_better else 'ne'}, cíl má "
                    f"tedy být {direction} nebo stejný. Opravte hodnotu, nebo vyssi_je_lepsi."
                )
                yield Problem(
                    "cilova-hodnota-smer", message, found.where("cilova_hodnota", i, "hodnota")
                )


CHECKS = [completeness, funding_sources, target_direction]
