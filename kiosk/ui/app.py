"""Starting the touchscreen: check the system, open the ledger, start printing, show the window.
Unexpected errors are logged with their traceback, shown as a friendly message and the screen
returns to a safe state; a committed sale is never affected (it was committed before)."""

from __future__ import annotations

import dataclasses
import logging
import shutil
import sys
import tempfile
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from ..bootstrap import Kiosk, init_kiosk
from ..config import Settings
from . import qt_check

log = logging.getLogger("kiosk.ui")


def _setup_logging(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "kiosk.log"
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


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


def run_kiosk(settings: Settings, *, windowed: bool = False, demo: bool = False) -> int:
    problem = qt_check.problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    throwaway = Path(tempfile.mkdtemp(prefix="jikubata-demo-")) if demo else None
    if throwaway is not None:
        settings = demo_settings(settings, throwaway)
    log_file = _setup_logging((throwaway or settings.base_dir) / "logs")
    kiosk, _ = init_kiosk(settings)
    try:
        if demo and kiosk.is_empty():
            kiosk.demo_seeder().seed()
        return _show(kiosk, windowed=windowed, log_file=log_file)
    finally:
        kiosk.close()
        if throwaway is not None:
            shutil.rmtree(throwaway, ignore_errors=True)


def _show(kiosk: Kiosk, *, windowed: bool, log_file: Path) -> int:
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    from .context import UiContext
    from .main_window import KioskWindow
    from .theme import FONT_FAMILY, STYLE

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Jiku Bata")
    app.setFont(QFont(FONT_FAMILY))
    app.setStyleSheet(STYLE)
    context = UiContext(kiosk=kiosk, identify=kiosk.identify_service())
    kiosk.start_printing(on_state=context.printing.publish)
    window = KioskWindow(context)

    def on_unexpected(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        # Log everything; the person at the kiosk gets a calm screen and a clean start.
        log.error("unexpected error\n%s", "".join(traceback.format_exception(kind, error, trace)))
        window.show_error(f"{kind.__name__}")

    sys.excepthook = on_unexpected
    log.info("kiosk started (log: %s)", log_file)
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
    return app.exec()
