"""How a sale's buyer was identified, in the short codes sales.identified_by stores."""

from __future__ import annotations

import pytest

from kiosk.domain.identity import BuyerIdentity
from kiosk.domain.scan import IdentifiedBy


@pytest.mark.parametrize(
    ("how", "stored"),
    [
        (IdentifiedBy.SIGNED_CARD, "card"),
        (IdentifiedBy.UNSIGNED_QR, "qr"),
        (IdentifiedBy.TYPED, "typed"),
        (None, "public"),
    ],
)
def test_each_way_at_the_kiosk_has_its_code(how: IdentifiedBy | None, stored: str) -> None:
    assert BuyerIdentity.at_the_kiosk(how).value == stored


def test_every_code_fits_the_column() -> None:
    assert all(len(identity.value) <= 8 for identity in BuyerIdentity)  # String(8)
    assert {identity.value for identity in BuyerIdentity} == {
        "card",
        "qr",
        "typed",
        "public",
        "paper",
    }
