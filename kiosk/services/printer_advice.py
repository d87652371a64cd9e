"""What to tell the person setting up a printer, shared by `printer test` and `doctor`: one
sentence each, naming the config key that fixes it."""

from __future__ import annotations

from .printing_ports import PrinterConnection

# The connections the kiosk asks for a status (DLE EOT) after each job, unless
# printer.confirm_with_status is false.
CONFIRMED_CONNECTIONS = ("network", "usb", "serial")


def printer_place(settings: PrinterConnection) -> str:
    """Where the configured printer is, as a person would look for it."""
    return {
        "network": f"{settings.host}:{settings.port}",
        "usb": f"USB {settings.usb_vendor_id or 0:04x}:{settings.usb_product_id or 0:04x}",
        "serial": settings.serial_device,
        "cups": f"CUPS printer '{settings.cups_printer}'",
    }.get(settings.connection, settings.connection)


def unanswered_status(settings: PrinterConnection, what: str) -> str:
    """A printer that took the bytes but never answered the status request after them: many
    print servers and some cheap printers never do, and then only the setting helps."""
    return (
        f"{what} was sent to {printer_place(settings)} but the printer did not answer the "
        "status request after it (within printer.timeout_seconds); if the page came out, "
        "this printer or print server takes jobs but never answers status requests: set "
        "printer.confirm_with_status: false in the config (the kiosk then cannot tell a "
        "printed receipt from a lost one, so look at the paper)"
    )
