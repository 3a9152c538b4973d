"""Benchmark: every indicator with three disaggregations over 1,000,000 responses (issue 15).

Nine yes/no indicators (about 5% unanswered each), a stratified two-stage cluster sample
(5 countries × 2 waves × 2 strata, 20 PSUs each), unequal weights. For every indicator and
every disaggregation (country, sex, age group, each within wave), each group's weighted
proportion, its Taylor-linearised standard error (PSU totals of the linearised variable,
between-PSU variance within strata), logit 95% interval, design effect, n and weighted N.

Three engines compute the same table in the same run, and the script checks they agree:
  - Polars (a columnar engine, multi-threaded group-bys),
  - Rumbo's own estimator (rumbo/research/estimation.py: numpy vectors, bincount), what the
    research pages use,
  - plain pandas group-bys, the baseline.
Polars and pandas do the same work: one group-by over the responses summing, for every
indicator, w, w·y and n per cell of (wave, country, sex, age group, stratum, PSU); every
disaggregation's estimates and variances then come from those few thousand cells (a PSU's
total of the linearised variable is (Σwy - p·Σw) / W_group). Rumbo's estimator, as the
pages call it, makes one pass per indicator and disaggregation.
Target: at most 2 s. The median of several runs is printed, with the ratio to pandas.

    .venv/bin/python bench/bench_research_indicators.py [--rows 1000000] [--runs 5]
"""

import argparse
import math
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
from scipy import stats

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

INDICATORS = [f"ind{i}" for i in range(9)]
BREAKDOWNS = ["country", "sex", "age_group"]


def make_data(rows: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(15)
    country = rng.integers(0, 5, rows)
    wave = rng.integers(0, 2, rows)
    stratum = (country * 2 + wave) * 2 + rng.integers(0, 2, rows)  # 20 strata
    psu = stratum * 20 + rng.integers(0, 20, rows)  # 400 PSUs
    data = {
        "country": country,
        "wave": wave,
        "sex": rng.integers(0, 2, rows),
        "age_group": rng.integers(0, 4, rows),
        "stratum": stratum,
        "psu": psu,
        "weight": rng.uniform(500, 1500, rows),
    }
    for index, name in enumerate(INDICATORS):
        values = (rng.random(rows) < 0.3 + 0.05 * index).astype(float)
        values[rng.random(rows) < 0.05] = np.nan
        data[name] = values
    return data


def finish(p: np.ndarray, var: np.ndarray, var_srs: np.ndarray, df: int) -> dict:
    """Interval and design effect from per-group estimates and variances."""
    se = np.sqrt(np.maximum(var, 0))
    t = stats.t.ppf(0.975, df)
    with np.errstate(divide="ignore", invalid="ignore"):
        centre = np.log(p / (1 - p))
        half = t * se / (p * (1 - p))
        low = 1 / (1 + np.exp(-(centre - half)))
        high = 1 / (1 + np.exp(-(centre + half)))
        deff = var / var_srs
    return {"p": p, "se": se, "low": low, "high": high, "deff": deff}


def from_cells(cells: dict[str, np.ndarray], keys: list[str], n_h: np.ndarray, df: int) -> dict:
    """Every indicator's table from its sums per cell of the full cross-classification
    (wave, every disaggregation, stratum, PSU). The cells are first added up to (group, PSU);
    a PSU's total of the linearised variable is then (Σwy - p·Σw) / W_group, and the rest is
    done on those few thousand numbers."""
    group_values, group = np.unique(
        np.stack([cells[key] for key in keys], axis=1), axis=0, return_inverse=True
    )
    group = group.ravel()
    count = len(group_values)
    psus = int(cells["psu"].max()) + 1
    pair_values, pair = np.unique(group * psus + cells["psu"], return_inverse=True)
    pair = pair.ravel()
    pair_group = pair_values // psus
    pair_stratum = np.zeros(len(pair_values), dtype=np.int64)
    pair_stratum[pair] = cells["stratum"]
    strata = int(n_h.shape[0])
    scale = n_h / (n_h - 1)
    results = {}
    for indicator in INDICATORS:
        w = np.bincount(pair, weights=cells[f"w_{indicator}"])
        wy = np.bincount(pair, weights=cells[f"wy_{indicator}"])
        total_w = np.bincount(pair_group, weights=w, minlength=count)
        total_wy = np.bincount(pair_group, weights=wy, minlength=count)
        total_n = np.bincount(group, weights=cells[f"n_{indicator}"], minlength=count)
        p = total_wy / total_w
        t = (wy - p[pair_group] * w) / total_w[pair_group]
        cell = pair_group * strata + pair_stratum
        s1 = np.bincount(cell, weights=t, minlength=count * strata).reshape(count, strata)
        s2 = np.bincount(cell, weights=t**2, minlength=count * strata).reshape(count, strata)
        var = ((s2 - s1**2 / n_h) * scale).sum(axis=1)
        spread = (total_wy - p * total_wy) / total_w  # y is 0/1, so Σwy² = Σwy
        var_srs = spread * total_n / (total_n - 1) / total_n
        result = finish(p, var, var_srs, df)
        result["n"], result["N"] = total_n, total_w
        results[indicator] = result
    return results


CELL_KEYS = ["wave", *BREAKDOWNS, "stratum", "psu"]


# Polars


def polars_tables(frame: pl.DataFrame, n_h: np.ndarray, df: int) -> dict:
    sums = []
    for indicator in INDICATORS:
        answered = pl.col(indicator).is_not_nan()
        sums += [
            (pl.col("weight") * answered).sum().alias(f"w_{indicator}"),
            (pl.col("weight") * pl.col(indicator).fill_nan(0)).sum().alias(f"wy_{indicator}"),
            answered.sum().cast(pl.Float64).alias(f"n_{indicator}"),
        ]
    # One pass over the responses: the sums per cell of every disaggregation at once.
    table = frame.group_by(CELL_KEYS).agg(sums)
    cells = {name: table[name].to_numpy() for name in table.columns}
    results = {}
    for breakdown in BREAKDOWNS:
        for indicator, result in from_cells(cells, ["wave", breakdown], n_h, df).items():
            results[(indicator, breakdown)] = result
    return results


# pandas


def pandas_tables(frame: pd.DataFrame, n_h: np.ndarray, df: int) -> dict:
    derived = {}
    for indicator in INDICATORS:
        answered = frame[indicator].notna()
        derived[f"w_{indicator}"] = frame["weight"].where(answered, 0.0)
        derived[f"wy_{indicator}"] = frame["weight"] * frame[indicator].fillna(0.0)
        derived[f"n_{indicator}"] = answered.astype(float)
    columns = pd.DataFrame(derived).assign(**{key: frame[key] for key in CELL_KEYS})
    table = columns.groupby(CELL_KEYS).sum().reset_index()
    cells = {name: table[name].to_numpy() for name in table.columns}
    results = {}
    for breakdown in BREAKDOWNS:
        for indicator, result in from_cells(cells, ["wave", breakdown], n_h, df).items():
            results[(indicator, breakdown)] = result
    return results


# Rumbo's estimator


def rumbo_tables(data: dict[str, np.ndarray], df: int) -> dict:
    from rumbo.research import estimation

    design = estimation.Design(
        weights=data["weight"], strata=data["stratum"], clusters=(data["psu"],)
    )
    results = {}
    for breakdown in BREAKDOWNS:
        codes = data["wave"] * 10 + data[breakdown]
        values, groups = np.unique(codes, return_inverse=True)
        for indicator in INDICATORS:
            estimates = estimation.grouped_means(
                data[indicator], design=design, groups=groups, group_count=len(values), ci="logit"
            )
            results[(indicator, breakdown)] = {
                "p": np.array([e.estimate for e in estimates]),
                "se": np.array([e.std_error for e in estimates]),
                "low": np.array([e.ci_low for e in estimates]),
                "high": np.array([e.ci_high for e in estimates]),
                "deff": np.array([e.deff for e in estimates]),
                "n": np.array([e.n for e in estimates]),
                "N": np.array([e.weighted_n for e in estimates]),
            }
    return results


def timed(function, runs: int) -> tuple[float, Any]:
    durations, result = [], None
    for _run in range(runs):
        started = time.perf_counter()
        result = function()
        durations.append(time.perf_counter() - started)
    return statistics.median(durations), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    options = parser.parse_args()
    data = make_data(options.rows)
    psu_per_stratum = pd.Series(data["psu"]).groupby(data["stratum"]).nunique()
    df = int(psu_per_stratum.sum() - len(psu_per_stratum))
    polars_frame = pl.DataFrame(data)
    n_h = psu_per_stratum.to_numpy().astype(float)  # strata are numbered 0..19
    pandas_frame = pd.DataFrame(data)
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    groups = sum(
        len(np.unique(data["wave"] * 10 + data[breakdown])) for breakdown in BREAKDOWNS
    ) * len(INDICATORS)
    print(
        f"{options.rows:,} responses, {len(INDICATORS)} indicators × {len(BREAKDOWNS)} "
        f"disaggregations (within wave): {groups} estimates, median of {options.runs} runs"
    )
    polars_time, polars_result = timed(lambda: polars_tables(polars_frame, n_h, df), options.runs)
    rumbo_time, rumbo_result = timed(lambda: rumbo_tables(data, df), options.runs)
    pandas_time, pandas_result = timed(lambda: pandas_tables(pandas_frame, n_h, df), options.runs)
    for key, expected in pandas_result.items():
        for other in (polars_result[key], rumbo_result[key]):
            for column in ("p", "se", "low", "high", "deff", "n", "N"):
                assert np.allclose(other[column], expected[column], rtol=1e-6), (key, column)
    print(
        f"Polars:                  {polars_time:6.2f} s   pandas / Polars = {pandas_time / polars_time:.1f}×"
    )
    print(
        f"Rumbo estimator (numpy): {rumbo_time:6.2f} s   pandas / Rumbo  = {pandas_time / rumbo_time:.1f}×"
    )
    print(f"pandas (baseline):       {pandas_time:6.2f} s")
    best = min(polars_time, rumbo_time)
    print(f"target ≤ 2 s: {'met' if best <= 2 else 'NOT met'}; the three engines agree to 1e-6")
    if not math.isfinite(best):
        sys.exit(1)


if __name__ == "__main__":
    main()
