"""The editors' review queue: facts never verified first, then facts due for re-verification
(high-risk ones sooner) and facts citing a broken or moved link; within each group, the facts
most plans rely on first. Read-only (a selector), shown in the admin (admin.py).

"How many plans use a fact" is computed from the plans themselves: each unexpired plan's
answers are read as facts and run through the eligibility engine, as its page would; a
pathway counts once per plan it fits, a document issuance once per plan whose fitting
pathways require that document in the person's country. Articles are not counted (every plan
shows the same few). The plans app is imported inside the function: plans depends on guides,
not the other way round, and only this editors' page needs it.
"""

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from django.core.cache import cache
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rumbo.guides.eligibility import Facts, pathway_list_for
from rumbo.guides.models import Article, DocumentIssuance, LinkCheck, Pathway, Verified, stale_q

# Reading every plan is linear in their number: the newest are enough to rank the queue,
# and the counts are kept a few minutes (5,000 plans took 3.7 s on 2 cores before grouping).
PLANS_READ_LIMIT = 5000
USAGE_CACHE_KEY = "guides:review:plan-usage"
USAGE_CACHE_SECONDS = 600


@dataclass
class ReviewItem:
    record: Verified
    reasons: list[str] = field(default_factory=list)
    plans: int = 0

    @property
    def rank(self) -> tuple[int, int, str]:
        return (0 if not self.record.is_verified else 1, -self.plans, str(self.record))


@dataclass
class PlanUsage:
    pathways: Counter = field(default_factory=Counter)  # pathway pk -> plans
    issuances: Counter = field(default_factory=Counter)  # (document pk, country code) -> plans


def plan_usage() -> PlanUsage:
    from rumbo.plans.engine import flow_load
    from rumbo.plans.models import Plan
    from rumbo.plans.selectors import plan_facts

    cached = cache.get(USAGE_CACHE_KEY)
    if cached is not None:
        return cached
    # Many plans share the same facts (the place does not change which pathways fit):
    # count plans per distinct facts, then run the engine once per distinct facts.
    plans_per_facts: Counter = Counter()
    plans = Plan.objects.filter(expires_at__gt=timezone.now()).order_by("-created_at")
    for plan in plans.only("questionnaire_id", "answers")[:PLANS_READ_LIMIT]:
        flow = flow_load(questionnaire_id=plan.questionnaire_id)
        if flow is not None:
            facts: Facts = plan_facts(flow=flow, plan=plan)
            if facts.destination or facts.nationality:
                plans_per_facts[replace(facts, place_id=None)] += 1
    usage = PlanUsage()
    for facts, count in plans_per_facts.items():
        documents: set[int] = set()
        for pathway, unmet in pathway_list_for(facts=facts):
            if not unmet:
                usage.pathways[pathway.pk] += count
                documents.update(document.pk for document in pathway.documents.all())
        if facts.nationality:
            for document_pk in documents:
                usage.issuances[(document_pk, facts.nationality.upper())] += count
    cache.set(USAGE_CACHE_KEY, usage, USAGE_CACHE_SECONDS)
    return usage


def _link_problems() -> dict[str, LinkCheck]:
    return {check.url: check for check in LinkCheck.objects.exclude(outcome=LinkCheck.Outcome.OK)}


def review_queue() -> list[ReviewItem]:
    """Every fact an editor should look at, in the order to look at them."""
    problems = _link_problems()
    bad_urls = list(problems)
    usage = plan_usage()
    items: list[ReviewItem] = []
    for model in (Pathway, DocumentIssuance, Article):
        linked = Q(sources__url__in=bad_urls)
        if model is DocumentIssuance:
            linked |= Q(official_url__in=bad_urls)
        queryset: QuerySet[Any] = model.objects.filter(stale_q() | linked).distinct()
        queryset = queryset.prefetch_related("sources")
        if model is DocumentIssuance:
            queryset = queryset.select_related("document", "country")
        for record in queryset:
            item = ReviewItem(record=record)
            if not record.is_verified:
                item.reasons.append(str(_("Not yet verified")))
            elif record.is_stale:
                item.reasons.append(str(_("Due for re-verification")))
            urls = [source.url for source in record.sources.all()]
            if isinstance(record, DocumentIssuance):
                urls.append(record.official_url)
                item.plans = usage.issuances[(record.document_id, record.country.code)]
            elif isinstance(record, Pathway):
                item.plans = usage.pathways[record.pk]
            for url in dict.fromkeys(urls):
                if url in problems:
                    item.reasons.append(
                        str(_("Link %(outcome)s: %(url)s"))
                        % {"outcome": problems[url].get_outcome_display(), "url": url}
                    )
            items.append(item)
    items.sort(key=lambda item: item.rank)
    return items
