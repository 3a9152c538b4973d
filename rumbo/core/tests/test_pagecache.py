"""The page cache (rumbo/core/pagecache.py): which pages it stores, its keys, conditional
requests, and invalidation by every kind of content change when the change commits."""

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import RequestFactory

from rumbo.core import pagecache
from rumbo.core.kept import KeptInProcess
from rumbo.core.models import Country
from rumbo.core.pages import public_page_list

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_data")]

GZIP = {"accept-encoding": "gzip"}

# Public pages that must never come from the shared cache, and why. Every other public page
# must be served from it on a second visit (so a page that stops being cacheable fails here).
NEVER_STORED = {
    "plans:question": "a person's answers (never_cache)",
    "plans:question-place": "a person's answers (never_cache)",
    "plans:question-place-state": "a person's answers (never_cache)",
    "plans:question-age": "a person's answers (never_cache)",
    "plans:question-destination": "a person's answers (never_cache)",
    "plans:question-documents": "a person's answers (never_cache)",
    "plans:plan": "a person's plan (never_cache)",
    "plans:plan-every-goal": "a person's plan (never_cache)",
    "plans:plan-here": "a person's plan (never_cache)",
    "plans:delete": "a person's plan (never_cache)",
    "casework:appointment_request": "a form with a CSRF token",
    "learning:register": "a form with a CSRF token",
    "learning:login": "a form with a CSRF token",
    "learning:recover": "sets a cookie",
    "learning:register_username": "sets a cookie",
    # Campus pages read the session (a learner's progress), so they vary by cookie.
    "learning:catalogue": "varies by cookie",
    "learning:version": "varies by cookie",
    "learning:lesson": "varies by cookie",
    "certificates:certificate": "a learner's name (private)",
    "certificates:form": "private",
}


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.RUMBO_PAGE_CACHE_ENABLED = True


def committed(change) -> None:
    """Runs `change` as a committed transaction would: its on_commit callbacks run."""
    from django.db import connection

    with transaction.atomic():
        change()
    # The test's own transaction never commits: run what was waiting for the commit.
    callbacks = [entry[1] for entry in connection.run_on_commit]
    connection.run_on_commit = []
    for func in callbacks:
        func()


def visit(client, url: str, **headers: str):
    return client.get(url, headers=GZIP | headers)


def state(response) -> str:
    return response.headers.get("X-Page-Cache", "")


def warm(client, url: str, **headers: str) -> None:
    visit(client, url, **headers)
    assert state(visit(client, url, **headers)) == "hit", url


@pytest.mark.parametrize("name", sorted(public_page_list()))
def test_public_page_is_served_from_the_cache_unless_it_holds_personal_data(client, name):
    url = public_page_list()[name]()
    first = visit(client, url)
    second = visit(client, url)
    if name in NEVER_STORED:
        assert state(second) != "hit"
        assert not state(second).startswith("miss")
        control = second.headers.get("Cache-Control", "")
        assert "public" not in control
    else:
        assert state(first) == "miss", (url, state(first))
        assert state(second) == "hit", (url, state(second))
        assert second.content == first.content
        assert not second.cookies
        assert b"csrfmiddlewaretoken" not in second.content
        assert second["Cache-Control"].startswith("public, max-age=0, s-maxage=")


def test_staff_pages_are_never_stored_nor_served_from_the_cache(client):
    staff = get_user_model().objects.filter(is_staff=True).first()
    assert staff is not None
    client.force_login(staff)
    for url in ("/guides/", "/staff/", "/campus/"):
        response = visit(client, url)
        assert "X-Page-Cache" not in response.headers  # a session: the cache is not asked
    client.logout()
    client.cookies.clear()
    assert state(visit(client, "/guides/")) == "miss"


def test_a_page_rendered_for_a_logged_in_learner_is_not_served_to_anyone(client):
    learner = get_user_model().objects.create_user(email="pc-learner@example.org", password="x")
    client.force_login(learner)
    mine = visit(client, "/guides/")
    client.logout()
    client.cookies.clear()
    anonymous = visit(client, "/guides/")
    assert state(anonymous) == "miss"
    assert mine.status_code == 200


def test_a_page_that_read_personal_data_is_not_stored():
    request = RequestFactory().get("/guides/")
    response = pagecache.HttpResponse("ok", headers={"Content-Language": "es"})
    clean = pagecache.Reading(versions={}, tables={"guides_pathway"})
    personal = pagecache.Reading(versions={}, tables={"guides_pathway", "plans_plan"})
    assert pagecache.refusal(request, response, clean) == ""
    assert pagecache.refusal(request, response, personal) == "read personal data"


@pytest.mark.parametrize(
    ("headers", "reason"),
    [
        ({"Set-Cookie": "a=b"}, "sets a cookie"),
        ({"Cache-Control": "private"}, "private"),
        ({"Cache-Control": "max-age=0, no-cache, no-store, must-revalidate"}, "private"),
        ({"Vary": "Accept-Language, Cookie"}, "varies by cookie"),
    ],
)
def test_responses_that_are_personal_are_refused(headers, reason):
    request = RequestFactory().get("/guides/")
    response = pagecache.HttpResponse("ok", headers={"Content-Language": "es"})
    if "Set-Cookie" in headers:
        response.set_cookie("a", "b")
    else:
        for name, value in headers.items():
            response.headers[name] = value
    assert pagecache.refusal(request, response, pagecache.Reading(versions={})) == reason


def test_a_page_using_a_csrf_token_is_refused():
    request = RequestFactory().get("/guides/")
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    response = pagecache.HttpResponse("ok", headers={"Content-Language": "es"})
    assert pagecache.refusal(request, response, pagecache.Reading(versions={})) == (
        "uses a CSRF token"
    )


@pytest.mark.parametrize(
    "headers",
    [{"authorization": "Bearer x"}, {"cookie": "sessionid=abc"}, {"cookie": "messages=abc"}],
)
def test_requests_with_credentials_or_messages_bypass_the_cache(client, headers):
    warm(client, "/guides/")
    response = visit(client, "/guides/", **headers)
    assert "X-Page-Cache" not in response.headers


def test_post_bypasses_the_cache(client):
    warm(client, "/plan/")
    factory = RequestFactory()
    assert pagecache.page_key(factory.post("/plan/")) is None
    assert pagecache.page_key(factory.get("/plan/")) is not None


def test_keys_differ_by_language_host_path_query_campaign_and_encoding():
    factory = RequestFactory()

    def key(path="/guides/", campaign=None, **headers):
        request = factory.get(path, headers=headers)
        if campaign is not None:
            request.campaign = campaign
        return pagecache.page_key(request)

    class Campaign:
        pk = 7

    base = key()
    assert key() == base
    assert key(**{"accept-language": "fr"}) != base
    assert key(cookie="django_language=ar") != base
    assert key(host="localhost") != base
    assert key("/guides/?q=pasaporte") != base
    assert key("/c/launch/guides/") != base
    assert key(campaign=Campaign()) != base
    assert key(**{"accept-encoding": "gzip"}) != base


def test_each_language_is_stored_and_served_apart(client):
    spanish = visit(client, "/guides/")
    english = visit(client, "/guides/", cookie="django_language=en")
    french = visit(client, "/guides/", **{"accept-language": "fr"})
    assert state(english) == state(french) == "miss"
    assert state(visit(client, "/guides/", cookie="django_language=en")) == "hit"
    again = visit(client, "/guides/", **{"accept-language": "fr"})
    assert again.content == french.content != spanish.content
    assert again["Content-Language"] == "fr"


def test_each_host_is_stored_apart(client):
    warm(client, "/guides/")
    assert state(client.get("/guides/", headers=GZIP, HTTP_HOST="localhost")) == "miss"


def test_unchanged_page_answers_304_without_a_body(client):
    first = visit(client, "/guides/")
    etag, modified = first["ETag"], first["Last-Modified"]
    by_tag = visit(client, "/guides/", **{"if-none-match": etag})
    assert by_tag.status_code == 304
    assert by_tag.content == b""
    assert by_tag["ETag"] == etag
    by_date = visit(client, "/guides/", **{"if-modified-since": modified})
    assert by_date.status_code == 304
    assert by_date.content == b""


def test_changed_page_answers_200_to_the_old_etag(client):
    from rumbo.guides.models import Pathway

    etag = visit(client, "/guides/")["ETag"]
    committed(lambda: Pathway.objects.filter(pk=Pathway.objects.first().pk).update(title_es="N"))
    response = visit(client, "/guides/", **{"if-none-match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_head_is_answered_from_the_cache_without_a_body(client):
    full = visit(client, "/guides/")
    head = client.head("/guides/", headers=GZIP)
    assert state(head) == "hit"
    assert head.content == b""
    assert head["Content-Length"] == str(len(full.content))
    assert head["ETag"] == full["ETag"]


def test_a_change_that_rolls_back_clears_nothing(client):
    from rumbo.guides.models import Pathway

    warm(client, "/guides/")

    def change_then_fail():
        Pathway.objects.update(title_es="Nunca")
        raise RuntimeError

    with pytest.raises(RuntimeError), transaction.atomic():
        change_then_fail()
    from django.db import connection

    assert not connection.run_on_commit
    # (this test's own transaction still holds the update; the page does not show it)
    assert state(visit(client, "/guides/")) == "hit"


def _pathway_page_changes(client, change, shows: bytes):
    from rumbo.guides.models import Pathway

    url = Pathway.objects.order_by("pk")[0].get_absolute_url()
    warm(client, url)
    committed(change)
    response = visit(client, url)
    assert state(response) == "miss"
    return response


def test_guides_change_clears_the_pages_that_show_it(client):
    from rumbo.guides.models import Pathway

    pathway = Pathway.objects.order_by("pk")[0]
    warm(client, pathway.get_absolute_url())
    warm(client, "/points/")

    def rename():
        pathway.title_es = "Ruta renombrada"
        pathway.save()

    committed(rename)
    response = visit(client, pathway.get_absolute_url())
    assert state(response) == "miss"
    assert "Ruta renombrada" in _text(response)
    assert state(visit(client, "/points/")) == "hit"  # it shows no pathway


def test_content_translation_change_clears_that_page(client):
    from rumbo.guides.models import Pathway

    pathway = Pathway.objects.order_by("pk")[0]
    url = pathway.get_absolute_url()
    warm(client, url, cookie="django_language=en")
    committed(lambda: Pathway.objects.filter(pk=pathway.pk).update(title_en="Renamed route"))
    response = visit(client, url, cookie="django_language=en")
    assert state(response) == "miss"
    assert "Renamed route" in _text(response)


def test_infopoint_change_clears_the_directory(client):
    from rumbo.infopoints.models import InfoPoint

    point = InfoPoint.objects.order_by("pk")[0]
    warm(client, point.get_absolute_url())
    committed(lambda: InfoPoint.objects.filter(pk=point.pk).update(name="Punto renombrado"))
    response = visit(client, point.get_absolute_url())
    assert state(response) == "miss"
    assert "Punto renombrado" in _text(response)


def test_opportunity_change_clears_its_page(client):
    from rumbo.opportunities.models import Opportunity

    url = public_page_list()["opportunities:detail"]()
    opportunity = Opportunity.objects.get(slug=url.rstrip("/").rsplit("/", 1)[-1])
    warm(client, url)
    committed(lambda: Opportunity.objects.filter(pk=opportunity.pk).update(title="Nueva beca"))
    response = visit(client, url)
    assert state(response) == "miss"
    assert "Nueva beca" in _text(response)


def test_survey_change_clears_the_campaigns_diagnosis(client):
    from rumbo.research.models import SurveyProject

    url = public_page_list()["research:diagnosis"]()
    warm(client, url)
    committed(lambda: SurveyProject.objects.update(method_note="Nota de método renovada"))
    response = visit(client, url)
    assert state(response) == "miss"
    assert "Nota de método renovada" in _text(response)


def test_campaign_change_clears_its_page(client):
    from rumbo.campaigns.models import Campaign

    campaign = Campaign.objects.order_by("pk")[0]
    url = campaign.get_absolute_url()
    warm(client, url)
    committed(lambda: Campaign.objects.filter(pk=campaign.pk).update(name="Campaña nueva"))
    response = visit(client, url)
    assert state(response) == "miss"
    assert "Campaña nueva" in _text(response)


@pytest.mark.parametrize(
    "label",
    [
        "guides.Pathway",
        "guides.Article",
        "infopoints.InfoPoint",
        "opportunities.Opportunity",
        "campaigns.Campaign",
        "learning.CourseVersion",
        "learning.Lesson",
        "core.Country",
        "core.Place",
        "plans.Questionnaire",
        "certificates.Issuer",
    ],
)
def test_every_content_change_gives_its_table_a_new_version_on_commit(label):
    from django.apps import apps

    model = apps.get_model(label)
    table = model._meta.db_table
    before = pagecache.table_versions([table])[table]
    row = model.objects.order_by("pk").first()
    assert row is not None, label
    with transaction.atomic():
        row.save()  # as the admin saves an edit
        assert pagecache.table_versions([table])[table] == before  # not before the commit
    from django.db import connection

    callbacks = [entry[1] for entry in connection.run_on_commit]
    connection.run_on_commit = []
    for func in callbacks:
        func()
    assert pagecache.table_versions([table])[table] != before


def test_personal_data_changes_touch_no_version():
    assert "plans_plan" not in pagecache.content_tables()
    assert "casework_consultation" not in pagecache.content_tables()
    assert "learning_attempt" not in pagecache.content_tables()
    assert "guides_pathway" in pagecache.content_tables()


def test_country_change_clears_the_pages_that_name_it(client):
    warm(client, "/guides/")
    committed(lambda: Country.objects.filter(code="HN").update(name_es="Honduras renombrada"))
    response = visit(client, "/guides/")
    assert state(response) == "miss"
    assert "Honduras renombrada" in _text(response)


def test_country_change_clears_the_home_page(client):
    warm(client, "/")
    committed(lambda: Country.objects.filter(code="HN").update(name_es="Honduras renombrada"))
    response = visit(client, "/")
    assert "Honduras renombrada" in _text(response)


def test_questionnaire_change_clears_the_plan_landing(client):
    from rumbo.plans.models import Questionnaire

    warm(client, "/plan/")
    committed(lambda: Questionnaire.objects.update(title="Cuestionario nuevo"))
    response = visit(client, "/plan/")
    assert state(response) == "miss"
    assert "Cuestionario nuevo" in _text(response)


def test_a_stale_copy_kept_in_another_process_never_reaches_the_cache(client):
    """update() sends no signal, so this process's kept questionnaire is not cleared, as in a
    process that did not make the change; the page must still show the new title."""
    from rumbo.plans.engine import flow_load
    from rumbo.plans.models import Questionnaire

    flow_load()  # kept in this process
    warm(client, "/plan/")
    committed(lambda: Questionnaire.objects.update(title="Título cambiado en otro proceso"))
    assert flow_load().questionnaire.title != "Título cambiado en otro proceso"  # still stale
    response = visit(client, "/plan/")
    assert "Título cambiado en otro proceso" in _text(response)


def test_kept_value_is_reloaded_for_a_page_when_its_tables_changed():
    loads = []
    kept: KeptInProcess[int] = KeptInProcess(seconds=60)

    def load() -> int:
        loads.append(1)
        return Country.objects.count()

    kept.get("k", load)
    with pagecache.reading(pagecache.table_versions(pagecache.content_tables())) as page:
        kept.get("k", load)
    assert len(loads) == 1
    assert "core_country" in page.tables
    committed(lambda: Country.objects.filter(code="HN").update(name="Otra"))
    kept.get("k", load)  # outside a page: the kept copy serves this process
    assert len(loads) == 1
    with pagecache.reading(pagecache.table_versions(pagecache.content_tables())):
        kept.get("k", load)
    assert len(loads) == 2


def _text(response) -> str:
    import gzip

    body = response.content
    if response.get("Content-Encoding") == "gzip":
        body = gzip.decompress(body)
    return body.decode()


def test_pages_that_say_open_now_are_kept_at_most_a_minute(client, monkeypatch):
    from rumbo.infopoints.models import InfoPoint

    timeouts = []
    store = pagecache.page_cache()
    original = store.set

    def recording_set(key, value, timeout=None, **kwargs):
        timeouts.append(timeout)
        return original(key, value, timeout, **kwargs)

    monkeypatch.setattr(store, "set", recording_set)
    visit(client, InfoPoint.objects.order_by("pk")[0].get_absolute_url())
    visit(client, "/guides/")
    assert timeouts == [60, 600]
