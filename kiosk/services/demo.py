"""Demo data for a first run: the sample roster and catalogue, and a few weeks of sales."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from ..domain.cart import CartLine, Payment, PaymentMethod
from ..domain.identity import BuyerIdentity
from ..domain.months import Month
from ..domain.records import SaleDraft
from .catalog_import import CatalogImporter
from .clock import Clock, utc_now
from .operators import OperatorService
from .ports import CatalogPort, RosterPort, SalesLedgerPort
from .roster_import import RosterImporter

OPERATORS = ("Ina", "Yance", "Mama Ona")
# Demo PINs only (README): a real stall sets its own with `jikubata operator add`.
DEMO_OPERATOR_PINS = {
    "Ina": ("1111", "UMKM-002"),
    "Yance": ("2222", "UMKM-004"),
    "Mama Ona": ("3333", "UMKM-001"),
}
# How often each demo operator types a NIP instead of scanning a card (the dashboard shows it).
TYPING_SHARE = {"Ina": 0.05, "Yance": 0.3, "Mama Ona": 0.1}


@dataclass(frozen=True)
class DemoResult:
    people: int
    vendors: int
    products: int
    sales: int


def _cash_given(total: int, chooser: random.Random) -> int:
    """What people hand over: the exact amount or the next round note."""
    for note in (total, 20_000, 50_000, 100_000):
        if note >= total and chooser.random() < 0.5:
            return note
    return -(-total // 100_000) * 100_000


class DemoSeeder:
    def __init__(
        self,
        sample_dir: Path,
        roster_importer: RosterImporter,
        catalog_importer: CatalogImporter,
        roster: RosterPort,
        catalog: CatalogPort,
        ledger: SalesLedgerPort,
        operators: OperatorService,
        tz: ZoneInfo,
        clock: Clock = utc_now,
    ) -> None:
        self._dir = sample_dir
        self._roster_importer = roster_importer
        self._catalog_importer = catalog_importer
        self._roster = roster
        self._catalog = catalog
        self._ledger = ledger
        self._operators = operators
        self._tz = tz
        self._clock = clock

    def seed(self, *, seed: int = 7) -> DemoResult:
        """Roster as of the 1st of last month, catalogue, and sales from then until now."""
        now = self._clock()
        this_month = Month.of(now, self._tz)
        start_month = this_month.previous()
        self._roster_importer.import_file(
            self._dir / "roster.csv", start_month.first_day, actor="demo"
        )
        vendors = self._catalog_importer.import_vendors(self._dir / "vendors.csv", actor="demo")
        products = self._catalog_importer.import_products(self._dir / "products.csv", actor="demo")
        for name, (pin, vendor) in DEMO_OPERATOR_PINS.items():
            self._operators.set_pin(name, pin, kode_umkm=vendor, actor="demo")
        # Typing has its own generator: the sales stay those of the same seed as before.
        drafts = self._sales(start_month, now, random.Random(seed), random.Random(seed + 1))
        self._ledger.append_sales(drafts)
        people = len(self._roster.people_on(now.astimezone(self._tz).date()))
        return DemoResult(people, vendors, products, len(drafts))

    def _sales(
        self, start_month: Month, now: dt.datetime, chooser: random.Random, typing: random.Random
    ) -> list[SaleDraft]:
        people = sorted(self._roster.people_on(start_month.first_day))
        products = [p for p in self._catalog.products(active_only=True) if p.harga <= 150_000]
        drafts = []
        day = dt.datetime.combine(start_month.first_day, dt.time(), self._tz)
        while day < now:
            busy = 12 if day.day == 7 else 4  # shopping day is the 7th, after pay day
            for _ in range(chooser.randint(busy // 2, busy)):
                at = day + dt.timedelta(
                    hours=chooser.randint(8, 15), minutes=chooser.randint(0, 59)
                )
                if at >= now:
                    continue
                lines = []
                for product in chooser.sample(products, chooser.randint(1, 3)):
                    lines.append(
                        CartLine(
                            product.kode_umkm,
                            product.nama,
                            product.harga,
                            chooser.randint(1, 2),
                            product.sku,
                        )
                    )
                total = sum(line.subtotal for line in lines)
                cash = chooser.random() < 0.7
                nip = chooser.choice(people) if chooser.random() < 0.8 else None
                operator = chooser.choice(OPERATORS)
                identity = BuyerIdentity.PUBLIC
                if nip is not None:
                    typed = typing.random() < TYPING_SHARE[operator]
                    identity = BuyerIdentity.TYPED if typed else BuyerIdentity.CARD
                drafts.append(
                    SaleDraft(
                        lines=tuple(lines),
                        nip=nip,
                        operator=operator,
                        payment=Payment(PaymentMethod.TUNAI, _cash_given(total, chooser))
                        if cash
                        else Payment(PaymentMethod.QRIS),
                        created_at=at.astimezone(dt.UTC),
                        identity=identity,
                    )
                )
            day += dt.timedelta(days=1)
        drafts.sort(key=lambda d: d.created_at)
        return drafts
