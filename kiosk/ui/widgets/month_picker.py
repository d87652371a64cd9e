"""‹ November 2026 ›: choosing a month by touch, never by typing."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from ...domain.months import Month
from ..i18n import translate
from ..theme import GAP, px, scaled
from .buttons import button

# The screen's month names. ``Month.label()`` stays Indonesian for the CSVs and the CLI; these
# are the same names (kiosk.domain.months.MONTH_NAMES_ID), translated where they are shown.
MONTH_NAMES = (
    QT_TRANSLATE_NOOP("MonthPicker", "Januari"),
    QT_TRANSLATE_NOOP("MonthPicker", "Februari"),
    QT_TRANSLATE_NOOP("MonthPicker", "Maret"),
    QT_TRANSLATE_NOOP("MonthPicker", "April"),
    QT_TRANSLATE_NOOP("MonthPicker", "Mei"),
    QT_TRANSLATE_NOOP("MonthPicker", "Juni"),
    QT_TRANSLATE_NOOP("MonthPicker", "Juli"),
    QT_TRANSLATE_NOOP("MonthPicker", "Agustus"),
    QT_TRANSLATE_NOOP("MonthPicker", "September"),
    QT_TRANSLATE_NOOP("MonthPicker", "Oktober"),
    QT_TRANSLATE_NOOP("MonthPicker", "November"),
    QT_TRANSLATE_NOOP("MonthPicker", "Desember"),
)


def month_text(month: Month) -> str:
    """``November 2026`` in the screen's language (``Desember 2026`` / ``December 2026``)."""
    return translate("MonthPicker", "{month} {year}").format(
        month=translate("MonthPicker", MONTH_NAMES[month.month - 1]), year=month.year
    )


class MonthPicker(QWidget):
    changed = Signal(object)  # Month

    def __init__(self, month: Month, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._month = month
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GAP)
        self.back = button("‹")
        self.back.setObjectName("month_previous")
        self.forward = button("›")
        self.forward.setObjectName("month_next")
        self.back.setAccessibleName(translate("MonthArrows", "Bulan sebelumnya"))
        self.forward.setAccessibleName(translate("MonthArrows", "Bulan berikutnya"))
        for arrow in (self.back, self.forward):
            arrow.setFixedWidth(px(72))
            arrow.setStyleSheet(scaled("font-size: 26pt;"))
        self.label = QLabel(month_text(month))
        self.label.setObjectName("big")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Wide enough for "September 2026" so the arrows never jump while paging.
        self.label.setMinimumWidth(
            self.label.fontMetrics().horizontalAdvance("September 2026") + 48
        )
        layout.addWidget(self.back)
        layout.addWidget(self.label)
        layout.addWidget(self.forward)
        self.back.clicked.connect(lambda: self.set_month(self._month.previous()))
        self.forward.clicked.connect(lambda: self.set_month(self._month.next()))

    @property
    def month(self) -> Month:
        return self._month

    def set_month(self, month: Month) -> None:
        if month == self._month:
            return
        self._month = month
        self.label.setText(month_text(month))
        self.changed.emit(month)
