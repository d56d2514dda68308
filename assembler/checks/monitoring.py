"""Rules of the yearly monitoring: each report must name real codes, fit the plan and its year.

Every rule is a generator over the monitored years, so one run reports every
problem of every monitoring file.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal

from assembler.load.sources import Place, SourceFile
from assembler.models.chapter import Indicator, Measure
from assembler.models.monitoring import AreaMonitoring, MeasureReport
from assembler.models.plan_parts import StatusItem
from assembler.plan.items import Item, ItemIndex
from assembler.plan.monitoring import (
    MONITORING_DIR,
    AreaItem,
    AreaReport,
    MonitoredYear,
    Monitoring,
    active,
    areas,
    indicators_of,
    measures_of,
)
from assembler.plan.project import Project
from assembler.problems.diagnostics import Location, Problem, did_you_mean, plain, shown


def _date(value: datetime.date) -> str:
    return f"{value.day}. {value.month}. {value.year}"


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", ",")


YearCheck = Callable[[Project, ItemIndex, MonitoredYear], Iterator[Problem]]


def _planned(items: ItemIndex, monitored: MonitoredYear) -> Iterator[tuple[AreaReport, AreaItem]]:
    """The area files whose area exists in the plan (unknown areas are reported once)."""
    known = areas(items)
    for area_report in monitored.areas:
        area = known.get(area_report.report.area)
        if area is not None:
            yield area_report, area


def years(project: Project, items: ItemIndex, monitored: MonitoredYear) -> Iterator[Problem]:
    period = project.info.period
    files: list[tuple[SourceFile, int]] = [(a.source, a.report.year) for a in monitored.areas]
    if monitored.info is not None and monitored.info_source is not None:
        files.append((monitored.info_source, monitored.info.year))
    span = f"{period.start}–{period.end}"
    if monitored.year not in period.years:
        outside = (
            f"Složka {monitored.folder}/ je za rok {monitored.year}, ten leží mimo období plánu "
            f"{span}."
        )
        somewhere = (
            f" Přesuňte hlášení do složky roku, za který se vykazuje ({MONITORING_DIR}/"
            f"{period.start}/ až {MONITORING_DIR}/{period.end}/)."
        )
        if not files:
            yield Problem("monitoring-rok", outside + somewhere, Location(f"{monitored.folder}/"))
        for source, year in files:  # one message a file: its own year may be the right one
            move = (
                f" Soubor uvádí rok {year}: přesuňte jej do složky {MONITORING_DIR}/{year}/."
                if year in period.years
                else somewhere
            )
            yield Problem("monitoring-rok", outside + move, source.location(["rok"]))
        return
    for source, year in files:
        if year != monitored.year:
            # Only a year of the plan's period is a folder to move the file to.
            move = (
                f", nebo soubor přesuňte do složky {MONITORING_DIR}/{year}/"
                if year in period.years
                else f" (rok {year} leží mimo období plánu {span})"
            )
            message = (
                f"Soubor je ve složce {monitored.folder}/, ale uvádí rok {year}. Opravte rok "
                f"na {monitored.year}{move}."
            )
            yield Problem("monitoring-rok", message, source.location(["rok"]))


def dates(project: Project, items: ItemIndex, monitored: MonitoredYear) -> Iterator[Problem]:
    """A year cannot be reported before it began: such a date, or such a year, is a typo."""
    if monitored.year not in project.info.period.years:
        return  # the folder's year is wrong (years() says so), not the dates
    start = datetime.date(monitored.year, 1, 1)
    found: list[tuple[SourceFile, tuple[str | int, ...], datetime.date]] = []
    for area_report in monitored.areas:
        found.append((area_report.source, ("datum",), area_report.report.date))
        for i, measure in enumerate(area_report.report.measures):
            if measure.date is not None:
                found.append((area_report.source, ("opatreni", i, "datum"), measure.date))
    if monitored.info is not None and monitored.info_source is not None:
        found.append((monitored.info_source, ("datum",), monitored.info.date))
    for source, path, date in found:
        if date < start:
            message = (
                f"Datum {_date(date)} je dřív, než rok {monitored.year} začal: hlášení za "
                f"rok {monitored.year} je tedy z budoucnosti. Opravte datum, nebo přesuňte "
                "hlášení do složky roku, za který se vykazuje."
            )
            yield Problem("monitoring-rok", message, source.location(path))


def area_files(project: Project, items: ItemIndex, monitored: MonitoredYear) -> Iterator[Problem]:
    known = areas(items)
    seen: dict[str, SourceFile] = {}
    for area_report in monitored.areas:
        code, source = area_report.report.area, area_report.source
        if code not in known and code in project.unverified:
            continue  # its chapter has errors of its own: one mistake, one message
        if code not in known:
            message = (
                f"Oblast „{code}“ v plánu není.{did_you_mean(code, known)} Uveďte kód "
                f"kapitoly oblasti (kod v její hlavičce): {', '.join(known)}."
            )
            yield Problem("monitoring-kod", message, source.location(["oblast"]))
        elif code in seen:
            message = (
                f"Oblast {code} má za rok {monitored.year} už soubor {seen[code].name}. "
                "Každá oblast vykazuje jedním souborem: hlášení slučte do jednoho."
            )
            yield Problem("monitoring-duplicita", message, source.location(["oblast"]))
        else:
            seen[code] = source


def measures(project: Project, items: ItemIndex, monitored: MonitoredYear) -> Iterator[Problem]:
    for area_report, area in _planned(items, monitored):
        planned = measures_of(items, area)
        seen: dict[str, int] = {}
        for i, reported in enumerate(area_report.report.measures):
            # Located only when reported: finding a position re-reads the file's YAML.
            where = Place(area_report.source, ("opatreni", i, "kod"))
            measure = planned.get(reported.code)
            if measure is None:
                message = (
                    f"Opatření {area.code} {reported.code} v plánu není."
                    f"{did_you_mean(reported.code, planned, _cancelled(planned))} "
                    f"Opatření oblasti {area.code}: {', '.join(planned)}."
                )
                yield Problem("monitoring-kod", message, where.location)
                continue
            if reported.code in seen:
                line = area_report.source.location(["opatreni", seen[reported.code]]).line
                message = (
                    f"Opatření {area.code} {reported.code} je za rok {monitored.year} vykázáno "
                    f"podruhé (poprvé na řádku {line}). Obě hlášení slučte do jednoho."
                )
                yield Problem("monitoring-duplicita", message, where.location)
                continue
            seen[reported.code] = i
            if measure.cancelled:
                message = (
                    f"Opatření {area.code} {reported.code} je v plánu zrušené; hlášení o něm se "
                    "do zprávy započítá jen jako informace. Není-li potřeba, smažte je."
                )
                yield Problem("monitoring-zrusene", message, where.location)
            elif monitored.year not in measure.model.timeline.years:
                yield Problem(
                    "monitoring-mimo-harmonogram",
                    _outside_timeline(measure, monitored.year),
                    where.location,
                )
            yield from _indicators(items, area_report, i, measure, reported)


def _outside_timeline(measure: Item[Measure], year: int) -> str:
    # Counted all the same (an early start is real work), but a "nezahajeno" of a measure
    # that was never due pulls the area's and the plan's progress down unnoticed.
    timeline = measure.model.timeline
    return (
        f"Opatření {measure.code} podle harmonogramu běží v letech {timeline.start}–"
        f"{timeline.end}, v roce {year} ne; hlášení se přesto započítá do zprávy i do pokroku "
        "oblasti a plánu. Začalo-li opatření dřív, upravte harmonogram (a náklady roku) "
        "v kapitole; jinak hlášení o něm smažte."
    )


def _cancelled(measures: dict[str, Item[Measure]]) -> list[str]:
    return [code for code, measure in measures.items() if measure.cancelled]


def _indicators(
    items: ItemIndex,
    area_report: AreaReport,
    index: int,
    measure: Item[Measure],
    reported: MeasureReport,
) -> Iterator[Problem]:
    area = area_report.report.area
    planned = {code: item.model for code, item in indicators_of(items, measure).items()}
    seen: set[str] = set()
    for k, value in enumerate(reported.indicators):
        path: tuple[str | int, ...] = ("opatreni", index, "indikatory", k)
        full = f"{area} {value.code}"
        indicator = planned.get(value.code)
        if indicator is None:
            listed = ", ".join(planned) or "žádné"
            message = (
                f"Opatření {measure.code} nemá indikátor {full}."
                f"{did_you_mean(value.code, planned)} Jeho indikátory: {listed}."
            )
            yield Problem("monitoring-kod", message, area_report.source.location([*path, "kod"]))
            continue
        if value.code in seen:
            message = f"Indikátor {full} je u opatření vykázán podruhé. Ponechte jednu hodnotu."
            where = area_report.source.location([*path, "kod"])
            yield Problem("monitoring-duplicita", message, where)
            continue
        seen.add(value.code)
        problem = _unit_mismatch(indicator, value.value, full)
        if problem:
            yield Problem(
                "monitoring-hodnota", problem, area_report.source.location([*path, "hodnota"])
            )


def _unit_mismatch(indicator: Indicator, value: Decimal, full: str) -> str | None:
    unit = indicator.unit.strip()
    if unit == "%" and not 0 <= value <= 100:
        return (
            f"Hodnota {_number(value)} u indikátoru {full} nedává smysl: jednotka je %, "
            "procento musí být 0 až 100. Opravte hodnotu."
        )
    planned = [indicator.baseline.value, *(t.value for t in indicator.targets)]
    if value < 0 and all(v >= 0 for v in planned):
        return (
            f"Hodnota {_number(value)} u indikátoru {full} ({unit}) je záporná, výchozí "
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
                message = (
                    f"Pokrok {_number(share)} znamená {_number(share)} %, ne "
                    f"{_number(share * 100)} %: pokrok se píše v procentech "
                    f"(pokrok: {_number(share * 100)}). Je-li {_number(share)} % správně, "
                    "varování nevadí."
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
    if not unknown:
        return f"Oblast {area} za rok {monitored.year} nemá soubor hlášení; založte jej"
    return (
        f"Pro oblast {area} za rok {monitored.year} se nenačetl žádný soubor hlášení. "
        f"Je-li to {' nebo '.join(unknown)}, opravte chyby hlášené u něj; jinak soubor "
        "založte"
    )


def _no_data_hint(project: Project) -> str:
    """How to report a measure without figures, in the plan's own vocabulary: a plan
    that replaced the default statuses may have no bez_udaju to point to."""
    for status in project.info.measure_statuses:
        if status.share is None and not status.needs_reason:
            return f" (nejsou-li údaje, uveďte stav {status.key})"
    return ""


_CHECKS: list[YearCheck] = [
    years,
    dates,
    area_files,
    measures,
    statuses,
    progress,
    costs,
    missing,
]


def check_monitoring(project: Project, items: ItemIndex, monitoring: Monitoring) -> list[Problem]:
    return [
        p for year in monitoring.years for check in _CHECKS for p in check(project, items, year)
    ]


def reported_area(monitored: MonitoredYear, code: str) -> AreaMonitoring | None:
    return next((a.report for a in monitored.areas if a.report.area == code), None)
