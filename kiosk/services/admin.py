"""Admin actions on the ledger: voids and exemptions, each audited by the store."""

from __future__ import annotations

from ..domain.errors import DomainError
from ..domain.months import Month
from ..domain.nip import parse_nip
from ..domain.records import RecordedSale
from .clock import Clock, utc_now
from .errors import Refusal
from .ports import AdminPort, SalesLedgerPort

VOID_REASONS = (
    "Salah input",
    "Pembeli batal",
    "Pembayaran gagal",
    "Barang habis",
    "Transaksi ganda",
)


class AdminService:
    def __init__(self, ledger: SalesLedgerPort, admin: AdminPort, clock: Clock = utc_now) -> None:
        self._ledger = ledger
        self._admin = admin
        self._clock = clock

    def void(self, number: str, reason: str, *, actor: str = "admin") -> RecordedSale:
        reason = reason.strip()
        if not 3 <= len(reason) <= 500:
            raise DomainError(
                Refusal.VOID_REASON, "give a reason for the void of 3 to 500 characters"
            )
        return self._ledger.void(number, reason=reason, actor=actor, at=self._clock())

    def exempt(self, nip: str, month: Month, reason: str, *, actor: str = "admin") -> None:
        reason = reason.strip()
        if not 3 <= len(reason) <= 500:
            raise DomainError(
                Refusal.EXEMPTION_REASON,
                "give a reason for the exemption (leave, sickness, duty travel…) "
                "of 3 to 500 characters",
            )
        self._admin.add_exemption(parse_nip(nip), month, reason, actor=actor, at=self._clock())
