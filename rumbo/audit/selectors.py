from django.db.models import QuerySet

from rumbo.audit.models import AuditEntry


def audit_entry_list(*, readable: bool, action: str = "", target_type: str = "") -> QuerySet:
    """The audit log, newest first. `readable` comes from the caller's permission check
    (rumbo.casework.permissions.user_can_read_audit_log), so the log has one gatekeeper."""
    if not readable:
        return AuditEntry.objects.none()
    entries = AuditEntry.objects.select_related("actor")
    if action:
        entries = entries.filter(action=action)
    if target_type:
        entries = entries.filter(target_type=target_type)
    return entries
