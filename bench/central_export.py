"""The compliance export on central: 1,000,000 sales from three kiosks in one PostgreSQL.

Builds (through ``SalesLedger.append_sales``, so chains, triggers and indexes are the real
ones) a central database holding 10,000 ASN, 50 UMKM and ``--sales`` sales spread over a year
and over three kiosk ids (AMB-01, AMB-02, TUL-01, a third each, interleaved in time), then times
``ExportService.compliance`` for the busiest month as a config whose database.url is that
central would run it (``jikubata export compliance``), and the sales export beside it.

    .venv/bin/python bench/central_export.py                  # full size, a throwaway server
    .venv/bin/python bench/central_export.py --sales 60000    # quick check
    .venv/bin/python bench/central_export.py --url postgresql+psycopg://…  # an empty database

Target: the compliance export <= 1 s (median of --repeat runs after one warm-up)."""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the throwaway PostgreSQL lives with the tests

from ledger import (  # noqa: E402  (bench/ledger.py: the same generated data)
    ROSTER_AS_OF,
    SaleMaker,
    day_counts,
    make_catalog,
    make_nip,
    make_roster,
    month_counts,
    times_on,
)

from kiosk.bootstrap import Kiosk, open_kiosk  # noqa: E402
from kiosk.config import load_settings  # noqa: E402
from kiosk.domain.months import Month  # noqa: E402
from kiosk.domain.records import SaleDraft  # noqa: E402
from kiosk.ledger.sales_ledger import SalesLedger  # noqa: E402
from tests.pg_cluster import TempCluster, server_bin  # noqa: E402

KIOSKS = ("AMB-01", "AMB-02", "TUL-01")
TARGET_SECONDS = 1.0
perf = time.perf_counter


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def central_admin(url: str, scratch: Path) -> Kiosk:
    raw = yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))
    raw["stall"]["kiosk_id"] = "PUSAT"
    raw["database"]["url"] = url
    raw["export"]["folder"] = str(scratch / "exports")
    raw["backup"] = {"folder": str(scratch / "backups")}
    raw["cards"] = {
        "key_file": str(scratch / "card-keys.txt"),
        "revoked_file": str(scratch / "revoked.txt"),
    }
    raw["ledger"] = {"key_file": str(scratch / "ledger.key")}
    raw["printer"]["path"] = str(scratch / "receipts")
    config = scratch / "config.yaml"
    config.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return open_kiosk(load_settings(config), create=True)


def build(admin: Kiosk, sales: int, seed: int, batch_size: int) -> float:
    rng = random.Random(seed)
    tz = admin.settings.stall.tz
    started = perf()
    used: set[str] = set()
    people = make_roster(rng, 10_000, list(admin.settings.regulation.tiers), used)
    outsiders = [make_nip(rng, "pelaksana", used) for _ in range(200)]
    at = dt.datetime.combine(ROSTER_AS_OF, dt.time(9), tz)
    digest = hashlib.sha256(repr(people).encode()).hexdigest()
    admin.roster.add_snapshot(
        people,
        as_of=ROSTER_AS_OF,
        file_name="bench-roster.csv",
        file_sha256=digest,
        forced=False,
        actor="bench",
        at=at,
    )
    vendors, products = make_catalog(rng, 50, 10)
    admin.catalog.save_vendors(vendors, actor="bench", at=at)
    admin.catalog.save_products(products, actor="bench", at=at)
    maker = SaleMaker(rng, [p.nip for p in people], outsiders, products)
    ledgers = [SalesLedger(admin.db, kiosk_id) for kiosk_id in KIOSKS]
    batches: list[list[SaleDraft]] = [[] for _ in KIOSKS]
    done = 0
    turn = 0
    for day, count in day_counts(sales):
        for moment in times_on(rng, day, count, tz):
            batches[turn].append(maker.draft(moment))
            turn = (turn + 1) % len(KIOSKS)
            if len(batches[turn]) >= batch_size:
                ledgers[turn].append_sales(batches[turn])
                done += len(batches[turn])
                batches[turn].clear()
                if done % 100_000 < batch_size:
                    log(f"[build] {done:>10,} / {sales:,} sales  {perf() - started:7.1f} s")
    for ledger, batch in zip(ledgers, batches, strict=True):
        if batch:
            ledger.append_sales(batch)
    with admin.db.write() as connection:
        connection.exec_driver_sql("ANALYZE")
    return perf() - started


def timed(run, repeat: int) -> tuple[float, int]:  # type: ignore[no-untyped-def]
    rows = run()  # warm-up
    times = []
    for _ in range(repeat):
        t0 = perf()
        rows = run()
        times.append(perf() - t0)
    return statistics.median(times), rows


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sales", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=20251201)
    parser.add_argument("--batch", type=int, default=5_000, help="sales per append_sales call")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--url", help="an empty PostgreSQL database (default: a throwaway one)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    cluster = None
    url = args.url
    if url is None:
        bin_dir = server_bin()
        if bin_dir is None:
            log("needs the PostgreSQL server binaries (apt-get install postgresql) or --url")
            return 1
        cluster = TempCluster(bin_dir)
        cluster.start()
        url = cluster.new_database()
    try:
        with tempfile.TemporaryDirectory(prefix="central-export-") as folder:
            admin = central_admin(url, Path(folder))
            with admin:
                build_seconds = build(admin, args.sales, args.seed, args.batch)
                counts = month_counts(args.sales)
                month: Month = max(counts, key=lambda m: counts[m])
                out = Path(folder) / "compliance.csv"
                export_s, rows = timed(lambda: admin.exports.compliance(month, out), args.repeat)
                sales_out = Path(folder) / "sales.csv"
                sales_s, lines = timed(lambda: admin.exports.sales(month, sales_out), 1)
    finally:
        if cluster is not None:
            cluster.stop()
    verdict = "PASS" if export_s <= TARGET_SECONDS else "FAIL"
    print(
        f"central: {args.sales:,} sales from {len(KIOSKS)} kiosks, built in {build_seconds:.0f} s"
    )
    print(f"month {month}: {counts[month]:,} sales")
    print(f"{'metric':<38} {'measured':>10} {'target':>8}  result")
    print(
        f"{'compliance export (' + str(rows) + ' rows)':<38} {export_s:>9.2f}s "
        f"{TARGET_SECONDS:>7.1f}s  {verdict}"
    )
    print(f"{'sales export (' + str(lines) + ' lines)':<38} {sales_s:>9.2f}s {'':>8}  info")
    return 0


if __name__ == "__main__":
    sys.exit(main())
