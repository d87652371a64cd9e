"""Crash benchmark: kill the kiosk with SIGKILL while it rings up sales and prints, at random
moments, and check after each kill that it starts again with nothing lost.

    .venv/bin/python bench/crash.py                  # 200 kills: about 2.5 minutes on 2 cores
    .venv/bin/python bench/crash.py --kills 20       # quick check
    .venv/bin/python bench/crash.py --two-step       # sales queued as earlier versions did
    .venv/bin/python bench/crash.py --sale-path 400  # also time the sale path, both ways

What a child process does, what is checked after each kill and how children are started:
tests/crash_rig.py (shared with tests/integration/test_crash.py). Targets: no acknowledged
sale lost, every check ok, no receipt printed twice. The benchmark reports and exits 0 whatever
the figures (non-zero only if it crashes itself).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the rig and the fake printer live with the tests

from tests.crash_rig import CrashReport, CrashRig  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=200, help="how many kills (default 200)")
    parser.add_argument("--seed", type=int, default=20261201)
    parser.add_argument(
        "--life", type=float, default=0.6, help="a child is killed within this many seconds"
    )
    parser.add_argument("--two-step", action="store_true", help="the sale, then its receipt")
    parser.add_argument(
        "--sale-path", type=int, default=0, metavar="N", help="time N sales each way first"
    )
    parser.add_argument("--keep", action="store_true", help="keep the ledger folder")
    args = parser.parse_args(argv)

    (ROOT / ".bench-data").mkdir(exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="crash-", dir=ROOT / ".bench-data"))
    print("Crash benchmark")
    print(f"  python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    print(f"  load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"  ledger: {folder / 'data' / 'ledger.db'}")
    rows: list[tuple[str, str, str, str]] = []
    try:
        if args.sale_path:
            rows += sale_path(folder / "sale-path", args.sale_path)
        mode = "two steps (sale, then receipt)" if args.two_step else "one transaction"
        print(f"\nKilling the kiosk {args.kills} times ({mode}; life up to {args.life} s)")

        def progress(report: CrashReport) -> None:
            if report.kills % 25 == 0 or report.kills == args.kills:
                print(
                    f"  [{report.kills:>4} kills] {report.acknowledged:,} acknowledged, "
                    f"{report.lost} lost, {report.repaired} repaired, "
                    f"{len(report.problems)} problems",
                    file=sys.stderr,
                )

        rig = CrashRig(
            folder,
            seed=args.seed,
            two_step=args.two_step,
            life_seconds=args.life,
            progress=progress,
        )
        report = rig.run(args.kills)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    for problem in report.problems[:20]:
        print(f"  PROBLEM {problem}")
    print(f"  {report.seconds:.0f} s, {report.seconds / max(1, report.kills):.2f} s per kill")
    print(
        f"  sales in the ledger: {report.sales:,}; receipts that reached the printer: "
        f"{report.receipts_printed:,}"
    )
    rows += [
        ("kills", str(report.kills), f">= {args.kills}", verdict(report.kills >= args.kills)),
        ("sales acknowledged", f"{report.acknowledged:,}", "-", "info"),
        ("acknowledged sales lost", str(report.lost), "0", verdict(report.lost == 0)),
        (
            "checks failed after a kill",
            str(len(report.problems)),
            "0",
            verdict(not report.problems),
        ),
        ("receipts repaired (sale had no job)", str(report.repaired), "-", "info"),
        ("receipts held by a kill (reprint)", str(report.held), "-", "info"),
        ("jobs interrupted while printing", str(report.interrupted), "-", "info"),
        ("restarts asking about the last receipt", str(report.notices), "-", "info"),
        ("receipts printed twice", str(report.duplicates), "0", verdict(report.duplicates == 0)),
        ("time", f"{report.seconds:.0f} s", "-", "info"),
    ]
    print(f"\n  load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("\nSummary")
    table(rows)
    return 0


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def table(rows: list[tuple[str, str, str, str]]) -> None:
    header = ("metric", "measured", "target", "result")
    widths = [max(len(r[i]) for r in [*rows, header]) for i in range(4)]
    for line in [header, tuple("-" * w for w in widths), *rows]:
        print("  " + "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)))


def sale_path(folder: Path, count: int) -> list[tuple[str, str, str, str]]:
    """The sale path on a 50,000-sale ledger, interleaved sale by sale so that load from
    anything else falls on both alike: SaleService.commit (the sale and its held receipt job
    in one transaction, then the receipt's bytes into that job) against the two steps of
    earlier versions (the sale, then its receipt job in a second transaction)."""
    import dataclasses
    import datetime as dt
    import random

    from kiosk.bootstrap import init_kiosk
    from kiosk.config import load_settings
    from kiosk.domain.cart import CartLine, Payment, PaymentMethod
    from kiosk.domain.records import SaleDraft
    from tests.crash_rig import Till, commit, sale_request, write_config

    folder.mkdir(parents=True)
    config = write_config(folder, 9)
    settings = load_settings(config)
    settings = dataclasses.replace(
        settings, printer=dataclasses.replace(settings.printer, connection="none")
    )
    kiosk, _ = init_kiosk(settings)
    sample = ROOT / "assets" / "sample"
    with kiosk:
        kiosk.roster_importer.import_file(sample / "roster.csv", dt.date(2026, 10, 1))
        kiosk.catalog_importer.import_vendors(sample / "vendors.csv")
        kiosk.catalog_importer.import_products(sample / "products.csv")
        start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        line = CartLine("UMKM-001", "Kue", 5_000)
        for batch in range(5):
            kiosk.sales_ledger.append_sales(
                [
                    SaleDraft(
                        (line,),
                        None,
                        "Ina",
                        Payment(PaymentMethod.TUNAI, 5_000),
                        start + dt.timedelta(minutes=batch * 10_000 + i),
                    )
                    for i in range(10_000)
                ]
            )
        till = Till(kiosk, kiosk.back_end())
        rng = random.Random(1)
        one, two = [], []
        for i in range(count + 20):
            # Each way goes first every other time, so neither always follows the other.
            for two_step in (i % 2 == 0, i % 2 != 0):
                request = sale_request(till, rng)
                t0 = time.perf_counter()
                commit(till, request, two_step=two_step)
                if i >= 20:  # warm-up: caches, compiled statements
                    (two if two_step else one).append(time.perf_counter() - t0)
    print(f"\nSale path: {count} sales each way, interleaved, on a 50,000-sale ledger")
    print("  (the operator's whole commit: sale, buyer's month, receipt laid out and queued)")
    rows = []
    for name, times in (("two steps (earlier)", two), ("one transaction (now)", one)):
        times.sort()
        median, p99 = statistics.median(times), times[int(len(times) * 0.99)]
        print(f"  {name:<24} median {median * 1000:6.2f} ms   p99 {p99 * 1000:6.2f} ms")
        rows.append((f"sale path median, {name}", f"{median * 1000:.2f} ms", "-", "info"))
    return rows


if __name__ == "__main__":
    raise SystemExit(main())
