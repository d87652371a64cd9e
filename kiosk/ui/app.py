"""Starting the touchscreen: check the system, show the stall's idle screen, then open the
ledger off the GUI thread (SQLAlchemy, migrations, the demo data) and hand it to the window.
The idle screen needs only the settings, so it is up in a fraction of the time the ledger
takes; a touch or scan meanwhile waits for it. A ledger that cannot be opened closes the
window and the error reaches the CLI, which explains it as for any other command.

Unexpected errors are logged with their traceback, shown as a friendly message and the screen
returns to a safe state; a committed sale is never affected (it was committed before)."""

from __future__ import annotations

import dataclasses
import logging
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from ..config import Settings
from . import qt_check

if TYPE_CHECKING:
    from ..bootstrap import Kiosk

log = logging.getLogger("kiosk.ui")


def _setup_logging(folder: Path) -> logging.FileHandler:
    """The kiosk's own log file, rotated (it runs for months); the caller removes it again."""
    from logging.handlers import RotatingFileHandler  # ~10 ms of imports: off the GUI thread

    folder.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(
        folder / "kiosk.log", maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return handler


def demo_settings(settings: Settings, folder: Path) -> Settings:
    """The same settings with a throw-away database, key and receipts folder."""
    data = folder / "data"
    return dataclasses.replace(
        settings,
        database_url=f"sqlite:///{data / 'ledger.db'}",
        printer=dataclasses.replace(settings.printer, connection="file", path=folder / "receipts"),
        cards=dataclasses.replace(
            settings.cards, key_file=data / "card-keys.txt", revoked_file=data / "revoked-cards.txt"
        ),
        backup_folder=data / "backups",
        export=dataclasses.replace(settings.export, folder=folder / "exports"),
    )


def screen_state_file(folder: Path) -> Path:
    """Where the screen keeps the admin's language choice: beside the default ledger."""
    return folder / "data" / "screen.ini"


def open_back_end(settings: Settings, *, demo: bool) -> Kiosk:
    """Everything behind the screen; runs on a worker thread."""
    from ..bootstrap import init_kiosk

    kiosk, _ = init_kiosk(settings)
    try:
        if demo and kiosk.is_empty():
            kiosk.demo_seeder().seed()
    except BaseException:
        kiosk.close()
        raise
    return kiosk


def run_kiosk(settings: Settings, *, windowed: bool = False, demo: bool = False) -> int:
    problem = qt_check.problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    throwaway = Path(tempfile.mkdtemp(prefix="jikubata-demo-")) if demo else None
    if throwaway is not None:
        settings = demo_settings(settings, throwaway)
    folder = throwaway or settings.base_dir
    try:
        return show_kiosk(
            settings,
            lambda: open_back_end(settings, demo=demo),
            windowed=windowed,
            folder=folder,
        )
    finally:
        if throwaway is not None:
            shutil.rmtree(throwaway, ignore_errors=True)


def show_kiosk(
    settings: Settings, back_end: Callable[[], Kiosk], *, windowed: bool, folder: Path
) -> int:
    """The window now, ``back_end()`` on a worker thread once the idle screen is up (closed
    again when the window ends), then the event loop until the admin quits."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from .i18n import Language
    from .main_window import KioskWindow
    from .scanner import ScanDetector
    from .tasks import TaskRunner
    from .theme import FONT_FAMILY, STYLE

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Jiku Bata")
    app.setFont(QFont(FONT_FAMILY))
    app.setStyleSheet(STYLE)
    # Only the admin's [Keluar aplikasi] ends the kiosk; a window closing never does (and
    # would queue a second "quit" behind that one).
    quits_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)
    language = Language(screen_state_file(folder))
    language.start()
    scanner, runner = ScanDetector(), TaskRunner()
    window = KioskWindow(settings, scanner=scanner, language=language)
    opened: list[Kiosk] = []
    failed: list[BaseException] = []

    def ready(kiosk: Kiosk) -> None:
        from .context import UiContext

        opened.append(kiosk)
        context = UiContext(
            kiosk=kiosk, identify=kiosk.identify_service(), scanner=scanner, runner=runner
        )
        kiosk.start_printing(on_state=context.printing.publish)
        window.attach(context)
        log.info("ledger open, kiosk ready")

    def not_opened(error: BaseException) -> None:
        failed.append(error)
        window.allow_close()
        window.close()
        app.exit(1)

    log_handlers: list[logging.Handler] = []

    def open_everything() -> Kiosk:  # on the worker thread, with the idle screen up
        handler = _setup_logging(folder / "logs")
        log_handlers.append(handler)
        log.info("kiosk starting (log: %s)", handler.baseFilename)
        return back_end()

    def idle_is_up() -> None:
        runner.run(open_everything, ready, not_opened)

    window.idle_painted.connect(idle_is_up)

    def on_unexpected(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        # Log everything; the person at the kiosk gets a calm screen and a clean start.
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, trace)))
        window.show_error("")  # the screen's own calm words; the details are in the log

    previous_hook, sys.excepthook = sys.excepthook, on_unexpected
    if windowed:
        window.resize(1280, 800)
        window.show()
    else:
        # Fill the screen even where no window manager honours "full screen" (a bare X
        # server or a minimal kiosk shell): the geometry is set first, explicitly.
        screen = app.primaryScreen()
        if screen is not None:
            window.setGeometry(screen.geometry())
        window.showFullScreen()
    try:
        code = app.exec()
    finally:
        sys.excepthook = previous_hook
        app.setQuitOnLastWindowClosed(quits_on_close)
        runner.wait(60_000)  # a ledger still opening is closed below, not abandoned
        for kiosk in opened:
            kiosk.close()
        for handler in log_handlers:
            logging.getLogger().removeHandler(handler)
            handler.close()
    if failed:
        raise failed[0]  # the CLI turns it into its usual one-line explanation
    return code
