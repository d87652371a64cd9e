"""The kiosk killed with SIGKILL while it rings up sales and prints (a small run of
bench/crash.py): no acknowledged sale is lost, the ledger verifies, every sale has a receipt
job, nothing stays 'printing' for a dead process and no receipt is printed twice by itself."""

from __future__ import annotations

from pathlib import Path

from ..crash_rig import CrashRig


def test_killed_while_selling_loses_nothing_and_leaves_every_receipt_accounted_for(
    tmp_path: Path,
) -> None:
    report = CrashRig(tmp_path, seed=7).run(kills=12)
    assert report.problems == []
    assert (report.kills, report.lost, report.duplicates) == (12, 0, 0)
    assert report.acknowledged > 0 and report.sales > report.acknowledged
    assert report.repaired == 0  # with the sale and its receipt job in one transaction


def test_a_kiosk_that_queued_receipts_in_two_steps_is_repaired_at_start(tmp_path: Path) -> None:
    report = CrashRig(tmp_path, seed=11, two_step=True).run(kills=10)
    assert report.problems == []
    assert (report.kills, report.lost, report.duplicates) == (10, 0, 0)
