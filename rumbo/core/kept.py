"""Read-mostly content kept in each process for a short time: the questionnaire, the country
list, the guides a plan reads.

Busy public pages read content that changes rarely (edited in the admin). Loading it as model
instances on every request costs more than the page itself, so each process keeps a copy for
`seconds`. The app that owns the content clears the copy on every save or delete (signals in
its apps.py, through `clear_on_change`), so a change shows at once in the process that made
it; other processes reload it within `seconds`. Kept values are shared by the threads of a process: read, never change.
"""

import threading
import time
from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

from django.db import transaction
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save

T = TypeVar("T")


class KeptInProcess(Generic[T]):
    def __init__(self, *, seconds: float) -> None:
        self.seconds = seconds
        self._entries: dict[Hashable, tuple[float, T]] = {}
        self._lock = threading.Lock()
        # Bumped by every clear, so that a load which began before a change is not kept.
        self._generation = 0

    def get(self, key: Hashable, load: Callable[[], T]) -> T:
        """The value kept under `key`, or `load()` (kept unless a clear happened meanwhile)."""
        entry = self._entries.get(key)
        if entry is not None and time.monotonic() - entry[0] < self.seconds:
            return entry[1]
        generation = self._generation
        loaded_at, value = time.monotonic(), load()
        with self._lock:
            if generation == self._generation:
                self._entries[key] = (loaded_at, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._generation += 1

    def __contains__(self, key: Hashable) -> bool:
        return key in self._entries


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
