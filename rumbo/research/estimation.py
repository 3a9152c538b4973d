"""Design-based estimates: weighted means, proportions and totals with Taylor linearisation.

The variance is the one R's survey package computes (`svydesign` + `svymean`/`svytotal`):
the estimator is linearised, the linearised values are summed per PSU, and the variance is the
between-PSU variance within strata times n_h/(n_h-1), times (1 - n_h/N_h) when a finite
population correction is given. With an fpc at the second stage too, each first-stage PSU adds
its own between-SSU variance times the first-stage sampling fraction (R's `multistage`).
Domains (a country, a wave, an exposure group) keep the whole design: rows outside the domain
count with a linearised value of 0, so PSUs without a domain member still enter the variance.
The tests reproduce published figures (rumbo/research/tests/test_estimation.py).

Everything works on numpy arrays (one column per variable), so an indicator over a million
responses is a handful of vector operations, not a loop over rows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from scipy import stats

SMALL_N = 30  # under this many respondents an estimate is shown with a warning
SUPPRESS_N = 5  # under this many it is not shown at all

CI_METHODS = ("logit", "wilson", "wald")
# Domains × PSUs up to this many cells are summed in a dense table (no sorting of rows).
DENSE_CELLS = 5_000_000


@dataclass(frozen=True)
class Design:
    """The sample design, one value per row.

    `clusters` holds one array per sampling stage (PSU, then SSU); `fpc` one array per stage:
    the population count of units at that stage (N_h) or, if at most 1, the sampling fraction.
    Without clusters every row is its own PSU; without strata there is one stratum."""

    weights: np.ndarray
    strata: np.ndarray | None = None
    clusters: tuple[np.ndarray, ...] = ()
    fpc: tuple[np.ndarray, ...] = ()

    @property
    def size(self) -> int:
        return len(self.weights)

    def subset(self, rows: np.ndarray) -> Design:
        return Design(
            weights=self.weights[rows],
            strata=None if self.strata is None else self.strata[rows],
            clusters=tuple(c[rows] for c in self.clusters),
            fpc=tuple(f[rows] for f in self.fpc),
        )

    # Integer codes are computed once per design (cached_property writes to the instance's
    # __dict__, which a frozen dataclass allows), so many domains cost one sort.
    @cached_property
    def strata_codes(self) -> np.ndarray:
        return _codes(self.strata, self.size)

    @cached_property
    def psu_codes(self) -> np.ndarray:
        first = _codes(self.clusters[0], self.size) if self.clusters else None
        return _codes_pairs(self.strata_codes, first)

    @cached_property
    def psu_stratum(self) -> np.ndarray:
        """The stratum code of each PSU code."""
        result = np.zeros(int(self.psu_codes.max()) + 1 if self.size else 0, dtype=np.int64)
        result[self.psu_codes] = self.strata_codes
        return result

    def degrees_of_freedom(self) -> int:
        """Number of PSUs minus number of strata (R's `degf`)."""
        return int(len(self.psu_stratum) - len(np.unique(self.strata_codes)))


@dataclass(frozen=True)
class Estimate:
    estimate: float
    std_error: float
    ci_low: float
    ci_high: float
    deff: float
    n: int  # respondents in the domain with an answer (unweighted)
    weighted_n: float  # their weights' sum: the population they stand for
    df: int
    warnings: tuple[str, ...] = field(default=())

    @property
    def suppressed(self) -> bool:
        return self.n < SUPPRESS_N

    @property
    def small(self) -> bool:
        return SUPPRESS_N <= self.n < SMALL_N

    @property
    def cv(self) -> float:
        return self.std_error / abs(self.estimate) if self.estimate else math.nan


def _codes(values: np.ndarray | None, size: int) -> np.ndarray:
    if values is None:
        return np.zeros(size, dtype=np.int64)
    return np.unique(values, return_inverse=True)[1].astype(np.int64).ravel()


def _codes_pairs(outer: np.ndarray, inner: np.ndarray | None) -> np.ndarray:
    """One code per distinct (outer, inner) pair: PSUs are nested in strata."""
    if inner is None:
        return np.arange(len(outer), dtype=np.int64)
    return _codes(outer * (int(inner.max()) + 1) + inner, len(outer))


def _fraction(fpc: np.ndarray, sampled: np.ndarray) -> np.ndarray:
    """Sampling fraction per row from an fpc column (population size, or a fraction <= 1)."""
    fpc = fpc.astype(float)
    return np.where(fpc <= 1, fpc, sampled / np.where(fpc <= 1, 1, fpc))


def _stage_variance(
    z: np.ndarray, strata: np.ndarray, units: np.ndarray, fpc: np.ndarray | None
) -> tuple[float, np.ndarray]:
    """Between-unit variance of z's unit totals within strata; also each row's sampling
    fraction (needed by the next stage). `strata` and `units` are integer codes."""
    unit_totals = np.bincount(units, weights=z)
    unit_stratum = np.zeros(len(unit_totals), dtype=np.int64)
    unit_stratum[units] = strata
    n_h = np.bincount(unit_stratum).astype(float)
    fraction_rows = np.zeros(len(z))
    if fpc is not None:
        fraction_rows = _fraction(fpc, n_h[strata])
    fraction_h = np.zeros(len(n_h))
    fraction_h[strata] = fraction_rows
    mean_h = np.bincount(unit_stratum, weights=unit_totals) / np.maximum(n_h, 1)
    squares_h = np.bincount(unit_stratum, weights=(unit_totals - mean_h[unit_stratum]) ** 2)
    # A stratum with one PSU adds nothing (R's lonely.psu = "certainty").
    scale_h = np.where(n_h > 1, n_h / np.maximum(n_h - 1, 1), 0.0) * (1 - fraction_h)
    return float(np.sum(scale_h * squares_h)), fraction_rows


def variance(z: np.ndarray, design: Design) -> float:
    """Variance of a total whose linearised values are z."""
    size = design.size
    strata = design.strata_codes
    psus = design.psu_codes
    fpc1 = design.fpc[0] if design.fpc else None
    result, fraction1 = _stage_variance(z, strata, psus, fpc1)
    if len(design.clusters) > 1 and len(design.fpc) > 1:
        # Second stage: within each PSU, between SSUs, weighted by the first-stage fraction.
        ssus = _codes_pairs(psus, _codes(design.clusters[1], size))
        within_rows, _ = _stage_variance_by_unit(z, psus, ssus, design.fpc[1])
        psu_fraction = np.zeros(int(psus.max()) + 1)
        psu_fraction[psus] = fraction1
        result += float(np.sum(within_rows * psu_fraction))
    return result


def _stage_variance_by_unit(
    z: np.ndarray, groups: np.ndarray, units: np.ndarray, fpc: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Like `_stage_variance` with each group as a stratum, returned per group."""
    unit_totals = np.bincount(units, weights=z)
    unit_group = np.zeros(len(unit_totals), dtype=np.int64)
    unit_group[units] = groups
    n_g = np.bincount(unit_group).astype(float)
    fraction_rows = _fraction(fpc, n_g[groups])
    fraction_g = np.zeros(len(n_g))
    fraction_g[groups] = fraction_rows
    mean_g = np.bincount(unit_group, weights=unit_totals) / np.maximum(n_g, 1)
    squares_g = np.bincount(unit_group, weights=(unit_totals - mean_g[unit_group]) ** 2)
    scale_g = np.where(n_g > 1, n_g / np.maximum(n_g - 1, 1), 0.0) * (1 - fraction_g)
    return scale_g * squares_g, fraction_rows


def _prepare(
    y: np.ndarray, design: Design, domain: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray]:
    """y with missing values as 0, and the domain membership (answered and in the domain)."""
    y = np.asarray(y, dtype=float)
    member = ~np.isnan(y)
    if domain is not None:
        member &= np.asarray(domain, dtype=bool)
    member &= design.weights > 0
    return np.where(member, y, 0.0), member


def _interval(
    estimate: float, se: float, df: int, method: str, level: float, n_eff: float
) -> tuple[float, float]:
    if not math.isfinite(se):
        return math.nan, math.nan
    quantile = float(stats.t.ppf(0.5 + level / 2, df)) if df > 0 else math.inf
    if method == "logit" and 0 < estimate < 1:
        centre = math.log(estimate / (1 - estimate))
        half = quantile * se / (estimate * (1 - estimate))
        return _expit(centre - half), _expit(centre + half)
    if method == "wilson" and n_eff > 0:
        # Wilson's score interval with the effective sample size p(1-p)/SE²
        # (the design's variance, not the simple random sample's).
        z2 = quantile**2
        centre = (estimate + z2 / (2 * n_eff)) / (1 + z2 / n_eff)
        half = (
            quantile
            * math.sqrt(estimate * (1 - estimate) / n_eff + z2 / (4 * n_eff**2))
            / (1 + z2 / n_eff)
        )
        return centre - half, centre + half
    if method in ("logit", "wilson"):
        # 0% or 100%: no spread seen; the interval is the point (the warning says why).
        return estimate, estimate
    return estimate - quantile * se, estimate + quantile * se


def _expit(value: float) -> float:
    return 1 / (1 + math.exp(-value))


def _warnings(n: int) -> tuple[str, ...]:
    if n < SUPPRESS_N:
        return ("suppressed",)
    if n < SMALL_N:
        return ("small",)
    return ()


def mean(
    y: np.ndarray,
    *,
    design: Design,
    domain: np.ndarray | None = None,
    ci: str = "wald",
    level: float = 0.95,
) -> Estimate:
    """Weighted mean (a proportion when y is 0/1) of y over the domain's answered rows."""
    y0, member = _prepare(y, design, domain)
    w = np.where(member, design.weights, 0.0)
    n = int(member.sum())
    total_w = float(w.sum())
    df = design.degrees_of_freedom()
    if n == 0 or total_w == 0:
        nan = math.nan
        return Estimate(nan, nan, nan, nan, nan, 0, 0.0, df, ("suppressed",))
    estimate = float(np.dot(w, y0) / total_w)
    z = w * (y0 - estimate) / total_w
    var = variance(z, design)
    se = math.sqrt(max(var, 0.0))
    # Design effect against a simple random sample of the same size (without replacement
    # when the design has an fpc), as R's `deff = TRUE`.
    spread = float(np.dot(w, (y0 - estimate) ** 2) / total_w) * (n / (n - 1) if n > 1 else 1)
    var_srs = spread / n
    if design.fpc:
        var_srs *= max(1 - n / float(np.sum(design.weights)), 0)
    deff = var / var_srs if var_srs > 0 else math.nan
    n_eff = estimate * (1 - estimate) / var if var > 0 else 0.0
    low, high = _interval(estimate, se, df, ci, level, n_eff)
    return Estimate(estimate, se, low, high, deff, n, total_w, df, _warnings(n))


def grouped_means(
    y: np.ndarray,
    *,
    design: Design,
    groups: np.ndarray,
    group_count: int,
    ci: str = "wald",
    level: float = 0.95,
) -> list[Estimate]:
    """`mean` for every domain at once: `groups` holds each row's domain code (0 to
    group_count - 1, or -1 for none). One pass of vector sums instead of one pass per domain:
    a PSU's squared deviation within its stratum, summed over the stratum's PSUs, is
    Σt² - (Σt)²/n_h, and PSUs without a member of the domain contribute t = 0 to both sums.
    Two-stage designs with a second-stage fpc go domain by domain through `mean`."""
    if len(design.clusters) > 1 and len(design.fpc) > 1:
        return [
            mean(y, design=design, domain=groups == code, ci=ci, level=level)
            for code in range(group_count)
        ]
    y = np.asarray(y, dtype=float)
    groups = np.asarray(groups, dtype=np.int64)
    member = ~np.isnan(y) & (groups >= 0) & (design.weights > 0)
    g, yv, w = groups[member], y[member], design.weights[member]
    psu = design.psu_codes[member]
    psu_count = len(design.psu_stratum)
    strata_count = int(design.strata_codes.max()) + 1 if design.size else 1
    count = np.bincount(g, minlength=group_count)
    wy = w * yv
    cells = group_count * strata_count
    if design.clusters and group_count * psu_count <= DENSE_CELLS:
        # Few PSUs: sums of w and w·y per (domain, PSU) cell, then everything on that small
        # table: a PSU's total of the linearised variable is (Σwy - p·Σw) / W_domain.
        key = g * psu_count + psu
        size = group_count * psu_count
        cell_w = np.bincount(key, weights=w, minlength=size).reshape(group_count, psu_count)
        cell_wy = np.bincount(key, weights=wy, minlength=size).reshape(group_count, psu_count)
        weight_sum = cell_w.sum(axis=1)
        safe_sum = np.where(weight_sum > 0, weight_sum, 1.0)
        estimate = cell_wy.sum(axis=1) / safe_sum
        totals = (cell_wy - estimate[:, None] * cell_w) / safe_sum[:, None]
        cell = (
            np.arange(group_count)[:, None] * strata_count + design.psu_stratum[None, :]
        ).ravel()
        totals = totals.ravel()
        spread = (
            np.bincount(g, weights=wy * yv, minlength=group_count)
            - estimate * np.bincount(g, weights=wy, minlength=group_count)
        ) / safe_sum
    else:
        weight_sum = np.bincount(g, weights=w, minlength=group_count)
        safe_sum = np.where(weight_sum > 0, weight_sum, 1.0)
        estimate = np.bincount(g, weights=wy, minlength=group_count) / safe_sum
        deviation = yv - estimate[g]
        z = w * deviation / safe_sum[g]
        if design.clusters:
            keys, inverse = np.unique(g * psu_count + psu, return_inverse=True)
            totals = np.bincount(inverse.ravel(), weights=z)
            cell = (keys // psu_count) * strata_count + design.psu_stratum[keys % psu_count]
        else:
            # Every row is its own PSU: its total is its own linearised value.
            totals = z
            cell = g * strata_count + design.strata_codes[member]
        spread = np.bincount(g, weights=w * deviation**2, minlength=group_count) / safe_sum
    sum1 = np.bincount(cell, weights=totals, minlength=cells).reshape(group_count, strata_count)
    sum2 = np.bincount(cell, weights=totals**2, minlength=cells).reshape(group_count, strata_count)
    n_h = np.bincount(design.psu_stratum, minlength=strata_count).astype(float)
    fraction_h = np.zeros(strata_count)
    if design.fpc:
        fraction_rows = _fraction(design.fpc[0], n_h[design.strata_codes])
        fraction_h[design.strata_codes] = fraction_rows
    scale_h = np.where(n_h > 1, n_h / np.maximum(n_h - 1, 1), 0.0) * (1 - fraction_h)
    squares = sum2 - sum1**2 / np.maximum(n_h, 1)
    var = np.maximum((squares * scale_h).sum(axis=1), 0.0)
    spread *= np.where(count > 1, count / np.maximum(count - 1, 1), 1.0)
    var_srs = spread / np.maximum(count, 1)
    if design.fpc:
        var_srs *= np.maximum(1 - count / float(np.sum(design.weights)), 0)
    df = design.degrees_of_freedom()
    results = []
    for code in range(group_count):
        n = int(count[code])
        if n == 0 or weight_sum[code] == 0:
            nan = math.nan
            results.append(Estimate(nan, nan, nan, nan, nan, 0, 0.0, df, ("suppressed",)))
            continue
        p, v = float(estimate[code]), float(var[code])
        n_eff = p * (1 - p) / v if v > 0 else 0.0
        low, high = _interval(p, math.sqrt(v), df, ci, level, n_eff)
        deff = v / var_srs[code] if var_srs[code] > 0 else math.nan
        results.append(
            Estimate(
                p,
                math.sqrt(v),
                low,
                high,
                float(deff),
                n,
                float(weight_sum[code]),
                df,
                _warnings(n),
            )
        )
    return results


def total(
    y: np.ndarray,
    *,
    design: Design,
    domain: np.ndarray | None = None,
    level: float = 0.95,
) -> Estimate:
    y0, member = _prepare(y, design, domain)
    w = np.where(member, design.weights, 0.0)
    n = int(member.sum())
    df = design.degrees_of_freedom()
    estimate = float(np.dot(w, y0))
    se = math.sqrt(max(variance(w * y0, design), 0.0))
    low, high = _interval(estimate, se, df, "wald", level, 0.0)
    return Estimate(estimate, se, low, high, math.nan, n, float(w.sum()), df, _warnings(n))


@dataclass(frozen=True)
class Difference:
    difference: float
    std_error: float
    ci_low: float
    ci_high: float
    significant: bool


def difference(
    y: np.ndarray,
    *,
    design: Design,
    domain_a: np.ndarray,
    domain_b: np.ndarray,
    level: float = 0.95,
) -> Difference:
    """Mean in domain a minus mean in domain b, with the covariance the design implies.

    Two waves are independent samples: stack them into one design whose strata (and PSUs)
    include the wave, and the covariance comes out as zero by itself."""
    y0a, member_a = _prepare(y, design, domain_a)
    y0b, member_b = _prepare(y, design, domain_b)
    wa = np.where(member_a, design.weights, 0.0)
    wb = np.where(member_b, design.weights, 0.0)
    if wa.sum() == 0 or wb.sum() == 0:
        nan = math.nan
        return Difference(nan, nan, nan, nan, False)
    mean_a = float(np.dot(wa, y0a) / wa.sum())
    mean_b = float(np.dot(wb, y0b) / wb.sum())
    z = wa * (y0a - mean_a) / wa.sum() - wb * (y0b - mean_b) / wb.sum()
    se = math.sqrt(max(variance(z, design), 0.0))
    diff = mean_a - mean_b
    low, high = _interval(diff, se, design.degrees_of_freedom(), "wald", level, 0.0)
    return Difference(diff, se, low, high, bool(low > 0 or high < 0))


def weighting_effect(weights: np.ndarray) -> float:
    """Kish's design effect due to unequal weights: 1 + CV² of the weights."""
    weights = np.asarray(weights, dtype=float)
    if len(weights) == 0 or weights.mean() == 0:
        return math.nan
    return float(1 + weights.var() / weights.mean() ** 2)
