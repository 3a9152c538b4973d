from django.db import models, transaction

from rumbo.audit.models import AuditEntry

# A reason longer than its column is cut, not refused: by the time it is recorded the act has
# passed its own checks, and it must not fail over the length of its note. Forms that ask
# for a reason limit it to this length, so only a service's own text could ever be cut.
REASON_MAX_LENGTH = AuditEntry._meta.get_field("reason").max_length


def audit_record(
    *,
    actor,
    action: str,
    target: models.Model | None = None,
    target_type: str = "",
    target_id: str = "",
    info_point_id: int | None = None,
    reason: str = "",
) -> AuditEntry:
    """Writes one audit entry. It must run inside the transaction of the act it records, so
    the act and its entry are committed, or rolled back, together."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit_record() must run inside the audited act's transaction")
    if target is not None:
        target_type = target._meta.label_lower
        target_id = str(target.pk)
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=action,
        target_type=target_type,
        target_id=target_id,
        info_point_id=info_point_id,
        reason=reason[:REASON_MAX_LENGTH],
    )
