"""How a sale's buyer was identified, as every sale records it (``sales.identified_by``): an
admin sees who types NIPs a lot, and an export says which purchases rest on a typed NIP."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .scan import IdentifiedBy


class BuyerIdentity(enum.Enum):
    CARD = "card"  # the kiosk's own signed card
    QR = "qr"  # another QR holding one NIP (only when scan.accept_unsigned is on)
    TYPED = "typed"  # a NIP typed on the keypad
    PUBLIC = "public"  # a public buyer: no NIP
    PAPER = "paper"  # imported from the paper records of a day the kiosk was down

    @classmethod
    def at_the_kiosk(cls, how: IdentifiedBy | None) -> BuyerIdentity:
        """A sale rung up at the kiosk: its buyer scanned, typed, or public (None)."""
        if how is None:
            return cls.PUBLIC
        return _FROM_SCAN[how]


_FROM_SCAN = {
    IdentifiedBy.SIGNED_CARD: BuyerIdentity.CARD,
    IdentifiedBy.UNSIGNED_QR: BuyerIdentity.QR,
    IdentifiedBy.TYPED: BuyerIdentity.TYPED,
}


# The ways an ASN buyer is identified at the kiosk itself: the base of the typed share.
AT_THE_KIOSK = (BuyerIdentity.CARD, BuyerIdentity.QR, BuyerIdentity.TYPED)


@dataclass(frozen=True)
class TypedShare:
    """One operator's month: of the ASN buyers identified at the kiosk, how many were typed."""

    operator: str
    typed: int
    identified: int  # by card, other QR or typed; public, paper and older sales left out

    @property
    def share(self) -> float:
        return self.typed / self.identified if self.identified else 0.0
