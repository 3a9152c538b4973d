import pytest
from django.urls import NoReverseMatch, reverse

from rumbo.measurement import counters
from rumbo.measurement.middleware import device_class, referring_domain
from rumbo.measurement.models import DailyCount

pytestmark = pytest.mark.django_db

PHONE = "Mozilla/5.0 (Linux; Android 14; SM-A146M) AppleWebKit/537.36 Mobile Safari/537.36"


def pending_keys() -> set[tuple[str, str]]:
    return {(str(metric), key) for (_d, _s, _c, metric, key) in counters.counts_pending()}


@pytest.mark.parametrize(
    ("agent", "expected"),
    [
        (PHONE, "mobile"),
        ("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) Safari/604.1", "tablet"),
        ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/128.0", "desktop"),
        ("Mozilla/5.0 (compatible; Googlebot/2.1)", ""),
        ("", ""),
    ],
)
def test_device_class_from_the_user_agent(agent, expected):
    assert device_class(agent) == expected


@pytest.mark.parametrize(
    ("referer", "expected"),
    [
        ("https://m.facebook.com/story.php?id=1", "facebook.com"),
        ("https://www.google.com.gt/search?q=visa", "google.com.gt"),
        ("https://maria-lopez.blogspot.com/2026/11/post.html", "blogspot.com"),
        ("https://migracion.gob.mx/tramites", "migracion.gob.mx"),
        ("http://192.0.2.4/page", ""),
        ("not a url", ""),
    ],
)
def test_referring_site_is_kept_as_its_domain_only(referer, expected):
    assert referring_domain(referer) == expected


def test_public_page_view_is_counted_by_kind_device_and_source(client):
    response = client.get(
        reverse("core:home"), HTTP_USER_AGENT=PHONE, HTTP_REFERER="https://t.co/abc"
    )
    assert response.status_code == 200
    assert pending_keys() == {("view", "core:home"), ("device", "mobile"), ("visit", "t.co")}


def test_page_reached_from_this_site_is_a_view_not_a_new_visit(client):
    client.get(
        reverse("core:home"),
        HTTP_USER_AGENT=PHONE,
        HTTP_REFERER="http://testserver/guides/",
    )
    assert ("visit", "direct") not in pending_keys()
    assert ("view", "core:home") in pending_keys()


@pytest.mark.parametrize("header", ["HTTP_DNT", "HTTP_SEC_GPC"])
def test_do_not_track_and_global_privacy_control_count_nothing(client, header):
    client.get(reverse("core:home"), HTTP_USER_AGENT=PHONE, **{header: "1"})
    assert counters.counts_pending() == {}


def test_robots_staff_pages_and_errors_are_not_counted(client):
    client.get(reverse("core:home"), HTTP_USER_AGENT="Googlebot/2.1")
    client.get("/staff/", HTTP_USER_AGENT=PHONE)
    client.get("/no-such-page/", HTTP_USER_AGENT=PHONE)
    client.get(reverse("measurement:dashboard"), HTTP_USER_AGENT=PHONE)
    assert counters.counts_pending() == {}


def test_no_public_page_sets_a_cookie(client):
    # Pages that need no records in the database (the journey test walks the plan and the
    # appointment request).
    names = [
        "core:home",
        "plans:landing",
        "guides:list",
        "infopoints:list",
        "opportunities:list",
        "campaigns:list",
        "learning:catalogue",
        "certificates:form",
    ]
    checked = 0
    for name in names:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        response = client.get(url, HTTP_USER_AGENT=PHONE, HTTP_REFERER="https://t.co/x")
        if response.status_code != 200:
            continue
        assert response.cookies == {}, name
        checked += 1
    assert checked >= 4
    assert ("visit", "t.co") in pending_keys()  # ...and they were counted


def test_flush_writes_counts_and_adds_to_existing_rows():
    for _index in range(3):
        counters.counts_add(site="yocamino", country="NI", metric="view", key="core:home")
    assert counters.counts_flush() == 1
    counters.counts_add(site="yocamino", country="NI", metric="view", key="core:home", amount=2)
    counters.counts_flush()
    row = DailyCount.objects.get(site="yocamino", key="core:home")
    assert row.count == 5
    assert counters.counts_pending() == {}


def test_counts_are_written_when_too_many_wait(settings):
    settings.RUMBO_MEASUREMENT_FLUSH_KEYS = 3
    for number in range(3):
        counters.counts_add(site="", country="", metric="view", key=f"page{number}")
    assert DailyCount.objects.filter(key__startswith="page").count() == 3
    assert counters.counts_pending() == {}


def test_counts_wait_for_the_next_flush_when_the_database_refuses(monkeypatch):
    counters.counts_add(site="", country="", metric="view", key="core:home")

    def refuse(*args, **kwargs):
        raise RuntimeError("database down")

    monkeypatch.setattr(counters.transaction, "atomic", refuse)
    assert counters.counts_flush() == 0
    assert len(counters.counts_pending()) == 1
