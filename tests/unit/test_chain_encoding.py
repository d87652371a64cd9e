"""The bytes a sale and a void hash to, pinned.

Every database already written holds hashes of exactly these encodings: if one of these
tests fails, ``ledger verify`` would call every existing ledger tampered. The values were
computed with the writer as it stood before entries.py took over the field lists."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace
from zoneinfo import ZoneInfo

from kiosk.ledger.chain import canonical_encoding, entry_hash
from kiosk.ledger.entries import LineFields, PayoutEntry, SaleEntry, ShiftEntry, VoidEntry

WIT = ZoneInfo("Asia/Jayapura")
AT = dt.datetime(2025, 3, 14, 12, 30, 5, 123456, tzinfo=WIT)
SALE_ID = "0c6f1b0e-5a4d-4f7e-9d1c-2b3a4c5d6e7f"

SALE = SaleEntry(
    id=SALE_ID,
    kiosk_id="AMB-01",
    seq=42,
    prev_hash="ab" * 32,
    created_at=AT,
    nip="198503142010011001",
    operator="Ibu Nona",
    payment_method="cash",
    cash_given=50_000,
    total=37_500,
    source="kiosk",
    note=None,
    lines=(
        LineFields("UMKM-01", "KUE-07", "Kue lapis — pandan", 12_500, 2),
        LineFields("UMKM-02", None, "Nominal bebas", 12_500, 1),
    ),
)
SALE_ENCODING = (
    '{"at":"2025-03-14T03:30:05.123456Z","cash":50000,'
    '"id":"0c6f1b0e-5a4d-4f7e-9d1c-2b3a4c5d6e7f","kind":"sale","kiosk":"AMB-01",'
    '"lines":[["UMKM-01","KUE-07","Kue lapis — pandan",12500,2],'
    '["UMKM-02",null,"Nominal bebas",12500,1]],"method":"cash","nip":"198503142010011001",'
    '"note":null,"operator":"Ibu Nona","prev":"' + "ab" * 32 + '","seq":42,'
    '"source":"kiosk","total":37500,"v":1}'
)
SALE_HASH = "f7119b7ecf6106a6cd2faadfec2af6c57b543f5382f956e9310ae97b350855df"

VOID = VoidEntry(
    id="7e6d5c4b-3a2c-4d1e-9f7e-4d5a0e1b6f0c",
    kiosk_id="AMB-01",
    seq=43,
    prev_hash=SALE_HASH,
    created_at=AT + dt.timedelta(minutes=5),
    sale_id=SALE_ID,
    reason="Salah input: dobel",
    voided_by="admin",
)
VOID_ENCODING = (
    '{"at":"2025-03-14T03:35:05.123456Z","by":"admin",'
    '"id":"7e6d5c4b-3a2c-4d1e-9f7e-4d5a0e1b6f0c","kind":"void","kiosk":"AMB-01",'
    '"prev":"' + SALE_HASH + '","reason":"Salah input: dobel",'
    '"sale":"0c6f1b0e-5a4d-4f7e-9d1c-2b3a4c5d6e7f","seq":43,"v":1}'
)
VOID_HASH = "7f7c3de4c7e9a4ba8f315de81bb98fe2c7122105070f9503b158675580638b79"


def test_a_sale_encodes_to_the_pinned_bytes() -> None:
    assert canonical_encoding(SALE.fields()) == SALE_ENCODING.encode("utf-8")


def test_a_sale_hashes_to_the_pinned_value() -> None:
    assert SALE.hash() == entry_hash(SALE.fields()) == SALE_HASH
    assert hashlib.sha256(SALE_ENCODING.encode("utf-8")).hexdigest() == SALE_HASH


def test_a_void_encodes_to_the_pinned_bytes() -> None:
    assert canonical_encoding(VOID.fields()) == VOID_ENCODING.encode("utf-8")


def test_a_void_hashes_to_the_pinned_value() -> None:
    assert VOID.hash() == entry_hash(VOID.fields()) == VOID_HASH
    assert hashlib.sha256(VOID_ENCODING.encode("utf-8")).hexdigest() == VOID_HASH


def test_the_time_is_hashed_in_utc_whatever_zone_it_came_in() -> None:
    from dataclasses import replace

    in_utc = replace(SALE, created_at=AT.astimezone(dt.UTC))
    assert in_utc.hash() == SALE_HASH


def test_how_the_buyer_was_identified_is_hashed_only_when_recorded() -> None:
    """Sales written before sales.identified_by hold None and keep their pinned bytes above;
    a sale that records it has it in its encoding, so editing it breaks the chain."""
    typed = replace(SALE, identified_by="typed")
    assert canonical_encoding(typed.fields()) == SALE_ENCODING.replace(
        '"kind":"sale"', '"identified":"typed","kind":"sale"'
    ).encode("utf-8")
    assert typed.hash() != SALE_HASH


def test_the_shift_a_sale_belongs_to_is_hashed_only_when_recorded() -> None:
    """Paper sales and sales written before revision 0006 have no shift and keep their bytes."""
    in_shift = replace(SALE, shift_id="11111111-2222-4333-8444-555555555555")
    assert canonical_encoding(in_shift.fields()) == SALE_ENCODING.replace(
        '"seq":42,', '"seq":42,"shift":"11111111-2222-4333-8444-555555555555",'
    ).encode("utf-8")
    assert in_shift.hash() != SALE_HASH


SHIFT_CLOSE = ShiftEntry(
    id="5f1e2d3c-4b5a-4697-8877-665544332211",
    kiosk_id="AMB-01",
    seq=44,
    prev_hash=VOID_HASH,
    created_at=AT + dt.timedelta(hours=6),
    shift_id="11111111-2222-4333-8444-555555555555",
    shift_no=3,
    event="close",
    operator="Ibu Nona",
    counted=412_000,
    expected=415_000,
    counts='{"100000":3,"50000":2,"coins":12000}',
    reason="Uang kembalian kurang",
)
SHIFT_ENCODING = (
    '{"at":"2025-03-14T09:30:05.123456Z","counted":412000,'
    '"counts":"{\\"100000\\":3,\\"50000\\":2,\\"coins\\":12000}","event":"close",'
    '"expected":415000,"float":null,"id":"5f1e2d3c-4b5a-4697-8877-665544332211",'
    '"kind":"shift","kiosk":"AMB-01","no":3,"note":null,"operator":"Ibu Nona",'
    '"prev":"' + VOID_HASH + '","reason":"Uang kembalian kurang","seq":44,'
    '"shift":"11111111-2222-4333-8444-555555555555","v":1}'
)

PAYOUT = PayoutEntry(
    id="99887766-5544-4332-8110-ffeeddccbbaa",
    kiosk_id="AMB-01",
    seq=45,
    prev_hash="cd" * 32,
    created_at=AT + dt.timedelta(days=1),
    kode_umkm="UMKM-01",
    amount=250_000,
    payout_kind="payout",
    reverses=None,
    note="Tunai, diterima Ibu Sarah",
    paid_by="admin",
)
PAYOUT_ENCODING = (
    '{"amount":250000,"at":"2025-03-15T03:30:05.123456Z","by":"admin",'
    '"id":"99887766-5544-4332-8110-ffeeddccbbaa","kind":"payout","kiosk":"AMB-01",'
    '"note":"Tunai, diterima Ibu Sarah","prev":"' + "cd" * 32 + '","reverses":null,'
    '"seq":45,"shift":null,"type":"payout","umkm":"UMKM-01","v":1}'
)


def test_a_shift_event_encodes_every_field_it_records() -> None:
    assert canonical_encoding(SHIFT_CLOSE.fields()) == SHIFT_ENCODING.encode("utf-8")
    assert SHIFT_CLOSE.hash() == hashlib.sha256(SHIFT_ENCODING.encode("utf-8")).hexdigest()
    assert replace(SHIFT_CLOSE, counted=415_000).hash() != SHIFT_CLOSE.hash()


def test_a_payout_encodes_every_field_it_records() -> None:
    assert canonical_encoding(PAYOUT.fields()) == PAYOUT_ENCODING.encode("utf-8")
    assert PAYOUT.hash() == hashlib.sha256(PAYOUT_ENCODING.encode("utf-8")).hexdigest()
    assert replace(PAYOUT, amount=25_000).hash() != PAYOUT.hash()
