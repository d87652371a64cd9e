"""Who is buying and where they stand this month: what a scan shows the buyer at once."""

from __future__ import annotations

from dataclasses import dataclass, replace

from .compliance import MonthStanding, after_purchase
from .months import Month
from .nip import mask_nip
from .records import RosterPerson


@dataclass(frozen=True)
class BuyerStatus:
    nip: str
    person: RosterPerson | None  # None: a valid NIP on no roster (accepted, flagged)
    tier_label: str | None
    month: Month
    standing: MonthStanding

    @property
    def masked_nip(self) -> str:
        return mask_nip(self.nip)

    @property
    def on_roster(self) -> bool:
        return self.person is not None

    def after(self, basket_total: int) -> BuyerStatus:
        """The same buyer with the month as it would stand once this basket is paid."""
        return replace(self, standing=after_purchase(self.standing, basket_total))
