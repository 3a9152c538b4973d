"""The link checker against a local HTTP server on 127.0.0.1: never the internet."""

import http.server
import threading
import time

import pytest
from django.core.management import call_command
from django.test import override_settings

from rumbo.guides.factories import DocumentIssuanceFactory, SourceFactory
from rumbo.guides.links import HostPacer, link_check, link_check_all
from rumbo.guides.models import LinkCheck
from rumbo.guides.tasks import guides_links_check

Outcome = LinkCheck.Outcome


class Handler(http.server.BaseHTTPRequestHandler):
    methods: list[tuple[str, str]] = []

    def _answer(self) -> None:
        Handler.methods.append((self.command, self.path))
        if self.path == "/ok":
            self._send(200)
        elif self.path == "/moved":
            self._send(301, location="/ok")
        elif self.path == "/relative-chain":
            self._send(302, location="/moved")
        elif self.path == "/loop":
            self._send(302, location="/loop")
        elif self.path == "/missing":
            self._send(404)
        elif self.path == "/error":
            self._send(500)
        elif self.path == "/no-head":
            self._send(405 if self.command == "HEAD" else 200)
        elif self.path == "/slow":
            time.sleep(1.5)
            self._send(200)
        else:
            self._send(404)

    def _send(self, status: int, location: str | None = None) -> None:
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = _answer
    do_GET = _answer

    def log_message(self, format, *args):  # quiet test output
        pass


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def fast() -> HostPacer:
    return HostPacer(interval=0)


def test_a_working_link_is_ok_with_its_status(server):
    result = link_check(f"{server}/ok", pacer=fast())
    assert (result.outcome, result.status, result.final_url) == (Outcome.OK, 200, f"{server}/ok")


def test_a_redirected_link_is_moved_with_its_final_address(server):
    result = link_check(f"{server}/relative-chain", pacer=fast())
    assert (result.outcome, result.status, result.final_url) == (
        Outcome.MOVED,
        200,
        f"{server}/ok",
    )


def test_redirects_beyond_the_limit_are_broken(server):
    result = link_check(f"{server}/loop", max_redirects=3, pacer=fast())
    assert result.outcome == Outcome.BROKEN
    assert "3 redirects" in result.error


@pytest.mark.parametrize(("path", "status"), [("/missing", 404), ("/error", 500)])
def test_error_answers_are_broken(server, path, status):
    result = link_check(f"{server}{path}", pacer=fast())
    assert (result.outcome, result.status) == (Outcome.BROKEN, status)


def test_a_server_refusing_head_is_asked_with_get(server):
    Handler.methods.clear()
    result = link_check(f"{server}/no-head", pacer=fast())
    assert result.outcome == Outcome.OK
    assert Handler.methods == [("HEAD", "/no-head"), ("GET", "/no-head")]


def test_a_slow_server_times_out_as_unreachable(server):
    result = link_check(f"{server}/slow", timeout=0.3, pacer=fast())
    assert result.outcome == Outcome.UNREACHABLE
    assert result.status is None


def test_a_refused_connection_is_unreachable():
    # Port 9 (discard) is closed on the test machine: the connection is refused at once.
    result = link_check("http://127.0.0.1:9/", timeout=1, pacer=fast())
    assert result.outcome == Outcome.UNREACHABLE


def test_only_http_addresses_are_fetched():
    assert link_check("file:///etc/passwd", pacer=fast()).outcome == Outcome.BROKEN


def test_requests_to_one_host_are_spaced_by_the_interval():
    now = [100.0]
    slept: list[float] = []
    pacer = HostPacer(interval=2, clock=lambda: now[0], sleep=slept.append)
    pacer.wait("https://a.example/1")
    now[0] += 0.5
    pacer.wait("https://a.example/2")
    pacer.wait("https://b.example/1")
    assert slept == [1.5]


@pytest.mark.django_db
def test_checking_every_cited_link_records_status_final_address_and_time(server):
    SourceFactory(url=f"{server}/moved")
    DocumentIssuanceFactory(official_url=f"{server}/missing", institution__website="")
    link_check_all(
        urls=[f"{server}/moved", f"{server}/missing"], timeout=1, pacer=fast(), max_redirects=5
    )
    moved = LinkCheck.objects.get(url=f"{server}/moved")
    assert (moved.outcome, moved.status, moved.final_url) == (Outcome.MOVED, 200, f"{server}/ok")
    assert moved.checked_at is not None
    assert LinkCheck.objects.get(url=f"{server}/missing").outcome == Outcome.BROKEN


@pytest.mark.django_db
def test_the_whole_check_finds_cited_addresses_and_forgets_uncited_ones(server, monkeypatch):
    SourceFactory(url=f"{server}/ok")
    LinkCheck.objects.create(
        url="https://gone.example/", outcome=Outcome.BROKEN, checked_at="2026-01-01T00:00Z"
    )
    checked: list[str] = []

    def check(url, **kwargs):
        checked.append(url)
        return link_check(f"{server}/ok", pacer=fast())

    monkeypatch.setattr("rumbo.guides.links.link_check", check)
    link_check_all(pacer=fast())
    assert f"{server}/ok" in checked
    assert not LinkCheck.objects.filter(url="https://gone.example/").exists()


@pytest.mark.django_db
@override_settings(RUMBO_LINK_CHECK=False)
def test_the_scheduled_check_does_nothing_where_it_is_off(monkeypatch):
    monkeypatch.setattr(
        "rumbo.guides.tasks.link_check_all", lambda: pytest.fail("reached the network")
    )
    assert guides_links_check.call_local() == {}


@pytest.mark.django_db
@override_settings(RUMBO_LINK_CHECK=True)
def test_the_scheduled_check_runs_where_it_is_on(monkeypatch):
    monkeypatch.setattr("rumbo.guides.tasks.link_check_all", lambda: {"ok": 1})
    assert guides_links_check.call_local() == {"ok": 1}


def test_the_link_check_is_off_in_tests_and_the_demo(settings):
    assert settings.RUMBO_LINK_CHECK is False


@pytest.mark.django_db
def test_the_command_checks_the_addresses_given(server, capsys):
    call_command("guides_check_links", f"{server}/error", "--interval", "0", "--timeout", "1")
    assert LinkCheck.objects.get(url=f"{server}/error").status == 500
    assert "broken: 1" in capsys.readouterr().out
