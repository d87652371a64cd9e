"""A receipt interrupted by a crash: at start-up every job whose printing process is gone is put
back for the operator at once, whatever its age; a job another live process is printing (say
`jikubata printer test` beside the kiosk) is left alone. The claims are tested against real
processes: a child that claims a job and is killed with SIGKILL."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from kiosk.printing.devices.claims import claim_gone, claimer_name
from kiosk.printing.devices.printers import FilePrinter
from kiosk.printing.devices.worker import PrintWorker
from kiosk.services.printing_ports import FAILED, PENDING, PRINTING, Problem, QueueState

from ..fake_printer import FakeNetworkPrinter
from .conftest import REPO, FakeClock, first_nip_with_tier, sell


def _now() -> dt.datetime:
    # The child process stamps its claim with the real clock; the restart is judged beside it.
    return dt.datetime.now(dt.UTC)


def _wait_for(condition, timeout: float = 30.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


@pytest.fixture
def printer_test_beside(tmp_path: Path, raw_config: dict, kiosk):  # type: ignore[no-untyped-def]
    """`jikubata printer test` in a process of its own, stuck sending to a printer that
    accepted the connection and never reads: its test page stays claimed while it lives."""
    with FakeNetworkPrinter("stall") as stalled:
        raw_config["printer"].update(
            connection="network", host="127.0.0.1", port=stalled.port, timeout_seconds=60
        )
        config = tmp_path / "config.yaml"
        config.write_text(yaml.safe_dump(raw_config), encoding="utf-8")
        child = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sys; from kiosk.cli import main; sys.exit(main(sys.argv[1:]))",
                "--config",
                str(config),
                "printer",
                "test",
            ],
            env={**os.environ, "PYTHONPATH": str(REPO)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            assert _wait_for(lambda: _statuses(kiosk) == [PRINTING]), "the child never claimed"
            yield child
        finally:
            if child.poll() is None:
                child.kill()
            child.wait()


def _statuses(kiosk) -> list[str]:  # type: ignore[no-untyped-def]
    with kiosk.db.read() as connection:
        return [row[0] for row in connection.exec_driver_sql("SELECT status FROM print_jobs")]


def _only_job(kiosk):  # type: ignore[no-untyped-def]
    with kiosk.db.read() as connection:
        (job_id,) = connection.exec_driver_sql("SELECT id FROM print_jobs").one()
    return kiosk.print_jobs.get(job_id)


def _restart_printing(kiosk, clock: FakeClock, tmp_path: Path) -> list[QueueState]:  # type: ignore[no-untyped-def]
    """What the kiosk does when it starts: the print worker recovers, then prints."""
    states: list[QueueState] = []
    worker = PrintWorker(
        kiosk.print_jobs, FilePrinter(tmp_path / "paper"), clock=clock, on_state=states.append
    )
    worker.start()
    worker.stop()
    return states


def test_a_job_whose_printing_process_was_killed_is_recovered_at_once(
    printer_test_beside, kiosk, tmp_path
):
    clock = FakeClock(_now() + dt.timedelta(minutes=1))  # well within the old 5 minutes
    printer_test_beside.send_signal(signal.SIGKILL)
    # Exited but not yet reaped: a zombie's /proc entry still names the old process.
    os.waitid(os.P_PID, printer_test_beside.pid, os.WEXITED | os.WNOWAIT)
    states = _restart_printing(kiosk, clock, tmp_path)
    job = _only_job(kiosk)
    assert job.status == FAILED and "interrupted" in job.last_error
    assert job.attempts == 0
    # Never resent by itself (its bytes may have gone out), but the banner says it waits.
    assert states[0] == QueueState(False, 1, Problem.UNCONFIRMED, states[0].detail)
    assert kiosk.print_jobs.claim_next(clock.now + dt.timedelta(hours=1), 6) is None


def test_a_job_a_live_process_is_printing_is_left_alone_however_old(
    printer_test_beside, kiosk, tmp_path
):
    clock = FakeClock(_now() + dt.timedelta(minutes=30))
    _restart_printing(kiosk, clock, tmp_path)
    assert _statuses(kiosk) == [PRINTING]  # still that process's to finish
    printer_test_beside.kill()
    printer_test_beside.wait()
    _restart_printing(kiosk, clock, tmp_path)
    assert _statuses(kiosk) == [FAILED]


def _claimed_job(stocked, clock, claimer: str) -> int:  # type: ignore[no-untyped-def]
    number = sell(stocked, 20_000, first_nip_with_tier(stocked, "eselon_iv"))
    job = stocked.receipts.print_sale(stocked.sales_ledger.find(number), None)
    claimed = stocked.print_jobs.claim_next(clock.now, 6, job, claimer)
    assert claimed is not None
    return job


def test_a_claim_by_this_machine_before_it_restarted_is_recovered(stocked, clock, tmp_path):
    host, pid, start, _boot = claimer_name().rsplit(":", 3)
    job = _claimed_job(stocked, clock, f"{host}:{pid}:{start}:00000000")
    _restart_printing(stocked, clock, tmp_path)
    assert stocked.print_jobs.get(job).status == FAILED


def test_a_reused_pid_does_not_keep_a_dead_claim(stocked, clock, tmp_path):
    host, pid, _start, boot = claimer_name().rsplit(":", 3)
    # This very pid, but a process that started at another moment: the claimer is gone.
    assert claim_gone(f"{host}:{pid}:1:{boot}") is True
    assert claim_gone(claimer_name()) is False
    job = _claimed_job(stocked, clock, f"{host}:{pid}:1:{boot}")
    _restart_printing(stocked, clock, tmp_path)
    assert stocked.print_jobs.get(job).status == FAILED


def test_another_machines_claim_is_recovered_only_by_its_age(stocked, clock, tmp_path):
    job = _claimed_job(stocked, clock, "till-2:4242:123456:abcdef01")
    assert claim_gone("till-2:4242:123456:abcdef01") is None  # cannot tell from here
    _restart_printing(stocked, clock, tmp_path)
    assert stocked.print_jobs.get(job).status == PRINTING
    clock.now += dt.timedelta(minutes=6)
    _restart_printing(stocked, clock, tmp_path)
    assert stocked.print_jobs.get(job).status == FAILED


def test_a_claim_names_this_process(stocked, clock, tmp_path):
    job = _claimed_job(stocked, clock, claimer_name())
    with stocked.db.read() as connection:
        (claimed_by,) = connection.exec_driver_sql(
            "SELECT claimed_by FROM print_jobs WHERE id = ?", (job,)
        ).one()
    assert claimed_by == claimer_name() and len(claimed_by) <= 64
    assert f":{os.getpid()}:" in claimed_by
    worker = PrintWorker(stocked.print_jobs, FilePrinter(tmp_path / "paper"), clock=clock)
    second = stocked.receipts.print_sale(
        stocked.sales_ledger.find(sell(stocked, 1_000, None)), None
    )
    assert stocked.print_jobs.get(second).status == PENDING
    assert worker.run_once(second)
    with stocked.db.read() as connection:
        rows = connection.exec_driver_sql("SELECT status, claimed_by FROM print_jobs").all()
    assert ("printed", None) in [tuple(row) for row in rows]  # let go once printed


def test_waiting_receipts_show_in_the_banner_after_a_restart(stocked, clock, tmp_path):
    job = _claimed_job(stocked, clock, "till-2:4242:123456:abcdef01")
    clock.now += dt.timedelta(minutes=6)
    states = _restart_printing(stocked, clock, tmp_path)
    assert stocked.print_jobs.get(job).status == FAILED
    assert not states[0].healthy and states[0].unprinted == 1
    assert states[0].problem is Problem.UNCONFIRMED


def test_a_restart_with_nothing_waiting_says_nothing(stocked, clock, tmp_path):
    assert _restart_printing(stocked, clock, tmp_path) == []
