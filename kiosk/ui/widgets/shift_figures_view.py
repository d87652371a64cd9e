"""A till shift's cash, one figure a row: float, cash in and out, what the drawer should
hold, what was counted and the difference, QRIS apart. The close screen's check page and the
done screen show the same rows in the same words."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from ...domain.money import format_rupiah
from ...services.shift_figures import ShiftFigures
from ..i18n import translate
from ..theme import scaled
from .common import label, restyle

ROWS = ("float", "sales", "voids", "payouts", "expected", "counted", "difference", "qris")


def signed_rupiah(amount: int) -> str:
    """``+Rp5.000`` / ``-Rp5.000`` / ``Rp0``: a difference always shows its direction."""
    return ("+" if amount > 0 else "") + format_rupiah(amount)


def difference_style(difference: int) -> str:
    """Green when the drawer holds what it should, red when cash is missing, amber over."""
    return "ok" if difference == 0 else ("flag" if difference < 0 else "short")


def difference_words(difference: int) -> str:
    """The count against the expected cash, as one sentence."""
    if difference == 0:
        return translate("ShiftWords", "Uang di laci pas.")
    if difference < 0:
        return translate("ShiftWords", "Uang di laci kurang {amount}.").format(
            amount=format_rupiah(-difference)
        )
    return translate("ShiftWords", "Uang di laci lebih {amount}.").format(
        amount=format_rupiah(difference)
    )


class ShiftFiguresView(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("panel")
        grid = QGridLayout(self)
        grid.setContentsMargins(20, 12, 20, 12)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(4)
        captions = {
            "float": translate("ShiftWords", "Modal awal"),
            "sales": translate("ShiftWords", "Penjualan tunai"),
            "voids": translate("ShiftWords", "Pembatalan tunai"),
            "payouts": translate("ShiftWords", "Uang keluar dari laci"),
            "expected": translate("ShiftWords", "Seharusnya ada"),
            "counted": translate("ShiftWords", "Dihitung"),
            "difference": translate("ShiftWords", "Selisih"),
            "qris": translate("ShiftWords", "QRIS (cek di aplikasi)"),
        }
        self.captions: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for row, key in enumerate(ROWS):
            # Captions wrap on a narrow screen; the amounts never do.
            caption = label(captions[key], "big" if key in ("expected", "difference") else "")
            caption.setWordWrap(True)
            value = label("", "big" if key in ("expected", "difference") else "")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            grid.addWidget(caption, row, 0)
            grid.addWidget(value, row, 1)
            self.captions[key], self.values[key] = caption, value
        self.counts = label("", "hint", wrap=True)  # sales and voids, receipt numbers
        grid.addWidget(self.counts, len(ROWS), 0, 1, 2)
        grid.setColumnStretch(0, 1)

    def show_figures(self, figures: ShiftFigures, counted: int | None) -> None:
        """``counted``: the count being checked (the close screen), or the recorded one."""
        values = {
            "float": format_rupiah(figures.float_amount),
            "sales": "+ " + format_rupiah(figures.cash_sales),
            "voids": "− " + format_rupiah(figures.cash_voids),
            "payouts": "− " + format_rupiah(figures.till_payouts),
            "expected": format_rupiah(figures.expected),
            "qris": format_rupiah(figures.qris_total),
        }
        if counted is None:
            values["counted"] = translate("ShiftWords", "tidak dihitung")
            values["difference"] = "—"
            style = ""
        else:
            values["counted"] = format_rupiah(counted)
            values["difference"] = signed_rupiah(counted - figures.expected)
            style = difference_style(counted - figures.expected)
        for key, text in values.items():
            self.values[key].setText(text)
            self.values[key].setAccessibleName(f"{self.captions[key].text()} {text}")
        restyle(self.values["difference"], style or "big")
        self.values["difference"].setStyleSheet(scaled("font-size: 24pt;") if style else "")
        self.counts.setText(
            translate("ShiftWords", "{sales} transaksi, {voids} dibatalkan").format(
                sales=figures.sale_count, voids=figures.void_count
            )
        )
