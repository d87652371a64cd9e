"""The kiosk's log never holds a NIP, a PIN or a card's payload, even when a sale fails in
the database: the log is set up as the app sets it up, the failures are real ones."""

from __future__ import annotations

import logging
import stat
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kiosk.domain.compliance import Status
from kiosk.ui.app import _setup_logging

from .conftest import click, log_in, nip_with_status, scan, signed_card, tile

WRONG_PIN = "86420"


def refuse(kiosk, table: str, action: str = "INSERT") -> None:  # type: ignore[no-untyped-def]
    """A database that fails the write (as a full disk or a damaged file would)."""
    with kiosk.db.write() as connection:
        connection.exec_driver_sql(
            f"CREATE TRIGGER refuse_{action}_{table} BEFORE {action} ON {table} "
            "BEGIN SELECT RAISE(ABORT, 'the disk said no'); END"
        )


def rename(kiosk, table: str, to: str) -> None:  # type: ignore[no-untyped-def]
    """A table the queries cannot find: every read of it fails, its parameters bound."""
    with kiosk.db.write() as connection:
        connection.exec_driver_sql(f"ALTER TABLE {table} RENAME TO {to}")


def pay_cash(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    click(qtbot, window.selling.pay)
    for key in ("key_5", "key_000", "key_0"):
        click(qtbot, window.payment.findChild(QPushButton, key))
    click(qtbot, window.payment.confirm)


def test_failed_sales_scans_and_pins_leave_no_nip_pin_or_payload_in_the_log(
    qtbot, window, tmp_path: Path
) -> None:
    level = logging.getLogger().level
    handler = _setup_logging(tmp_path / "logs")
    try:
        ctx, kiosk = window.ctx, window.ctx.kiosk
        nip = nip_with_status(kiosk, Status.KURANG)
        card = signed_card(kiosk, nip)

        # A wrong PIN, then the right one.
        qtbot.mouseClick(window.idle, Qt.MouseButton.LeftButton)
        click(qtbot, window.login.name_buttons["Ina"])
        for digit in WRONG_PIN:
            click(qtbot, window.login.keypad.findChild(QPushButton, f"key_{digit}"))
        click(qtbot, window.login.submit)
        qtbot.waitUntil(lambda: bool(window.login.message.message))
        log_in(qtbot, window)

        # A forged card: the signature no longer fits the NIP.
        scan(qtbot, window, ctx.scanner._clock, card[:-4] + "AAAA")

        # The buyer is found; then the roster cannot be read and receipts cannot be queued:
        # the sale is committed, its buyer's month and its receipt fail (both logged).
        scan(qtbot, window, ctx.scanner._clock, card)
        assert ctx.session.buyer is not None
        click(qtbot, tile(window, "Bagea kenari 100 g"))
        rename(kiosk, "roster_entries", "roster_entries_away")
        # The sale's receipt job is written with the sale; laying the receipt into it fails.
        refuse(kiosk, "print_jobs", "UPDATE")
        pay_cash(qtbot, window)
        qtbot.waitUntil(lambda: window.current_screen_name() == "success")
        click(qtbot, window.success.done)

        # The next scan cannot be looked up (logged as a failed background task).
        qtbot.mouseClick(window.idle, Qt.MouseButton.LeftButton)
        scan(qtbot, window, ctx.scanner._clock, card)
        assert ctx.session.buyer is None

        # The roster is back; the database refuses the sale itself.
        rename(kiosk, "roster_entries_away", "roster_entries")
        scan(qtbot, window, ctx.scanner._clock, card)
        assert ctx.session.buyer is not None
        click(qtbot, tile(window, "Bagea kenari 100 g"))
        refuse(kiosk, "sales")
        pay_cash(qtbot, window)
        qtbot.waitUntil(lambda: not ctx.session.committing)
        ctx.runner.wait()
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
        logging.getLogger().setLevel(level)

    log_file = tmp_path / "logs" / "kiosk.log"
    text = log_file.read_text(encoding="utf-8")
    for failure in ("month could not be read", "receipt could not be queued", "task failed"):
        assert failure in text
    assert "IntegrityError" in text  # the class says what went wrong
    for secret in (nip, WRONG_PIN, card):
        assert secret not in text
    assert stat.S_IMODE(log_file.stat().st_mode) == 0o600
