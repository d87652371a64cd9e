"""The yardstick for the kiosk's start under cage: the smallest PySide6 window, full screen,
saying READY=1 (as the kiosk does) once it has painted. Run by test_service_cage.py."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.services.service_manager import ServiceManager


class Window(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.told = False

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        QPainter(self).fillRect(self.rect(), "#0d4a6e")
        if not self.told:
            self.told = True
            QTimer.singleShot(0, ServiceManager.from_environment().ready)


app = QApplication(sys.argv[:1])
window = Window()
window.showFullScreen()
sys.exit(app.exec())
