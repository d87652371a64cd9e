"""Paying each UMKM what the stall owes it, and the balances that say how much that is.

A payout is money handed to a UMKM (who paid it, when, a note); above the UMKM's balance it
is an advance, recorded only when the caller confirms it as one; a mistake is taken back by
a reversal, a new row naming the payout. The command line and the admin screen both come
here; the till (a shift's cash paid out) can pass the shift it came out of."""

from __future__ import annotations

from collections.abc import Iterator

from ..domain.months import Month
from ..domain.settlement import check_amount, check_note
from .changes import Change, ChangeFeed
from .ports import PayoutPort, SettlementPort
from .settlement import PayoutRecord, SettlementLine, UmkmBalance
from .stall import StallClock


class PayoutService:
    def __init__(
        self,
        store: PayoutPort,
        settlement: SettlementPort,
        clock: StallClock,
        changes: ChangeFeed | None = None,
    ) -> None:
        self._store = store
        self._settlement = settlement
        self._clock = clock
        self._changes = changes

    def pay(
        self,
        kode_umkm: str,
        amount: int,
        note: str,
        *,
        actor: str,
        advance: bool = False,
        shift_id: str | None = None,
    ) -> PayoutRecord:
        """Record money handed to ``kode_umkm``. Above its balance it is refused unless
        ``advance`` confirms it, and then recorded as an advance. ``shift_id``: the till shift
        the cash came out of (None from the admin area and the command line)."""
        check_amount(amount)
        note = check_note(note)
        record = self._store.add(
            kode_umkm.strip(),
            amount,
            note=note,
            actor=actor,
            at=self._clock.utc(),
            advance=advance,
            shift_id=shift_id,
        )
        self._publish()
        return record

    def reverse(self, number: str, note: str, *, actor: str) -> PayoutRecord:
        """Take back the payout (or advance) ``number`` names, with a note saying why."""
        record = self._store.reverse(
            number.strip(), note=check_note(note), actor=actor, at=self._clock.utc()
        )
        self._publish()
        return record

    def find(self, number: str) -> PayoutRecord | None:
        return self._store.find(number)

    def payouts(
        self, *, kode_umkm: str | None = None, month: Month | None = None
    ) -> list[PayoutRecord]:
        """Oldest first; of one UMKM and made in one month (stall clock) when given."""
        start, end = month.utc_bounds(self._clock.tz) if month else (None, None)
        return self._store.listing(kode_umkm=kode_umkm, start=start, end=end)

    def balances(self, month: Month | None = None) -> list[UmkmBalance]:
        """Every UMKM's month (this month by default)."""
        return self._settlement.balances(month or self._clock.this_month())

    def balance(self, kode_umkm: str, month: Month | None = None) -> UmkmBalance | None:
        return self._settlement.balance(kode_umkm, month or self._clock.this_month())

    def day_lines(self, month: Month) -> Iterator[SettlementLine]:
        return self._settlement.day_lines(month)

    def _publish(self) -> None:
        if self._changes is not None:
            self._changes.publish(Change.PAYOUTS)
