"""The yearly monitoring report (monitorovací zpráva) as a Document: Markdown plus title data.

One Document per monitored year; the same DOCX, PDF and HTML conversions as the
plan make it, so typography, accessibility and reproducibility are the plan's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from markupsafe import Markup

from assembler.checks.pipeline import CheckedPlan
from assembler.models.chapter import Indicator
from assembler.plan.evaluation import HUNDRED, Spending, Verdict
from assembler.plan.monitoring import MonitoredYear
from assembler.plan.yearly import AreaResult, MeasureResult, YearEvaluation, evaluate, planned
from assembler.render import czech
from assembler.render.documents import MONITORING, Chart, Document, title_meta
from assembler.render.formatting import NO_REPORT, Formatting
from assembler.render.lookups import Lookups
from assembler.render.markdown import Renderer, escape
from assembler.render.monitoring_charts import indicators_key, report_charts


def years_with_data(plan: CheckedPlan) -> list[MonitoredYear]:
    """The monitored years that have at least one area report: each gets its report."""
    return [y for y in plan.monitoring.years if y.areas]


@dataclass(frozen=True)
class ReportView:
    """What monitoring.md.j2 sees: the plan, the evaluated year and Czech labels."""

    plan: Lookups
    result: YearEvaluation
    # by what they show: "stavy", an area's indicators (in parts when there are many), …
    charts: dict[str, tuple[Chart, ...]] = field(default_factory=dict)

    @property
    def year(self) -> int:
        return self.result.year

    def status_name(self, key: str) -> str:
        return Formatting(self.plan.info).status_name(key)

    def status_of(self, measure: MeasureResult) -> str:
        return self.status_name(measure.report.status) if measure.report else NO_REPORT

    def target(self, indicator: Indicator) -> str:
        """Every target with its year, as the plan lists them (not only the final one)."""
        targets = sorted(indicator.targets, key=lambda t: t.year)
        return ", ".join(f"{czech.measured(t.value)} ({t.year})" for t in targets)

    def ratio(self, spending: Spending) -> str:
        ratio = spending.ratio
        return czech.percent(ratio * HUNDRED if ratio is not None else None)

    def attainment(self, fraction: Decimal | None) -> str:
        return czech.percent(fraction * HUNDRED if fraction is not None else None)

    def verdict_count(self, verdict: Verdict) -> int:
        return sum(1 for i in self.result.indicators if i.verdict is verdict)

    @property
    def verdicts(self) -> list[Verdict]:
        return list(Verdict)

    def sources(self) -> list[tuple[str, str]]:
        """Funding sources used in the year's plan or reports, in the plan's order."""
        used = {key for _, key in self.result.execution.cells}
        return [(s.key, s.name) for s in self.plan.info.funding_sources if s.key in used]

    def why_behind(self, measure: MeasureResult) -> str:
        reasons = []
        if measure.paused and measure.status is not None:
            reasons.append(f"stav {measure.status.name.lower()}")
        elif measure.stalled:
            reasons.append(
                "bez pokroku, ač opatření běží od roku " + str(measure.measure.timeline.start)
            )
        lagging = [i.code for i in measure.lagging]
        if lagging:
            label = "indikátor" if len(lagging) == 1 else "indikátory"
            reasons.append(f"{label} {', '.join(lagging)} pod očekávanou hodnotou")
        return "; ".join(reasons)

    def planned(self, measure: MeasureResult) -> Decimal:
        return planned(measure, self.year)

    @property
    def no_data(self) -> list[MeasureResult]:
        return self.result.no_data

    def indicators_key(self, area: AreaResult) -> str:
        return indicators_key(area.area)

    def figure(self, key: str, caption: str) -> Markup:
        """The chart as a captioned figure, its alternative text from the Chart; a chart
        in parts is a figure per part, numbered in the caption."""
        parts = self.charts.get(key, ())
        figures = []
        for number, chart in enumerate(parts, start=1):
            title = f"{caption}, část {number}/{len(parts)}" if len(parts) > 1 else caption
            alt = chart.alt.replace('"', "“")
            # .graf: the HTML page keeps a chart's lettering readable on a phone (chart-scroll).
            figures.append(f'![{escape(title)}]({chart.target}){{.graf fig-alt="{alt}"}}\n\n')
        return Markup("".join(figures))


def report_meta(
    plan: CheckedPlan, monitored: MonitoredYear, result: YearEvaluation
) -> dict[str, str]:
    info = plan.project.info
    meta = title_meta(plan)
    meta["title"] = f"Monitorovací zpráva za rok {monitored.year}"
    meta["short-title"] = f"Monitorovací zpráva za rok {monitored.year}"
    report = monitored.info
    dates = [a.report.date for a in monitored.areas]
    prepared = report.prepared_by if report else info.coordinator.name
    date = report.date if report else max(dates)
    meta["status-line"] = czech.joined((info.title, f"Zpracoval(a): {prepared}", czech.date(date)))
    lines = [meta["approval"]] if meta["approval"] else []
    if report and report.discussed:
        d = report.discussed
        lines.append(
            f"Zprávu projednal(a): {d.body}, usnesení č. {d.resolution} ze dne {czech.date(d.date)}"
        )
    meta["approval"] = czech.joined(lines)
    return meta


def monitoring_document(plan: CheckedPlan, monitored: MonitoredYear) -> Document:
    result = evaluate(plan.project, plan.items, monitored)
    # The report stands alone: codes are printed as labels, not as links into the plan.
    renderer = Renderer(plan, linked=False)
    lookups = Lookups(plan)
    charts = report_charts(result, ReportView(lookups, result).status_name)
    view = ReportView(lookups, result, charts)
    markdown = renderer.render("monitoring.md.j2", view=view, result=result, monitored=monitored)
    meta = report_meta(plan, monitored, result)
    drawn = tuple(chart for parts in charts.values() for chart in parts)
    return Document(MONITORING, markdown, meta, plan.project.root, drawn)
