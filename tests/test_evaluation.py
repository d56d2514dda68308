"""The monitoring's figures, each function on values computed by hand."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from monitoring_data import write_monitoring

from assembler.checks.pipeline import check
from assembler.models.chapter import Indicator
from assembler.models.measure_report import MeasureReport
from assembler.models.plan import PlanInfo
from assembler.plan import evaluation
from assembler.plan.evaluation import Verdict
from assembler.plan.yearly import evaluate


def indicator(baseline: int, targets: list[tuple[int, int]], higher: bool = True) -> Indicator:
    return Indicator.model_validate(
        {
            "kod": "1.1a",
            "nazev": "Počet",
            "jednotka": "osoby",
            "vychozi_hodnota": {"hodnota": baseline, "rok": 2025},
            "cilova_hodnota": [{"hodnota": v, "rok": y} for v, y in targets],
            "vyssi_je_lepsi": higher,
            "zdroj_overeni": "výkaz",
        }
    )


RISING = indicator(0, [(60, 2029), (25, 2026)])  # a milestone written after the target
FALLING = indicator(47, [(10, 2029)], higher=False)
KEEP = indicator(96, [(96, 2029)])


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        (2024, D(0)),
        (2025, D(0)),
        (2026, D(25)),
        (2027, D(25) + D(35) / 3),
        (2029, D(60)),
        (2031, D(60)),
    ],
)
def test_expected_value_runs_through_the_milestones(year: int, expected: D) -> None:
    assert evaluation.expected_value(RISING, year) == expected


def test_expected_value_of_a_falling_indicator() -> None:
    assert evaluation.expected_value(FALLING, 2027) == D("28.5")  # 47 − 37·2/4


@pytest.mark.parametrize(
    ("ind", "actual", "year", "verdict"),
    [
        (RISING, D(37), 2027, Verdict.ON_TRACK),  # expected 36.67
        (RISING, D(36), 2027, Verdict.BEHIND),
        (RISING, D(60), 2027, Verdict.MET),
        (FALLING, D(26), 2027, Verdict.ON_TRACK),  # expected 28.5, lower is better
        (FALLING, D(30), 2027, Verdict.BEHIND),
        (FALLING, D(9), 2027, Verdict.MET),
        (KEEP, D(96), 2026, Verdict.MET),
        (KEEP, D(95), 2026, Verdict.BEHIND),
        (RISING, None, 2027, Verdict.NO_DATA),
    ],
)
def test_classify(ind: Indicator, actual: D | None, year: int, verdict: Verdict) -> None:
    assert evaluation.classify(ind, actual, year) is verdict


def test_attainment_is_direction_aware() -> None:
    assert evaluation.attainment(RISING, D(15)) == D("0.25")  # 15 / 60
    assert evaluation.attainment(FALLING, D(26)) == D(21) / D(37)  # (26 − 47) / (10 − 47)
    assert evaluation.attainment(FALLING, D(50)) == D(-3) / D(37)  # moved the wrong way
    assert evaluation.attainment(KEEP, D(96)) == 1 and evaluation.attainment(KEEP, D(90)) == 0


def test_status_distribution_counts_and_shares() -> None:
    statuses = ["rozpracovano", "naplneno", "rozpracovano", None]
    dist = evaluation.status_distribution(statuses, ["naplneno", "rozpracovano", "nezahajeno"])
    assert dist.counts == {"naplneno": 1, "rozpracovano": 2, "nezahajeno": 0, "": 1}
    assert dist.total == 4
    assert dist.share("rozpracovano") == D(50) and dist.share("") == D(25)
    assert evaluation.status_distribution([], ["naplneno"]).share("naplneno") == 0


def test_measure_progress_from_status_or_own_estimate() -> None:
    vocabulary = {s.key: s for s in PlanInfo.model_fields["measure_statuses"].default}

    def report(**keys: object) -> MeasureReport:
        return MeasureReport.model_validate({"kod": "1.1", **keys})

    assert evaluation.measure_progress(report(stav="rozpracovano"), vocabulary) == 50
    assert evaluation.measure_progress(report(stav="naplneno"), vocabulary) == 100
    assert evaluation.measure_progress(report(stav="rozpracovano", pokrok=70), vocabulary) == 70
    assert evaluation.measure_progress(report(stav="pozastaveno", duvod="x"), vocabulary) is None


def test_weighted_mean_skips_children_without_a_value() -> None:
    assert evaluation.weighted_mean([(D(40), D(3)), (None, D(1)), (D(100), D(1))]) == D(55)
    assert evaluation.weighted_mean([(None, D(1))]) is None


def test_financial_execution_by_area_and_source() -> None:
    planned = [("SEN", {"obec": D(100), "mpsv": D(300)}), ("ROD", {"obec": D(50)})]
    actual = [("SEN", {"obec": D(90)}), ("SEN", {"mpsv": D(330)}), ("ROD", {"kraj": D(10)})]
    execution = evaluation.financial_execution(2026, planned, actual)
    assert execution.area("SEN") == evaluation.Spending(D(400), D(420))
    assert execution.area("SEN").ratio == D("1.05")
    assert execution.source("obec") == evaluation.Spending(D(150), D(90))
    assert execution.cell("ROD", "kraj").ratio is None  # nothing planned from the region
    assert execution.total == evaluation.Spending(D(450), D(430))


def test_year_of_the_fixture_plan(mini: Path) -> None:
    """monitoring_data.py for 2026, computed by hand (see there)."""
    write_monitoring(mini, second_year=True)
    plan = check(mini).plan
    assert plan is not None
    first = evaluate(plan.project, plan.items, plan.monitoring.years[0])
    assert [m.code for m in first.measures] == ["SEN 1.1", "ROD 1.1"]  # SEN 1.2 starts 2027
    assert first.progress == D(70)  # areas SEN 40 (one measure) and ROD 100
    assert (
        first.distribution.counts["rozpracovano"] == 1
        and first.distribution.share("naplneno") == 50
    )
    by_code = {i.code: i for i in first.indicators}
    assert (
        by_code["SEN 1.1a"].expected == D("7.5") and by_code["SEN 1.1a"].verdict is Verdict.BEHIND
    )
    assert by_code["SEN 1.1a"].attainment == D("0.4")
    assert by_code["ROD 1.1a"].verdict is Verdict.ON_TRACK and by_code["ROD 1.1a"].attainment == D(
        "0.6"
    )
    assert first.execution.total == evaluation.Spending(D("630000.50"), D(600000))
    assert [m.code for m in first.behind] == ["SEN 1.1"]
    second = evaluate(plan.project, plan.items, plan.monitoring.years[1])
    # SEN goal 1: (80·3 + 0·1) / 4 = 60; ROD paused: no share, left out of the mean.
    assert second.areas[0].goals[0].progress == D(60) and second.areas[1].progress is None
    assert second.progress == D(60)
    assert [m.code for m in second.behind] == ["ROD 1.1"]  # SEN 1.2 starts this year
    assert second.no_data == []
