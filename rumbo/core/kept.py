"""Read-mostly content kept in each process for a short time: the questionnaire, the country
list, the guides a plan reads.

Busy public pages read content that changes rarely (edited in the admin). Loading it as model
instances on every request costs more than the page itself, so each process keeps a copy for
`seconds`. The app that owns the content clears the copy on every save or delete (signals in
its apps.py, through `clear_on_change`), so a change shows at once in the process that made
it; other processes reload it within `seconds`. Kept values are shared by the threads of a process: read, never change.

Pages stored in the shared page cache (`rumbo.core.pagecache`) must not carry a copy that
another process changed meanwhile: each kept value remembers the tables its load read and
their versions in the shared cache, taken before the load. A page rendered for the shared
cache uses a kept value only if those versions are still the ones read before the page's
render; otherwise the value is loaded again. So within the 60 s a process may show a kept
copy on pages that are never stored (a plan), but the shared cache never holds one.
"""

import threading
import time
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.conf import settings
from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save

from rumbo.core import pagecache

T = TypeVar("T")


@dataclass(frozen=True)
class _Kept(Generic[T]):
    loaded_at: float
    value: T
    # The content tables the load read, and their shared versions taken before it.
    versions: dict[str, str | None]


class KeptInProcess(Generic[T]):
    def __init__(self, *, seconds: float) -> None:
        self.seconds = seconds
        self._entries: dict[Hashable, _Kept[T]] = {}
        self._lock = threading.Lock()
        # Bumped by every clear, so that a load which began before a change is not kept.
        self._generation = 0

    def get(self, key: Hashable, load: Callable[[], T]) -> T:
        """The value kept under `key`, or `load()` (kept unless a clear happened meanwhile)."""
        page = pagecache.current_reading()
        entry = self._entries.get(key)
        if entry is not None and time.monotonic() - entry.loaded_at < self.seconds:
            if page is None:
                return entry.value
            kept_versions = entry.versions.items()
            if all(v is not None and page.versions.get(t) == v for t, v in kept_versions):
                page.tables.update(entry.versions)
                return entry.value
            # Changed elsewhere since it was loaded: a page for the shared cache reloads it.
        generation = self._generation
        versions = page.versions if page is not None else _versions_now()
        loaded_at = time.monotonic()
        with pagecache.reading(versions) as loading:
            value = load()
        read = loading.tables & pagecache.content_tables()
        kept = _Kept(loaded_at, value, {table: versions.get(table) for table in read})
        with self._lock:
            if generation == self._generation:
                self._entries[key] = kept
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._generation += 1

    def __contains__(self, key: Hashable) -> bool:
        return key in self._entries


def _versions_now() -> dict[str, str]:
    if not settings.RUMBO_PAGE_CACHE_ENABLED:
        return {}
    try:
        return pagecache.table_versions(pagecache.content_tables())
    except Exception:  # no shared cache: the value serves this process, never a stored page
        return {}


def clear_on_change(clear: Callable[[], None], *, models: Iterable[type[Model]], name: str) -> None:
    """Calls `clear` whenever one of `models` is saved, deleted or changes its many-to-many
    links (for links, pass the through models), and again once that change commits: another
    thread may have loaded the old rows in between."""

    def changed(**_signal_arguments: object) -> None:
        clear()
        transaction.on_commit(clear)

    signals = {"save": post_save, "delete": post_delete, "links": m2m_changed}
    for model in models:
        for signal_name, signal in signals.items():
            uid = f"kept-{name}-{signal_name}-{model._meta.label}"
            # weak=False: `changed` is a local function, which a weak reference would lose.
            signal.connect(changed, sender=model, weak=False, dispatch_uid=uid)
