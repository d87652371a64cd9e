"""Printing benchmark: how long the kiosk spends turning a sale into printer bytes.

Sections (run all, or pick some with ``--section``):

  receipt   lay out and encode a 20-line receipt (``layout_receipt`` then ``encode`` through
            python-escpos's Dummy, profile TM-T20II, 42 characters per line), 200 runs;
            target: median and p99 <= 20 ms.

More sections can be added to ``SECTIONS``; each returns rows of (metric, measured, target,
passed). The benchmark reports and exits 0 whatever the figures.

    .venv/bin/python bench/printing.py
    .venv/bin/python bench/printing.py --section receipt --runs 500
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import statistics
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from kiosk.domain.cart import CartLine
from kiosk.domain.compliance import Status
from kiosk.domain.records import RecordedSale
from kiosk.printing.escpos_output import encode
from kiosk.printing.receipt import BuyerLine, ReceiptData, StallInfo, layout_receipt

ROOT = Path(__file__).resolve().parents[1]
Row = tuple[str, str, str, bool]
WIT = ZoneInfo("Asia/Jayapura")
TARGET_MS = 20.0


def _sample(name: str) -> list[dict[str, str]]:
    with (ROOT / "assets" / "sample" / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def twenty_line_receipt() -> ReceiptData:
    """20 catalogue lines across the sample vendors, a cash sale by an identified ASN."""
    products = _sample("products.csv")[:20]
    lines = tuple(
        CartLine(row["kode_umkm"], row["nama"], int(row["harga"]), 1 + index % 3, row["sku"])
        for index, row in enumerate(products)
    )
    total = sum(line.subtotal for line in lines)
    sale = RecordedSale(
        id=str(uuid.uuid4()),
        kiosk_id="AMB-01",
        seq=123,
        created_at=dt.datetime(2026, 11, 20, 3, 0, tzinfo=dt.UTC),
        nip="198504122010012001",
        operator="Leonora Sahertian",
        payment_method="TUNAI",
        cash_given=total + 50_000,
        total=total,
        source="kiosk",
        note=None,
        lines=lines,
        entry_hash="9f2c4e1ab03d" + "5" * 52,
    )
    stall = StallInfo(
        "Jiku Bata — Sudut Balai Kota Ambon",
        "Balai Kota Ambon, Jl. Sultan Hairun No. 1, Ambon",
        "AMB-01",
        "Terima kasih telah berbelanja produk UMKM Ambon",
    )
    names = {row["kode_umkm"]: row["nama"] for row in _sample("vendors.csv")}
    buyer = BuyerLine(
        nama="Maria Latuheru",
        masked_nip="19850412********01",
        opd="Disperindag",
        month_label="November 2026",
        spent=total,
        minimum=20_000,
        status=Status.MEMENUHI,
    )
    return ReceiptData(sale, stall, names, sale.created_at.astimezone(WIT), buyer)


def _percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def bench_receipt(runs: int) -> list[Row]:
    data = twenty_line_receipt()
    encode(layout_receipt(data, 42), "TM-T20II")  # warm caches (profiles, code pages)
    timings: list[float] = []
    size = 0
    for _ in range(runs):
        start = time.perf_counter()
        size = len(encode(layout_receipt(data, 42), "TM-T20II"))
        timings.append((time.perf_counter() - start) * 1000)
    median = statistics.median(timings)
    p99 = _percentile(timings, 0.99)
    print(f"  20-line receipt, width 42, TM-T20II: {runs} runs, {size} bytes per receipt")
    return [
        (
            "receipt layout+encode median",
            f"{median:.2f} ms",
            f"<= {TARGET_MS:g} ms",
            median <= TARGET_MS,
        ),
        ("receipt layout+encode p99", f"{p99:.2f} ms", f"<= {TARGET_MS:g} ms", p99 <= TARGET_MS),
    ]


def bench_gui_pause(runs: int, stall_seconds: float = 10.0) -> list[Row]:
    """The longest pause of a Qt event loop while the print worker waits on a network printer
    that accepted the connection and then stalls for ``stall_seconds`` (its socket timeout)."""
    import dataclasses
    import datetime as dt
    import os
    import tempfile
    import threading
    from pathlib import Path

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import yaml
    from PySide6.QtCore import QCoreApplication, QElapsedTimer, QTimer

    from kiosk.bootstrap import open_kiosk
    from kiosk.config import parse_settings
    from kiosk.domain.cart import CartLine, Payment, PaymentMethod
    from kiosk.domain.records import Vendor
    from kiosk.printing.devices.printers import EscposPrinter
    from kiosk.printing.devices.worker import PrintWorker

    repo = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(repo))  # the fake printer lives with the tests
    from tests.fake_printer import FakeNetworkPrinter

    folder = Path(tempfile.mkdtemp(prefix="jikubata-bench-"))
    raw = yaml.safe_load((repo / "config.yaml").read_text(encoding="utf-8"))
    settings = parse_settings(raw, folder / "config.yaml")
    app = QCoreApplication.instance() or QCoreApplication([])
    with open_kiosk(settings, create=True) as kiosk, FakeNetworkPrinter("stall") as stalled:
        kiosk.catalog.save_vendors(
            [Vendor("UMKM-001", "Dapur Sagu", "Ona", "0812")], actor="bench", at=kiosk.clock()
        )
        result = kiosk.checkout.checkout(
            [CartLine("UMKM-001", "Sagu", 15_000)],
            buyer_nip=None,
            operator="bench",
            payment=Payment(PaymentMethod.TUNAI, 20_000),
        )
        kiosk.receipts.print_sale(result.sale, None)
        printer = EscposPrinter(
            dataclasses.replace(
                settings.printer,
                connection="network",
                host="127.0.0.1",
                port=stalled.port,
                timeout_seconds=stall_seconds,
            )
        )
        finished = threading.Event()
        worker = PrintWorker(kiosk.print_jobs, printer, on_state=lambda state: finished.set())
        gaps: list[float] = []
        clock = QElapsedTimer()
        tick = QTimer()
        tick.setInterval(5)

        def on_tick() -> None:
            gaps.append(clock.restart() / 1000)
            if finished.is_set():
                app.quit()

        tick.timeout.connect(on_tick)
        clock.start()
        tick.start()
        worker.start()
        started = dt.datetime.now()
        app.exec()
        worker.stop()
        waited = (dt.datetime.now() - started).total_seconds()
        job = kiosk.print_jobs.for_sale(result.sale.id)[0]
    longest = max(gaps) * 1000
    print(
        f"  printer stalled {waited:.1f} s; the job ended '{job.status}' "
        f"({job.last_error}); {len(gaps)} ticks of 5 ms"
    )
    print(
        f"  event loop: longest pause {longest:.1f} ms, p99 {_percentile(gaps, 0.99) * 1000:.1f} ms"
    )
    return [("GUI loop longest pause (stall)", f"{longest:.1f} ms", "<= 50 ms", longest <= 50)]


SECTIONS: dict[str, Callable[[int], list[Row]]] = {
    "gui_pause": bench_gui_pause,
    "receipt": bench_receipt,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--section", action="append", choices=sorted(SECTIONS), help="run only these sections"
    )
    parser.add_argument("--runs", type=int, default=200, help="timed runs per section")
    args = parser.parse_args(argv)
    rows: list[Row] = []
    for name in args.section or list(SECTIONS):
        print(f"[{name}]")
        rows.extend(SECTIONS[name](args.runs))
    print()
    print(f"{'metric':<34} {'measured':>10}  {'target':<10} result")
    for metric, measured, target, passed in rows:
        print(f"{metric:<34} {measured:>10}  {target:<10} {'PASS' if passed else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
