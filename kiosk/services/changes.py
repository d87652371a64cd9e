"""What a use case changed, so every screen can decide for itself whether to refresh.

The back end publishes after a change is committed; listeners are called on the thread that
made the change (the screens' bridge hands it to the GUI thread). No polling, no restart."""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from .safe_log import log_failure

log = logging.getLogger(__name__)


class Change(enum.Enum):
    CATALOG = "catalog"  # vendors or products
    ROSTER = "roster"
    OPERATORS = "operators"
    EXEMPTIONS = "exemptions"
    SALES = "sales"  # a sale or a void was recorded
    PRINTING = "printing"  # a print job was queued, printed or failed
    PAYOUTS = "payouts"  # money handed to a UMKM (or a payout reversed)
    SHIFT = "shift"  # a till shift was opened, handed over or closed
    STOCK = "stock"  # a consignment drop-off or correction (a sale changes "left" too: SALES)


@dataclass(frozen=True)
class Changes:
    what: frozenset[Change]
    initiator: object | None = None  # the screen that asked, so it may skip its own refresh

    def __contains__(self, change: object) -> bool:
        return change in self.what


Listener = Callable[[Changes], None]


class ChangeFeed:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._lock = threading.Lock()

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        """Returns the call that unsubscribes again."""
        with self._lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def publish(self, *what: Change, initiator: object | None = None) -> None:
        changes = Changes(frozenset(what), initiator)
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            try:
                listener(changes)
            except Exception as error:  # a broken screen must not undo a committed change
                log_failure(log, "change listener failed", error)
