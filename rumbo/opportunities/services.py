"""Writes of the opportunities. Opportunities hold no personal data, so no audit entry."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from rumbo.core.models import Place
from rumbo.guides.models import Document
from rumbo.opportunities.models import Opportunity, OpportunityLanguage, OpportunityRule


@dataclass(frozen=True)
class RuleSpec:
    """One further condition (see OpportunityRule); messages by language code."""

    fact: str
    operator: str
    value: str
    messages: dict[str, str]
    requires_answer: bool = False


@transaction.atomic
def opportunity_upsert(
    *,
    slug: str,
    fields: dict[str, Any],
    places: Sequence[Place] = (),
    documents: Iterable[Document] = (),
    languages: Iterable[str] = (),
    rules: Iterable[RuleSpec] = (),
    today: date | None = None,
) -> Opportunity:
    """Creates or replaces the opportunity `slug` with its places, documents, languages and
    rules, all validated (`full_clean`) before anything is written.

    A new opportunity may not be created with a deadline already past: nobody could apply.
    Raises ValidationError naming the field; nothing is written then.
    """
    today = today or timezone.localdate()
    opportunity = Opportunity.objects.filter(slug=slug).first()
    created = opportunity is None
    if opportunity is None:
        opportunity = Opportunity(slug=slug)
    for name, value in fields.items():
        setattr(opportunity, name, value)
    opportunity.full_clean()
    deadline = opportunity.application_deadline
    if created and deadline is not None and deadline < today:
        raise ValidationError(
            {"application_deadline": _("The application deadline is already past.")}
        )
    language_rows = [OpportunityLanguage(code=code) for code in languages]
    rule_rows = [
        OpportunityRule(
            fact=spec.fact,
            operator=spec.operator,
            value=spec.value,
            requires_answer=spec.requires_answer,
            **{f"unmet_message_{code}": message for code, message in spec.messages.items()},
        )
        for spec in rules
    ]
    # Children are validated before the opportunity exists, so without their parent key.
    for child in [*language_rows, *rule_rows]:
        child.full_clean(exclude=["opportunity"])
    opportunity.save()
    opportunity.places.set(places)
    opportunity.documents.set(documents)
    opportunity.languages.all().delete()
    opportunity.rules.all().delete()
    for language in language_rows:
        language.opportunity = opportunity
    for rule in rule_rows:
        rule.opportunity = opportunity
    OpportunityLanguage.objects.bulk_create(language_rows)
    OpportunityRule.objects.bulk_create(rule_rows)
    return opportunity


@transaction.atomic
def opportunity_status_set(*, opportunity: Opportunity, status: str) -> Opportunity:
    """Publishes, archives or returns an opportunity to draft; publishing checks that the
    opportunity says how to apply (Opportunity.clean)."""
    opportunity.status = status
    opportunity.full_clean()
    opportunity.save(update_fields=["status", "updated_at"])
    return opportunity
