from django.urls import reverse

# Every public page of this app; tests walk these (see rumbo.core.pages).
PAGES = {
    "home": lambda: reverse("core:home"),
}
EXCLUDED = {
    "healthz": "a JSON health check for load balancers, not a page",
    "job": "progress of a background job, for staff only",
}
