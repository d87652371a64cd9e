"""What every screen gets: the back end made for the screens, the sale in progress, the
background runner, the scanner, and the printer's state and the back end's changes as Qt
signals. Built once by app.py (or by a test), passed to each screen."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from .scanner import ScanDetector
from .session import SaleSession
from .sounds import Sounds
from .tasks import TaskRunner

if TYPE_CHECKING:  # the back end's modules load off the GUI thread, after the idle screen
    from ..services.back_end import BackEnd
    from ..services.changes import Changes
    from ..services.printing_ports import QueueState


class PrintStateBridge(QObject):
    """The print worker runs on its own thread; its state reaches the screens by signal
    (a queued connection, so handlers always run on the GUI thread)."""

    changed = Signal(object)  # QueueState

    def __init__(self, state: QueueState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.changed.connect(self._remember)

    def publish(self, state: QueueState) -> None:  # called from the worker thread
        self.changed.emit(state)

    def _remember(self, state: QueueState) -> None:
        self.state = state


class ChangeBridge(QObject):
    """What the back end changed (on whichever thread), delivered on the GUI thread."""

    changed = Signal(object)  # Changes

    def publish(self, changes: Changes) -> None:
        self.changed.emit(changes)


@dataclass
class UiContext:
    back_end: BackEnd
    runner: TaskRunner = field(default_factory=TaskRunner)
    scanner: ScanDetector = field(default_factory=ScanDetector)
    sounds: Sounds = field(default_factory=Sounds)
    inactivity_seconds: int = 90  # back to idle, forgetting basket and buyer
    success_seconds: int = 8  # how long the buyer's own status stays on screen
    session: SaleSession = field(init=False)
    printing: PrintStateBridge = field(init=False)
    changes: ChangeBridge = field(init=False)

    def __post_init__(self) -> None:
        self.session = SaleSession(self.back_end.sale, self.runner)
        self.printing = PrintStateBridge(self.back_end.printer.state)
        self.back_end.printer.on_state(self.printing.publish)
        self.changes = ChangeBridge()
        self.back_end.changes.subscribe(self.changes.publish)
