"""The estimator against published design-based estimates (R survey, samplics, Stata).

Every row of ../shared/standards/survey_estimates/expected_estimates.csv is reproduced to the
digits printed there: a figure printed as 0.616 must round to 0.616.
"""

import csv
import math
from decimal import Decimal

import numpy as np
import pytest

from conftest import STANDARDS_DIR
from rumbo.research import estimation
from rumbo.research.estimation import Design

STANDARDS = STANDARDS_DIR / "survey_estimates"


def column(name: str) -> dict[str, np.ndarray]:
    with (STANDARDS / name).open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return {key: np.array([row[key] for row in rows]) for key in rows[0]}


def numbers(values: np.ndarray) -> np.ndarray:
    return np.array([math.nan if value in ("NA", "") else float(value) for value in values])


def fpc_design(*, with_fpc: bool) -> tuple[np.ndarray, Design]:
    data = column("r_survey__fpc.csv")
    design = Design(
        weights=numbers(data["weight"]),
        strata=numbers(data["stratid"]),
        clusters=(numbers(data["psuid"]),),
        fpc=(numbers(data["Nh"]),) if with_fpc else (),
    )
    return numbers(data["x"]), design


def apistrat() -> tuple[dict[str, np.ndarray], Design]:
    data = column("samplics__api_strat.csv")
    design = Design(
        weights=numbers(data["pw"]),
        strata=np.unique(data["stype"], return_inverse=True)[1],
        fpc=(numbers(data["fpc"]),),
    )
    return data, design


def apiclus2(*, with_fpc: bool) -> tuple[dict[str, np.ndarray], Design]:
    data = column("samplics__api_clus2.csv")
    districts, schools = numbers(data["dnum"]), numbers(data["snum"])
    if with_fpc:
        # No weights given: R derives them from the fpcs, (N1/n1) × (N2/n2).
        fpc1, fpc2 = numbers(data["fpc1"]), numbers(data["fpc2"])
        sampled_in_district = np.unique(districts, return_counts=True)
        per_row = dict(zip(*sampled_in_district, strict=True))
        n2 = np.array([per_row[value] for value in districts])
        weights = fpc1 / len(per_row) * fpc2 / n2
        design = Design(weights=weights, clusters=(districts, schools), fpc=(fpc1, fpc2))
    else:
        design = Design(weights=numbers(data["pw"]), clusters=(districts, schools))
    return data, design


def yrbs_proportion() -> estimation.Estimate:
    data = column("samplics__yrbs.csv")
    qn8 = numbers(data["qn8"])
    answered = ~np.isnan(qn8)  # samplics drops the blank rows before estimating
    design = Design(
        weights=numbers(data["weight"]),
        strata=numbers(data["stratum"]),
        clusters=(numbers(data["psu"]),),
    ).subset(answered)
    y_is_0 = (qn8[answered] == 2).astype(float)
    return estimation.mean(y_is_0, design=design, ci="logit")


def auto_foreign() -> estimation.Estimate:
    foreign = np.r_[np.ones(22), np.zeros(52)]
    return estimation.mean(foreign, design=Design(weights=np.ones(74)), ci="wald")


def compute(row: dict[str, str]) -> estimation.Estimate:
    dataset, design, statistic = row["dataset_file"], row["design"], row["statistic"]
    if dataset == "r_survey__fpc.csv":
        x, fpc = fpc_design(with_fpc="fpc=Nh" in design)
        return estimation.mean(x, design=fpc)
    if dataset == "samplics__api_strat.csv":
        data, strat = apistrat()
        if statistic == "mean(api00)":
            return estimation.mean(numbers(data["api00"]), design=strat)
        return estimation.total(numbers(data["enroll"]), design=strat)
    if dataset == "samplics__api_clus2.csv":
        data, clus = apiclus2(with_fpc="fpc" in design)
        if statistic == "mean(api00)":
            return estimation.mean(numbers(data["api00"]), design=clus)
        return estimation.total(numbers(data["enroll"]), design=clus)
    if dataset == "samplics__yrbs.csv":
        return yrbs_proportion()
    if "auto.dta" in dataset:
        return auto_foreign()
    raise AssertionError(f"no computation for {dataset}")


def expected_rows() -> list[dict[str, str]]:
    with (STANDARDS / "expected_estimates.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def matches(printed: str, value: float) -> bool:
    """The value rounds to the printed figure (to its last printed digit)."""
    exponent = Decimal(printed).as_tuple().exponent
    assert isinstance(exponent, int)
    return abs(Decimal(str(value)) - Decimal(printed)) <= Decimal(5) * Decimal(10) ** (exponent - 1)


def test_every_published_row_is_checked():
    assert len(expected_rows()) == 10


@pytest.mark.parametrize(
    "row", expected_rows(), ids=lambda row: f"{row['dataset_file']}:{row['statistic']}"
)
def test_estimate_reproduces_published_figures(row):
    result = compute(row)
    for key, value in (
        ("estimate", result.estimate),
        ("std_error", result.std_error),
        ("ci_low", result.ci_low),
        ("ci_high", result.ci_high),
    ):
        if row[key]:
            assert matches(row[key], value), (key, row[key], value)


def test_yrbs_degrees_of_freedom_are_psus_minus_strata():
    assert yrbs_proportion().df == 39


def test_simple_random_sample_has_design_effect_one():
    assert auto_foreign().deff == pytest.approx(1.0)


def test_clustering_raises_the_design_effect():
    data, clus = apiclus2(with_fpc=False)
    assert estimation.mean(numbers(data["api00"]), design=clus).deff > 2


def test_wilson_interval_matches_the_textbook_formula_for_a_large_simple_sample():
    n, successes = 2000, 600
    y = np.r_[np.ones(successes), np.zeros(n - successes)]
    result = estimation.mean(y, design=Design(weights=np.ones(n)), ci="wilson")
    p, z = 0.3, 1.959964
    # Effective n = p(1-p)/SE² = n - 1 for an unweighted simple random sample.
    n_eff = n - 1
    centre = (p + z**2 / (2 * n_eff)) / (1 + z**2 / n_eff)
    half = z * math.sqrt(p * (1 - p) / n_eff + z**2 / (4 * n_eff**2)) / (1 + z**2 / n_eff)
    assert result.ci_low == pytest.approx(centre - half, abs=2e-4)
    assert result.ci_high == pytest.approx(centre + half, abs=2e-4)


def test_logit_interval_stays_within_zero_and_one_for_a_rare_answer():
    y = np.r_[np.ones(2), np.zeros(98)]
    result = estimation.mean(y, design=Design(weights=np.ones(100)), ci="logit")
    assert 0 < result.ci_low < 0.02 < result.ci_high < 1


def test_domain_estimate_keeps_the_whole_design():
    data, strat = apistrat()
    api00 = numbers(data["api00"])
    elementary = data["stype"] == "E"
    domain = estimation.mean(api00, design=strat, domain=elementary)
    assert domain.n == int(elementary.sum())
    assert domain.df == strat.degrees_of_freedom()
    expected = np.average(api00[elementary], weights=numbers(data["pw"])[elementary])
    assert domain.estimate == pytest.approx(expected)


def test_small_n_is_flagged_and_tiny_n_is_suppressed():
    design = Design(weights=np.ones(40))
    y = np.r_[np.ones(20), np.zeros(20)]
    assert estimation.mean(y, design=design).warnings == ()
    assert estimation.mean(y, design=design, domain=np.arange(40) < 10).small
    assert estimation.mean(y, design=design, domain=np.arange(40) < 4).suppressed


def test_difference_between_independent_groups_has_both_variances():
    design = Design(weights=np.ones(400), strata=np.r_[np.zeros(200), np.ones(200)])
    y = np.r_[np.ones(120), np.zeros(80), np.ones(60), np.zeros(140)]
    a, b = np.arange(400) < 200, np.arange(400) >= 200
    result = estimation.difference(y, design=design, domain_a=a, domain_b=b)
    se_a = estimation.mean(y, design=design, domain=a).std_error
    se_b = estimation.mean(y, design=design, domain=b).std_error
    assert result.difference == pytest.approx(0.3)
    assert result.std_error == pytest.approx(math.hypot(se_a, se_b))
    assert result.significant


def test_weighting_effect_is_one_plus_squared_cv():
    assert estimation.weighting_effect(np.array([1.0, 1.0, 1.0])) == pytest.approx(1.0)
    assert estimation.weighting_effect(np.array([1.0, 3.0])) == pytest.approx(1.25)


@pytest.mark.parametrize("source", ["apistrat", "yrbs", "apiclus2", "apiclus2-pw"])
def test_grouped_means_equal_one_domain_at_a_time(source):
    if source == "apistrat":
        data, design = apistrat()
        y = numbers(data["api00"])
        groups = np.unique(data["awards"], return_inverse=True)[1]
    elif source.startswith("apiclus2"):
        data, design = apiclus2(with_fpc=source == "apiclus2")
        y = numbers(data["api00"])
        groups = np.unique(data["stype"], return_inverse=True)[1]
    else:
        data = column("samplics__yrbs.csv")
        qn8 = numbers(data["qn8"])
        y = np.where(np.isnan(qn8), np.nan, (qn8 == 1).astype(float))
        design = Design(
            weights=numbers(data["weight"]),
            strata=numbers(data["stratum"]),
            clusters=(numbers(data["psu"]),),
        )
        groups = (numbers(data["psu"]) % 3).astype(int)
    count = int(groups.max()) + 1
    together = estimation.grouped_means(
        y, design=design, groups=groups, group_count=count, ci="logit"
    )
    for code in range(count):
        alone = estimation.mean(y, design=design, domain=groups == code, ci="logit")
        assert together[code].estimate == pytest.approx(alone.estimate)
        assert together[code].std_error == pytest.approx(alone.std_error)
        assert together[code].deff == pytest.approx(alone.deff)
        assert together[code].n == alone.n


def test_sparse_path_for_many_psus_agrees_with_the_dense_one(monkeypatch):
    data, design = apiclus2(with_fpc=False)
    y = numbers(data["api00"])
    groups = np.unique(data["stype"], return_inverse=True)[1]
    dense = estimation.grouped_means(y, design=design, groups=groups, group_count=3)
    monkeypatch.setattr(estimation, "DENSE_CELLS", 0)
    sparse = estimation.grouped_means(y, design=design, groups=groups, group_count=3)
    for one, other in zip(dense, sparse, strict=True):
        assert one.std_error == pytest.approx(other.std_error)
        assert one.deff == pytest.approx(other.deff)
