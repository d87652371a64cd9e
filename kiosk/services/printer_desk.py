"""The receipt printer as the screens see it: its state (from the one print worker), a status
question, a test page. Asking a printer can block for its timeout: call these off the GUI
thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from .changes import Change, ChangeFeed
from .printing_ports import PrinterConnection, PrinterStatus, QueueState


@dataclass(frozen=True)
class PrinterCheck:
    status: PrinterStatus | None  # None: no printer configured, or the question failed
    problem: str  # "" when the question itself worked
    unprinted: int


@dataclass(frozen=True)
class PrinterSetup:
    connection: str  # file | network | usb | serial | cups | none
    where: str  # address, device or folder, for people to read
    profile: str
    chars_per_line: int


def describe(settings: PrinterConnection, chars_per_line: int) -> PrinterSetup:
    where = {
        "network": f"{settings.host}:{settings.port}",
        "file": str(settings.path),
        "usb": f"{settings.usb_vendor_id}:{settings.usb_product_id}",
        "serial": settings.serial_device,
        "cups": settings.cups_printer,
    }.get(settings.connection, "-")
    return PrinterSetup(settings.connection, where, settings.profile, chars_per_line)


class PrinterDesk:
    def __init__(
        self,
        *,
        setup: PrinterSetup,
        status: Callable[[], PrinterStatus] | None,  # None: the kiosk prints nothing
        unprinted: Callable[[], int],
        test_page: Callable[[], int],
        changes: ChangeFeed,
    ) -> None:
        self.setup = setup
        self._status = status
        self._unprinted = unprinted
        self._test_page = test_page
        self._changes = changes
        self._state = QueueState(healthy=True, unprinted=0)
        self._listeners: list[Callable[[QueueState], None]] = []
        self._lock = threading.Lock()

    @property
    def state(self) -> QueueState:
        """The print worker's latest word (healthy until it says otherwise)."""
        return self._state

    def on_state(self, listener: Callable[[QueueState], None]) -> None:
        """``listener`` is called on the print worker's thread with every new state."""
        with self._lock:
            self._listeners.append(listener)

    def publish(self, state: QueueState) -> None:  # the print worker's callback
        self._state = state
        with self._lock:
            listeners = list(self._listeners)
        for listener in listeners:
            listener(state)

    def check(self) -> PrinterCheck:
        unprinted = self._unprinted()
        if self._status is None:
            return PrinterCheck(None, "", unprinted)
        try:
            return PrinterCheck(self._status(), "", unprinted)
        except Exception as error:  # PrinterError or the connection's own OSError
            return PrinterCheck(None, str(error), unprinted)

    def unprinted(self) -> int:
        return self._unprinted()

    def print_test_page(self) -> int:
        job = self._test_page()
        self._changes.publish(Change.PRINTING)
        return job
