"""The print queue against a real TCP printer on 127.0.0.1: whatever the printer does, the
sale stays in the ledger, the job ends in the right state, and reprint works once it is back."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading

import pytest

from kiosk.printing.devices.printers import EscposPrinter, FilePrinter, make_printer
from kiosk.printing.devices.worker import PrintWorker
from kiosk.services.printing_ports import (
    FAILED,
    PENDING,
    PRINTED,
    SUPERSEDED,
    Problem,
    QueueState,
)

from ..fake_printer import FakeNetworkPrinter, refused_port
from .conftest import first_nip_with_tier, sell

RECEIPT = b"\x1b@Struk AMB-01\n\x1dV\x00"


def network_settings(settings, port: int, timeout: float = 0.5):  # type: ignore[no-untyped-def]
    return dataclasses.replace(
        settings.printer, connection="network", host="127.0.0.1", port=port, timeout_seconds=timeout
    )


@pytest.fixture
def sale_job(stocked):  # type: ignore[no-untyped-def]
    """A committed sale and its queued receipt."""
    number = sell(stocked, 20_000, first_nip_with_tier(stocked, "eselon_iv"))
    sale = stocked.sales_ledger.find(number)
    job = stocked.print_jobs.add(
        kind="receipt",
        title=f"Struk {number}",
        payload=RECEIPT,
        preview="Struk",
        sale_id=sale.id,
        at=stocked.clock(),
    )
    return stocked, sale, job


def worker_for(kiosk, printer, clock, states=None):  # type: ignore[no-untyped-def]
    return PrintWorker(
        kiosk.print_jobs,
        printer,
        clock=clock,
        on_state=(states.append if states is not None else lambda s: None),
    )


def test_an_accepting_printer_gets_the_bytes_and_the_job_is_printed(sale_job, settings, clock):
    kiosk, _sale, job = sale_job
    with FakeNetworkPrinter("accept") as fake:
        states: list[QueueState] = []
        worker = worker_for(
            kiosk, EscposPrinter(network_settings(settings, fake.port)), clock, states
        )
        assert worker.run_once()
        assert fake.wait_for_jobs(1)
    assert fake.jobs[0].startswith(RECEIPT)
    assert kiosk.print_jobs.get(job).status == PRINTED
    assert states[-1].healthy and states[-1].unprinted == 0


def test_a_refusing_printer_fails_the_job_and_it_prints_once_the_printer_is_back(
    sale_job, settings, clock
):
    kiosk, sale, job = sale_job
    port = refused_port()
    states: list[QueueState] = []
    worker = worker_for(kiosk, EscposPrinter(network_settings(settings, port)), clock, states)
    assert worker.run_once()
    failed = kiosk.print_jobs.get(job)
    assert (failed.status, failed.attempts) == (FAILED, 1)
    assert "cannot reach the printer at 127.0.0.1" in failed.last_error
    assert states[-1].problem is Problem.UNREACHABLE and states[-1].unprinted == 1
    assert kiosk.sales_ledger.find(sale.number) is not None  # the sale never depended on paper
    assert not worker.run_once()  # not due yet: the retry waits
    clock.now += dt.timedelta(seconds=6)
    with FakeNetworkPrinter("accept", port) as fake:
        assert worker.run_once()
        assert fake.wait_for_jobs(1)
    assert kiosk.print_jobs.get(job).status == PRINTED


def test_a_printer_that_accepts_and_never_reads_fails_within_the_timeout(sale_job, settings, clock):
    kiosk, sale, job = sale_job
    with FakeNetworkPrinter("stall") as stalled:
        worker = worker_for(kiosk, EscposPrinter(network_settings(settings, stalled.port)), clock)
        assert worker.run_once()
        port = stalled.port
    failed = kiosk.print_jobs.get(job)
    assert failed.status == FAILED and "did not confirm" in failed.last_error
    with FakeNetworkPrinter("accept", port) as fake:
        clock.now += dt.timedelta(hours=1)
        assert not worker.run_once()  # it may have printed: never resent by itself
        copy = kiosk.receipts.reprint(sale.number)  # the operator's [Cetak ulang]
        assert worker.run_once()
        assert fake.wait_for_jobs(1)
    assert kiosk.print_jobs.get(copy).status == PRINTED
    assert kiosk.print_jobs.get(job).status == SUPERSEDED
    assert kiosk.print_jobs.unprinted_count() == 0
    assert kiosk.verify().ok


def test_a_printer_that_prints_but_never_confirms_gets_the_receipt_once(sale_job, settings, clock):
    kiosk, _sale, job = sale_job
    with FakeNetworkPrinter("mute") as mute:
        worker = worker_for(kiosk, EscposPrinter(network_settings(settings, mute.port)), clock)
        assert worker.run_once()
        for _ in range(6):
            clock.now += dt.timedelta(minutes=5)
            assert not worker.run_once()
        assert mute.wait_for_jobs(1)
    assert [j for j in mute.jobs if j.startswith(RECEIPT)] == [mute.jobs[0]]
    assert len(mute.jobs) == 1
    assert kiosk.print_jobs.get(job).status == FAILED


def test_two_workers_on_one_queue_never_send_the_same_job(sale_job, settings, clock):
    kiosk, _sale, job = sale_job
    with FakeNetworkPrinter("accept") as fake:
        printer = EscposPrinter(network_settings(settings, fake.port))
        first, second = worker_for(kiosk, printer, clock), worker_for(kiosk, printer, clock)
        claimed = kiosk.print_jobs.claim_next(clock.now, first.max_attempts)
        assert claimed is not None and claimed.id == job
        assert not second.run_once()  # the job is taken
        assert kiosk.print_jobs.get(job).status == "printing"


def test_a_job_interrupted_mid_print_is_not_resent_on_restart(sale_job, settings, clock):
    kiosk, _sale, job = sale_job
    kiosk.print_jobs.claim_next(clock.now, 6)  # then the kiosk lost power
    clock.now += dt.timedelta(minutes=10)
    assert kiosk.print_jobs.recover_interrupted(clock.now, dt.timedelta(minutes=5)) == 1
    interrupted = kiosk.print_jobs.get(job)
    assert interrupted.status == FAILED and "interrupted" in interrupted.last_error
    with FakeNetworkPrinter("accept") as fake:
        worker = worker_for(kiosk, EscposPrinter(network_settings(settings, fake.port)), clock)
        assert not worker.run_once()


def test_paper_out_is_not_retried_automatically_but_a_reprint_prints(sale_job, settings, clock):
    kiosk, sale, job = sale_job
    with FakeNetworkPrinter("paper_out") as fake:
        worker = worker_for(kiosk, EscposPrinter(network_settings(settings, fake.port)), clock)
        assert worker.run_once()
        failed = kiosk.print_jobs.get(job)
        assert failed.status == FAILED and "out of paper" in failed.last_error
        clock.now += dt.timedelta(hours=1)
        assert not worker.run_once()  # the printer may still hold it: no automatic copy
        fake.mode = "accept"
        copy = kiosk.print_jobs.add(
            kind="copy", title="Salinan", payload=RECEIPT, preview="", sale_id=sale.id, at=clock.now
        )
        assert worker.run_once()
        assert fake.wait_for_jobs(2)
    assert kiosk.print_jobs.get(copy).status == PRINTED
    assert [j.status for j in kiosk.print_jobs.for_sale(sale.id)] == [SUPERSEDED, PRINTED]
    assert kiosk.print_jobs.unprinted_count() == 0


def test_an_offline_printer_reports_its_state(settings):
    with FakeNetworkPrinter("offline") as fake:
        status = EscposPrinter(network_settings(settings, fake.port)).status()
    assert status.online is False and "offline" in status.detail
    with FakeNetworkPrinter("accept") as fake:
        assert EscposPrinter(network_settings(settings, fake.port)).status().paper == "ok"
    assert EscposPrinter(network_settings(settings, refused_port())).status().online is False


def test_retries_stop_after_the_last_pause(sale_job, settings, clock):
    kiosk, _sale, job = sale_job
    worker = worker_for(kiosk, EscposPrinter(network_settings(settings, refused_port())), clock)
    for _ in range(worker.max_attempts):
        assert worker.run_once()
        clock.now += dt.timedelta(minutes=5)
    assert not worker.run_once()
    assert kiosk.print_jobs.get(job).attempts == worker.max_attempts


def test_the_worker_thread_prints_in_the_background(sale_job, settings, clock):
    kiosk, _sale, job = sale_job
    printed = threading.Event()
    with FakeNetworkPrinter("accept") as fake:
        worker = PrintWorker(
            kiosk.print_jobs,
            EscposPrinter(network_settings(settings, fake.port)),
            clock=clock,
            on_state=lambda state: printed.set() if state.last_job_ok else None,
        )
        worker.start()
        worker.wake()
        assert printed.wait(10)
        worker.stop()
    assert kiosk.print_jobs.get(job).status == PRINTED


def test_file_printer_writes_bytes_and_preview(tmp_path, settings):
    printer = make_printer(dataclasses.replace(settings.printer, path=tmp_path / "r"))
    assert isinstance(printer, FilePrinter)
    printer.send(RECEIPT, "Struk AMB-01-000001", "STRUK\nTotal Rp20.000")
    (binary,) = (tmp_path / "r").glob("*.bin")
    assert binary.read_bytes() == RECEIPT
    assert binary.with_suffix(".txt").read_text(encoding="utf-8").endswith("Rp20.000")
    assert "AMB-01-000001" in binary.name
    none = dataclasses.replace(settings.printer, connection="none")
    assert make_printer(none) is None


def test_jobs_start_pending(sale_job):
    kiosk, _sale, job = sale_job
    assert kiosk.print_jobs.get(job).status == PENDING
    assert kiosk.print_jobs.unprinted_count() == 1
