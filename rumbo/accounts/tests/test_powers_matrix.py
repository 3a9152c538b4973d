"""Every login form × every kind of account × every page that uses a power.

The rule (docs/security.md): an account holding a staff or facilitator power must pass its
second factor before any power works, whichever login it used, and a learner's session
never carries one. Pages that use a power are discovered from the URL configuration: every
route under the staff, campus management, jobs and admin prefixes, and any route whose view
carries the `uses_powers` mark of rumbo.accounts.decorators, so a new one cannot escape.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.converters import IntConverter, SlugConverter, UUIDConverter
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from rumbo.accounts.models import User
from rumbo.accounts.services import totp_device_ensure
from rumbo.casework.factories import StaffRoleFactory
from rumbo.core.services import job_create
from rumbo.learning.factories import LearnerProfileFactory
from rumbo.learning.models import Course, Facilitator, Topic

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"
COURSE = "matrix-course"
POWER_PREFIXES = ("staff/", "campus/manage/", "jobs/", "admin/")
# The doors themselves: reachable by anyone, they hold no power.
LOGIN_ROUTES = {
    "casework:login",
    "casework:login_verify",
    "casework:login_enrol",
    "casework:logout",
    "admin:login",
    "admin:logout",
}
KINDS = ["learner", "facilitator", "staff_role", "django_staff"]
LOGINS = ["staff", "campus", "admin"]
# What each kind reaches once its second factor is passed (proves the matrix can see a
# page work, so that its refusals mean something).
REACHES = {
    "learner": [],
    "facilitator": ["learning:manage", "learning:manage_course"],
    "staff_role": ["casework:home", "learning:staff_trainings"],
    "django_staff": ["learning:manage", "core:job", "admin:index"],
}


def power_routes() -> list[tuple[str, object]]:
    """(name, pattern) of every route that uses a power."""

    def walk(patterns, namespace: str, prefix: str):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(
                    pattern.url_patterns,
                    pattern.namespace or namespace,
                    prefix + str(pattern.pattern),
                )
            elif isinstance(pattern, URLPattern) and pattern.name:
                name = f"{namespace}:{pattern.name}"
                route = prefix + str(pattern.pattern).lstrip("^")
                marked = getattr(pattern.callback, "uses_powers", False)
                if name not in LOGIN_ROUTES and (marked or route.startswith(POWER_PREFIXES)):
                    yield name, pattern

    return sorted(dict(walk(get_resolver().url_patterns, "", "")).items())


def url_for(name: str, pattern, world: dict) -> str:
    kwargs = {}
    converters = getattr(pattern.pattern, "converters", {})
    for key in pattern.pattern.regex.groupindex:
        converter = converters.get(key)
        if isinstance(converter, UUIDConverter):
            kwargs[key] = world["job"]
        elif isinstance(converter, IntConverter):
            kwargs[key] = 1
        elif isinstance(converter, SlugConverter):
            kwargs[key] = COURSE
        elif key == "app_label":
            kwargs[key] = "accounts"
        elif key == "file_format":
            kwargs[key] = "csv"
        else:
            kwargs[key] = "1"
    return reverse(name, kwargs=kwargs)


def code_for(user: User) -> str:
    device = TOTPDevice.objects.get(user=user, confirmed=True)
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def world(db) -> dict:
    course = Course.objects.create(slug=COURSE, topic=Topic.values[0], audience="everyone")
    learner = LearnerProfileFactory(user__email="learner@example.org").user
    facilitator = User.objects.create_user(email="facilitator@example.org", password=PASSWORD)
    course.facilitators.add(
        Facilitator.objects.create(slug="matrix", name="Marta", user=facilitator)
    )
    staff_role = User.objects.create_user(email="advisor@example.org", password=PASSWORD)
    StaffRoleFactory(user=staff_role)
    django_staff = User.objects.create_superuser(email="admin@example.org", password=PASSWORD)
    for user in (facilitator, staff_role, django_staff):
        totp_device_ensure(user=user)
    users = {
        "learner": learner,
        "facilitator": facilitator,
        "staff_role": staff_role,
        "django_staff": django_staff,
    }
    return {"users": users, "job": job_create(kind="export").pk}


def log_in(client, login: str, user: User, *, with_code: bool) -> None:
    """Goes through one login form as far as the account gets: the password alone, or
    (with_code) on through the second factor when the form asks for it."""
    if login == "admin":
        data = {"username": user.email, "password": PASSWORD, "next": "/admin/"}
        if with_code and TOTPDevice.objects.filter(user=user).exists():
            data["otp_token"] = code_for(user)
        client.post(reverse("admin:login"), data)
        return
    if login == "staff":
        response = client.post(
            reverse("casework:login"), {"username": user.email, "password": PASSWORD}
        )
    else:
        response = client.post(
            reverse("learning:login"), {"username": user.email, "password": PASSWORD}
        )
    verify = reverse("casework:login_verify")
    if with_code and response.status_code == 302 and response["Location"] == verify:
        client.post(verify, {"token": code_for(user)})


def refused(response) -> bool:
    if response.status_code == 302:
        target = response["Location"].split("?")[0]
        return target in {
            reverse("casework:login"),
            reverse("learning:login"),
            reverse("admin:login"),
        }
    return response.status_code in (403, 404, 405)


def test_discovery_finds_every_kind_of_power_page():
    names = {name for name, _pattern in power_routes()}
    assert {"casework:home", "learning:manage_csv", "core:job", "admin:index"} <= names
    assert not names & LOGIN_ROUTES


def test_every_power_page_outside_the_admin_checks_the_second_factor():
    unmarked = [
        name
        for name, pattern in power_routes()
        if not name.startswith("admin:") and not getattr(pattern.callback, "uses_powers", False)
    ]
    assert unmarked == [], "decorate these views with rumbo.accounts.decorators.powers_required"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("login", LOGINS)
def test_a_password_alone_reaches_no_power(client, world, login, kind):
    log_in(client, login, world["users"][kind], with_code=False)
    for name, pattern in power_routes():
        url = url_for(name, pattern, world)
        response = client.get(url)
        assert refused(response), f"{login} login, {kind}: {url} answered {response.status_code}"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("login", LOGINS)
def test_after_the_second_factor_powers_work_only_for_their_holders(client, world, login, kind):
    user = world["users"][kind]
    log_in(client, login, user, with_code=True)
    verified = client.session.get("otp_device_id") is not None
    # The admin's form lets in Django staff only; the other two let in every holder.
    assert verified == (kind != "learner" and (login != "admin" or kind == "django_staff"))
    reaches = set(REACHES[kind]) if verified else set()
    for name, pattern in power_routes():
        url = url_for(name, pattern, world)
        response = client.get(url)
        where = f"{login} login, {kind}: {url} answered {response.status_code}"
        if name in reaches:
            assert response.status_code == 200, where
        elif kind == "learner":
            assert refused(response), where
        else:
            assert response.status_code < 500, where
