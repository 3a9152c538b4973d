"""Import of social media results from CSV: Rumbo's template, a Meta Business Suite post
export (Facebook or Instagram) or an X (Twitter) analytics export.

The layout is recognised from the header. Every row is checked before anything is written;
any error (named by row and column) refuses the whole file. Rows are keyed by platform, post
and day, so importing the same file again changes nothing. The file is read through the
upload gate (size and UTF-8; rumbo.core.uploads). It is not registered as one of the gate's
archive importers: those are fed zip, JSON and YAML bombs, which a CSV file never is.
"""

import csv
import datetime
import io
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from rumbo.core.numbers import parse_int
from rumbo.core.uploads import UploadError, UploadLimits, text_decode, upload_check_size
from rumbo.measurement.models import SocialResult

LIMITS = UploadLimits(max_upload_bytes=10 * 1024 * 1024, max_text_bytes=10 * 1024 * 1024)
MAX_ROWS = 50_000
Platform = SocialResult.Platform
TEMPLATE_HEADER = ["platform", "post_id", "date", "reach", "impressions", "engagements"]


@dataclass
class Layout:
    name: str
    required: tuple[str, ...]
    post_id: str
    day: tuple[str, ...]  # the first column holding a date
    reach: str | None
    impressions: tuple[str, ...]
    engagements: tuple[str, ...]  # summed
    platform: Callable[[dict[str, str]], str | None]


def _template_platform(row: dict[str, str]) -> str | None:
    value = row.get("platform", "").strip().lower()
    return value if value in Platform.values else None


LAYOUTS = [
    Layout(
        name="Rumbo",
        required=tuple(TEMPLATE_HEADER),
        post_id="post_id",
        day=("date",),
        reach="reach",
        impressions=("impressions",),
        engagements=("engagements",),
        platform=_template_platform,
    ),
    Layout(
        name="Meta Business Suite (Instagram)",
        required=("post id", "account username", "publish time", "reach"),
        post_id="post id",
        day=("date", "publish time"),
        reach="reach",
        impressions=("impressions", "views"),
        engagements=("likes", "comments", "shares", "saves"),
        platform=lambda row: Platform.INSTAGRAM,
    ),
    Layout(
        name="Meta Business Suite (Facebook)",
        required=("post id", "page id", "publish time", "reach"),
        post_id="post id",
        day=("date", "publish time"),
        reach="reach",
        impressions=("impressions", "views"),
        engagements=("reactions, comments and shares",),
        platform=lambda row: Platform.FACEBOOK,
    ),
    Layout(
        name="X (Twitter) analytics",
        required=("tweet id", "time", "impressions", "engagements"),
        post_id="tweet id",
        day=("time",),
        # X's export gives no reach: impressions only.
        reach=None,
        impressions=("impressions",),
        engagements=("engagements",),
        platform=lambda row: Platform.X,
    ),
]


@dataclass
class SocialImportReport:
    layout: str = ""
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)


class SocialImportRefused(UploadError):
    def __init__(self, report: SocialImportReport) -> None:
        super().__init__("\n".join(report.errors))
        self.report = report


def _parse_day(value: str) -> datetime.date | None:
    """2026-11-20, 2026-11-20 14:03 +0000, 2026-11-20T14:03:00, or Meta's 11/20/2026 14:03."""
    text = value.strip()
    for candidate, pattern in ((text[:10], "%Y-%m-%d"), (text.split(" ")[0], "%m/%d/%Y")):
        try:
            return datetime.datetime.strptime(candidate, pattern).date()  # noqa: DTZ007
        except ValueError:
            continue
    return None


def _problem(row: int, column: str, message: str) -> str:
    return _("Row %(row)s, column “%(column)s”: %(problem)s") % {
        "row": row,
        "column": column,
        "problem": message,
    }


def social_rows_parse(*, text: str) -> tuple[str, list[dict], list[str]]:
    """(layout name, rows, errors) of a CSV text."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return "", [], [_("The file has no header line.")]
    names = [name.strip().lower() for name in header]
    layout = next((lay for lay in LAYOUTS if set(lay.required) <= set(names)), None)
    if layout is None:
        return (
            "",
            [],
            [
                _(
                    "The columns are not those of the Rumbo template, a Meta Business Suite "
                    "export or an X analytics export. Missing for the template: %(missing)s."
                )
                % {"missing": ", ".join(c for c in TEMPLATE_HEADER if c not in names)}
            ],
        )
    labels = {name: header[index].strip() for index, name in enumerate(names)}
    rows, errors, seen = [], [], set()
    try:
        for number, values in enumerate(reader, start=2):
            if not any(value.strip() for value in values):
                continue
            if number > MAX_ROWS + 1:
                errors.append(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
                break
            row = {
                name: values[index] if index < len(values) else ""
                for index, name in enumerate(names)
            }
            parsed, problems = _row_parse(layout, row, number, labels)
            errors += problems
            if parsed:
                natural = (parsed["platform"], parsed["post_id"], parsed["day"])
                if natural in seen:
                    errors.append(
                        _("Row %(row)s: this post and day appear twice in the file.")
                        % {"row": number}
                    )
                seen.add(natural)
                rows.append(parsed)
    except csv.Error as error:
        errors.append(_("The file is not valid CSV: %(problem)s") % {"problem": error})
    if not rows and not errors:
        errors.append(_("The file has no rows."))
    return layout.name, rows, errors


def _row_parse(layout: Layout, row: dict, number: int, labels: dict) -> tuple[dict | None, list]:
    problems = []
    platform = layout.platform(row)
    if platform is None:
        problems.append(
            _problem(
                number,
                labels.get("platform", "platform"),
                _("give one of %(values)s") % {"values": ", ".join(Platform.values)},
            )
        )
    post_id = row.get(layout.post_id, "").strip().lstrip("'")
    if not post_id or len(post_id) > 100:
        problems.append(_problem(number, labels[layout.post_id], _("give the post's identifier")))
    day = None
    for column in layout.day:
        if column in row and (day := _parse_day(row[column])):
            break
    if day is None:
        column = next((c for c in layout.day if c in row), layout.day[0])
        problems.append(
            _problem(number, labels.get(column, column), _("give a date such as 2026-11-20"))
        )

    def whole(column: str) -> int:
        value = row.get(column, "").strip().replace(",", "")
        if value in ("", "-"):
            return 0
        whole_part, dot, fraction = value.partition(".")
        if dot and fraction.strip("0") == "":
            value = whole_part  # X writes counts as "2100.0"
        parsed = parse_int(value, minimum=0, maximum=2_000_000_000)
        if parsed is None:
            problems.append(
                _problem(
                    number,
                    labels.get(column, column),
                    _("“%(value)s” is not a whole number") % {"value": value[:40]},
                )
            )
            return 0
        return parsed

    present = lambda columns: [c for c in columns if c in row]  # noqa: E731
    reach = whole(layout.reach) if layout.reach else 0
    impressions = sum(whole(c) for c in present(layout.impressions)[:1])
    engagements = sum(whole(c) for c in present(layout.engagements))
    if problems:
        return None, problems
    return {
        "platform": platform,
        "post_id": post_id,
        "day": day,
        "reach": reach,
        "impressions": impressions,
        "engagements": engagements,
    }, []


def social_import(*, data: bytes, name: str, campaign) -> SocialImportReport:
    """Imports the file for `campaign`, all or nothing (SocialImportRefused lists errors)."""
    upload_check_size(data=data, name=name, limits=LIMITS)
    text = text_decode(data=data, name=name, limits=LIMITS)
    layout, rows, errors = social_rows_parse(text=text)
    report = SocialImportReport(layout=layout, errors=errors)
    if errors:
        raise SocialImportRefused(report)
    with transaction.atomic():
        existing = {
            (r.platform, r.post_id, r.day): r
            for r in SocialResult.objects.select_for_update().filter(
                post_id__in={row["post_id"] for row in rows}
            )
        }
        new, changed = [], []
        for row in rows:
            found = existing.get((row["platform"], row["post_id"], row["day"]))
            if found is None:
                new.append(SocialResult(campaign=campaign, **row))
                continue
            values = {k: row[k] for k in ("reach", "impressions", "engagements")}
            if found.campaign_id == campaign.pk and all(
                getattr(found, k) == v for k, v in values.items()
            ):
                report.unchanged += 1
                continue
            found.campaign = campaign
            for key, value in values.items():
                setattr(found, key, value)
            changed.append(found)
        SocialResult.objects.bulk_create(new, batch_size=1000)
        SocialResult.objects.bulk_update(
            changed, ["campaign", "reach", "impressions", "engagements"], batch_size=1000
        )
    report.created, report.updated = len(new), len(changed)
    return report


def social_template_csv() -> str:
    from rumbo.core.exports import csv_text

    return csv_text(
        [
            TEMPLATE_HEADER,
            ["facebook", "1234567890_987654321", "2026-11-20", "1520", "2300", "87"],
            ["instagram", "18012345678901234", "2026-11-20", "830", "1100", "64"],
            ["x", "1859000000000000000", "2026-11-21", "0", "2100", "40"],
        ]
    )
