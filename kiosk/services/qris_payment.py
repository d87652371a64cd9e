"""QRIS at the till: the stall's static QRIS becomes a dynamic one carrying the exact total,
shown large on the payment screen. The kiosk cannot see the money arrive; the operator
confirms it, and only then is the sale recorded with the QRIS method."""

from __future__ import annotations

from dataclasses import dataclass

from ..domain.qris import QrisPayload, parse_qris, with_amount
from ..domain.qris_sample import is_sample_qris


@dataclass(frozen=True)
class QrisCharge:
    payload: str  # what the QR on screen encodes
    amount: int
    merchant_name: str
    merchant_city: str


class QrisPaymentService:
    def __init__(self, static_payload: str | None) -> None:
        # Validated again here so a bad payload fails at start, never at the till.
        self._static: QrisPayload | None = parse_qris(static_payload) if static_payload else None
        self._sample = bool(static_payload) and is_sample_qris(static_payload or "")

    @property
    def available(self) -> bool:
        return self._static is not None

    @property
    def is_sample(self) -> bool:
        """The demo's example QRIS (domain/qris_sample.py): the screen says no money moves."""
        return self._sample

    def charge(self, amount: int) -> QrisCharge:
        if self._static is None:
            raise RuntimeError("no QRIS is configured for this stall (payment.qris)")
        payload = with_amount(self._static, amount)
        return QrisCharge(payload, amount, self._static.merchant_name, self._static.merchant_city)
