"""The opt-in map: a small SVG drawn on the server from the points' coordinates. No tiles and
no map script, so asking for it loads nothing from anywhere else."""

import math
from dataclasses import dataclass

SIZE = 320
MARGIN = 24
KM_PER_DEGREE = 111.195


@dataclass(frozen=True)
class Marker:
    number: int
    x: float
    y: float
    entry: object


@dataclass(frozen=True)
class MapLayout:
    size: int
    origin_x: float
    origin_y: float
    markers: list[Marker]
    # A scale bar: its length in pixels and the distance it stands for.
    scale_px: float
    scale_km: float


def map_layout(*, origin, entries) -> MapLayout:
    """Places the origin in the centre and each entry around it (equirectangular projection,
    fine at the scale of a town), scaled so that the farthest entry fits."""
    cos_lat = math.cos(math.radians(origin.latitude))
    offsets = [
        (
            (entry.point.longitude - origin.longitude) * cos_lat * KM_PER_DEGREE,
            (entry.point.latitude - origin.latitude) * KM_PER_DEGREE,
        )
        for entry in entries
    ]
    reach = max([max(abs(dx), abs(dy)) for dx, dy in offsets] + [0.5])
    scale = (SIZE / 2 - MARGIN) / reach  # pixels per km
    centre = SIZE / 2
    markers = [
        Marker(number, round(centre + dx * scale, 1), round(centre - dy * scale, 1), entry)
        for number, ((dx, dy), entry) in enumerate(zip(offsets, entries, strict=True), start=1)
    ]
    scale_km = _round_distance(reach / 2)
    return MapLayout(SIZE, centre, centre, markers, round(scale_km * scale, 1), scale_km)


def _round_distance(km: float) -> float:
    """1, 2 or 5 times a power of ten, at most `km`."""
    power = 10 ** math.floor(math.log10(km))
    return max(step * power for step in (1, 2, 5) if step * power <= km)
