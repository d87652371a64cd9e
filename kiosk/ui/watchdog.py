"""systemd's watchdog fed from the Qt GUI thread: the timer fires only while the event loop
turns, so a frozen screen stops the pings and systemd restarts the kiosk (WatchdogSec= in
jikubata-kiosk.service). A dead worker thread is not a frozen screen; a stuck GUI thread is."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from ..services.service_manager import ServiceManager


def start_watchdog(parent: QObject, service: ServiceManager) -> QTimer | None:
    """A timer owned by ``parent`` pinging every ``service.watchdog_interval`` seconds (half
    of WATCHDOG_USEC); None when systemd asked for no watchdog."""
    if service.watchdog_interval is None:
        return None
    timer = QTimer(parent)
    timer.setInterval(max(1, round(service.watchdog_interval * 1000)))
    timer.timeout.connect(service.ping)
    timer.start()
    service.ping()  # the first one at once: the wait for the first tick counts too
    return timer
