"""What every admin screen shares: a title bar with a way back, pick-lists, plain words."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScroller,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ...domain.months import Month
from ..context import UiContext
from ..i18n import translate
from ..screen_names import Screen
from ..theme import GAP, px, scaled
from ..widgets.buttons import button
from ..widgets.month_picker import MonthPicker, month_text

Go = Callable[[Screen], None]


class AdminPage(QWidget):
    """A screen with ``[‹ Menu admin]  Title`` on top and ``self.body`` below (``title``
    already in the screen's language).

    ``refresh()`` runs each time the window shows the page, so every visit starts clean."""

    def __init__(
        self, ctx: UiContext, go: Go, title: str, *, back: Screen = Screen.ADMIN_HOME
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.go = go
        self.setObjectName("screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(px(24), px(16), px(24), px(16))
        outer.setSpacing(px(12))
        top = QHBoxLayout()
        top.setSpacing(px(16))
        self.back_button = button(translate("AdminPage", "‹ Menu admin"))
        self.back_button.setObjectName("back")
        self.back_button.clicked.connect(lambda: go(back))
        self.title = QLabel(title)
        self.title.setObjectName("title")
        top.addWidget(self.back_button)
        top.addWidget(self.title, 1)
        self.top = top
        outer.addLayout(top)
        self.body = QVBoxLayout()
        self.body.setSpacing(px(12))
        outer.addLayout(self.body, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Override: reload what the page shows."""


class ChoiceGroup(QWidget):
    """Exclusive chips in a grid: the admin picks text instead of typing it. ``columns`` is
    the most per row: a narrow screen gets fewer, so every chip keeps its whole words.

    ``value``, ``chosen`` and ``buttons`` speak in the options themselves (e.g. a reason as
    the ledger stores it); ``text`` gives the words on each chip (e.g. its translation)."""

    chosen = Signal(str)

    def __init__(
        self,
        options: Sequence[str],
        columns: int = 3,
        *,
        text: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__()
        self._text = text or (lambda option: option)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(GAP)
        self._grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._columns = columns
        self._shown_columns = 0
        self.buttons: dict[str, QPushButton] = {}
        self.set_options(options)

    def set_options(self, options: Sequence[str]) -> None:
        for old in self.buttons.values():
            self._group.removeButton(old)
            self._grid.removeWidget(old)
            old.hide()
            old.deleteLater()
        self.buttons = {}
        for index, option in enumerate(options):
            chip = button(self._text(option), "chip")
            # 60 px high rather than 72, less padding at the sides: on a 1024×768 screen
            # the reasons then fit in two rows of three, or three rows of two.
            chip.setStyleSheet(scaled("min-height: 44px; padding: 6px 8px;"))
            chip.clicked.connect(lambda _=False, o=option: self.chosen.emit(o))
            self._group.addButton(chip)
            self._grid.addWidget(chip, index // self._columns, index % self._columns)
            chip.show()  # a child added to a visible parent is otherwise shown only later
            self.buttons[option] = chip
        self._shown_columns = self._columns
        self._arrange()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """As many columns as fit the chips' whole words (at most ``columns``)."""
        chips = list(self.buttons.values())
        columns = next(
            (n for n in range(self._columns, 1, -1) if self._needs(chips, n) <= self.width()), 1
        )
        if columns == self._shown_columns:
            return
        self._shown_columns = columns
        for chip in chips:
            self._grid.removeWidget(chip)
        for index, chip in enumerate(chips):
            self._grid.addWidget(chip, index // columns, index % columns)

    @staticmethod
    def _needs(chips: Sequence[QPushButton], columns: int) -> int:
        """The width ``columns`` columns take: each as wide as its widest chip."""
        widths = [
            max(chip.sizeHint().width() for chip in chips[column::columns])
            for column in range(min(columns, len(chips)))
        ]
        return sum(widths) + GAP * (len(widths) - 1)

    @property
    def value(self) -> str | None:
        checked = self._group.checkedButton()
        return next((k for k, b in self.buttons.items() if b is checked), None)

    def select(self, option: str | None) -> None:
        if option is None:
            self._group.setExclusive(False)  # an exclusive group refuses to uncheck all
            for chip in self.buttons.values():
                chip.setChecked(False)
            self._group.setExclusive(True)
        else:
            self.buttons[option].setChecked(True)


def kinetic(widget: QWidget) -> None:
    """Drag to scroll with a finger (the style sheet hides the scroll bars)."""
    QScroller.grabGesture(widget, QScroller.ScrollerGestureType.LeftMouseButtonGesture)


def clear_layout(layout: QVBoxLayout | QGridLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()


def keypad_column(widgets: Sequence[QWidget], widest: int, narrowest: int) -> QWidget:
    """The keypad side of an admin page, widgets from the top. Add it with stretch 1 beside
    the other side's 2: a third of the page, between ``narrowest`` (a 1024 px screen) and
    ``widest`` (beyond that the other side gets the room); both at scale 1."""
    column = QVBoxLayout()
    column.setSpacing(px(12))
    column.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        column.addWidget(widget)
    column.addStretch(1)
    holder = QWidget()
    holder.setLayout(column)
    holder.setMinimumWidth(px(narrowest))
    holder.setMaximumWidth(px(widest))
    policy = QSizePolicy.Policy
    holder.setSizePolicy(policy.Expanding, policy.Preferred)
    return holder


def compact_month_picker(picker: MonthPicker) -> MonthPicker:
    """A month picker that fits beside a keypad or a list on a 1024 px screen.

    The shared picker's arrows take the style sheet's 92 px and its label keeps spare room;
    here the arrows are 72 px and the label as wide as the longest month name of the
    screen's language, so the arrows still never jump while paging."""
    for arrow in (picker.back, picker.forward):
        arrow.setStyleSheet(scaled("font-size: 26pt; padding: 0px;"))
    label = picker.label
    label.ensurePolished()  # the style sheet's 24 pt, not the default font
    widest = max(
        label.fontMetrics().horizontalAdvance(month_text(Month(2026, number)))
        for number in range(1, 13)
    )
    label.setMinimumWidth(widest + px(8))
    return picker
