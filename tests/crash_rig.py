"""Kill a kiosk that is ringing up sales, at random moments, and check what it left behind.

Shared by bench/crash.py (200 kills and more) and tests/integration/test_crash.py (a few).
A child process opens the kiosk as `jikubata run` does (``start_kiosk``, the print worker on)
and rings up sales through the real commit (``SaleService.commit``: the sale, its receipt
laid out and queued), printing to a network printer on a local TCP socket in the parent. It
writes each sale's number to a file, fsynced, once the commit has returned: those are the
sales the operator saw "Terima kasih" for. The parent kills it with SIGKILL at a random
moment, then starts the kiosk again as the app does and checks:

- every acknowledged sale is in the ledger; ``Kiosk.verify()`` is ok (SQLite's
  ``integrity_check`` and ``foreign_key_check``, and the hash chain);
- every kiosk sale has a receipt job (a sale left without one is repaired, held for the
  operator); no job stays 'printing' for the killed process;
- no receipt reached the printer twice (nobody reprints here, so a second copy could only be
  the kiosk resending on its own).

``two_step`` rings sales up as earlier versions did (the sale, then its receipt in a second
transaction), which is what the start-up repair is for. Children are forked from a
``forkserver`` that has imported the kiosk once: starting Python and importing SQLAlchemy and
python-escpos for every life would cost ~1.4 s a kill.
"""

from __future__ import annotations

import multiprocessing
import os
import random
import re
import signal
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
PRELOAD = ["kiosk.bootstrap", "kiosk.printing.escpos_output", "kiosk.printing.preview"]


@dataclass
class CrashReport:
    kills: int = 0
    acknowledged: int = 0
    lost: int = 0
    repaired: int = 0  # sales with no receipt job, given a held one at the restart
    held: int = 0  # receipt jobs still held (killed between the sale and its receipt)
    interrupted: int = 0  # jobs 'printing' when killed, put back for the operator
    notices: int = 0  # restarts after which the screen asked about the last receipt
    duplicates: int = 0  # receipts that reached the printer more than once
    sales: int = 0
    receipts_printed: int = 0  # receipts that reached the printer
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def write_config(folder: Path, printer_port: int) -> Path:
    raw = yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))
    raw["printer"].update(
        connection="network", host="127.0.0.1", port=printer_port, timeout_seconds=2
    )
    config = folder / "config.yaml"
    config.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return config


def prepare_ledger(config: Path, *, two_step: bool) -> None:
    """A fresh ledger with the sample roster and catalogue, the card keys and one sale."""
    import datetime as dt

    from kiosk.bootstrap import init_kiosk
    from kiosk.config import load_settings

    sample = REPO / "assets" / "sample"
    kiosk, _ = init_kiosk(load_settings(config))
    with kiosk:
        kiosk.roster_importer.import_file(sample / "roster.csv", dt.date(2026, 10, 1))
        kiosk.catalog_importer.import_vendors(sample / "vendors.csv")
        kiosk.catalog_importer.import_products(sample / "products.csv")
        # As a kiosk upgraded from a two-step version would be: its last sale has its job.
        ring_up(Till(kiosk, kiosk.back_end()), random.Random(0), two_step=two_step)


class Till:
    """What a sale is rung up with: the screens' sale service, and for the two-step way of
    older versions the checkout and receipts underneath it."""

    def __init__(self, kiosk, back_end) -> None:  # type: ignore[no-untyped-def]
        self.sale = back_end.sale
        self.checkout, self.receipts = kiosk.checkout, kiosk.receipts
        # Ina's till shift, as after her login (opened by the first run, found by the next).
        shift = back_end.till.current() or back_end.till.open("Ina", 0)
        self.shift_id = shift.shift_id


def ring_up(till: Till, rng: random.Random, *, two_step: bool) -> str:
    """One sale as an operator rings it up; its number once committed."""
    return commit(till, sale_request(till, rng), two_step=two_step)


def sale_request(till: Till, rng: random.Random):  # type: ignore[no-untyped-def]
    """1-3 products, a buyer (a typed NIP) or none, cash or QRIS: Bayar pressed."""
    from kiosk.domain.cart import Payment, PaymentMethod
    from kiosk.domain.errors import DomainError
    from kiosk.domain.sale_in_progress import SaleInProgress

    sale = till.sale
    catalog = sale.catalog()
    draft = SaleInProgress()
    draft.log_in("Ina", till.shift_id)
    for product in rng.sample(catalog.products, rng.randint(1, 3)):
        draft.add_product(product)
    try:
        if rng.random() < 0.5:
            found = sale.identify_typed(rng.choice(_people()))
            draft.identify(found.buyer, found.how)
        else:
            draft.choose_public()
    except DomainError:  # a NIP the kiosk refuses: the operator sells to a public buyer
        draft.choose_public()
    cash = rng.random() < 0.7
    payment = Payment(PaymentMethod.TUNAI, draft.total) if cash else Payment(PaymentMethod.QRIS)
    return draft.pay(payment)


def commit(till: Till, request, *, two_step: bool) -> str:  # type: ignore[no-untyped-def]
    """Through the sale service, as the screens commit; or in two steps as older versions."""
    if not two_step:
        return till.sale.commit(request).sale.number
    # Earlier versions: the sale, then (a second transaction) its receipt.
    result = till.checkout.checkout(
        request.lines, buyer_nip=request.nip, operator=request.operator, payment=request.payment
    )
    till.receipts.print_sale(result.sale, result.buyer)
    return result.sale.number


_PEOPLE: list[str] = []


def _people() -> list[str]:
    if not _PEOPLE:
        with open(REPO / "assets" / "sample" / "roster.csv", encoding="utf-8") as roster:
            _PEOPLE.extend(re.findall(r"\b\d{18}\b", roster.read()))
    return _PEOPLE


def child(config: str, acks: str, ready, seed: int, two_step: bool) -> None:  # type: ignore[no-untyped-def]
    """A kiosk life: open as the app does, print in the background, sell until killed."""
    from kiosk.bootstrap import start_kiosk
    from kiosk.config import load_settings

    kiosk = start_kiosk(load_settings(Path(config)), demo=False)
    back_end = kiosk.back_end()
    back_end.start_printing()
    till = Till(kiosk, back_end)
    rng = random.Random(seed)
    fd = os.open(acks, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    ready.set()
    while True:
        number = ring_up(till, rng, two_step=two_step)
        os.write(fd, f"{number}\n".encode())  # "Terima kasih" is on the screen now
        os.fsync(fd)


class CrashRig:
    def __init__(
        self,
        folder: Path,
        *,
        seed: int = 1,
        two_step: bool = False,
        life_seconds: float = 0.6,
        early_share: float = 0.1,
        progress: Callable[[CrashReport], None] | None = None,
    ) -> None:
        self.folder = folder
        self.rng = random.Random(seed)
        self.two_step = two_step
        self.life_seconds = life_seconds  # a child is killed within this after it is ready
        self.early_share = early_share  # share of kills while the child is still starting
        self.progress = progress
        self.acks = folder / "acknowledged.txt"
        self._held = 0  # held receipt jobs after the last restart

    def run(self, kills: int) -> CrashReport:
        """``kills`` lives of the kiosk. The caller has this repository on ``sys.path``: the
        fork server is handed the same path to import this module and the kiosk."""
        from tests.fake_printer import FakeNetworkPrinter

        report = CrashReport()
        started = time.monotonic()
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([*PRELOAD, "tests.crash_rig"])
        with FakeNetworkPrinter("accept") as printer:
            config = write_config(self.folder, printer.port)
            prepare_ledger(config, two_step=self.two_step)
            from kiosk.config import load_settings

            settings = load_settings(config)
            seen = 0
            for kill in range(kills):
                ready = context.Event()
                life = context.Process(
                    target=child,
                    args=(
                        str(config),
                        str(self.acks),
                        ready,
                        self.rng.randrange(2**31),
                        self.two_step,
                    ),
                    daemon=True,
                )
                life.start()
                if self.rng.random() < self.early_share:
                    time.sleep(self.rng.uniform(0, 0.3))  # opening, migrating, recovering
                else:
                    if not ready.wait(60):
                        report.problems.append(f"kill {kill + 1}: the kiosk did not start")
                    time.sleep(self.rng.uniform(0, self.life_seconds))
                if not life.is_alive():
                    report.problems.append(f"kill {kill + 1}: the kiosk died by itself")
                else:
                    os.kill(life.pid, signal.SIGKILL)
                life.join()
                report.kills += 1
                numbers = _acknowledged(self.acks)
                fresh, seen = numbers[seen:], len(numbers)
                report.acknowledged += len(fresh)
                self._restart_and_check(settings, life.pid, fresh, report, kill + 1)
                if self.progress:
                    self.progress(report)
            _count_printed(printer, settings.stall.kiosk_id, report)
            self._final_check(settings, _acknowledged(self.acks), report)
        report.seconds = time.monotonic() - started
        return report

    def _restart_and_check(  # type: ignore[no-untyped-def]
        self, settings, pid: int, fresh: list[str], report: CrashReport, kill: int
    ) -> None:
        from kiosk.bootstrap import start_kiosk

        db = _sqlite_file(settings)
        before = _queue_facts(db, pid)
        report.held += before["held"] - self._held
        kiosk = start_kiosk(settings, demo=False)  # repairs receipts, as `jikubata run` does
        try:
            back_end = kiosk.back_end()
            back_end.start_printing()  # recovers the killed child's claims
            worker = kiosk.print_worker
            report.interrupted += worker.recovered if worker else 0
            if back_end.sale.receipt_in_doubt() is not None:
                report.notices += 1
            lost = [number for number in fresh if kiosk.sales_ledger.find(number) is None]
            report.lost += len(lost)
            if lost:
                report.problems.append(f"kill {kill}: acknowledged sales missing: {lost}")
            verify = kiosk.verify()
            if not verify.ok:
                report.problems.append(
                    f"kill {kill}: ledger verify: {verify.first_broken or verify.database_problems}"
                )
            after = _queue_facts(db, pid)
        finally:
            kiosk.close()
        self._held = after["held"]
        report.repaired += before["without_job"] - after["without_job"]
        if after["without_job"]:
            report.problems.append(f"kill {kill}: {after['without_job']} sale(s) with no job")
        if after["stuck"]:
            report.problems.append(f"kill {kill}: a job stays 'printing' for the dead process")

    def _final_check(self, settings, numbers: list[str], report: CrashReport) -> None:  # type: ignore[no-untyped-def]
        with sqlite3.connect(_sqlite_file(settings)) as connection:
            kiosk_id = settings.stall.kiosk_id
            recorded = {
                f"{kiosk_id}-{seq:06d}"
                for (seq,) in connection.execute(
                    "SELECT e.seq FROM entries e JOIN sales s ON s.id = e.id WHERE e.kiosk_id = ?",
                    (kiosk_id,),
                )
            }
            report.sales = len(recorded)
            (integrity,) = connection.execute("PRAGMA integrity_check").fetchone()
        missing = set(numbers) - recorded
        if missing:
            report.problems.append(f"acknowledged sales missing at the end: {sorted(missing)}")
        if integrity != "ok":
            report.problems.append(f"integrity_check at the end: {integrity}")


def _acknowledged(path: Path) -> list[str]:
    if not path.exists():
        return []
    text = path.read_text(encoding="ascii")
    return [line for line in text.split("\n")[:-1] if line]  # a cut last line is no ack


def _sqlite_file(settings) -> Path:  # type: ignore[no-untyped-def]
    from kiosk.bootstrap import sqlite_path

    path = sqlite_path(settings.database_url)
    assert path is not None, "the crash rig runs on SQLite"
    return path


def _queue_facts(db: Path, pid: int) -> dict[str, int]:
    with sqlite3.connect(db) as connection:

        def count(sql: str, *args: object) -> int:
            return connection.execute(sql, args).fetchone()[0]

        return {
            "without_job": count(
                "SELECT count(*) FROM sales s WHERE s.source = 'kiosk' AND NOT EXISTS "
                "(SELECT 1 FROM print_jobs j WHERE j.sale_id = s.id)"
            ),
            "held": count(
                "SELECT count(*) FROM print_jobs WHERE kind = 'receipt' AND status = 'failed' "
                "AND length(payload) = 0"
            ),
            "stuck": count(
                "SELECT count(*) FROM print_jobs WHERE status = 'printing' AND claimed_by LIKE ?",
                f"%:{pid}:%",
            ),
        }


def _count_printed(printer, kiosk_id: str, report: CrashReport) -> None:  # type: ignore[no-untyped-def]
    """Each connection to the printer is one job; a receipt number in two is a duplicate."""
    pattern = re.compile(re.escape(kiosk_id.encode()) + rb"-\d{6}")
    copies: dict[bytes, int] = {}
    for job in list(printer.jobs):
        for number in set(pattern.findall(job)):
            copies[number] = copies.get(number, 0) + 1
    report.receipts_printed = len(copies)
    report.duplicates = sum(1 for count in copies.values() if count > 1)
