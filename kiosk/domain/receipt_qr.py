"""What can be wrong with a scanned receipt lookup code (the QR printed on every receipt).
Its layout and parsing live with the receipt (kiosk/printing/receipt.py); the code is here so
a screen can word the problem without loading any printing module."""

from __future__ import annotations

from .errors import DomainError, ErrorCode


class ReceiptQrProblem(ErrorCode):
    NOT_A_RECEIPT = "not_a_receipt"  # does not start with JKBR1:
    PARTS = "parts"  # count: not 4 parts
    DAMAGED = "damaged"  # the parts are not shaped as they should be


class ReceiptQrError(DomainError):
    """Scanned text that is not a Jiku Bata receipt lookup code."""
