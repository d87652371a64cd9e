"""Starting the touchscreen: check the system, show the stall's idle screen, then open the
back end off the GUI thread (the caller's ``open_back_end``: SQLAlchemy, migrations, the demo
data) and hand it to the window. The idle screen needs only the stall's name and clock, so it
is up in a fraction of the time the ledger takes; a touch or scan meanwhile waits for it. A
ledger that cannot be opened closes the window and the error reaches the CLI, which explains
it as for any other command.

Unexpected errors are logged with their traceback, shown as a friendly message and the screen
returns to a safe state; a committed sale is never affected (it was committed before)."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from ..services.safe_log import describe
from ..services.service_manager import ServiceManager
from . import qt_check

if TYPE_CHECKING:
    from ..services.back_end import BackEnd
    from ..services.stall import StallFacts

log = logging.getLogger("kiosk.ui")


def _setup_logging(folder: Path) -> logging.FileHandler:
    """The kiosk's own log file, rotated (it runs for months); the caller removes it again."""
    from logging.handlers import RotatingFileHandler  # ~10 ms of imports: off the GUI thread

    from ..services.private_files import private_file, private_folder

    private_folder(folder)
    private_file(folder / "kiosk.log")  # owner-only before the handler opens it
    handler = RotatingFileHandler(
        folder / "kiosk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


def screen_state_file(folder: Path) -> Path:
    """Where the screen keeps the admin's language choice: ``folder`` is the kiosk's own
    writable data folder (beside the ledger), never the config's (read-only when installed)."""
    return folder / "screen.ini"


def run_kiosk(
    stall: StallFacts,
    open_back_end: Callable[[], BackEnd],
    *,
    windowed: bool,
    folder: Path,
    scale: float | None = None,
    log_folder: Path | None = None,
) -> int:
    """The touchscreen until the admin quits; ``open_back_end`` runs on a worker thread.
    ``scale``: the config's ``screen.scale`` (None: from the screen, ui/scale.py);
    ``folder``: the kiosk's data folder (screen.ini); ``log_folder``: the config's
    ``log.folder`` (None: ``folder``/logs)."""
    problem = qt_check.problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return show_kiosk(
        stall, open_back_end, windowed=windowed, folder=folder, scale=scale, log_folder=log_folder
    )


def show_kiosk(
    stall: StallFacts,
    back_end: Callable[[], BackEnd],
    *,
    windowed: bool,
    folder: Path,
    scale: float | None = None,
    window_size: tuple[int, int] = (1280, 800),
    log_folder: Path | None = None,
) -> int:
    """The window now, ``back_end()`` on a worker thread once the idle screen is up (closed
    again when the window ends), then the event loop until the admin quits."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from .i18n import Language
    from .main_window import KioskWindow
    from .scale import screen_scale
    from .scanner import ScanDetector
    from .tasks import TaskRunner
    from .theme import FONT_FAMILY, current_scale, style, use_scale
    from .watchdog import start_watchdog

    if not windowed:
        # Qt draws its own title bar and close button on Wayland (cage draws none): never on
        # the kiosk, for any window. Read when the application starts, so set before it.
        os.environ.setdefault("QT_WAYLAND_DISABLE_WINDOWDECORATION", "1")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Jiku Bata")
    app.setFont(QFont(FONT_FAMILY))
    screen = app.primaryScreen()
    if windowed or screen is None:
        size, physical = window_size, None  # the window's own size, not the screen's
    else:
        size = (screen.geometry().width(), screen.geometry().height())
        physical = (screen.physicalSize().width(), screen.physicalSize().height())
    use_scale(screen_scale(scale, *size, physical))  # before any widget is built
    log.info("screen %dx%d, scale %.2f", *size, current_scale())
    app.setStyleSheet(style())
    # Only the admin's [Keluar aplikasi] ends the kiosk; a window closing never does (and
    # would queue a second "quit" behind that one).
    quits_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    language = Language(screen_state_file(folder))
    language.start()
    scanner, runner = ScanDetector(), TaskRunner()
    window = KioskWindow(stall, scanner=scanner, language=language)
    service = ServiceManager.from_environment()  # systemd's, when the unit runs the kiosk
    watchdog = start_watchdog(window, service)
    opened: list[BackEnd] = []
    failed: list[BaseException] = []

    def ready(opened_back_end: BackEnd) -> None:
        from .context import UiContext

        opened.append(opened_back_end)
        context = UiContext(back_end=opened_back_end, scanner=scanner, runner=runner)
        opened_back_end.start_printing()
        opened_back_end.start_sync()  # its own thread; nothing without a central section
        window.attach(context)
        log.info("ledger open, kiosk ready")
        service.status("selling")

    def not_opened(error: BaseException) -> None:
        failed.append(error)
        window.allow_close()
        window.close()
        app.exit(1)

    log_handlers: list[logging.Handler] = []

    def open_everything() -> BackEnd:  # on the worker thread, with the idle screen up
        handler = _setup_logging(log_folder or folder / "logs")
        log_handlers.append(handler)
        log.info("kiosk starting (log: %s)", handler.baseFilename)
        return back_end()

    def idle_is_up() -> None:
        service.ready("idle screen up, opening the ledger")  # systemd: started
        runner.run(open_everything, ready, not_opened)

    window.idle_painted.connect(idle_is_up)

    def on_unexpected(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        # Logged without its words (they may quote a NIP); the screen gets calm words and a
        # clean start.
        log.error("unexpected error: %s", describe(error.with_traceback(trace)))
        window.show_error("")  # the screen's own calm words; the details are in the log

    previous_hook, sys.excepthook = sys.excepthook, on_unexpected
    if windowed:
        window.resize(*window_size)
        window.show()
    else:
        # No title bar or border on X11 or Wayland: the only way out is the admin menu.
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        # A touchscreen has no pointer to show; a mouse still works, unseen.
        app.setOverrideCursor(Qt.CursorShape.BlankCursor)
        # Fill the screen even where no window manager honours "full screen" (a bare X
        # server or a minimal kiosk shell): the geometry is set first, explicitly.
        if screen is not None:
            window.setGeometry(screen.geometry())
        window.showFullScreen()
    try:
        code = app.exec()
    finally:
        service.stopping()
        if watchdog is not None:
            watchdog.stop()
        if not windowed:
            app.restoreOverrideCursor()
        sys.excepthook = previous_hook
        app.setQuitOnLastWindowClosed(quits_on_close)
        runner.wait(60_000)  # a ledger still opening is closed below, not abandoned
        for each in opened:
            each.close()
        for handler in log_handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()
    if failed:
        raise failed[0]  # the CLI turns it into its usual one-line explanation
    return code
