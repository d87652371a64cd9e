"""Reports benchmark: the Z-report of a day of 2,000 sales, from the ledger to printer bytes.

A fresh ledger (in a temporary folder) gets the sample roster and catalogue, ``--history``
sales on the days before (no shift, as paper and older sales are), then one till shift on
2026-11-20 holding ``--sales`` sales (1-3 lines, ~80 % to an ASN, cash or QRIS) written with
``SalesLedger.append_sales`` in batches, 1 % of them voided with ``SalesLedger.void``, and the
shift closed with a count. Then, ``--runs`` times:

  z-report   ``ReportService.z_reports(day)`` (the shift's figures, its per-UMKM totals from
             the settlement statement, buyers, the ledger head) and the report laid out,
             previewed as text and encoded to ESC/POS bytes (TM-T20II, 42 columns): what
             `jikubata report z --print` and the close screen do before the queue's insert.
             target: median <= 200 ms.
  slips      the shift's UMKM slips, read, laid out and encoded: info.

The benchmark reports and exits 0 whatever the figures.

    .venv/bin/python bench/reports.py
    .venv/bin/python bench/reports.py --sales 2000 --history 100000 --runs 30
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from kiosk.bootstrap import Kiosk, open_kiosk
from kiosk.config import parse_settings
from kiosk.domain.cart import CartLine, Payment, PaymentMethod
from kiosk.domain.records import Product, SaleDraft, sale_number
from kiosk.domain.till import CashCount
from kiosk.printing.escpos_output import encode

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "assets" / "sample"
DAY = dt.date(2026, 11, 20)
TARGET_MS = 200.0
PROFILE = "TM-T20II"


class Clock:
    """The kiosk's clock, set by the benchmark (sales are written at their own times)."""

    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


def draft(
    rng: random.Random,
    products: list[Product],
    at: dt.datetime,
    nips: list[str],
    shift_id: str | None,
) -> SaleDraft:
    lines = tuple(
        CartLine(p.kode_umkm, p.nama, p.harga, rng.randint(1, 3), sku=p.sku)
        for p in rng.sample(products, rng.randint(1, 3))
    )
    total = sum(line.subtotal for line in lines)
    method = PaymentMethod.TUNAI if rng.random() < 0.6 else PaymentMethod.QRIS
    given = -(-total // 50_000) * 50_000 if method is PaymentMethod.TUNAI else None
    return SaleDraft(
        lines=lines,
        nip=rng.choice(nips) if rng.random() < 0.8 else None,
        operator="Ina",
        payment=Payment(method, given),
        created_at=at,
        shift_id=shift_id,
    )


def build(kiosk: Kiosk, clock: Clock, sales: int, history: int, seed: int) -> str:
    """The history, then the day's shift: its id."""
    rng = random.Random(seed)
    tz = kiosk.settings.stall.tz
    kiosk.roster_importer.import_file(SAMPLE / "roster.csv", dt.date(2026, 10, 1))
    kiosk.catalog_importer.import_vendors(SAMPLE / "vendors.csv")
    kiosk.catalog_importer.import_products(SAMPLE / "products.csv")
    nips = sorted(kiosk.roster.people_on(DAY))
    products = kiosk.catalog.products(active_only=True)
    start = dt.datetime.combine(DAY - dt.timedelta(days=60), dt.time(8), tz)
    batch: list[SaleDraft] = []
    for n in range(history):  # spread over the 60 days before, outside any shift
        at = start + dt.timedelta(seconds=n * (60 * 86_400 // max(history, 1)))
        batch.append(draft(rng, products, at.astimezone(dt.UTC), nips, None))
        if len(batch) == 5_000:
            kiosk.sales_ledger.append_sales(batch)
            batch = []
    if batch:
        kiosk.sales_ledger.append_sales(batch)
    opened = dt.datetime.combine(DAY, dt.time(8), tz).astimezone(dt.UTC)
    clock.now = opened
    shift_id = kiosk.shifts.open("Ina", 200_000).shift_id
    step = dt.timedelta(seconds=8 * 3600 / sales)
    drafts = [draft(rng, products, opened + step * (n + 1), nips, shift_id) for n in range(sales)]
    for first in range(0, sales, 500):
        kiosk.sales_ledger.append_sales(drafts[first : first + 500])
    clock.now = opened + dt.timedelta(hours=8, minutes=5)
    sold = kiosk.shifts.figures(shift_id)
    seqs = range(sold.first_seq or 1, (sold.last_seq or 0) + 1)
    for seq in rng.sample(seqs, sales // 100):  # 1 % voided, one transaction each
        number = sale_number(kiosk.settings.stall.kiosk_id, seq)
        kiosk.sales_ledger.void(number, reason="bench", actor="admin", at=clock.now)
    expected = kiosk.shifts.figures(shift_id).expected
    kiosk.shifts.close(
        shift_id, "Ina", CashCount({}, expected - 1_000), "salah hitung", expected=expected
    )
    return shift_id


def timed(work: Callable[[], object], runs: int) -> list[float]:
    work()  # warm: statements compiled, python-escpos loaded
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sales", type=int, default=2_000, help="sales in the day's shift")
    parser.add_argument("--history", type=int, default=50_000, help="sales on earlier days")
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)

    raw = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="bench-reports-", dir=ROOT) as folder:
        settings = parse_settings(raw, Path(folder) / "config.yaml")
        clock = Clock(dt.datetime(2026, 9, 1, tzinfo=dt.UTC))
        with open_kiosk(settings, create=True, clock=clock) as kiosk:
            began = time.perf_counter()
            shift_id = build(kiosk, clock, args.sales, args.history, args.seed)
            print(
                f"built: {args.history:,} earlier sales, a shift of {args.sales:,} sales "
                f"({args.sales // 100} voided) in {time.perf_counter() - began:.1f} s",
                file=sys.stderr,
            )
            reports = kiosk.reports

            def z_report() -> bytes:
                (report,) = reports.z_reports(DAY)
                document = reports.report_document(report)
                reports.report_text(report)
                return encode(document, PROFILE)

            def slips() -> list[bytes]:
                return [
                    encode(reports.slip_document(s), PROFILE) for s in reports.shift_slips(shift_id)
                ]

            (report,) = reports.z_reports(DAY)
            z_times = timed(z_report, args.runs)
            slip_times = timed(slips, args.runs)
            count = len(reports.shift_slips(shift_id))

    z_median = statistics.median(z_times)
    rows = [
        ("Z-report, median", f"{z_median:.1f} ms", f"<= {TARGET_MS:.0f} ms", z_median <= TARGET_MS),
        ("Z-report, slowest", f"{max(z_times):.1f} ms", "", None),
        (f"{count} UMKM slips, median", f"{statistics.median(slip_times):.1f} ms", "", None),
    ]
    f = report.figures
    print(
        f"Shift {f.shift_no}: {f.sale_count:,} sales ({f.cash_count:,} cash, {f.qris_count:,} "
        f"QRIS), {f.void_count} voids, {len(report.umkm)} UMKM; head {report.head.line}"
    )
    print(f"{'metric':<28} {'measured':>12} {'target':>12}  result")
    for metric, measured, target, passed in rows:
        result = "info" if passed is None else ("PASS" if passed else "FAIL")
        print(f"{metric:<28} {measured:>12} {target:>12}  {result}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
