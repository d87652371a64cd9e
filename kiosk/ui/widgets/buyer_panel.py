"""PEMBELI: who is buying. Asks for a scan until the buyer is decided, then shows the
buyer's name, unit, masked NIP and the month as it would stand after this basket, in its
colour."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...services.standing import BuyerStatus
from ..art import card_scanner_pixmap
from ..i18n import translate
from ..theme import BODY_PT, GAP, px, scaled
from .buttons import button
from .common import ElidedLabel, MessageBox, WholeLabel, label, panel, restyle
from .texts import basket_line, buyer_detail, buyer_name

ASKING_HEIGHT = 250  # px at scale 1: the scan picture and its two buttons
ERROR_SECONDS = 8.0  # a scan problem stays this long, unless something replaces it first


class BuyerPanel(QWidget):
    type_nip_requested = Signal()
    public_requested = Signal()
    rescan_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        frame = panel()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        layout = QVBoxLayout(frame)
        self._frame_layout = layout
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(GAP)
        self.section = label(translate("BuyerPanel", "PEMBELI"), "section")
        layout.addWidget(self.section)
        self.message = MessageBox()
        layout.addWidget(self.message)
        self.pages = QStackedWidget()
        self.pages.setObjectName("inner")
        self.pages.addWidget(self._ask_page())
        self.pages.addWidget(self._buyer_page())
        layout.addWidget(self.pages, 1)
        self._compact(False)
        self.error_seconds = ERROR_SECONDS
        self._error_timer = QTimer(self)
        self._error_timer.setSingleShot(True)
        self._error_timer.timeout.connect(self.message.clear)

    def _ask_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(GAP)
        top = QHBoxLayout()
        picture = QLabel()
        picture.setPixmap(card_scanner_pixmap(120, 110))
        top.addWidget(picture)
        top.addWidget(label(translate("BuyerPanel", "Pindai kartu ASN"), "big", wrap=True), 1)
        layout.addLayout(top)
        row = QHBoxLayout()
        row.setSpacing(GAP)
        self.type_nip = button(translate("BuyerPanel", "Ketik NIP"))
        self.type_nip.setObjectName("type_nip")
        self.public = button(translate("BuyerPanel", "Pembeli umum"))
        self.public.setObjectName("public_buyer")
        self.type_nip.clicked.connect(self.type_nip_requested)
        self.public.clicked.connect(self.public_requested)
        row.addWidget(self.type_nip)
        row.addWidget(self.public)
        layout.addLayout(row)
        return page

    def _buyer_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        # The OPD line is one line ("…" ends a long OPD name); the name and month wrap.
        self.name = WholeLabel("", "buyername")  # a name up to 40 characters wraps, never cut
        self.detail = ElidedLabel()
        self.nip = label("", "hint")
        self.standing = label(wrap=True)
        for widget in (self.name, self.detail, self.nip, self.standing):
            layout.addWidget(widget)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(GAP)
        self.rescan = button(translate("BuyerPanel", "Pindai ulang"))
        self.rescan.setObjectName("rescan")
        self.to_public = button(translate("BuyerPanel", "Umum"))
        self.to_public.setObjectName("to_public")
        self.rescan.clicked.connect(self.rescan_requested)
        self.to_public.clicked.connect(self.public_requested)
        row.addWidget(self.rescan)
        row.addWidget(self.to_public)
        layout.addLayout(row)
        return page

    def _compact(self, chosen: bool) -> None:
        """Once a buyer is chosen the panel takes only the room its lines need: the basket
        below wants every pixel on a 768 px screen. The stack sizes to the page shown."""
        self.pages.setCurrentIndex(1 if chosen else 0)
        for index in range(self.pages.count()):
            shown = index == self.pages.currentIndex()
            policy = QSizePolicy.Policy.Preferred if shown else QSizePolicy.Policy.Ignored
            self.pages.widget(index).setSizePolicy(policy, policy)
        self.section.setVisible(not chosen)
        self._fit_height()

    def _fit_height(self) -> None:
        """Wrapped labels in a stack do not ask for height: ask for the shown page's."""
        if self.pages.currentIndex() == 0:
            self.setMinimumHeight(px(ASKING_HEIGHT))
            return
        page = self.pages.currentWidget().layout()
        width = max(self.pages.width(), 1)
        need = (
            page.totalHeightForWidth(width)
            if page.hasHeightForWidth()
            else page.totalSizeHint().height()
        )
        margins = self._frame_layout.contentsMargins()
        self.setMinimumHeight(need + margins.top() + margins.bottom())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()  # the width decides how many lines the standing wraps to

    def set_short(self, short: bool) -> None:
        """On a short screen the chosen buyer's OPD and NIP lines give their room to the
        basket (the name and the month stay)."""
        self.detail.setVisible(not short)
        self.nip.setVisible(not short)
        self.name.setStyleSheet(scaled(f"font-size: {BODY_PT}pt;") if short else "")
        self._fit_height()

    def show_buyer(self, buyer: BuyerStatus | None, public: bool, basket_total: int = 0) -> None:
        if buyer is None and not public:
            self._compact(False)
            self._name_for_readers("", "")
            return
        self._compact(True)
        self.rescan.setText(
            translate("BuyerPanel", "Pindai ulang")
            if buyer
            else translate("BuyerPanel", "Pindai kartu")
        )
        self.to_public.setVisible(buyer is not None)
        if buyer is None:
            self.name.set_full_text(translate("BuyerPanel", "Pembeli umum"))
            self.detail.set_full_text(translate("BuyerPanel", "Tanpa kartu ASN"))
            self.nip.setText("")
            self.standing.setText("")
            self._name_for_readers(self.name.full_text, "")
            self._fit_height()
            return
        self.name.set_full_text(buyer_name(buyer))
        self.detail.set_full_text(buyer_detail(buyer))
        self.nip.setText(f"NIP {buyer.masked_nip}")
        text, style = basket_line(buyer, basket_total)
        self.standing.setText(text)
        restyle(self.standing, style)
        self._name_for_readers(self.name.full_text, text)
        self._fit_height()  # the lines it now has

    def _name_for_readers(self, name: str, standing: str) -> None:
        """The buyer and their month as a screen reader says them (the name may be elided
        on screen; its accessible name is whole)."""
        self.name.setAccessibleName(
            translate("BuyerPanel", "Pembeli: {name}").format(name=name) if name else ""
        )
        self.standing.setAccessibleName(standing)

    @property
    def standing_style(self) -> str:
        return self.standing.objectName()

    def show_error(self, text: str) -> None:
        """Said at once (with its sound, by the caller), then gone after a few seconds: it
        takes room from the basket, which the vendor needs to see more."""
        self.message.show_message(text)
        self._error_timer.start(int(self.error_seconds * 1000))

    def clear_error(self) -> None:
        self._error_timer.stop()
        self.message.clear()
