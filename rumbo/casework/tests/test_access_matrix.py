"""Every staff page and API endpoint × every role × own point / other point.

The routes come from the URL configuration: a new casework route (or a casework API
endpoint) without a line in POLICY fails `test_every_casework_route_has_a_policy`, so no
endpoint can escape the matrix.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from rumbo.audit.models import AuditEntry

POINT_STAFF = {"advisor_a", "coordinator_a", "advisor_b", "coordinator_b"}
STAFF = POINT_STAFF | {"country_manager_mx", "administrator", "auditor"}
ROLES = sorted(STAFF | {"anonymous", "no_role", "unverified_advisor_a"})
# Which points each role works at (personal data), and which it sees in reports.
POINTS_OF = {"advisor_a": {"A"}, "coordinator_a": {"A"}, "advisor_b": {"B"}, "coordinator_b": {"B"}}
REPORT_POINTS_OF = POINTS_OF | {"country_manager_mx": {"A"}, "administrator": {"A", "B"}}
COORDINATORS_OF = {"coordinator_a": {"A"}, "coordinator_b": {"B"}}

# route: (method, object kind, who may use it for an object of point P)
POLICY = {
    # Public, or the login itself: reachable by anyone, hold no records.
    "appointment_request": ("public", None, None),
    "login": ("public", None, None),
    "login_verify": ("public", None, None),
    "login_enrol": ("public", None, None),
    "logout": ("public", None, None),
    # Staff pages.
    "home": ("GET", None, lambda role, point: role in STAFF),
    "consultation_list": ("GET", None, lambda role, point: role in POINT_STAFF),
    "consultation_create": ("GET", None, lambda role, point: role in POINT_STAFF),
    "referral_list": ("GET", None, lambda role, point: role in POINT_STAFF),
    "audit_log": ("GET", None, lambda role, point: role == "auditor"),
    "appointment_detail": (
        "GET",
        "appointment",
        lambda role, point: point in POINTS_OF.get(role, ()),
    ),
    "consultation_detail": (
        "GET",
        "consultation",
        lambda role, point: point in POINTS_OF.get(role, ()),
    ),
    "consultation_export": (
        "POST",
        "consultation",
        lambda role, point: point in COORDINATORS_OF.get(role, ()),
    ),
    "consultation_erase": (
        "POST",
        "consultation",
        lambda role, point: point in COORDINATORS_OF.get(role, ()),
    ),
    "referral_detail": ("GET", "referral", lambda role, point: point in POINTS_OF.get(role, ())),
    "report": ("GET", "report", lambda role, point: point in REPORT_POINTS_OF.get(role, ())),
    "report_export": (
        "GET",
        "report_export",
        lambda role, point: point in REPORT_POINTS_OF.get(role, ()),
    ),
}


def casework_routes() -> list[str]:
    """Names of every casework route, and of every API route under /api/casework/."""

    def walk(patterns, namespace: str, prefix: str):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(
                    pattern.url_patterns,
                    pattern.namespace or namespace,
                    prefix + str(pattern.pattern),
                )
            elif isinstance(pattern, URLPattern) and pattern.name:
                route = prefix + str(pattern.pattern)
                if namespace == "casework" or (namespace == "api" and "casework" in route):
                    yield f"{namespace}:{pattern.name}"

    return sorted(set(walk(get_resolver().url_patterns, "", "")))


def test_every_casework_route_has_a_policy():
    routes = casework_routes()
    assert "casework:consultation_detail" in routes  # discovery works
    missing = [name for name in routes if name.split(":", 1)[1] not in POLICY]
    assert missing == [], "add these routes to POLICY in this test, with who may use them"


def request_for(world, route: str, kind: str | None, point: str) -> tuple[str, dict]:
    if kind is None:
        return reverse(f"casework:{route}"), {}
    if kind == "report":
        return reverse("casework:report"), {"point": world.points[point].pk}
    if kind == "report_export":
        return reverse("casework:report_export", args=["csv"]), {"point": world.points[point].pk}
    record = {
        "appointment": world.appointments,
        "consultation": world.consultations,
        "referral": world.referrals,
    }[kind][point]
    return reverse(f"casework:{route}", kwargs={"pk": record.pk}), {}


STAFF_ROUTES = sorted(name for name, (method, _k, _a) in POLICY.items() if method != "public")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("route", STAFF_ROUTES)
def test_access_matrix(world, route, role):
    method, kind, allowed = POLICY[route]
    for point in ("A", "B") if kind else ("A",):
        client = world.client_for(role)
        url, params = request_for(world, route, kind, point)
        reads_before = AuditEntry.objects.filter(action=AuditEntry.Action.READ).count()
        if method == "POST":
            response = client.post(url, {"reason": "person asked"})
        else:
            response = client.get(url, params)
        body = response.content.decode(errors="replace")
        assert allowed is not None
        permitted = allowed(role, point) if kind else allowed(role, None)
        where = f"{route} as {role} on point {point}: {response.status_code}"
        if permitted:
            assert response.status_code in (200, 302), where
            if response.status_code == 302:
                assert "login" not in response["Location"], where
        else:
            if role in ("anonymous", "unverified_advisor_a"):
                assert response.status_code == 302, where
                assert response["Location"].startswith(reverse("casework:login")), where
            else:
                # 400: the report form does not offer a point outside the user's scope.
                assert response.status_code in (302, 400, 403, 404), where
                if response.status_code == 302:
                    assert response["Location"].startswith(reverse("casework:login")), where
            # A refused request reads nothing: no audit entry of a read either.
            reads_after = AuditEntry.objects.filter(action=AuditEntry.Action.READ).count()
            assert reads_after == reads_before, where
        # Whatever the answer, no personal data of a point the role does not work at.
        for other in ("A", "B"):
            if other not in POINTS_OF.get(role, ()):
                for secret in world.secrets[other]:
                    assert secret not in body, f"{where} shows {secret}"
        assert "no-store" in response.get("Cache-Control", ""), f"{where} may be cached"


@pytest.mark.parametrize("role", ["advisor_a", "coordinator_a"])
def test_point_staff_see_their_own_personal_data(world, role):
    client = world.client_for(role)
    body = client.get(
        reverse("casework:consultation_detail", args=[world.consultations["A"].pk])
    ).content
    assert b"SECRET-ALIAS-A" in body
    assert b"SECRET-NOTES-A" in body


def test_receiving_point_sees_a_referral_only_with_consented_data(world):
    from rumbo.casework.models import StaffRole

    from .conftest import login_verified

    receiving = world.users["advisor_b"]
    StaffRole.objects.create(
        user=receiving, role=StaffRole.Role.ADVISOR, info_point=world.points["C"]
    )
    client = login_verified(world.client_for("anonymous"), receiving)
    shared = client.get(reverse("casework:referral_detail", args=[world.referrals["A"].pk]))
    assert b"SECRET-ALIAS-A" in shared.content
    # ...but never the sending point's consultation itself (notes stay there).
    assert b"SECRET-NOTES-A" not in shared.content
    consultation = client.get(
        reverse("casework:consultation_detail", args=[world.consultations["A"].pk])
    )
    assert consultation.status_code == 404
