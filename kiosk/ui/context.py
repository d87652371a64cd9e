"""What every screen gets: the services, the sale session, the background runner, the scanner
and the printer's state. Built once by app.py (or by a test), passed to each screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from .scanner import ScanDetector
from .session import SaleSession
from .sounds import Sounds
from .tasks import TaskRunner

if TYPE_CHECKING:  # the ledger's modules load off the GUI thread, after the idle screen
    from ..bootstrap import Kiosk
    from ..printing.worker import QueueState
    from ..services.identify import IdentifyService


class PrintStateBridge(QObject):
    """The print worker runs on its own thread; its state reaches the screens by signal
    (a queued connection, so handlers always run on the GUI thread)."""

    changed = Signal(object)  # QueueState

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from ..printing.worker import QueueState

        self.state = QueueState(healthy=True, unprinted=0)
        self.changed.connect(self._remember)

    def publish(self, state: QueueState) -> None:  # called from the worker thread
        self.changed.emit(state)

    def _remember(self, state: QueueState) -> None:
        self.state = state


@dataclass
class UiContext:
    kiosk: Kiosk
    identify: IdentifyService
    session: SaleSession = field(default_factory=SaleSession)
    runner: TaskRunner = field(default_factory=TaskRunner)
    scanner: ScanDetector = field(default_factory=ScanDetector)
    printing: PrintStateBridge = field(default_factory=PrintStateBridge)
    sounds: Sounds = field(default_factory=Sounds)
    inactivity_seconds: int = 90  # back to idle, forgetting basket and buyer
    success_seconds: int = 8  # how long the buyer's own status stays on screen
