"""Reads of the opportunities: the public list and its filters, the detail page, and which
opportunities fit a person (the contract a plan calls: `opportunity_list_for`).

Distances. The list is sorted nearest first in the database, so that it is paginated there:
each opportunity's distance is that of the nearest place it serves, measured on an
equirectangular projection around the origin (plain arithmetic, identical on SQLite and
PostgreSQL, within 1 % of the great-circle distance for the few hundred kilometres that
separate places of one country at these latitudes). The distances shown are great-circle
distances (rumbo.core.geo) of the page's opportunities. An opportunity offered online or
throughout the country is at distance 0: the person can take it where they are.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.core import signing
from django.db.models import (
    Case,
    Exists,
    ExpressionWrapper,
    F,
    FloatField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from rumbo.core.geo import haversine_km
from rumbo.core.models import Country, Organisation, Place
from rumbo.guides.eligibility import Facts, rule_is_met
from rumbo.guides.models import Document, EligibilityRule
from rumbo.opportunities.models import (
    CONFIRM_VALID_DAYS,
    Correction,
    Opportunity,
    OpportunityLanguage,
    OpportunityRevision,
)
from rumbo.opportunities.permissions import opportunity_editable_filter, partner_organisation_ids
from rumbo.opportunities.services import CONFIRM_SALT, TRANSLATED_FIELDS

# "Closing soon": the application deadline falls within this many days.
CLOSING_SOON_DAYS = 14
# Kilometres per degree of latitude on the mean Earth sphere (rumbo.core.geo's radius).
KM_PER_DEGREE = 2 * math.pi * 6371.0088 / 360

# Which kinds of opportunity answer a plan's purpose (the values of Facts.purpose).
PURPOSE_KINDS: dict[str, str] = {
    "study": Opportunity.Kind.LEARNING,
    "work": Opportunity.Kind.WORK,
    "business": Opportunity.Kind.ENTREPRENEURSHIP,
}


@dataclass(frozen=True)
class OpportunityFilters:
    """What a visitor may filter the public list by; None or False means "any"."""

    kind: str | None = None
    age: int | None = None
    free_only: bool = False
    closing_soon: bool = False
    language: str | None = None  # ISO 639-3 code
    country_code: str | None = None
    # The person's sex (Opportunity.Sex.WOMEN or MEN): hides what targets the other one.
    sex: str | None = None
    # The person's schooling (an Opportunity.Schooling value): hides what asks for more.
    schooling: str | None = None
    # Where to measure distances from (nearest first); restricts to the place's country.
    origin: Place | None = None
    # Only records changed after this moment (API clients keeping a copy in step).
    modified_after: datetime | None = None


def schooling_up_to(level: str) -> list[str]:
    """The schooling levels a person who reached `level` meets (Schooling is in order)."""
    levels = Opportunity.Schooling.values
    return levels[: levels.index(level) + 1]


def opportunity_list_public(*, today: date | None = None) -> QuerySet[Opportunity]:
    """Published opportunities still open: the deadline and the end date not yet past, and
    confirmed by their provider within CONFIRM_VALID_DAYS.

    Filtered on today's date at each read, so an opportunity leaves the public lists the day
    after its deadline without any job running.
    """
    today = today or timezone.localdate()
    return Opportunity.objects.filter(
        Q(application_deadline__isnull=True) | Q(application_deadline__gte=today),
        Q(ends_on__isnull=True) | Q(ends_on__gte=today),
        status=Opportunity.Status.PUBLISHED,
        confirmed_on__gte=today - timedelta(days=CONFIRM_VALID_DAYS),
    )


def _nearest_place_sort(*, origin: Place) -> Case:
    """Squared equirectangular distance (km²) from `origin` to the nearest place served;
    0 for an opportunity offered online or throughout the country."""
    scale = KM_PER_DEGREE * math.cos(math.radians(origin.latitude))
    north = ExpressionWrapper(
        (F("latitude") - Value(origin.latitude)) * Value(KM_PER_DEGREE),
        output_field=FloatField(),
    )
    east = ExpressionWrapper(
        (F("longitude") - Value(origin.longitude)) * Value(scale),
        output_field=FloatField(),
    )
    nearest = (
        Place.objects.filter(opportunities=OuterRef("pk"))
        .annotate(squared=ExpressionWrapper(north * north + east * east, output_field=FloatField()))
        .order_by("squared")
        .values("squared")[:1]
    )
    return Case(
        When(is_online=True, then=Value(0.0)),
        default=Coalesce(Subquery(nearest, output_field=FloatField()), Value(0.0)),
        output_field=FloatField(),
    )


def opportunity_search(
    *, filters: OpportunityFilters, today: date | None = None, sort: bool = True
) -> QuerySet[Opportunity]:
    """The public list with the visitor's filters, in the order it is shown: nearest first
    when an origin is given, else soonest deadline first (open-ended ones last). Ready to
    slice into pages; the page's rows come with their provider, country and places."""
    today = today or timezone.localdate()
    found = opportunity_list_public(today=today)
    if filters.kind:
        found = found.filter(kind=filters.kind)
    if filters.age is not None:
        found = found.filter(
            Q(age_min__isnull=True) | Q(age_min__lte=filters.age),
            Q(age_max__isnull=True) | Q(age_max__gte=filters.age),
        )
    if filters.free_only:
        found = found.filter(is_free=True)
    if filters.sex:
        found = found.filter(sex__in=[Opportunity.Sex.ANY, filters.sex])
    if filters.schooling:
        found = found.filter(schooling__in=schooling_up_to(filters.schooling))
    if filters.closing_soon:
        found = found.filter(
            application_deadline__range=(today, today + timedelta(days=CLOSING_SOON_DAYS))
        )
    if filters.language:
        found = found.filter(
            Exists(
                OpportunityLanguage.objects.filter(
                    opportunity_id=OuterRef("pk"), code=filters.language
                )
            )
        )
    if filters.modified_after is not None:
        found = found.filter(updated_at__gt=filters.modified_after)
    if filters.origin is not None:
        found = found.filter(country_id=filters.origin.country_id)
    elif filters.country_code:
        found = found.filter(country__code=filters.country_code)
    found = found.select_related("provider", "country").prefetch_related(
        Prefetch("places", queryset=Place.objects.select_related("parent"))
    )
    if not sort:
        return found
    deadline = F("application_deadline").asc(nulls_last=True)
    if filters.origin is None:
        return found.order_by(deadline, "pk")
    return found.annotate(distance_sort=_nearest_place_sort(origin=filters.origin)).order_by(
        "distance_sort", deadline, "pk"
    )


# The first bounding box reaches this far from the origin (km); each retry quadruples it.
INITIAL_RADIUS_KM = 60.0
MAX_RADIUS_KM = 2000.0
# Lists this short are sorted whole (the paginator counts them first anyway).
SORT_WHOLE_BELOW = 200


class NearestFirst:
    """A nearest-first list, sliced like a queryset (Paginator takes it), that sorts only the
    opportunities a bounding box around the origin could hold, not the whole table.

    An opportunity whose nearest place lies outside the box (of half-side r on the same
    equirectangular projection as the sort) is farther than r. So once the box yields the
    first `stop` rows and the last of them is within r, no opportunity outside could come
    before it: the slice is exact. Otherwise the box grows; past MAX_RADIUS_KM the whole
    list is sorted. Before any box, the opportunities at distance 0 (online, throughout the
    country, or served in the origin's municipality) are read in deadline order: when they
    fill the slice, as they usually do on the first pages, no distance is computed at all.
    """

    def __init__(self, found: QuerySet[Opportunity], origin: Place) -> None:
        self.found = found
        self.origin = origin
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            self._count = self.found.count()
        return self._count

    def __len__(self) -> int:
        return self.count()

    def _sorted(self, rows: QuerySet[Opportunity]) -> QuerySet[Opportunity]:
        return rows.annotate(distance_sort=_nearest_place_sort(origin=self.origin)).order_by(
            "distance_sort", F("application_deadline").asc(nulls_last=True), "pk"
        )

    def __getitem__(self, key: slice) -> list[Opportunity]:
        start, stop = key.start or 0, key.stop
        if stop is None or stop <= start or self.count() <= SORT_WHOLE_BELOW:
            # A short list is sorted whole: one query, where the box might take several.
            return list(self._sorted(self.found)[key])
        # Distance 0 first (online, throughout the country, or served in the origin's own
        # municipality): ordered by deadline alone, with no distance to compute.
        zero = self._zero()
        first = list(
            self.found.filter(zero).order_by(F("application_deadline").asc(nulls_last=True), "pk")[
                :stop
            ]
        )
        if len(first) == stop:
            return first[start:stop]
        # Fewer than `stop` at distance 0: all of them come first, then the rest by the box.
        rest, wanted = self.found.exclude(zero), stop - len(first)
        radius = INITIAL_RADIUS_KM
        while radius <= MAX_RADIUS_KM:
            rows = list(self._sorted(rest.filter(self._box(radius)))[:wanted])
            if len(rows) == wanted and getattr(rows[-1], "distance_sort") <= radius * radius:  # noqa: B009
                return (first + rows)[start:stop]
            radius *= 4
        return (first + list(self._sorted(rest)[:wanted]))[start:stop]

    def _zero(self) -> Q:
        Served = Opportunity.places.through
        here = Served.objects.filter(
            place__latitude=self.origin.latitude, place__longitude=self.origin.longitude
        ).values("opportunity_id")
        anywhere = Served.objects.filter(opportunity_id=OuterRef("pk"))
        return Q(is_online=True) | Q(pk__in=here) | ~Q(Exists(anywhere))

    def _box(self, radius: float) -> Q:
        origin = self.origin
        north = radius / KM_PER_DEGREE
        east = north / max(math.cos(math.radians(origin.latitude)), 0.01)
        Served = Opportunity.places.through
        in_box = Served.objects.filter(
            place__latitude__range=(origin.latitude - north, origin.latitude + north),
            place__longitude__range=(origin.longitude - east, origin.longitude + east),
        ).values("opportunity_id")
        return Q(pk__in=in_box)


def opportunity_search_page(
    *, filters: OpportunityFilters, today: date | None = None, prefetch: Iterable[str] = ()
) -> Any:
    """opportunity_search, ready for a Paginator or slicing: a QuerySet or, with an origin,
    a NearestFirst that sorts only what a bounding box around it holds."""
    if filters.origin is None:
        return opportunity_search(filters=filters, today=today).prefetch_related(*prefetch)
    found = opportunity_search(filters=filters, today=today, sort=False)
    return NearestFirst(found.prefetch_related(*prefetch), filters.origin)


def opportunity_distance_km(*, opportunity: Opportunity, origin: Place) -> float | None:
    """Great-circle distance to the nearest place served (prefetched `places`); None when
    the opportunity is online or offered throughout the country."""
    places = list(opportunity.places.all())
    if opportunity.is_online or not places:
        return None
    return round(
        min(
            haversine_km(origin.latitude, origin.longitude, place.latitude, place.longitude)
            for place in places
        ),
        1,
    )


def opportunity_get(*, slug: str, today: date | None = None) -> Opportunity | None:
    """A public opportunity with everything its page shows, in a fixed number of queries."""
    return (
        opportunity_list_public(today=today)
        .filter(slug=slug)
        .select_related("provider", "country", "apply_info_point__place__parent")
        .prefetch_related(
            Prefetch("places", queryset=Place.objects.select_related("parent")),
            Prefetch("documents", queryset=Document.objects.order_by("name")),
            "languages",
            "rules",
        )
        .first()
    )


def opportunity_language_codes() -> list[str]:
    """The languages some public opportunity is offered in (ISO 639-3 codes)."""
    return sorted(
        OpportunityLanguage.objects.filter(opportunity__in=opportunity_list_public().values("pk"))
        .values_list("code", flat=True)
        .distinct()
    )


def origin_countries() -> QuerySet[Country]:
    return Country.objects.filter(role=Country.Role.ORIGIN)


# --- Eligibility, through the guides' engine -------------------------------------------------


def opportunity_engine_rules(opportunity: Opportunity) -> list[tuple[EligibilityRule, str]]:
    """Every condition of the opportunity as the guides' engine reads it, each with the
    message shown when it is not met: the age limits first, then the stored rules
    (prefetch `rules` when calling this for many opportunities)."""
    Fact, Operator = EligibilityRule.Fact, EligibilityRule.Operator
    rules: list[tuple[EligibilityRule, str]] = []
    if opportunity.age_min is not None:
        rules.append(
            (
                EligibilityRule(
                    fact=Fact.AGE, operator=Operator.MIN, value=str(opportunity.age_min)
                ),
                _("From %(age)s years of age") % {"age": opportunity.age_min},
            )
        )
    if opportunity.age_max is not None:
        rules.append(
            (
                EligibilityRule(
                    fact=Fact.AGE, operator=Operator.MAX, value=str(opportunity.age_max)
                ),
                _("Up to %(age)s years of age") % {"age": opportunity.age_max},
            )
        )
    rules += [(rule.as_engine_rule(), rule.unmet_message) for rule in opportunity.rules.all()]
    return rules


def opportunity_unmet_conditions(*, opportunity: Opportunity, facts: Facts) -> list[str]:
    """The messages of the conditions `facts` do not meet; [] means the opportunity fits.
    Unknown facts follow the guides' rule: met unless the rule requires an answer."""
    return [
        message
        for rule, message in opportunity_engine_rules(opportunity)
        if not rule_is_met(rule=rule, facts=facts)
    ]


@dataclass(frozen=True)
class OpportunityFit:
    opportunity: Opportunity
    distance_km: float | None  # None: online, throughout the country, or no place given


def opportunity_list_for(
    *,
    facts: Facts,
    purposes: Iterable[str] | None = None,
    sex: str | None = None,
    schooling: str | None = None,
    limit: int = 5,
    today: date | None = None,
) -> list[OpportunityFit]:
    """The public opportunities that fit a person, nearest first: the contract a plan calls.

    `purposes` (study, work, business; default: `facts.purpose`) choose the kinds; none of
    those means every kind. `facts.place_id` (a municipality) gives the country and the
    distances; without it, `facts.nationality` gives the country. `sex` and `schooling`
    (which Facts does not hold) hide what targets the other sex or asks for more schooling.
    The age is filtered in the database, then every condition is checked by the guides'
    engine. Reads in chunks
    until `limit` fit, with a fixed number of queries per chunk.
    """
    if limit <= 0:
        return []
    wanted = set(purposes) if purposes is not None else {facts.purpose or ""}
    kinds = {PURPOSE_KINDS[purpose] for purpose in wanted if purpose in PURPOSE_KINDS}
    origin = (
        Place.objects.filter(pk=facts.place_id, kind=Place.Kind.CITY).first()
        if facts.place_id
        else None
    )
    found = opportunity_search(
        filters=OpportunityFilters(
            age=facts.age,
            origin=origin,
            country_code=facts.nationality.upper() if facts.nationality else None,
            sex=sex,
            schooling=schooling,
        ),
        today=today,
    ).prefetch_related("rules")
    if kinds:
        found = found.filter(kind__in=kinds)
    fits: list[OpportunityFit] = []
    for opportunity in found.iterator(chunk_size=max(limit * 4, 20)):
        if opportunity_unmet_conditions(opportunity=opportunity, facts=facts):
            continue
        distance = (
            opportunity_distance_km(opportunity=opportunity, origin=origin) if origin else None
        )
        fits.append(OpportunityFit(opportunity, distance))
        if len(fits) >= limit:
            break
    return fits


# --- Partners and moderation ---------------------------------------------------------------

# Lists on a partner's or moderator's phone show the latest rows only.
QUEUE_SIZE = 100


def partner_organisation_list(*, user: Any) -> QuerySet[Organisation]:
    return Organisation.objects.filter(pk__in=partner_organisation_ids(user=user)).order_by("name")


def partner_opportunity_list(*, user: Any) -> QuerySet[Opportunity]:
    """Every record (any status) of the user's organisations, with its provider."""
    return (
        Opportunity.objects.filter(opportunity_editable_filter(user=user))
        .select_related("provider")
        .order_by("-updated_at", "pk")
    )


def partner_opportunity_get(*, user: Any, slug: str) -> Opportunity | None:
    return partner_opportunity_list(user=user).filter(slug=slug).first()


def partner_revision_list(*, user: Any) -> QuerySet[OpportunityRevision]:
    return OpportunityRevision.objects.filter(
        organisation_id__in=partner_organisation_ids(user=user)
    ).select_related("opportunity", "organisation")[:QUEUE_SIZE]


def revision_queue() -> QuerySet[OpportunityRevision]:
    return (
        OpportunityRevision.objects.filter(status=OpportunityRevision.Status.PENDING)
        .select_related("opportunity", "organisation", "author")
        .order_by("created_at", "pk")[:QUEUE_SIZE]
    )


def revision_get(*, pk: int) -> OpportunityRevision | None:
    return (
        OpportunityRevision.objects.select_related("opportunity", "organisation", "author")
        .filter(pk=pk)
        .first()
    )


def correction_queue() -> QuerySet[Correction]:
    return (
        Correction.objects.filter(status=Correction.Status.OPEN)
        .select_related("opportunity")
        .order_by("created_at", "pk")[:QUEUE_SIZE]
    )


@dataclass(frozen=True)
class FieldChange:
    label: str
    before: str
    after: str


def _shown(field: Any, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if field.is_relation:
        return str(field.related_model.objects.filter(pk=value).first() or value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


def revision_changes(*, revision: OpportunityRevision) -> list[FieldChange]:
    """Field by field, what the proposal changes: the live value and the proposed one (a
    new record's every field, against nothing)."""
    live = revision.opportunity
    changes = []
    for key, raw in revision.data.items():
        try:
            field: Any = Opportunity._meta.get_field(key)
        except Exception:  # noqa: BLE001, S112 - a key no field has is not shown
            continue
        after = field.to_python(raw)
        before = field.value_from_object(live) if live is not None else None
        if live is not None and before == after:
            continue
        label = str(field.verbose_name)
        base, _sep, language = key.rpartition("_")
        if base in TRANSLATED_FIELDS:
            label = f"{label} ({language})"
        changes.append(FieldChange(label, _shown(field, before), _shown(field, after)))
    return changes


def opportunity_from_confirmation(*, token: str, max_age_days: int) -> Opportunity | None:
    """The record a confirmation link names, if the link is genuine, not expired and not
    already used (the record's confirmation date is still the one it was signed with)."""
    try:
        payload = signing.TimestampSigner(salt=CONFIRM_SALT).unsign_object(
            token, max_age=timedelta(days=max_age_days)
        )
    except signing.BadSignature:
        return None
    if not isinstance(payload, dict) or not isinstance(payload.get("pk"), int):
        return None
    return (
        Opportunity.objects.filter(pk=payload["pk"], confirmed_on=str(payload.get("on")))
        .exclude(status=Opportunity.Status.ARCHIVED)
        .first()
    )


# --- The next concrete step towards a pathway not met yet (for the plan) --------------------

# Which service of the information points' taxonomy helps with each kind of pathway.
PATHWAY_SERVICES = {
    "temporary_work": "labour-mobility",
    "seasonal_work": "labour-mobility",
    "study": "regular-migration-information",
    "family": "document-guidance",
    "visitor": "document-guidance",
    "free_mobility": "document-guidance",
    "asylum": "legal-advice",
    "humanitarian": "legal-advice",
    "regularisation": "legal-advice",
}


@dataclass(frozen=True)
class NextStep:
    """What the person can do now: go to `name` (linked by `url`), which offers `service`."""

    service: str  # the service's name, in the active language
    name: str
    url: str
    distance_km: float | None


def pathway_next_step(*, pathway_kind: str, facts: Facts) -> NextStep | None:
    """For a pathway the person does not meet yet, the nearest public information point that
    offers the service helping with its kind (for a work visa: labour-mobility programmes),
    from the person's municipality (`facts.place_id`), else any in their country
    (`facts.nationality`); None when there is none. A plan shows it instead of a bare
    "you need a job offer"; the plans app decides where."""
    from rumbo.infopoints.models import Service
    from rumbo.infopoints.selectors import info_point_list_nearest, info_point_list_public

    code = PATHWAY_SERVICES.get(pathway_kind)
    service = Service.objects.filter(code=code).first() if code else None
    if service is None:
        return None
    origin = (
        Place.objects.filter(pk=facts.place_id, kind=Place.Kind.CITY).first()
        if facts.place_id
        else None
    )
    if origin is not None:
        nearest = info_point_list_nearest(
            latitude=origin.latitude, longitude=origin.longitude, limit=1, service=code
        )
        if nearest:
            point, distance = nearest[0]
            return NextStep(service.name, point.name, point.get_absolute_url(), distance)
    if not facts.nationality:
        return None
    found = (
        info_point_list_public()
        .filter(services=service, place__country__code=facts.nationality.upper())
        .order_by("name")
        .first()
    )
    if found is None:
        return None
    return NextStep(service.name, found.name, found.get_absolute_url(), None)
