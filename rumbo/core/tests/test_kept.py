import pytest
from django.db.models.signals import m2m_changed, post_delete, post_save

from rumbo.core.kept import KeptInProcess, clear_on_change
from rumbo.core.models import Organisation


def counting_loader():
    calls: list[int] = []

    def load() -> int:
        calls.append(1)
        return len(calls)

    return calls, load


def test_a_value_is_loaded_once_and_kept():
    kept: KeptInProcess[int] = KeptInProcess(seconds=60)
    calls, load = counting_loader()
    assert kept.get("a", load) == 1
    assert kept.get("a", load) == 1
    assert len(calls) == 1


def test_keys_are_kept_apart():
    kept: KeptInProcess[str] = KeptInProcess(seconds=60)
    assert kept.get("HN", lambda: "Honduras") == "Honduras"
    assert kept.get("GT", lambda: "Guatemala") == "Guatemala"


def test_none_is_kept_too():
    kept: KeptInProcess[None] = KeptInProcess(seconds=60)
    calls: list[int] = []
    kept.get("missing", lambda: calls.append(1))
    kept.get("missing", lambda: calls.append(1))
    assert calls == [1]


def test_a_value_older_than_the_time_is_loaded_again():
    kept: KeptInProcess[int] = KeptInProcess(seconds=0)
    calls, load = counting_loader()
    kept.get("a", load)
    assert kept.get("a", load) == 2


def test_clear_forgets_everything():
    kept: KeptInProcess[int] = KeptInProcess(seconds=60)
    calls, load = counting_loader()
    kept.get("a", load)
    kept.clear()
    assert "a" not in kept
    assert kept.get("a", load) == 2


def test_a_load_that_raced_a_clear_is_returned_but_not_kept():
    kept: KeptInProcess[str] = KeptInProcess(seconds=60)

    def load_while_someone_saves() -> str:
        kept.clear()  # a save in another thread, after this load read the database
        return "old rows"

    assert kept.get("a", load_while_someone_saves) == "old rows"
    assert "a" not in kept


@pytest.mark.django_db
def test_clear_on_change_clears_on_save_delete_and_again_on_commit(
    django_capture_on_commit_callbacks,
):
    calls: list[str] = []
    clear_on_change(lambda: calls.append("clear"), models=[Organisation], name="test")
    with django_capture_on_commit_callbacks(execute=True):
        organisation = Organisation.objects.create(slug="o", name="O", kind="ngo")
        assert calls == ["clear"]
    assert calls == ["clear", "clear"]
    organisation.delete()
    assert len(calls) == 3
    for name, signal in (("save", post_save), ("delete", post_delete), ("links", m2m_changed)):
        assert signal.disconnect(
            sender=Organisation, dispatch_uid=f"kept-test-{name}-core.Organisation"
        )
