"""Sync benchmark (issue #13): three kiosks push a backlog of 100,000 entries each to a local
PostgreSQL, and the lag from a sale's commit to central at one sale per second.

  (a) batch size: one kiosk's backlog pushed alone with 500, 2,000 and 5,000 entries per
      batch (a fresh central database each), entries/s;
  (b) three kiosks, each its own process (as on three machines), pushing their backlogs at
      once with the default batch: entries/s over all, and each process's peak memory;
  (c) steady state: a kiosk with the background worker (interval 5 s) sells once a second for
      60 s; a watcher on central notes when each entry arrives: lag p50 / max.

Central is a throwaway cluster (initdb into a temporary folder, as the tests do) unless
``--owner-url`` names an existing empty database. Exits 0 whatever the figures.

    .venv/bin/python bench/sync.py                     # full size: a few minutes on 2 cores
    .venv/bin/python bench/sync.py --entries 20000 --lag-seconds 20   # quick check
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import importlib.util
import multiprocessing
import random
import resource
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml
from sqlalchemy import create_engine, text

from kiosk.bootstrap import Kiosk, init_kiosk
from kiosk.central.push import BATCH_SIZE, CentralPush, central_engine
from kiosk.central.schema import add_kiosk, init_central
from kiosk.central.state import SyncState
from kiosk.config import parse_settings
from kiosk.domain.cart import CartLine, Payment, PaymentMethod
from kiosk.domain.records import SaleDraft

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "assets" / "sample"
TARGET_RATE = 5_000  # entries per second, all kiosks together
perf = time.perf_counter


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def load_pg_cluster() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pg_cluster", REPO / "tests" / "pg_cluster.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def kiosk_raw(kiosk_id: str, central_url: str | None, interval: int = 5) -> dict[str, Any]:
    raw = yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))
    raw = copy.deepcopy(raw)
    raw["stall"]["kiosk_id"] = kiosk_id
    if central_url is not None:
        raw["central"] = {"url": central_url, "interval_seconds": interval}
    return raw


def open_bench_kiosk(folder: Path, kiosk_id: str, central_url: str | None) -> Kiosk:
    folder.mkdir(parents=True, exist_ok=True)
    settings = parse_settings(kiosk_raw(kiosk_id, central_url), folder / "config.yaml")
    kiosk, _ = init_kiosk(settings)
    if not kiosk.catalog.vendors():
        kiosk.catalog_importer.import_vendors(SAMPLE / "vendors.csv")
        kiosk.catalog_importer.import_products(SAMPLE / "products.csv")
    return kiosk


def drafts(kiosk: Kiosk, rng: random.Random, count: int, start: dt.datetime) -> list[SaleDraft]:
    products = [p for p in kiosk.catalog.products() if p.active]
    made = []
    for index in range(count):
        picked = rng.sample(products, rng.choice((1, 2, 3)))
        lines = tuple(CartLine(p.kode_umkm, p.nama, p.harga, 1, p.sku) for p in picked)
        total = sum(line.subtotal for line in lines)
        made.append(
            SaleDraft(
                lines=lines,
                nip=None,
                operator="Ina",
                payment=Payment(PaymentMethod.TUNAI, total),
                created_at=start + dt.timedelta(seconds=20 * index),
            )
        )
    return made


def build_backlog(folder: Path, kiosk_id: str, entries: int, seed: int) -> None:
    kiosk = open_bench_kiosk(folder, kiosk_id, None)
    rng = random.Random(seed)
    start = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    started = perf()
    with kiosk:
        for done in range(0, entries, 2_000):
            size = min(2_000, entries - done)
            at = start + dt.timedelta(seconds=20 * done)
            kiosk.sales_ledger.append_sales(drafts(kiosk, rng, size, at))
    log(f"[build] {kiosk_id}: {entries:,} entries in {perf() - started:.1f} s")


def push_backlog(folder: str, kiosk_id: str, url: str, batch: int) -> tuple[int, float, int]:
    """In its own process: (entries pushed, seconds, peak RSS in KiB)."""
    settings = parse_settings(kiosk_raw(kiosk_id, url), Path(folder) / "config.yaml")
    kiosk, _ = init_kiosk(settings)
    engine = central_engine(url)
    push = CentralPush(
        kiosk.db, engine, kiosk_id, SyncState(kiosk.db, kiosk_id), kiosk.clock, batch
    )
    started = perf()
    result = push.push()
    seconds = perf() - started
    engine.dispose()
    kiosk.close()
    if result.waiting or result.alarm:
        raise RuntimeError(f"{kiosk_id}: push left {result.waiting} waiting ({result.alarm})")
    return result.pushed, seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def fresh_central(cluster: Any) -> str:
    url = cluster.new_database()
    init_central(url)
    return str(url)


def copy_ledger(source: Path, target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)


def measure_lag(work: Path, owner_url: str, seconds: int, interval: int) -> list[float]:
    added = add_kiosk(owner_url, "LAG-01")
    folder = work / "lag"
    kiosk = open_bench_kiosk(folder, "LAG-01", None)
    kiosk.close()
    settings = parse_settings(kiosk_raw("LAG-01", added.kiosk_url, interval), folder / "x.yaml")
    kiosk, _ = init_kiosk(settings)
    committed: dict[int, float] = {}
    arrived: dict[int, float] = {}
    stop = threading.Event()
    owner = create_engine(owner_url)

    def watch() -> None:
        while not stop.is_set():
            with owner.connect() as connection:
                head = connection.execute(
                    text("SELECT coalesce(max(seq), 0) FROM entries WHERE kiosk_id = 'LAG-01'")
                ).scalar_one()
            now = perf()
            for seq in range(len(arrived) + 1, head + 1):
                arrived[seq] = now
            time.sleep(0.05)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    worker = kiosk.start_sync()
    assert worker is not None
    rng = random.Random(7)
    begin = perf()
    for index in range(seconds):
        (draft,) = drafts(kiosk, rng, 1, dt.datetime.now(dt.UTC))
        recorded = kiosk.sales_ledger.append_sale(draft)
        committed[recorded.seq] = perf()
        time.sleep(max(0.0, begin + index + 1 - perf()))
    deadline = perf() + 3 * interval
    while len(arrived) < len(committed) and perf() < deadline:
        time.sleep(0.1)
    stop.set()
    watcher.join()
    kiosk.close()
    owner.dispose()
    return [arrived[seq] - committed[seq] for seq in committed if seq in arrived] + [
        float("inf") for seq in committed if seq not in arrived
    ]


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000, help="per kiosk")
    parser.add_argument("--kiosks", type=int, default=3)
    parser.add_argument("--batches", default="500,2000,5000", help="batch sizes to compare")
    parser.add_argument("--lag-seconds", type=int, default=60)
    parser.add_argument("--interval", type=int, default=5)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    cluster_module = load_pg_cluster()
    bin_dir = cluster_module.server_bin()
    if bin_dir is None:
        log("needs the PostgreSQL server binaries: apt-get install postgresql")
        return 1
    cluster = cluster_module.TempCluster(bin_dir)
    cluster.start()
    work = Path(tempfile.mkdtemp(prefix="jikubata-sync-bench-"))
    rows: list[tuple[str, str, str, str]] = []
    try:
        ids = [f"AMB-{n:02d}" for n in range(1, args.kiosks + 1)]
        for number, kiosk_id in enumerate(ids):
            build_backlog(work / f"built-{kiosk_id}", kiosk_id, args.entries, number)
        context = multiprocessing.get_context("spawn")
        # (a) batch sizes, one kiosk alone
        for batch in (int(size) for size in args.batches.split(",")):
            owner = fresh_central(cluster)
            url = add_kiosk(owner, ids[0]).kiosk_url
            copy_ledger(work / f"built-{ids[0]}", work / "run")
            with context.Pool(1) as pool:
                pushed, seconds, _ = pool.apply(
                    push_backlog, (str(work / "run"), ids[0], url, batch)
                )
            rate = pushed / seconds
            log(f"[batch {batch}] {pushed:,} entries in {seconds:.1f} s: {rate:,.0f}/s")
            rows.append((f"one kiosk, batch {batch:,}", f"{rate:,.0f} entries/s", "", "info"))
        # (b) all kiosks at once, the default batch
        owner = fresh_central(cluster)
        jobs = []
        for kiosk_id in ids:
            url = add_kiosk(owner, kiosk_id).kiosk_url
            copy_ledger(work / f"built-{kiosk_id}", work / f"run-{kiosk_id}")
            jobs.append((str(work / f"run-{kiosk_id}"), kiosk_id, url, BATCH_SIZE))
        started = perf()
        with context.Pool(len(ids)) as pool:
            results = pool.starmap(push_backlog, jobs)
        wall = perf() - started
        total = sum(pushed for pushed, _, _ in results)
        rate = total / wall
        peak_mib = max(rss for _, _, rss in results) / 1024
        with create_engine(owner).connect() as connection:
            held = connection.execute(text("SELECT count(*) FROM entries")).scalar_one()
        log(f"[all] {total:,} entries ({held:,} on central) in {wall:.1f} s")
        verdict = "PASS" if rate >= TARGET_RATE and held == total else "FAIL"
        rows.append(
            (
                f"{len(ids)} kiosks x {args.entries:,} at once",
                f"{rate:,.0f} entries/s",
                f">= {TARGET_RATE:,}",
                verdict,
            )
        )
        rows.append(("peak memory per pushing kiosk", f"{peak_mib:.0f} MiB", "", "info"))
        # (c) lag at one sale per second
        lags = measure_lag(work, owner, args.lag_seconds, args.interval)
        worst, middle = max(lags), statistics.median(lags)
        target = 2 * args.interval
        rows.append((f"lag p50, {len(lags)} sales at 1/s", f"{middle:.1f} s", "", "info"))
        rows.append(
            (
                f"lag max (interval {args.interval} s)",
                f"{worst:.1f} s",
                f"<= {target} s",
                "PASS" if worst <= target else "FAIL",
            )
        )
    finally:
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(f"{'metric':<34} {'measured':>18} {'target':>12}  result")
    for metric, measured, target_text, verdict in rows:
        print(f"{metric:<34} {measured:>18} {target_text:>12}  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
