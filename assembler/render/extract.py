"""A municipality's own extract of the plan: what serves it and what it pays, for the
assembly that approves its share (one document per municipality of the register).

The amounts are the same computation as the plan's ``naklady-obci`` section
(render/territory.py), so an extract and the plan cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from assembler.checks.pipeline import CheckedPlan
from assembler.models.chapter import Measure
from assembler.models.territory import Locality, RegisteredMunicipality
from assembler.plan.items import Item, Kind
from assembler.render import czech
from assembler.render.documents import MUNICIPALITY, Document, title_meta
from assembler.render.figures import CostTable
from assembler.render.territory import TerritoryView, municipality_measures, serves


def extract_keys(plan: CheckedPlan) -> list[str]:
    """The municipalities that get an extract: all of the register, when it has more
    than one (a plan of one municipality is approved as a whole)."""
    municipalities = plan.project.info.territory.municipalities
    return [m.key for m in municipalities] if len(municipalities) > 1 else []


@dataclass(frozen=True)
class ExtractView:
    """What ``obec.md.j2`` sees: the municipality, its measures and its share."""

    territory: TerritoryView
    municipality: RegisteredMunicipality

    @property
    def owner(self) -> str:
        """``obce Brusnice``, ``města Horní Bradlo``: as in "zastupitelstvo …"."""
        return f"{self.municipality.status.genitive} {self.municipality.name}"

    @property
    def recipient(self) -> str:
        """``obci Brusnice``, ``městu Horní Bradlo``: as in "slouží …"."""
        return f"{self.municipality.status.dative} {self.municipality.name}"

    @property
    def _plan(self) -> CheckedPlan:
        return self.territory.checked

    @property
    def share(self) -> CostTable:
        return municipality_measures(self._plan, self.municipality.key)

    @property
    def measures(self) -> list[Item[Measure]]:
        codes = serves(self._plan, self.municipality.key)
        return [m for m in self._plan.items.of(Kind.MEASURE) if m.code in codes]

    @property
    def localities(self) -> list[Locality]:
        key = self.municipality.key
        return [p for p in self.territory.register.localities if p.municipality == key]

    def year_amounts(self) -> str:
        """``2026: 0 Kč, 2027: 80 000 Kč …`` for the draft resolution."""
        table = self.share
        return ", ".join(f"{y}: {czech.money(table.year_total(y))}" for y in table.years)

    def amount(self, code: str) -> Decimal:
        return self.share.row_total(code)


def municipality_document(plan: CheckedPlan, key: str) -> Document:
    from assembler.render.formatting import Formatting
    from assembler.render.markdown import Renderer

    info = plan.project.info
    municipality = info.territory.municipality(key)
    if municipality is None:
        raise ValueError(f"no municipality {key} in the territory register")
    extract = ExtractView(TerritoryView(plan), municipality)
    # The extract stands alone: codes are printed as labels, not as links into the plan.
    markdown = Renderer(plan, linked=False).render("obec.md.j2", extract=extract)
    period = Formatting(info).period
    meta = title_meta(plan)
    meta["title"] = f"Podíl {extract.owner} na plánu sociálních služeb {period}"
    meta["short-title"] = czech.joined(
        (f"Podíl {extract.owner}", f"Plán sociálních služeb {period}")
    )
    meta["author"] = municipality.name
    # The plan's approval is not the municipality's: say whose it is.
    meta["status-line"] = f"Výpis z plánu „{info.title}“, verze {info.version}"
    if info.approval:
        a = info.approval
        meta["approval"] = (
            f"Plán schválil(o): {a.body}, usnesení č. {a.resolution} ze dne {czech.date(a.date)}"
        )
    return Document(MUNICIPALITY, markdown, meta, plan.project.root)
