"""Every read of casework records. Those returning personal data take the acting user and
filter with rumbo.casework.permissions; reading one record's personal data is itself
audited, so those selectors write an audit entry in the same transaction as the read."""

import datetime
import hashlib
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from rumbo.audit.models import AuditEntry
from rumbo.audit.services import audit_record
from rumbo.campaigns.models import Campaign
from rumbo.casework import permissions
from rumbo.casework.models import AppointmentRequest, Consultation, Referral, Topic
from rumbo.casework.permissions import Actor
from rumbo.core.models import Country
from rumbo.infopoints.models import InfoPoint

# Counts from 1 to 4 are hidden in reports so that nobody can be singled out.
SUPPRESSION_THRESHOLD = 5
CHART_ROW = 30  # SVG units per category: a label line, then the bar and its count
CHART_BAR = 260  # the longest bar, of a 320-unit wide chart


def staff_point_list(*, user: Actor) -> QuerySet[InfoPoint]:
    """The points whose personal data the user works with (advisor or coordinator)."""
    return InfoPoint.objects.filter(pk__in=permissions.staff_scope(user).point_ids).order_by("name")


def appointment_list_for_day(*, user: Actor, day: datetime.date) -> QuerySet[AppointmentRequest]:
    """The day's requests, and any still new from earlier days, of the user's points. The
    list shows no personal data: aliases and numbers are read one by one, audited."""
    return (
        AppointmentRequest.objects.filter(permissions.appointment_readable_by_user_filter(user))
        .filter(
            Q(preferred_date=day) | Q(preferred_date__lt=day, status=AppointmentRequest.Status.NEW)
        )
        .select_related("info_point")
        .order_by("preferred_date", "preferred_slot", "created_at")
    )


@transaction.atomic
def appointment_read(*, user: Actor, pk: int) -> AppointmentRequest:
    appointment = AppointmentRequest.objects.select_related("info_point").get(
        permissions.appointment_readable_by_user_filter(user), pk=pk
    )
    audit_record(
        actor=user,
        action=AuditEntry.Action.READ,
        target=appointment,
        info_point_id=appointment.info_point_id,
    )
    return appointment


def appointment_summary(*, user: Actor, pk: int) -> AppointmentRequest:
    """An appointment without its personal fields (deferred, never loaded), so reading it
    needs no audit entry: for the consultation form, which shows only its reference."""
    return (
        AppointmentRequest.objects.select_related("info_point")
        .defer(*AppointmentRequest.PERSONAL_FIELDS)
        .get(permissions.appointment_readable_by_user_filter(user), pk=pk)
    )


def appointment_exists(*, user: Actor, pk: int) -> bool:
    return AppointmentRequest.objects.filter(
        permissions.appointment_readable_by_user_filter(user), pk=pk
    ).exists()


def consultation_list(*, user: Actor, info_point_id: int | None = None) -> QuerySet[Consultation]:
    """Consultations of the user's points, without their personal fields."""
    consultations = Consultation.objects.filter(
        permissions.consultation_readable_by_user_filter(user)
    )
    if info_point_id:
        consultations = consultations.filter(info_point_id=info_point_id)
    # Only what the list shows: never the personal fields, and no decryption work.
    return consultations.select_related("info_point").only(
        "date", "channel", "outcome", "info_point_id", "info_point__name"
    )


@transaction.atomic
def consultation_read(*, user: Actor, pk: int) -> Consultation:
    consultation = Consultation.objects.select_related(
        "info_point", "nationality", "campaign", "advisor"
    ).get(permissions.consultation_readable_by_user_filter(user), pk=pk)
    audit_record(
        actor=user,
        action=AuditEntry.Action.READ,
        target=consultation,
        info_point_id=consultation.info_point_id,
    )
    return consultation


def consultation_can_manage(*, user: Actor, pk: int) -> bool:
    return Consultation.objects.filter(
        permissions.consultation_manageable_by_user_filter(user), pk=pk
    ).exists()


def referral_list(*, user: Actor) -> tuple[QuerySet[Referral], QuerySet[Referral]]:
    """(received, sent) referrals of the user's points, without personal fields."""
    scope = permissions.staff_scope(user)
    referrals = (
        Referral.objects.filter(permissions.referral_readable_by_user_filter(user))
        .select_related("from_point", "to_point", "to_organisation")
        .only(
            "created_at",
            "status",
            "from_point_id",
            "to_point_id",
            "to_organisation_id",
            "from_point__name",
            "to_point__name",
            "to_organisation__name",
            "to_organisation__acronym",
        )
    )
    return (
        referrals.filter(to_point_id__in=scope.point_ids),
        referrals.filter(from_point_id__in=scope.point_ids),
    )


@transaction.atomic
def referral_read(*, user: Actor, pk: int) -> Referral:
    referral = Referral.objects.select_related("from_point", "to_point", "to_organisation").get(
        permissions.referral_readable_by_user_filter(user), pk=pk
    )
    audit_record(
        actor=user,
        action=AuditEntry.Action.READ,
        target=referral,
        info_point_id=referral.from_point_id,
    )
    return referral


def referral_can_update_status(*, user: Actor, referral: Referral) -> bool:
    return referral_status_updatable(user=user, pk=referral.pk)


def referral_status_updatable(*, user: Actor, pk: int) -> bool:
    return Referral.objects.filter(
        permissions.referral_status_updatable_by_user_filter(user), pk=pk
    ).exists()


def referral_destination_points(*, exclude_ids) -> QuerySet[InfoPoint]:
    return (
        InfoPoint.objects.exclude(pk__in=exclude_ids)
        .exclude(status=InfoPoint.Status.CLOSED)
        .order_by("name")
    )


# Reports ------------------------------------------------------------------------------


@dataclass
class ReportTable:
    key: str
    title: str
    rows: list[tuple[str, int | None]] = field(default_factory=list)

    @property
    def chart(self) -> dict:
        """Geometry of a labelled bar chart in whole SVG units (integers, so the template
        never meets a localised decimal comma). A suppressed count draws a stub bar."""
        largest = max((count or 0 for _label, count in self.rows), default=0) or 1
        bars = []
        for index, (label, count) in enumerate(self.rows):
            top = index * CHART_ROW
            width = max(2, round(CHART_BAR * (count or 0) / largest)) if count else 2
            bars.append(
                {
                    "label": label,
                    "count": count,
                    "label_y": top + 12,
                    "bar_y": top + 16,
                    "width": width,
                    "count_x": width + 4,
                    "count_y": top + 25,
                }
            )
        return {"height": len(self.rows) * CHART_ROW, "bars": bars}


@dataclass
class Report:
    month: datetime.date
    scope_label: str
    total: int | None
    tables: list[ReportTable]


def suppress(count: int) -> int | None:
    return None if 0 < count < SUPPRESSION_THRESHOLD else count


def report_point_list(*, user: Actor) -> QuerySet[InfoPoint]:
    return InfoPoint.objects.filter(permissions.report_point_filter(user)).order_by("name")


def report_country_list(*, user: Actor) -> QuerySet[Country]:
    return Country.objects.filter(
        pk__in=report_point_list(user=user).values("place__country_id")
    ).order_by("name")


def report_month_list(*, today: datetime.date, count: int = 12) -> list[datetime.date]:
    first = today.replace(day=1)
    months = []
    for _index in range(count):
        months.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return months


def report_monthly(
    *,
    user: Actor,
    month: datetime.date,
    info_point_id: int | None = None,
    country_id: int | None = None,
) -> Report:
    """Monthly figures for one point, one country or everything the user may see.

    The month's rows are found through the (month, info_point) index, so a month costs
    the same whatever the size of the history. Raises InfoPoint.DoesNotExist for a scope the
    user may not see.
    """
    points = report_point_list(user=user)
    scope_label = str(_("All information points you may see"))
    if info_point_id:
        point = points.get(pk=info_point_id)
        points, scope_label = points.filter(pk=point.pk), point.name
    elif country_id:
        points = points.filter(place__country_id=country_id)
        if not points.exists():
            raise InfoPoint.DoesNotExist
        scope_label = Country.objects.get(pk=country_id).name
    point_ids = sorted(points.values_list("pk", flat=True))
    # Aggregates hold no personal data, so they may be cached; five minutes of lag is fine
    # for monthly figures and spares the heaviest staff page most of its work. The key is
    # taken after the permission filter: it names exactly the points the user may see.
    scope = f"{get_language()}|{month}|{scope_label}|{point_ids}"
    cache_key = "casework:report:" + hashlib.sha256(scope.encode()).hexdigest()
    if not settings.RUMBO_REPORT_CACHE_SECONDS:
        return _report_compute(month=month, scope_label=scope_label, point_ids=point_ids)
    if (cached := cache.get(cache_key)) is not None:
        return cached
    report = _report_compute(month=month, scope_label=scope_label, point_ids=point_ids)
    cache.set(cache_key, report, settings.RUMBO_REPORT_CACHE_SECONDS)
    return report


def _report_compute(*, month: datetime.date, scope_label: str, point_ids: list[int]) -> Report:
    consultations = Consultation.objects.filter(month=month, info_point_id__in=point_ids)

    # One pass over the month's rows: every cell is a COUNT(*) FILTER (WHERE ...) of the
    # same scan. Nine GROUP BY queries read the month's scattered rows nine times, which
    # took 2.2 s for the whole region over 1,000,000 consultations (docs/performance.md).
    nationalities = dict(Country.objects.values_list("pk", "name"))
    # Consultations by the campaign the person came through (a tracked link's campaign is
    # recorded as the campaign too), so campaign teams see what each campaign brings.
    campaigns = dict(Campaign.objects.order_by("name").values_list("pk", "name"))
    dimensions: list[tuple[str, str, dict]] = [
        ("channel", str(_("Channel")), dict(Consultation.Channel.choices)),
        ("sex", str(_("Sex or gender")), dict(Consultation.Sex.choices)),
        ("age_band", str(_("Age")), dict(Consultation.AgeBand.choices)),
        ("nationality_id", str(_("Nationality")), {**nationalities, None: _("Not stated")}),
        ("situation", str(_("Migration situation")), dict(Consultation.Situation.choices)),
        ("source", str(_("Heard of the point through")), dict(Consultation.Source.choices)),
        ("campaign_id", str(_("Campaign")), {**campaigns, None: _("No campaign")}),
        ("outcome", str(_("Outcome")), dict(Consultation.Outcome.choices)),
    ]
    cells: dict[str, Count] = {"total": Count("pk")}
    for name in Consultation.TOPIC_FIELDS.values():
        cells[name] = Count("pk", filter=Q(**{name: True}))
    for column, _title, labels in dimensions:
        for index, value in enumerate(labels):
            condition = {f"{column}__isnull": True} if value is None else {column: value}
            cells[f"{column}_{index}"] = Count("pk", filter=Q(**condition))
    counts = consultations.aggregate(**cells)

    tables = [
        ReportTable(
            key="topic",
            title=str(_("Topics")),
            rows=[
                (str(Topic(topic).label), suppress(counts[name]))
                for topic, name in Consultation.TOPIC_FIELDS.items()
            ],
        )
    ]
    for column, title, labels in dimensions:
        present = [
            (str(label), counts[f"{column}_{index}"])
            for index, label in enumerate(labels.values())
            if counts[f"{column}_{index}"]
        ]
        present.sort(key=lambda row: (-row[1], row[0]))
        rows = [(label, suppress(count)) for label, count in present]
        tables.append(ReportTable(key=column.removesuffix("_id"), title=title, rows=rows))

    referral_counts = (
        Referral.objects.filter(month=month, from_point_id__in=point_ids)
        .values("status")
        .annotate(n=Count("pk"))
        .order_by("-n", "status")
    )
    referral_labels = dict(Referral.Status.choices)
    tables.append(
        ReportTable(
            key="referral",
            title=str(_("Referral outcomes")),
            rows=[
                (str(referral_labels[row["status"]]), suppress(row["n"])) for row in referral_counts
            ],
        )
    )
    return Report(
        month=month, scope_label=scope_label, total=suppress(counts["total"]), tables=tables
    )
