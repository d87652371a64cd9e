"""USB, serial and CUPS printers that are not there: no hardware exists here, so these run
python-escpos's real code against a missing device. Whatever is missing, the job must fail
with a reason a person can act on, never crash the worker."""

from __future__ import annotations

import dataclasses

import pytest

from kiosk.printing.devices.printers import EscposPrinter, PrinterError, make_printer
from kiosk.services.printing_ports import Problem


@pytest.mark.parametrize(
    ("changes", "where"),
    [
        ({"connection": "usb", "usb_vendor_id": 0x04B8, "usb_product_id": 0x0E99}, "USB 04b8:0e99"),
        ({"connection": "serial", "serial_device": "/dev/ttyJIKUBATA9"}, "/dev/ttyJIKUBATA9"),
        ({"connection": "cups", "cups_printer": "jikubata-missing"}, "CUPS printer"),
    ],
    ids=["usb", "serial", "cups"],
)
def test_a_missing_printer_is_unreachable_with_its_address(settings, changes, where):
    printer = make_printer(dataclasses.replace(settings.printer, **changes))
    assert isinstance(printer, EscposPrinter)
    with pytest.raises(PrinterError) as failed:
        printer.send(b"\x1b@test\n", "Tes", "test")
    assert failed.value.problem is Problem.UNREACHABLE
    assert where in str(failed.value)


def test_status_of_a_missing_serial_printer_says_offline(settings):
    printer = make_printer(
        dataclasses.replace(
            settings.printer, connection="serial", serial_device="/dev/ttyJIKUBATA9"
        )
    )
    status = printer.status()
    assert status.online is False and "/dev/ttyJIKUBATA9" in status.detail


def test_cups_cannot_answer_status_queries(settings):
    printer = make_printer(dataclasses.replace(settings.printer, connection="cups"))
    assert printer.status().online is None  # unknown, not "fine"
