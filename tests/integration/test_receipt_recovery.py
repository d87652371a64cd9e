"""A committed sale is never left without a receipt job, and nobody left unaware of it: the sale
and its receipt's place in the queue are one transaction; a sale an older version left without
a job gets one at start-up, held for the operator (never printed by itself); and the last sale,
when its receipt may not have printed, is what the screen asks about after a restart."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from kiosk.bootstrap import open_back_end
from kiosk.domain.cart import Payment, PaymentMethod
from kiosk.domain.sale_in_progress import SaleInProgress
from kiosk.printing.devices.printers import FilePrinter
from kiosk.printing.devices.worker import PrintWorker
from kiosk.services.card_keys import create_card_key_file
from kiosk.services.printing_ports import FAILED, PENDING, PRINTED, SUPERSEDED
from kiosk.services.receipts import ReceiptInDoubt

from .conftest import SAMPLE, sell

# A disk that takes the sale but then refuses every receipt's bytes: what the old two-step
# commit met when the kiosk died (or the queue failed) between the sale and its receipt.
REFUSE_RECEIPT_BYTES = [
    f"CREATE TRIGGER refuse_receipt_{action} BEFORE {action} ON print_jobs "
    "WHEN length(NEW.payload) > 0 BEGIN SELECT RAISE(ABORT, 'disk full'); END"
    for action in ("INSERT", "UPDATE")
]


@pytest.fixture(autouse=True)
def card_keys(settings) -> None:  # type: ignore[no-untyped-def]
    """The screens' back end reads the card keys, as after `jikubata init`."""
    create_card_key_file(settings.cards.key_file)


def ring_up(kiosk, amount: int = 25_000):  # type: ignore[no-untyped-def]
    """One sale the way the screens commit it: SaleInProgress.pay, then SaleService.commit."""
    sale = SaleInProgress()
    shift = kiosk.shifts.current() or kiosk.shifts.open("Ina", 0)
    sale.log_in("Ina", shift.shift_id)
    sale.add_free_amount("UMKM-001", "Dapur Sagu", amount)
    sale.choose_public()
    return kiosk.back_end().sale.commit(sale.pay(Payment(PaymentMethod.TUNAI, amount)))


def as_an_old_version(kiosk, amount: int = 25_000) -> str:  # type: ignore[no-untyped-def]
    """A sale committed with no job: an older kiosk killed between the sale and its receipt."""
    return sell(kiosk, amount, None)


def jobs_of(kiosk, number: str):  # type: ignore[no-untyped-def]
    return kiosk.print_jobs.for_sale(kiosk.sales_ledger.find(number).id)


def test_the_sale_keeps_its_receipt_job_when_queueing_the_receipt_fails(stocked):
    with stocked.db.write() as connection:
        for statement in REFUSE_RECEIPT_BYTES:
            connection.execute(text(statement))
    outcome = ring_up(stocked)
    assert outcome.receipt_job is None  # the success screen offers Cetak ulang
    (job,) = jobs_of(stocked, outcome.sale.number)
    assert (job.kind, job.status, job.payload) == ("receipt", FAILED, b"")
    assert "reprint" in job.last_error
    assert stocked.print_jobs.unprinted_count() == 1  # the banner counts it
    later = stocked.clock() + dt.timedelta(hours=1)
    assert stocked.print_jobs.claim_next(later, 6) is None  # never printed by itself


def test_a_normal_sale_has_one_receipt_job_ready_to_print(stocked, tmp_path):
    outcome = ring_up(stocked)
    (job,) = jobs_of(stocked, outcome.sale.number)
    assert job.id == outcome.receipt_job
    assert (job.kind, job.status, job.last_error) == ("receipt", PENDING, None)
    assert job.payload.startswith(b"\x1b@") and outcome.sale.number in job.preview
    worker = PrintWorker(stocked.print_jobs, FilePrinter(tmp_path / "paper"), clock=stocked.clock)
    assert worker.run_once()
    assert stocked.print_jobs.get(job.id).status == PRINTED
    assert stocked.receipts.repair_missing() == 0


def test_a_sale_left_without_a_job_gets_one_held_for_the_operator(stocked, tmp_path):
    ring_up(stocked)
    number = as_an_old_version(stocked, 30_000)
    assert jobs_of(stocked, number) == []
    assert stocked.repair_receipts() == 1
    (job,) = jobs_of(stocked, number)
    assert (job.kind, job.status, job.payload) == ("receipt", FAILED, b"")
    assert stocked.repair_receipts() == 0  # once
    worker = PrintWorker(stocked.print_jobs, FilePrinter(tmp_path / "paper"), clock=stocked.clock)
    while worker.run_once():  # the first sale's receipt; the held one stays
        pass
    assert [j.status for j in jobs_of(stocked, number)] == [FAILED]
    doubt = stocked.back_end().sale.receipt_in_doubt()
    assert doubt == ReceiptInDoubt(number, 30_000)
    stocked.back_end().sale.reprint(number)  # the operator's Cetak ulang
    assert worker.run_once()
    assert [j.status for j in jobs_of(stocked, number)] == [SUPERSEDED, PRINTED]
    assert stocked.print_jobs.unprinted_count() == 0
    assert stocked.back_end().sale.receipt_in_doubt() is None


def test_only_kiosk_sales_since_the_last_receipt_are_repaired(stocked):
    before = [as_an_old_version(stocked) for _ in range(3)]  # before any receipt: old history
    ring_up(stocked)
    voided = as_an_old_version(stocked)
    stocked.admin.void(voided, "Salah input")
    stocked.sales_importer.import_file(SAMPLE / "sales-paper.csv")  # paper, after the sale
    missing = as_an_old_version(stocked)
    assert stocked.repair_receipts() == 1
    assert len(jobs_of(stocked, missing)) == 1
    assert all(jobs_of(stocked, number) == [] for number in [*before, voided])
    with stocked.db.read() as connection:
        imported_jobs = connection.execute(
            text(
                "SELECT count(*) FROM print_jobs JOIN sales ON sales.id = print_jobs.sale_id "
                "WHERE sales.source = 'import'"
            )
        ).scalar_one()
    assert imported_jobs == 0


def test_a_ledger_that_never_printed_gets_no_jobs(stocked):
    """Demo data, or a ledger from before receipts were queued: thousands of old sales with
    no job. Nothing there says which of them the buyer is still waiting for."""
    for _ in range(5):
        as_an_old_version(stocked)
    assert stocked.repair_receipts() == 0
    assert stocked.print_jobs.unprinted_count() == 0
    assert stocked.back_end().sale.receipt_in_doubt() is None


def test_the_last_sale_is_in_doubt_only_while_its_receipt_waits_for_the_operator(
    stocked, tmp_path, clock
):
    sale = stocked.back_end().sale
    assert sale.receipt_in_doubt() is None  # no sale yet
    outcome = ring_up(stocked)
    assert sale.receipt_in_doubt() is None  # pending: it prints by itself
    worker = PrintWorker(stocked.print_jobs, FilePrinter(tmp_path / "paper"), clock=clock)
    assert worker.run_once()
    assert sale.receipt_in_doubt() is None  # printed
    stocked.print_jobs.claim_next(clock.now, 6, sale.reprint(outcome.sale.number))
    clock.now += dt.timedelta(minutes=6)  # the copy was printing when the power went
    PrintWorker(stocked.print_jobs, FilePrinter(tmp_path / "paper"), clock=clock).start()
    assert sale.receipt_in_doubt() is None  # the receipt itself did print
    second = ring_up(stocked, 12_000)
    stocked.print_jobs.claim_next(clock.now, 6, second.receipt_job)
    clock.now += dt.timedelta(minutes=6)
    worker = PrintWorker(stocked.print_jobs, FilePrinter(tmp_path / "paper"), clock=clock)
    worker.start()
    worker.stop()
    assert sale.receipt_in_doubt() == ReceiptInDoubt(second.sale.number, 12_000)
    stocked.admin.void(second.sale.number, "Salah input")
    assert sale.receipt_in_doubt() is None  # a voided sale needs no receipt


def test_the_kiosk_repairs_receipts_when_it_opens(stocked, settings):
    ring_up(stocked)
    number = as_an_old_version(stocked)
    back_end = open_back_end(settings, demo=False)  # what `jikubata run` opens
    try:
        assert back_end.sale.receipt_in_doubt() == ReceiptInDoubt(number, 25_000)
    finally:
        back_end.close()
    assert [j.status for j in jobs_of(stocked, number)] == [FAILED]
