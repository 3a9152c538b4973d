from django.urls import reverse

from rumbo.infopoints.models import InfoPoint

PAGES = {
    "appointment_request": lambda: reverse(
        "casework:appointment_request",
        kwargs={"slug": InfoPoint.objects.order_by("pk").values_list("slug", flat=True)[0]},
    ),
}

STAFF = "staff page: needs login with a second factor; covered by the access-control matrix"
EXCLUDED = {
    "login": "staff login form, not a public page (checked in rumbo/casework/tests)",
    "login_verify": "second login step, only reachable after a correct password",
    "login_enrol": "authenticator set-up, only reachable after a correct password",
    "logout": "POST target",
    "home": STAFF,
    "appointment_detail": STAFF,
    "consultation_list": STAFF,
    "consultation_create": STAFF,
    "consultation_detail": STAFF,
    "consultation_export": "staff POST target returning a file; " + STAFF,
    "consultation_erase": "staff POST target; " + STAFF,
    "referral_list": STAFF,
    "referral_detail": STAFF,
    "report": STAFF,
    "report_export": "staff file download; " + STAFF,
    "audit_log": STAFF,
}
