"""The month at a glance: overall compliance, compliance per OPD, what each UMKM earned, and
how often each operator typed a NIP instead of scanning a card."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...domain.compliance import Status
from ...domain.identity import TypedShare
from ...domain.money import format_rupiah
from ...domain.months import Month
from ..context import UiContext
from ..i18n import translate
from ..theme import OK, SHORT, px, scaled
from ..widgets.common import MessageBox, panel
from ..widgets.month_picker import MonthPicker
from .base import AdminPage, Go, clear_layout, kinetic
from .opd_bars import Bar, OpdBars
from .words import error_text

LEAST_SOLD = 3
MOST_TYPING = 4  # operators listed, most typing first: the ones to talk to
GOOD_RATE = 0.8  # bars at or above this are green, below amber
RIGHT_WIDTH = 552  # px at scale 1: most UMKM names and their amounts on one line


@dataclass(frozen=True)
class OpdRate:
    opd: str
    met: int
    obliged: int

    @property
    def rate(self) -> float:
        return self.met / self.obliged if self.obliged else 1.0


@dataclass(frozen=True)
class VendorLine:
    nama: str
    revenue: int
    sales: int


@dataclass(frozen=True)
class DashboardData:
    month: Month
    opds: list[OpdRate]
    exempt: int
    vendors: list[VendorLine]  # most revenue first
    typed: list[TypedShare]  # most typing first

    @property
    def met(self) -> int:
        return sum(o.met for o in self.opds)

    @property
    def obliged(self) -> int:
        return sum(o.obliged for o in self.opds)

    @property
    def rate(self) -> float:
        """As the OPD export counts it: met / obliged, exempt people left out."""
        return self.met / self.obliged if self.obliged else 1.0


def percent(share: float) -> str:
    return f"{100 * share:.1f}".replace(".", ",") + "%"


def whole_percent(share: float) -> str:
    return f"{int(100 * share + 0.5)}%"


def load(ctx: UiContext, month: Month) -> DashboardData:
    """Runs on the runner's thread: a month of compliance is 10,000 rows at full scale."""
    overview = ctx.back_end.admin.month_overview(month)
    summary, revenue = overview.opds, overview.vendors
    return DashboardData(
        month,
        [OpdRate(s.opd, s.met, s.obliged) for s in summary],
        sum(s.counts[Status.DIKECUALIKAN] for s in summary),
        sorted(
            (VendorLine(v.nama, v.revenue, v.sales) for v in revenue),
            key=lambda v: (-v.revenue, v.nama),
        ),
        sorted(overview.typed, key=lambda t: (-t.share, t.operator)),
    )


class DashboardScreen(AdminPage):
    def __init__(self, ctx: UiContext, go: Go) -> None:
        super().__init__(ctx, go, translate("DashboardScreen", "Dasbor"))
        self.data: DashboardData | None = None
        self.month = MonthPicker(ctx.back_end.stall.clock.this_month())
        self.month.changed.connect(lambda _: self.reload())
        self.top.addWidget(self.month)
        self.loading = QLabel(translate("DashboardScreen", "Memuat…"))
        self.loading.setObjectName("big")
        self.message = MessageBox()
        self.body.addWidget(self.loading)
        self.body.addWidget(self.message)

        columns = QHBoxLayout()
        columns.setSpacing(px(16))
        self.body.addLayout(columns, 1)
        left = panel()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(px(20), px(16), px(20), px(16))
        rate_row = QHBoxLayout()
        self.rate = QLabel("")
        self.rate.setObjectName("total")
        self.rate.setStyleSheet(scaled("font-size: 48pt;"))
        self.rate_detail = QLabel("")
        self.rate_detail.setWordWrap(True)
        rate_row.addWidget(self.rate)
        rate_row.addWidget(self.rate_detail, 1)
        section = QLabel(translate("DashboardScreen", "KEPATUHAN PER OPD"))
        section.setObjectName("section")
        self.chart = OpdBars()
        chart_scroll = QScrollArea()
        chart_scroll.setWidgetResizable(True)
        chart_scroll.setWidget(self.chart)
        kinetic(chart_scroll.viewport())
        left_layout.addLayout(rate_row)
        left_layout.addWidget(section)
        left_layout.addWidget(chart_scroll, 1)
        columns.addWidget(left, 3)

        # The figures per UMKM and operator: whole names wrap, so on a short screen the
        # panel's contents scroll by drag rather than squeeze.
        right = panel()
        right.setMinimumWidth(px(RIGHT_WIDTH))
        right_outer = QVBoxLayout(right)
        right_outer.setContentsMargins(0, 0, 0, 0)
        figures = QWidget()
        right_layout = QVBoxLayout(figures)
        right_layout.setContentsMargins(px(20), px(16), px(20), px(16))
        right_scroll = QScrollArea()
        right_scroll.setWidgetResizable(True)
        right_scroll.setWidget(figures)
        kinetic(right_scroll.viewport())
        right_outer.addWidget(right_scroll)
        vendors_title = QLabel(translate("DashboardScreen", "PENDAPATAN UMKM"))
        vendors_title.setObjectName("section")
        self.vendor_grid = QGridLayout()
        self.vendor_grid.setVerticalSpacing(px(4))
        self.vendor_grid.setColumnStretch(0, 1)  # the names take what the amounts leave
        least_title = QLabel(translate("DashboardScreen", "PALING SEDIKIT TERJUAL"))
        least_title.setObjectName("section")
        least_title.setWordWrap(True)
        self.least = QLabel("")
        self.least.setObjectName("short")
        self.least.setWordWrap(True)
        right_layout.addWidget(vendors_title)
        right_layout.addLayout(self.vendor_grid)
        right_layout.addStretch(1)
        right_layout.addWidget(least_title)
        right_layout.addWidget(self.least)
        # A card proves who bought; a typed NIP does not: the admin sees who types a lot.
        typing_title = QLabel(translate("DashboardScreen", "NIP DIKETIK PER PETUGAS"))
        typing_title.setObjectName("section")
        typing_title.setWordWrap(True)
        self.typing = QLabel("")
        self.typing.setWordWrap(True)
        right_layout.addWidget(typing_title)
        right_layout.addWidget(self.typing)
        columns.addWidget(right, 2)
        self.panels = (left, right)

    def refresh(self) -> None:
        self.month.set_month(self.ctx.back_end.stall.clock.this_month())
        self.reload()

    def reload(self) -> None:
        month = self.month.month
        self.loading.show()
        self.message.clear()
        for frame in self.panels:
            frame.setEnabled(False)
        self.ctx.runner.run(lambda: load(self.ctx, month), self._loaded, self._failed)

    def _loaded(self, data: DashboardData) -> None:
        if data.month != self.month.month:
            return  # an older request finishing after the admin paged on
        self.data = data
        self.loading.hide()
        for frame in self.panels:
            frame.setEnabled(True)
        self.rate.setText(percent(data.rate))
        if data.exempt:
            detail = translate(
                "DashboardScreen", "{met} dari {obliged} ASN memenuhi · {exempt} dikecualikan"
            )
        else:
            detail = translate("DashboardScreen", "{met} dari {obliged} ASN memenuhi")
        self.rate_detail.setText(
            detail.format(met=data.met, obliged=data.obliged, exempt=data.exempt)
        )
        self.chart.set_bars(
            [
                Bar(o.opd, o.rate, percent(o.rate), OK if o.rate >= GOOD_RATE else SHORT)
                for o in data.opds
            ]
        )
        clear_layout(self.vendor_grid)
        for row, vendor in enumerate(data.vendors):
            name = QLabel(vendor.nama)
            name.setWordWrap(True)  # a UMKM's whole name, on two lines where it must
            amount = QLabel(format_rupiah(vendor.revenue))
            amount.setStyleSheet("font-weight: 700;")
            amount.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.vendor_grid.addWidget(name, row, 0)
            self.vendor_grid.addWidget(amount, row, 1)
            name.show()  # added to a visible panel: otherwise shown only on a later turn
            amount.show()
        least = sorted(data.vendors, key=lambda v: (v.revenue, v.nama))[:LEAST_SOLD]
        self.least.setText(
            "\n".join(f"{v.nama} — {format_rupiah(v.revenue)}" for v in least) or "-"
        )
        typed = translate("DashboardScreen", "{operator}: {typed} dari {asn} ASN diketik")
        self.typing.setText(
            "\n".join(
                typed.format(operator=t.operator, typed=t.typed, asn=t.identified)
                + f" ({whole_percent(t.share)})"
                for t in data.typed[:MOST_TYPING]
            )
            or "-"
        )

    def _failed(self, error: Exception) -> None:
        self.loading.hide()
        self.data = None
        self.rate.setText("")
        self.rate_detail.setText("")
        self.chart.set_bars([])
        self.typing.setText("")
        self.message.show_message(error_text(error))
