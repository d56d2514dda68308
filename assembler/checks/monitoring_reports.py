"""Rules of the yearly monitoring on what each measure report says: its status and
reason, progress and costs, and the measures running that year that nobody reported.
The rules on the files, years, dates and codes are in checks/monitoring.py, which runs
these too."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal

from assembler.models.chapter import Indicator
from assembler.models.registers import StatusItem
from assembler.plan.items import ItemIndex
from assembler.plan.monitoring import AreaReport, MonitoredYear, active, areas, measures_of
from assembler.plan.project import Project
from assembler.problems.diagnostics import Location, Problem, did_you_mean, plain, shown


def decimal_text(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", ",")


def unit_mismatch(indicator: Indicator, value: Decimal, full: str) -> str | None:
    unit = indicator.unit.strip()
    if unit == "%" and not 0 <= value <= 100:
        return (
            f"Hodnota {decimal_text(value)} u indikátoru {full} nedává smysl: jednotka je %, "
            "procento musí být 0 až 100. Opravte hodnotu."
        )
    planned = [indicator.baseline.value, *(t.value for t in indicator.targets)]
    if value < 0 and all(v >= 0 for v in planned):
        return (
            f"Hodnota {decimal_text(value)} u indikátoru {full} ({unit}) je záporná, výchozí "
            "i cílová hodnota jsou nezáporné. Uveďte skutečný stav, ne změnu."
        )
    return None


def _status_hint(typed: str, vocabulary: Mapping[str, object]) -> str:
    if plain(typed) in vocabulary and plain(typed) != typed:
        return (
            " Klíč stavu se píše malými písmeny bez diakritiky, jak jej uvádí plan.yaml: "
            f"{plain(typed)}."
        )
    return did_you_mean(plain(typed), vocabulary)


def _stale_reason(code: str, name: str, vocabulary: Mapping[str, StatusItem]) -> str:
    # An empty workbook cell deletes nothing: a paused measure set running again in a
    # workbook keeps its old reason, and the report printed "Důvod:" under "Rozpracováno".
    needing = ", ".join(s.name for s in vocabulary.values() if s.needs_reason)
    return (
        f"Opatření {code} má stav „{name}“, hlášení však uvádí i důvod, který patří ke stavům "
        f"{needing}; zpráva jej vytiskne. Platí-li ještě, přesuňte text do klíče obtize; "
        "jinak klíč duvod smažte."
    )


def statuses(project: Project, items: ItemIndex, monitored: MonitoredYear) -> Iterator[Problem]:
    vocabulary = {s.key: s for s in project.info.measure_statuses}
    for area_report in monitored.areas:
        for i, reported in enumerate(area_report.report.measures):
            status = vocabulary.get(reported.status)
            code = f"{area_report.report.area} {reported.code}"
            if status is None:
                message = (
                    f"Stav „{shown(reported.status)}“ není ve slovníku stavů."
                    f"{_status_hint(reported.status, vocabulary)} Povolené stavy: "
                    f"{', '.join(vocabulary)} (plan.yaml, stavy_opatreni)."
                )
                yield Problem(
                    "monitoring-stav", message, area_report.source.location(["opatreni", i, "stav"])
                )
            elif not status.needs_reason and reported.reason:
                yield Problem(
                    "monitoring-duvod-navic",
                    _stale_reason(code, status.name, vocabulary),
                    area_report.source.location(["opatreni", i, "duvod"]),
                )
            elif status.needs_reason and not reported.reason:
                message = (
                    f"Opatření {code} má stav „{status.name}“, u něhož je třeba uvést důvod. "
                    "Doplňte klíč duvod: proč a od kdy."
                )
                yield Problem(
                    "monitoring-duvod",
                    message,
                    area_report.source.location(["opatreni", i, "stav"]),
                )


def costs(project: Project, items: ItemIndex, monitored: MonitoredYear) -> Iterator[Problem]:
    sources = [s.key for s in project.info.funding_sources]
    for area_report in monitored.areas:
        for i, reported in enumerate(area_report.report.measures):
            for key in reported.actual_costs:
                if key not in sources:
                    message = (
                        f"Zdroj financování „{key}“ není v seznamu zdrojů plánu."
                        f"{did_you_mean(key, sources)} Zdroje: {', '.join(sources)}."
                    )
                    where = area_report.source.location(
                        ["opatreni", i, "skutecne_naklady", f"[{key}]"]
                    )
                    yield Problem("neznamy-zdroj", message, where)


def progress(project: Project, items: ItemIndex, monitored: MonitoredYear) -> Iterator[Problem]:
    """pokrok: 0.4 is read as 0.4 % (printed "0 %"): the share of Excel's percentages."""
    for area_report in monitored.areas:
        for i, reported in enumerate(area_report.report.measures):
            share = reported.progress
            if share is not None and 0 < share < 1:
                given, meant = decimal_text(share), decimal_text(share * 100)
                message = (
                    f"Pokrok {given} znamená {given} %, ne {meant} %: pokrok se píše v "
                    f"procentech (pokrok: {meant}). Je-li {given} % správně, varování nevadí."
                )
                where = area_report.source.location(["opatreni", i, "pokrok"])
                yield Problem("monitoring-pokrok", message, where)


def missing(project: Project, items: ItemIndex, monitored: MonitoredYear) -> Iterator[Problem]:
    """Measures running that year without a report, one warning per area and garant."""
    files: dict[str, AreaReport] = {}
    for area_report in monitored.areas:
        files.setdefault(area_report.report.area, area_report)
    names = {org.key: org.name for org in project.info.organisations}
    for area in areas(items).values():
        area_file = files.get(area.code)
        reported = {m.code for m in area_file.report.measures} if area_file else set()
        by_garant: dict[str, list[str]] = {}
        for measure in measures_of(items, area).values():
            if active(measure, monitored.year) and measure.model.code not in reported:
                by_garant.setdefault(measure.model.guarantor or "", []).append(measure.code)
        for garant, codes in by_garant.items():
            who = f"garanta {garant} ({names.get(garant, garant)})" if garant else "bez garanta"
            if area_file is not None:
                where = area_file.source.location(["opatreni"] if area_file.report.measures else [])
                todo = f"Doplňte je do {area_file.source.name}"
            else:
                where = Location(f"{monitored.folder}/")
                todo = _no_file(area.code, monitored)
            message = (
                f"Za rok {monitored.year} chybí hlášení o opatřeních {who}: {', '.join(codes)}. "
                f"{todo}{_no_data_hint(project)}."
            )
            yield Problem("monitoring-chybi", message, where)


def _no_file(area: str, monitored: MonitoredYear) -> str:
    named = [f.name for f in monitored.unread if f.area == area]
    if named:
        return (
            f"Soubor {', '.join(named)} s hlášením oblasti {area} se pro chyby vypsané u něj "
            "nenačetl; opravte je"
        )
    # A file whose YAML could not be read may be this area's: "založte jej" would send
    # the coordinator to write a second one.
    unknown = [f.name for f in monitored.unread if f.area is None]
    if not unknown and not monitored.loose:
        return f"Oblast {area} za rok {monitored.year} nemá soubor hlášení; založte jej"
    maybe = []
    if unknown:
        maybe.append(f"je-li to {' nebo '.join(unknown)}, opravte chyby hlášené u něj")
    if monitored.loose:
        maybe.append(
            f"je-li to {' nebo '.join(monitored.loose)}, přesuňte jej do {monitored.folder}/"
        )
    said = "; ".join(maybe)
    return (
        f"Pro oblast {area} za rok {monitored.year} se nenačetl žádný soubor hlášení. "
        f"{said[:1].upper()}{said[1:]}; jinak soubor založte"
    )


def _no_data_hint(project: Project) -> str:
    """How to report a measure without figures, in the plan's own vocabulary: a plan
    that replaced the default statuses may have no bez_udaju to point to."""
    for status in project.info.measure_statuses:
        if status.share is None and not status.needs_reason:
            return f" (nejsou-li údaje, uveďte stav {status.key})"
    return ""
