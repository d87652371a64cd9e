"""Talking to the configured receipt printer through python-escpos, with short timeouts.

Facts that shape this module (docs/ARCHITECTURE.md, "Printing"): status queries only work on
network, USB and serial connections and can block for the socket timeout; a network printer
switched off mid-job can swallow a print with no exception. So every send is followed, where the
connection can answer, by a real-time status query (DLE EOT): a printer that does not answer
within the timeout has not printed, as far as the kiosk can know, and the job is retried.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from pathlib import Path
from typing import Any, Protocol

from ...services.printing_ports import PrinterConnection, PrinterStatus, Problem

STATUS_ONLINE = b"\x10\x04\x01"  # DLE EOT 1: printer status
STATUS_PAPER = b"\x10\x04\x04"  # DLE EOT 4: roll paper sensor
_OFFLINE_BIT = 0x08
_PAPER_OUT_BITS = 0x60
_PAPER_LOW_BITS = 0x0C


class PrinterError(Exception):
    def __init__(self, problem: Problem, detail: str) -> None:
        super().__init__(detail)
        self.problem = problem


class ReceiptPrinter(Protocol):
    def send(self, data: bytes, name: str, preview: str) -> None: ...
    def status(self) -> PrinterStatus: ...


class FilePrinter:
    """The default: each receipt's bytes and a readable preview in a folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def send(self, data: bytes, name: str, preview: str) -> None:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)  # receipts name buyers
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%f")
        base = self.folder / f"{stamp}-{re.sub(r'[^A-Za-z0-9-]+', '_', name)[:60]}"
        base.with_suffix(".bin").write_bytes(data)
        base.with_suffix(".txt").write_text(preview, encoding="utf-8")

    def status(self) -> PrinterStatus:
        return PrinterStatus(online=self.folder.parent.exists(), paper=None)


class EscposPrinter:
    """Network, USB, serial or CUPS (via `lp`) through python-escpos."""

    def __init__(self, settings: PrinterConnection) -> None:
        self.settings = settings

    @property
    def can_answer(self) -> bool:
        return self.settings.confirm_with_status and self.settings.connection in (
            "network",
            "usb",
            "serial",
        )

    def _device(self) -> Any:
        s = self.settings
        from escpos import printer as escpos_printers  # imported late: it loads usb/serial

        if s.connection == "network":
            return escpos_printers.Network(
                s.host, s.port, timeout=s.timeout_seconds, profile=s.profile
            )
        if s.connection == "usb":
            return escpos_printers.Usb(
                s.usb_vendor_id,
                s.usb_product_id,
                timeout=int(s.timeout_seconds * 1000),
                profile=s.profile,
            )
        if s.connection == "serial":
            return escpos_printers.Serial(
                s.serial_device,
                baudrate=s.serial_baudrate,
                timeout=s.timeout_seconds,
                profile=s.profile,
            )
        if s.connection == "cups":
            return escpos_printers.LP(s.cups_printer, profile=s.profile)
        raise ValueError(f"no ESC/POS device for connection {s.connection!r}")

    def _open(self) -> Any:
        device = self._device()
        try:
            device.open()
        except Exception as error:  # python-escpos raises several kinds; all mean "not there"
            raise PrinterError(Problem.UNREACHABLE, _describe(self.settings, error)) from None
        return device

    def send(self, data: bytes, name: str, preview: str) -> None:
        device = self._open()
        try:
            try:
                device._raw(data)
            except Exception as error:  # nothing (or not all) went out: safe to try again
                raise PrinterError(Problem.UNREACHABLE, _describe(self.settings, error)) from None
            if self.can_answer:
                try:
                    self._check(device)
                except PrinterError as error:
                    if error.problem is Problem.NO_ANSWER:
                        raise _unconfirmed() from None
                    raise
                except OSError:  # includes the socket timeout
                    raise _unconfirmed() from None
        finally:
            _close_quietly(device)

    def _check(self, device: Any) -> PrinterStatus:
        online = _query(device, STATUS_ONLINE)
        if online & _OFFLINE_BIT:
            raise PrinterError(
                Problem.OFFLINE, "the printer reports it is offline (cover open or paper out)"
            )
        paper = _query(device, STATUS_PAPER)
        if paper & _PAPER_OUT_BITS == _PAPER_OUT_BITS:
            raise PrinterError(Problem.PAPER_OUT, "the printer is out of paper")
        return PrinterStatus(True, "low" if paper & _PAPER_LOW_BITS == _PAPER_LOW_BITS else "ok")

    def status(self) -> PrinterStatus:
        if not self.can_answer:
            return PrinterStatus(online=None, paper=None)
        try:
            device = self._open()
        except PrinterError as error:
            return PrinterStatus(False, None, str(error), error.problem)
        try:
            return self._check(device)
        except PrinterError as error:
            out = error.problem is Problem.PAPER_OUT
            return PrinterStatus(out, "out" if out else None, str(error), error.problem)
        except (TimeoutError, OSError):
            return PrinterStatus(
                False, None, "the printer did not answer in time", Problem.NO_ANSWER
            )
        finally:
            _close_quietly(device)


def _unconfirmed() -> PrinterError:
    return PrinterError(
        Problem.UNCONFIRMED,
        "the receipt was sent but the printer did not confirm it; reprint it if no paper came out",
    )


def _query(device: Any, request: bytes) -> int:
    device._raw(request)
    answer = device._read()
    if not answer:
        raise PrinterError(Problem.NO_ANSWER, "the printer did not answer its status query")
    return answer[0]


def _close_quietly(device: Any) -> None:
    # Closing a dead connection must never hide the real problem.
    with contextlib.suppress(Exception):
        device.close()


def _describe(settings: PrinterConnection, error: Exception) -> str:
    where = {
        "network": f"{settings.host}:{settings.port}",
        "usb": f"USB {settings.usb_vendor_id or 0:04x}:{settings.usb_product_id or 0:04x}",
        "serial": settings.serial_device,
        "cups": f"CUPS printer '{settings.cups_printer}'",
    }.get(settings.connection, "")
    reason = str(error).strip().splitlines()[-1] if str(error).strip() else type(error).__name__
    return f"cannot reach the printer at {where}: {reason}"


def make_printer(settings: PrinterConnection) -> ReceiptPrinter | None:
    """The configured printer, or None when the kiosk prints nothing (connection: none)."""
    if settings.connection == "none":
        return None
    if settings.connection == "file":
        return FilePrinter(settings.path)
    return EscposPrinter(settings)
