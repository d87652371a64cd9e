"""Every sale records how its buyer was identified (sales.identified_by), inside its hash."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from kiosk.bootstrap import Kiosk, sqlite_path
from kiosk.domain.cart import CartLine, Payment, PaymentMethod
from kiosk.domain.identity import BuyerIdentity, TypedShare
from kiosk.domain.months import Month
from kiosk.domain.records import SaleDraft
from kiosk.domain.sale_in_progress import SaleInProgress
from kiosk.domain.scan import IdentifiedBy
from kiosk.services.card_keys import create_card_key_file
from kiosk.services.sale import SaleService

from .conftest import first_nip_with_tier
from .test_ledger import _tamper

CASH = Payment(PaymentMethod.TUNAI, 10_000)


@pytest.fixture
def sale_service(stocked: Kiosk) -> SaleService:
    create_card_key_file(stocked.settings.cards.key_file)
    return stocked.back_end().sale


def ring_up(kiosk: Kiosk, service: SaleService, how: IdentifiedBy | None) -> str:
    """One sale through the one path the screens use; ``how`` None: a public buyer."""
    sale = SaleInProgress()
    shift = kiosk.shifts.current() or kiosk.shifts.open("Ina", 0)
    sale.log_in("Ina", shift.shift_id)
    sale.add_free_amount("UMKM-001", "Bagea", 10_000)
    if how is None:
        sale.choose_public()
    else:
        sale.identify(kiosk.standing.lookup(first_nip_with_tier(kiosk, "eselon_iii")), how)
    return service.commit(sale.pay(CASH)).sale.number


def stored(kiosk: Kiosk, number: str) -> str | None:
    found = kiosk.sales_ledger.find(number)
    assert found is not None
    return found.identified_by


def test_each_way_of_identifying_a_buyer_is_stored_and_hashed(stocked, sale_service):
    numbers = {
        how: ring_up(stocked, sale_service, how)
        for how in (IdentifiedBy.SIGNED_CARD, IdentifiedBy.UNSIGNED_QR, IdentifiedBy.TYPED, None)
    }
    assert [stored(stocked, number) for number in numbers.values()] == [
        "card",
        "qr",
        "typed",
        "public",
    ]
    assert stocked.verify().ok  # verify reads the column back and the hashes recompute


def test_imported_paper_sales_are_marked_paper(stocked):
    draft = SaleDraft(
        lines=(CartLine("UMKM-001", "Bagea", 10_000),),
        nip=first_nip_with_tier(stocked, "eselon_iii"),
        operator="Ina",
        payment=CASH,
        created_at=dt.datetime(2026, 11, 2, 1, 0, tzinfo=dt.UTC),
    )
    stocked.sales_ledger.import_sales(
        [draft], file_name="kertas.csv", file_sha256="ab" * 32, actor="admin", at=draft.created_at
    )
    assert stored(stocked, "AMB-01-000001") == "paper"
    assert stocked.verify().ok


def test_a_typed_nip_passed_off_as_a_card_breaks_the_chain(stocked, sale_service):
    ring_up(stocked, sale_service, IdentifiedBy.SIGNED_CARD)
    number = ring_up(stocked, sale_service, IdentifiedBy.TYPED)
    _tamper(stocked, "UPDATE sales SET identified_by = 'card' WHERE identified_by = 'typed'")
    report = stocked.verify()
    assert not report.ok and report.first_broken.number == number


def test_an_old_sale_without_an_identity_still_verifies(stocked, sale_service):
    # Sales written before the column existed hold NULL and were hashed without it.
    ring_up(stocked, sale_service, IdentifiedBy.TYPED)
    stocked.checkout.checkout(
        [CartLine("UMKM-001", "Bagea", 10_000)], buyer_nip=None, operator="Ina", payment=CASH
    )
    raw = sqlite3.connect(sqlite_path(stocked.settings.database_url))
    rows = raw.execute(
        "SELECT identified_by FROM sales JOIN entries ON entries.id = sales.id ORDER BY seq"
    )
    assert rows.fetchall() == [
        ("typed",),
        (None,),
    ]
    raw.close()
    assert stocked.verify().ok


def test_the_month_counts_typed_nips_per_operator_among_asn_buyers_identified_here(stocked):
    nip = first_nip_with_tier(stocked, "eselon_iii")

    def sell(operator: str, identity: BuyerIdentity | None, nip: str | None = nip) -> str:
        return stocked.checkout.checkout(
            [CartLine("UMKM-001", "Bagea", 10_000)],
            buyer_nip=nip,
            operator=operator,
            payment=CASH,
            identity=identity,
        ).sale.number

    for identity in (BuyerIdentity.TYPED, BuyerIdentity.TYPED, BuyerIdentity.CARD):
        sell("Yance", identity)
    voided = sell("Yance", BuyerIdentity.TYPED)
    stocked.admin.void(voided, "Salah input")  # a voided sale counts for nobody
    sell("Ina", BuyerIdentity.CARD)
    sell("Ina", BuyerIdentity.QR)
    sell("Ina", BuyerIdentity.PUBLIC, nip=None)  # no ASN buyer
    sell("Ina", None)  # made before the column: unknown, left out of both counts
    sell("Mama Ona", BuyerIdentity.PUBLIC, nip=None)  # nobody identified: no line
    start, end = Month(2026, 11).utc_bounds(stocked.settings.stall.tz)
    assert stocked.spending.typed_shares(start, end) == [
        TypedShare("Ina", typed=0, identified=2),
        TypedShare("Yance", typed=2, identified=3),
    ]
    assert TypedShare("Yance", 2, 3).share == pytest.approx(2 / 3)
