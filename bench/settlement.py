"""Settlement benchmark: `export settlement` for the busiest month of the design-scale ledger,
and the balances beside it. See bench/README.md.

The ledger is the one bench/ledger.py builds (10,000 ASN, 50 vendors x 10 products,
1,000,000 sales from December 2025 to November 2026, 1 % voided), built through its own
``build`` or reused when its sidecar says it was built with the same parameters. Nothing is
written to it here: it can be shared with bench/ledger.py and bench/gui.py (``--db``).

    .venv/bin/python bench/settlement.py                        # full size, builds the ledger
    .venv/bin/python bench/settlement.py --db .bench-data/year.db --keep   # build once, reuse
    .venv/bin/python bench/settlement.py --sales 50000          # quick check
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import importlib.util
import json
import os
import sqlite3
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from types import ModuleType
from typing import Any

from kiosk.bootstrap import open_kiosk
from kiosk.domain.months import Month
from kiosk.ledger.fast_sql import db_time
from kiosk.ledger.migrate import head_revision
from kiosk.ledger.settlement_queries import SettlementQueries

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DB = REPO / ".bench-data" / "settlement-ledger.db"
TARGET_EXPORT_SECONDS = 1.0

perf = time.perf_counter

# The floor under the export: the same grouping through the sqlite3 module alone, with the
# day taken from the stall's clock by a fixed offset (WIT has no daylight saving).
BARE_SQL = (
    "SELECT date(s.created_at, '+9 hours'), l.kode_umkm, l.sku, l.description,"
    " SUM(l.quantity), SUM(l.subtotal),"
    " SUM(CASE WHEN s.payment_method = 'QRIS' THEN l.subtotal ELSE 0 END)"
    " FROM sales AS s JOIN sale_lines AS l ON l.sale_id = s.id"
    " LEFT JOIN voids AS v ON v.sale_id = s.id"
    " WHERE s.created_at >= ? AND s.created_at < ? AND v.id IS NULL"
    " GROUP BY 1, 2, 3, 4"
)


def load_ledger_bench() -> ModuleType:
    """bench/ledger.py as a module (bench/ is not a package): its builder and helpers."""
    name = "bench_ledger"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("ledger.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look themselves up here
    spec.loader.exec_module(module)
    return module


def timed(action: Callable[[], Any], repeat: int) -> tuple[list[float], Any]:
    """``repeat`` timings of ``action`` after one untimed warm-up; and its last result."""
    result = action()
    times = []
    for _ in range(repeat):
        started = perf()
        result = action()
        times.append(perf() - started)
    return times, result


def seconds(value: float) -> str:
    return f"{value:.3f} s" if value >= 0.1 else f"{value * 1000:.1f} ms"


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Time `export settlement` (and the balances) on the design-scale ledger."
    )
    parser.add_argument("--sales", type=int, default=1_000_000, help="sales in the ledger")
    parser.add_argument("--people", type=int, default=10_000, help="ASN on the roster")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs of each export")
    parser.add_argument(
        "--db",
        type=Path,
        help="ledger file to build, or to reuse when bench/ledger.py built it with the same "
        f"parameters (always kept); default {DEFAULT_DB.relative_to(REPO)}, deleted at exit "
        "unless --keep",
    )
    parser.add_argument("--keep", action="store_true", help="keep the default ledger file")
    parser.add_argument("--config", default=str(REPO / "config.yaml"), help="tiers come from here")
    args = parser.parse_args(argv)
    if args.sales < 1 or args.people < 1 or args.repeat < 1:
        parser.error("--sales, --people and --repeat must be positive")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    ledger = load_ledger_bench()
    defaults = ledger.parse_args(["--sales", str(args.sales), "--people", str(args.people)])
    params = ledger.Params(
        sales=defaults.sales,
        people=defaults.people,
        vendors=defaults.vendors,
        products_per_vendor=defaults.products_per_vendor,
        void_share=defaults.void_share,
        batch=defaults.batch,
        seed=defaults.seed,
        schema=head_revision(),
    )
    ws = ledger.make_workspace(str(args.db or DEFAULT_DB))
    try:
        run(args, ledger, params, ws)
    finally:
        keep = args.db is not None or args.keep
        ws.cleanup(keep=True)
        if not keep:
            for file in [*ledger.sqlite_files(ws.db), ws.sidecar, ws.ledger_key]:
                file.unlink(missing_ok=True)
        elif args.db is None:
            print(f"\nkept {ws.db} (reuse it with --db {ws.db})")
    return 0


def run(args: argparse.Namespace, ledger: ModuleType, params: Any, ws: Any) -> None:
    settings = ledger.write_settings(ws, Path(args.config).resolve())
    tz = settings.stall.tz
    last_day = ledger.year_days()[-1]
    now = dt.datetime.combine(last_day, dt.time(17), tz).astimezone(dt.UTC)
    print("Settlement benchmark")
    print(
        f"  python {sys.version.split()[0]}, sqlite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs"
    )
    print(f"  load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"  ledger: {ws.db}")
    print(
        f"  data: {params.sales:,} sales, {params.people:,} ASN, {params.vendors} vendors x "
        f"{params.products_per_vendor} products (bench/ledger.py)"
    )
    if ledger.prepare_ledger(ws, params):
        recorded = json.loads(ws.sidecar.read_text(encoding="utf-8"))
        print(f"  build: reused (built earlier in {recorded['build']['seconds']:.1f} s)")
    else:
        with open_kiosk(settings, create=True, clock=lambda: now) as kiosk:
            report = ledger.build(kiosk, params, tz, 100_000)
        ledger.checkpoint(ws.db)
        ws.sidecar.write_text(
            json.dumps(
                {"params": asdict(params), "complete": True, "build": asdict(report)}, indent=2
            ),
            encoding="utf-8",
        )
        print(f"  build: {report.seconds:.1f} s for {report.sales:,} sales")

    rows: list[tuple[str, str, str, str]] = []

    def row(metric: str, measured: str, goal: str = "-", ok: bool | None = None) -> None:
        rows.append((metric, measured, goal, "info" if ok is None else ("PASS" if ok else "FAIL")))

    recorded = json.loads(ws.sidecar.read_text(encoding="utf-8"))["build"]["months"]
    month, month_sales = max(
        ((Month.parse(key), count) for key, count in recorded.items()), key=lambda m: m[1]
    )
    with open_kiosk(settings, create=False, clock=lambda: now) as kiosk:
        start, end = month.utc_bounds(tz)
        out = settings.export.folder / f"settlement-{month}.csv"
        print(f"\n(1) export settlement for {month} ({month_sales:,} sales, the busiest month)")
        export_times, written = timed(lambda: kiosk.exports.settlement(month, out), args.repeat)
        bounds = (db_time(start, kiosk.db.engine.dialect), db_time(end, kiosk.db.engine.dialect))
        with sqlite3.connect(ws.db) as bare:
            bare_times, bare_rows = timed(
                lambda: bare.execute(BARE_SQL, bounds).fetchall(), args.repeat
            )
        bare.close()
        e50, b50 = statistics.median(export_times), statistics.median(bare_times)
        print(f"  ExportService.settlement  median {seconds(e50):>9}   ({written:,} rows)")
        print(f"  bare sqlite3 grouping     median {seconds(b50):>9}   ({len(bare_rows):,} rows)")
        print(f"  export / bare             {e50 / b50:.2f}x")
        vendors_out = settings.export.folder / f"vendors-{month}.csv"
        kiosk.exports.vendors(month, vendors_out)
        agree, detail = same_totals(out, vendors_out)
        print(f"  pendapatan per UMKM equals the vendors export: {'yes' if agree else 'NO'}")
        print(f"  {detail}")
        row(f"export settlement {month} (median)", seconds(e50), "<= 1 s", e50 <= 1.0)
        row("bare sqlite3 grouping (median)", seconds(b50))
        row("settlement = vendors export", "yes" if agree else "no", "yes", agree)

        print(f"\n(2) Balances of {month}, every UMKM (carried from the first sale)")
        fresh = SettlementQueries(kiosk.db, kiosk.settlement.fees, tz)
        started = perf()
        fresh.balances(month)
        cold = perf() - started
        warm_times, _ = timed(lambda: fresh.balances(month), args.repeat)
        balances_out = settings.export.folder / f"balances-{month}.csv"
        with open_kiosk(settings, create=False, clock=lambda: now) as command:
            started = perf()  # as `jikubata export balances` runs it: nothing kept yet
            command.exports.balances(month, balances_out)
            export_cold = perf() - started
        w50 = statistics.median(warm_times)
        print(f"  first read in a process (every month)   {seconds(cold):>9}")
        print(f"  export balances, a fresh process        {seconds(export_cold):>9}")
        print(f"  again, months kept (admin screen)       {seconds(w50):>9}")
        row("balances, first read (every month)", seconds(cold))
        row("export balances, fresh process", seconds(export_cold))
        row("balances, months kept (median)", seconds(w50))

        print("\n(3) The payout check: one UMKM's balance inside a transaction")
        kode = "UMKM-001"
        cold_one = SettlementQueries(kiosk.db, kiosk.settlement.fees, tz)
        fresh.balances(Month.of(now, tz))  # the admin screen's list, shown before paying
        with kiosk.db.read() as connection:
            started = perf()
            cold_one.saldo(connection, kode, now)
            one_cold = perf() - started
            one_times, _ = timed(lambda: fresh.saldo(connection, kode, now), args.repeat)
        o50 = statistics.median(one_times)
        print(f"  nothing kept (a CLI payout)     {seconds(one_cold):>9}")
        print(f"  months kept (the admin screen)  {seconds(o50):>9}")
        row("payout check, nothing kept", seconds(one_cold))
        row("payout check, months kept (median)", seconds(o50))

    print(f"\n  load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    width = max(len(r[0]) for r in rows)
    print(f"\n{'metric':<{width}}  {'measured':>10}  {'target':>8}  result")
    for metric, measured, goal, verdict in rows:
        print(f"{metric:<{width}}  {measured:>10}  {goal:>8}  {verdict}")


def same_totals(settlement: Path, vendors: Path) -> tuple[bool, str]:
    def read(path: Path) -> list[dict[str, str]]:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return list(csv.DictReader(handle))

    per_umkm: dict[str, int] = defaultdict(int)
    for line in read(settlement):
        per_umkm[line["kode_umkm"]] += int(line["pendapatan"])
    revenue = {line["kode_umkm"]: int(line["pendapatan"]) for line in read(vendors)}
    agree = all(per_umkm.get(kode, 0) == amount for kode, amount in revenue.items())
    agree = agree and set(per_umkm) <= set(revenue)
    return agree, (
        f"settlement Rp{sum(per_umkm.values()):,}, vendors export Rp{sum(revenue.values()):,} "
        f"over {len(revenue)} UMKM"
    )


if __name__ == "__main__":
    raise SystemExit(main())
