"""The synthetic formative survey of the demo, generated from the published percentages.

The campaigns were designed from more than 2,800 interviews whose indicators were published
by country (issue 15). This script makes a baseline of exactly 2,800 interviews over the five
countries, in two strata (urban, rural) of 10 clusters each per country, with design weights
that differ by stratum. Within every country × stratum cell (and subgroup, for the Mexican
migrants in transit and the Nicaraguan adolescents) the share of "yes" is the published one,
rounded to whole respondents, so the weighted estimate reproduces the figure whatever the
weights. A follow-up wave of 1,000 interviews has some indicators moved, and the campaign
recall question that lets the results compare those who recall the campaign with the rest.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import numpy as np

COUNTRIES = ("MX", "GT", "HN", "SV", "NI")
BASELINE_SIZES = {"MX": 700, "GT": 550, "HN": 550, "SV": 500, "NI": 500}
FOLLOW_UP_SIZES = dict.fromkeys(COUNTRIES, 200)
STRATA = ("urban", "rural")
URBAN_SHARE = 0.6
CLUSTERS_PER_STRATUM = 10
# Design weights (population per interview) by stratum: rural interviews stand for more people.
WEIGHTS = {"urban": 850.0, "rural": 1400.0}
AGE_GROUPS = ("15-17", "18-24", "25-34", "35+")
AGE_SHARES = (0.2, 0.3, 0.3, 0.2)
AGE_RANGES = {"15-17": (15, 17), "18-24": (18, 24), "25-34": (25, 34), "35+": (35, 60)}

# The published figures (issue 15) the baseline reproduces: question -> country -> share of
# the counted answer. `None` marks a country where the figure was not published: a
# plausible value is used and nothing is claimed for it.
PUBLISHED = {
    "effort_documents": {"MX": 0.97},  # among migrants in transit
    "knows_documents_no": {"MX": 0.59},
    "knows_where_no": {"MX": 0.49},
    "wants_info_regular": {"GT": 0.82, "HN": 0.85, "SV": 0.81},
    "consider_local": {"GT": 0.59, "HN": 0.70, "SV": 0.64},
    "knows_difference_no": {"NI": 0.60},  # among adolescents
    "would_visit_centre": {"MX": 0.85, "GT": 0.81, "HN": 0.89, "SV": 0.86, "NI": 0.83},
    "uses_internet": {"MX": 0.87, "GT": 0.52, "HN": 0.61, "SV": 0.74, "NI": 0.58},
}
PLAUSIBLE = {
    "effort_documents": 0.9,
    "knows_documents_no": 0.52,
    "knows_where_no": 0.45,
    "wants_info_regular": 0.78,
    "consider_local": 0.6,
    "knows_difference_no": 0.5,
}
# Follow-up: what moved (the campaign's knowledge messages), per country.
FOLLOW_UP = {
    "knows_documents_no": {"MX": 0.45, "GT": 0.45, "HN": 0.44, "SV": 0.46, "NI": 0.47},
    "knows_where_no": {"MX": 0.36, "GT": 0.38, "HN": 0.37, "SV": 0.39, "NI": 0.40},
    "knows_difference_no": {"NI": 0.46, "MX": 0.44, "GT": 0.44, "HN": 0.44, "SV": 0.44},
    "recalls_campaign": dict.fromkeys(COUNTRIES, 0.45),
}
# Gap between those who do not and those who do recall the campaign, in the follow-up.
RECALL_GAP = 0.2
SOURCES = ("family", "social_media", "radio", "tv", "ngo")
SOURCE_SHARES = (0.55, 0.6, 0.3, 0.35, 0.15)


def _share(question: str, country: str, follow_up: bool) -> float:
    if follow_up and country in FOLLOW_UP.get(question, {}):
        return FOLLOW_UP[question][country]
    published = PUBLISHED.get(question, {})
    if country in published:
        return published[country]
    return PLAUSIBLE[question]


def _exact(rng: np.random.Generator, size: int, share: float) -> np.ndarray:
    """`size` booleans with round(share × size) of them true, in random order."""
    values = np.zeros(size, dtype=bool)
    values[: round(share * size)] = True
    rng.shuffle(values)
    return values


def _yes(flags: np.ndarray) -> list[str]:
    return ["yes" if flag else "no" for flag in flags]


@dataclass(frozen=True)
class Interview:
    uuid: str
    country: str
    weight: float
    answers: dict


def interviews(*, follow_up: bool, seed: int) -> list[Interview]:
    rng = np.random.default_rng(seed)
    sizes = FOLLOW_UP_SIZES if follow_up else BASELINE_SIZES
    result: list[Interview] = []
    namespace = uuid.UUID("9b1d6c1e-7a1f-4c35-9d2b-5a0e1f3c2b10")
    for country in COUNTRIES:
        n = sizes[country]
        urban = round(n * URBAN_SHARE)
        for stratum, size in (("urban", urban), ("rural", n - urban)):
            cells = _stratum(rng, country, stratum, size, follow_up)
            for index, answers in enumerate(cells):
                key = f"{'follow-up' if follow_up else 'baseline'}/{country}/{stratum}/{index}"
                result.append(
                    Interview(
                        uuid=str(uuid.uuid5(namespace, key)),
                        country=country,
                        weight=WEIGHTS[stratum],
                        answers=answers,
                    )
                )
    return result


def _stratum(
    rng: np.random.Generator, country: str, stratum: str, size: int, follow_up: bool
) -> list[dict]:
    age_groups = rng.choice(AGE_GROUPS, size=size, p=AGE_SHARES)
    sexes = np.where(_exact(rng, size, 0.5), "female", "male")
    # Mexico's interviews are mostly with migrants in transit; elsewhere with residents
    # and returnees.
    transit_share = 0.8 if country == "MX" else 0.05
    in_transit = _exact(rng, size, transit_share)
    status = np.where(
        in_transit, "in_transit", np.where(_exact(rng, size, 0.8), "resident", "returnee")
    )
    clusters = rng.integers(1, CLUSTERS_PER_STRATUM + 1, size=size)
    recall = _exact(rng, size, FOLLOW_UP["recalls_campaign"][country]) if follow_up else None
    columns: dict[str, list[str]] = {}
    for question in ("wants_info_regular", "consider_local"):
        columns[question] = _yes(_exact(rng, size, _share(question, country, follow_up)))
    for question in ("knows_documents_no", "knows_where_no"):
        share = _share(question, country, follow_up)
        if recall is None:
            columns[question] = _yes(_exact(rng, size, share))
            continue
        # Those who recall the campaign know more; the country's share stays the same.
        flags = np.zeros(size, dtype=bool)
        recalled, rest = np.flatnonzero(recall), np.flatnonzero(~recall)
        gap = RECALL_GAP * len(rest) / max(size, 1)
        flags[recalled] = _exact(rng, len(recalled), max(share - gap, 0.0))
        flags[rest] = _exact(
            rng, len(rest), min(share + RECALL_GAP * len(recalled) / max(size, 1), 1.0)
        )
        columns[question] = _yes(flags)
    for question in ("would_visit_centre", "uses_internet"):
        columns[question] = _yes(_exact(rng, size, _share(question, country, follow_up)))
    effort = np.array(["no"] * size, dtype=object)
    rows = np.flatnonzero(in_transit)
    effort[rows] = _yes(_exact(rng, len(rows), _share("effort_documents", country, follow_up)))
    difference = np.array(["yes"] * size, dtype=object)
    for group in AGE_GROUPS:
        rows = np.flatnonzero(age_groups == group)
        share = _share("knows_difference_no", country, follow_up)
        if group != "15-17":
            share = max(share - 0.15, 0.05)
        difference[rows] = _yes(_exact(rng, len(rows), share))
    answers_list = []
    for i in range(size):
        low, high = AGE_RANGES[str(age_groups[i])]
        answers = {
            "country": country,
            "stratum": stratum,
            "cluster": f"{country}-{stratum}-{int(clusters[i]):02d}",
            "design_weight": WEIGHTS[stratum],
            "sex": str(sexes[i]),
            "age": int(rng.integers(low, high + 1)),
            "age_group": str(age_groups[i]),
            "migrant_status": str(status[i]),
            # Stored as the questionnaire asks: "do you know...?" (yes/no); the indicator
            # counts "no".
            "knows_documents": "no" if columns["knows_documents_no"][i] == "yes" else "yes",
            "knows_where": "no" if columns["knows_where_no"][i] == "yes" else "yes",
            "knows_difference": "no" if difference[i] == "yes" else "yes",
            "wants_info_regular": columns["wants_info_regular"][i],
            "consider_local": columns["consider_local"][i],
            "would_visit_centre": columns["would_visit_centre"][i],
            "uses_internet": columns["uses_internet"][i],
            "info_sources": [
                s for s, p in zip(SOURCES, SOURCE_SHARES, strict=True) if rng.random() < p
            ]
            or ["family"],
        }
        if effort[i] is not None and in_transit[i]:
            answers["effort_documents"] = effort[i]
        if recall is not None:
            answers["recalls_campaign"] = "yes" if recall[i] else "no"
        answers_list.append(answers)
    return answers_list
