"""Settling with each UMKM on a real ledger: payouts, advances and reversals through the
service, balances carried across months with the stall's fee, and the settlement and
balances exports (on SQLite and on PostgreSQL)."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import threading
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from kiosk.bootstrap import Kiosk, open_kiosk
from kiosk.domain.cart import CartLine, Payment, PaymentMethod
from kiosk.domain.errors import DomainError
from kiosk.domain.months import Month
from kiosk.domain.settlement import FeePeriod, FeeSchedule, PayoutKind, PayoutProblem
from kiosk.ledger.fast_sql import db_time
from kiosk.ledger.models import AuditLog, Entry, Payout
from kiosk.ledger.settlement_queries import SettlementQueries
from kiosk.services.exports import BALANCES_HEADER, SETTLEMENT_HEADER

from .conftest import FakeClock, first_nip_with_tier

OCT, NOV = Month(2026, 10), Month(2026, 11)


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request) -> str:
    """The figures must be the same on the kiosk's SQLite and on a central PostgreSQL."""
    return request.param


@pytest.fixture
def raw_config(raw_config: dict) -> dict:
    raw_config["settlement"] = {"fee_percent": 2.5}
    return raw_config


def ring(kiosk: Kiosk, lines: list[CartLine], method: PaymentMethod = PaymentMethod.TUNAI) -> str:
    total = sum(line.subtotal for line in lines)
    payment = Payment(method, total if method is PaymentMethod.TUNAI else None)
    result = kiosk.checkout.checkout(lines, buyer_nip=None, operator="Ina", payment=payment)
    return result.sale.number


def read(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def counts(kiosk: Kiosk) -> tuple[int, int, int]:
    """Payout rows, chain entries and audit rows: a refusal leaves all three as they were."""
    with kiosk.db.read() as connection:
        return tuple(  # type: ignore[return-value]
            connection.execute(select(func.count()).select_from(table)).scalar_one()
            for table in (Payout.__table__, Entry.__table__, AuditLog.__table__)
        )


def figures(kiosk: Kiosk, month: Month, kode: str = "UMKM-001") -> tuple[int, ...]:
    b = kiosk.payouts.balance(kode, month)
    assert b is not None
    return (b.pendapatan, b.potongan, b.hak_umkm, b.dibayar, b.saldo)


# --- balances across two months -------------------------------------------------------------


def test_balances_carry_across_two_months_with_payouts_a_reversal_an_advance_and_a_fee(
    stocked: Kiosk, clock: FakeClock, tmp_path: Path
):
    pay = stocked.payouts
    clock.set_wit("2026-10-05 10:00")
    ring(stocked, [CartLine("UMKM-001", "Sagu lempeng", 15_000, 2, "SGL-10")])  # 30.000
    voided = ring(stocked, [CartLine("UMKM-001", "Sagu lempeng", 15_000, 1, "SGL-10")])
    stocked.admin.void(voided, "Transaksi ganda")
    ring(stocked, [CartLine("UMKM-002", "Kopi", 20_020)], PaymentMethod.QRIS)
    clock.set_wit("2026-10-31 23:50")  # still October on Ambon's clock
    ring(stocked, [CartLine("UMKM-001", "Nominal bebas Dapur Sagu", 70_000)])
    first = pay.pay("UMKM-001", 60_000, "Diserahkan tunai ke Ibu Ona", actor="admin")
    mistake = pay.pay("UMKM-001", 20_000, "Transfer BRI", actor="admin")

    # October: pendapatan 100.000, fee 2.5 % = 2.500, hak 97.500, paid 80.000, saldo 17.500
    assert figures(stocked, OCT) == (100_000, 2_500, 97_500, 80_000, 17_500)
    # UMKM-002: 2.5 % of 20.020 is 500,5 -> 501 (half up)
    assert figures(stocked, OCT, "UMKM-002") == (20_020, 501, 19_519, 0, 19_519)

    clock.set_wit("2026-11-01 00:10")
    ring(stocked, [CartLine("UMKM-001", "Sagu lempeng", 15_000, 1, "SGL-10")])
    undone = pay.reverse(mistake.number, "Salah UMKM", actor="admin")
    with pytest.raises(DomainError) as above:
        pay.pay("UMKM-001", 60_000, "Panjar untuk bahan", actor="admin")
    assert above.value.code is PayoutProblem.ABOVE_BALANCE
    assert above.value.values == {"kode_umkm": "UMKM-001", "amount": 60_000, "balance": 52_125}
    advance = pay.pay("UMKM-001", 60_000, "Panjar untuk bahan", actor="admin", advance=True)

    assert (first.kind, mistake.kind, undone.kind, advance.kind) == (
        PayoutKind.PAYOUT,
        PayoutKind.PAYOUT,
        PayoutKind.REVERSAL,
        PayoutKind.ADVANCE,
    )
    assert undone.reverses == mistake.number and undone.amount == 20_000
    assert pay.find(mistake.number).reversed_by == undone.number  # type: ignore[union-attr]
    # November: 15.000 earned, fee 375, hak 14.625; paid 60.000 - 20.000 back = 40.000;
    # saldo 17.500 + 14.625 - 40.000 = -7.875: the advance overdrew a balance of 52.125.
    assert figures(stocked, NOV) == (15_000, 375, 14_625, 40_000, -7_875)
    assert figures(stocked, OCT) == (100_000, 2_500, 97_500, 80_000, 17_500), "October stays"

    out = tmp_path / "balances.csv"
    assert stocked.exports.balances(NOV, out) == 8  # every UMKM, those with nothing too
    rows = read(out)
    assert tuple(rows[0]) == BALANCES_HEADER
    assert rows[0] == {
        "bulan": "2026-11",
        "kode_umkm": "UMKM-001",
        "nama_umkm": "Dapur Sagu Mama Ona",
        "pendapatan": "15000",
        "potongan": "375",
        "hak_umkm": "14625",
        "dibayar": "40000",
        "saldo": "-7875",
    }
    kopi = rows[1]
    assert (kopi["pendapatan"], kopi["dibayar"], kopi["saldo"]) == ("0", "0", "19519")
    assert all(row["saldo"] == "0" for row in rows[2:])
    assert stocked.verify().ok


def test_a_changed_fee_reprices_only_the_months_from_its_period(stocked: Kiosk, clock: FakeClock):
    clock.set_wit("2026-10-05 10:00")
    ring(stocked, [CartLine("UMKM-001", "Kue", 100_000)])
    clock.set_wit("2026-11-05 10:00")
    ring(stocked, [CartLine("UMKM-001", "Kue", 100_000)])
    stocked.settlement.fees = FeeSchedule((FeePeriod(OCT, 250), FeePeriod(NOV, 1_000)))

    assert figures(stocked, OCT) == (100_000, 2_500, 97_500, 0, 97_500)
    assert figures(stocked, NOV) == (100_000, 10_000, 90_000, 0, 187_500)


def test_a_payout_from_the_till_keeps_its_shift(stocked: Kiosk):
    ring(stocked, [CartLine("UMKM-003", "Tenun", 300_000)])
    record = stocked.payouts.pay(
        "UMKM-003", 100_000, "Dari laci kasir", actor="Ina", shift_id="shift-1"
    )
    assert record.shift_id == "shift-1"
    assert stocked.payouts.payouts(kode_umkm="UMKM-003", month=NOV) == [record]
    assert stocked.payouts.payouts(kode_umkm="UMKM-003", month=OCT) == []


# --- bad input: one sentence, nothing recorded -----------------------------------------------


@pytest.mark.parametrize(
    ("kode", "amount", "note", "code"),
    [
        ("UMKM-001", 0, "Tunai", PayoutProblem.NOT_POSITIVE),
        ("UMKM-001", -10_000, "Tunai", PayoutProblem.NOT_POSITIVE),
        ("UMKM-001", 12_500.5, "Tunai", PayoutProblem.NOT_POSITIVE),
        ("UMKM-001", 100_000_001, "Tunai", PayoutProblem.TOO_LARGE),
        ("UMKM-999", 10_000, "Tunai", PayoutProblem.UNKNOWN_UMKM),
        ("UMKM-001", 10_001, "Tunai", PayoutProblem.ABOVE_BALANCE),
        ("UMKM-001", 5_000, "   ", PayoutProblem.NO_NOTE),
        ("UMKM-001", 5_000, "x" * 501, PayoutProblem.NOTE_TOO_LONG),
    ],
)
def test_a_bad_payout_is_one_sentence_and_records_nothing(stocked: Kiosk, kode, amount, note, code):
    ring(stocked, [CartLine("UMKM-001", "Kue", 10_000)])  # fee 250: balance 9.750
    stocked.payouts.pay("UMKM-001", 10_000, "Panjar", actor="admin", advance=True)
    ring(stocked, [CartLine("UMKM-001", "Kue", 10_513)])  # fee on 20.513 is 513: saldo 10.000
    assert stocked.payouts.balance("UMKM-001").saldo == 10_000  # type: ignore[union-attr]
    before = counts(stocked)

    with pytest.raises(DomainError) as caught:
        stocked.payouts.pay(kode, amount, note, actor="admin")

    assert caught.value.code is code
    message = str(caught.value)
    assert message and "\n" not in message and message.count(". ") == 0
    assert counts(stocked) == before


def test_two_payouts_at_once_cannot_both_spend_one_balance(stocked: Kiosk, settings, clock):
    ring(stocked, [CartLine("UMKM-001", "Kue", 10_256)])  # fee 256: a balance of 10.000
    outcomes: list[object] = []
    start = threading.Barrier(2)

    def pay(kiosk: Kiosk) -> None:
        start.wait()
        try:
            kiosk.payouts.pay("UMKM-001", 10_000, "Tunai", actor="admin")
            outcomes.append("paid")
        except DomainError as error:
            outcomes.append(error.code)

    with open_kiosk(settings, clock=clock) as second:  # another process on the same ledger
        threads = [threading.Thread(target=pay, args=(k,)) for k in (stocked, second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert sorted(outcomes, key=str) == [PayoutProblem.ABOVE_BALANCE, "paid"]
    assert stocked.payouts.balance("UMKM-001").saldo == 0  # type: ignore[union-attr]


def test_bad_reversals_are_refused_and_record_nothing(stocked: Kiosk):
    ring(stocked, [CartLine("UMKM-001", "Kue", 50_000)])
    paid = stocked.payouts.pay("UMKM-001", 20_000, "Tunai", actor="admin")
    undone = stocked.payouts.reverse(paid.number, "Salah nominal", actor="admin")
    sale = ring(stocked, [CartLine("UMKM-001", "Kue", 5_000)])
    before = counts(stocked)

    for number, note, code in [
        (paid.number, "Lagi", PayoutProblem.ALREADY_REVERSED),
        (undone.number, "Batal batal", PayoutProblem.IS_A_REVERSAL),
        (sale, "Bukan payout", PayoutProblem.NOT_FOUND),  # a sale's number names no payout
        ("AMB-01-999999", "Tidak ada", PayoutProblem.NOT_FOUND),
        ("bukan-nomor", "Tidak ada", PayoutProblem.NOT_FOUND),
        (paid.number, " ", PayoutProblem.NO_NOTE),
    ]:
        with pytest.raises(DomainError) as caught:
            stocked.payouts.reverse(number, note, actor="admin")
        assert caught.value.code is code, number
    assert counts(stocked) == before
    assert stocked.payouts.find(paid.id) == dataclasses.replace(paid, reversed_by=undone.number), (
        "a payout is found by its id as well as its number"
    )


def test_every_payout_is_audited_and_in_the_chain(stocked: Kiosk):
    ring(stocked, [CartLine("UMKM-001", "Kue", 50_000)])
    paid = stocked.payouts.pay("UMKM-001", 20_000, "Tunai", actor="admin")
    stocked.payouts.reverse(paid.number, "Salah nominal", actor="admin")
    with stocked.db.read() as connection:
        actions = connection.execute(
            select(AuditLog.__table__.c.action).order_by(AuditLog.__table__.c.id)
        ).scalars()
        assert [a for a in actions if a.startswith("payout")] == ["payout", "payout_reversal"]
    report = stocked.verify()
    assert report.ok and report.entries_checked == 3


# --- the settlement export --------------------------------------------------------------------


def test_settlement_rows_per_day_umkm_and_product_equal_the_vendors_export(
    stocked: Kiosk, clock: FakeClock, tmp_path: Path
):
    nip = first_nip_with_tier(stocked, "eselon_iv")
    clock.set_wit("2026-11-01 00:10")  # the 1st on Ambon's clock (31 Oct in UTC)
    ring(
        stocked,
        [
            CartLine("UMKM-001", "Sagu lempeng", 15_000, 2, "SGL-10"),
            CartLine("UMKM-002", "Kopi rarobang", 10_000, 1, "KRB-G"),
        ],
    )
    ring(stocked, [CartLine("UMKM-001", "Sagu lempeng", 15_000, 1, "SGL-10")], PaymentMethod.QRIS)
    ring(stocked, [CartLine("UMKM-001", "Nominal bebas Dapur Sagu", 7_500)])
    ring(stocked, [CartLine("UMKM-001", "Nominal bebas Dapur Sagu", 2_500)], PaymentMethod.QRIS)
    voided = ring(stocked, [CartLine("UMKM-001", "Sagu lempeng", 15_000, 4, "SGL-10")])
    stocked.admin.void(voided, "Salah input")
    clock.set_wit("2026-11-20 12:00")
    kiosk_sale = stocked.checkout.checkout(
        [CartLine("UMKM-001", "=SUM(A1)", 1_000)],
        buyer_nip=nip,
        operator="Ina",
        payment=Payment(PaymentMethod.TUNAI, 1_000),
    )
    assert kiosk_sale.sale.total == 1_000
    paper = tmp_path / "paper.csv"
    paper.write_text(
        "waktu,nip,kode_umkm,jumlah,keterangan\n"
        f"2026-11-03 09:00,{nip},UMKM-004,20000,Bagea 1 bungkus\n"
        "2026-11-03 09:30,,UMKM-004,20000,Bagea 1 bungkus\n"
        "2026-11-03 10:00,,UMKM-004,5000,\n",
        encoding="utf-8",
    )
    stocked.sales_importer.import_file(paper)

    out = tmp_path / "settlement.csv"
    written = stocked.exports.settlement(NOV, out)
    rows = read(out)

    assert tuple(rows[0]) == SETTLEMENT_HEADER
    assert written == len(rows) == 6
    columns = ("tanggal", "kode_umkm", "sku", "produk", "terjual", "pendapatan", "tunai", "qris")
    table = [tuple(row[column] for column in columns) for row in rows]
    assert table == [
        ("2026-11-01", "UMKM-001", "SGL-10", "Sagu lempeng", "3", "45000", "30000", "15000"),
        ("2026-11-01", "UMKM-001", "", "Nominal bebas Dapur Sagu", "2", "10000", "7500", "2500"),
        ("2026-11-01", "UMKM-002", "KRB-G", "Kopi rarobang", "1", "10000", "10000", "0"),
        ("2026-11-03", "UMKM-004", "", "Bagea 1 bungkus", "2", "40000", "40000", "0"),
        ("2026-11-03", "UMKM-004", "", "Catatan manual", "1", "5000", "5000", "0"),
        ("2026-11-20", "UMKM-001", "", "'=SUM(A1)", "1", "1000", "1000", "0"),
    ]
    assert rows[0]["nama_umkm"] == "Dapur Sagu Mama Ona"

    vendors_out = tmp_path / "vendors.csv"
    stocked.exports.vendors(NOV, vendors_out)
    vendors = {row["kode_umkm"]: row for row in read(vendors_out)}
    for kode, vendor in vendors.items():
        mine = [row for row in rows if row["kode_umkm"] == kode]
        assert sum(int(row["pendapatan"]) for row in mine) == int(vendor["pendapatan"]), kode
        assert sum(int(row["terjual"]) for row in mine) == int(vendor["item"]), kode
    assert sum(int(row["pendapatan"]) for row in rows) == 111_000
    balances = {b.kode_umkm: b.pendapatan for b in stocked.payouts.balances(NOV)}
    assert balances == {kode: int(v["pendapatan"]) for kode, v in vendors.items()}


def test_a_month_without_sales_writes_only_the_header(stocked: Kiosk, tmp_path: Path):
    out = tmp_path / "settlement.csv"
    assert stocked.exports.settlement(OCT, out, ";") == 0
    assert out.read_bytes() == (";".join(SETTLEMENT_HEADER) + "\r\n").encode("utf-8-sig")


def test_the_balances_of_a_month_before_any_activity_are_zero(stocked: Kiosk):
    ring(stocked, [CartLine("UMKM-001", "Kue", 10_000)])
    assert figures(stocked, Month(2026, 1)) == (0, 0, 0, 0, 0)
    assert stocked.payouts.balance("UMKM-999", NOV) is None


def test_balances_and_settlement_at_the_end_of_a_year(stocked: Kiosk, clock: FakeClock):
    clock.set_wit("2026-12-31 23:59")
    ring(stocked, [CartLine("UMKM-001", "Kue", 10_000)])
    clock.now = dt.datetime(2027, 1, 2, tzinfo=dt.UTC)
    ring(stocked, [CartLine("UMKM-001", "Kue", 20_000)])
    assert figures(stocked, Month(2027, 1))[-1] == 9_750 + 19_500
    days = [line.day for line in stocked.payouts.day_lines(Month(2026, 12))]
    assert days == [dt.date(2026, 12, 31)]


# --- the months kept between calls -------------------------------------------------------------


class MonthReads:
    """The sale-line reads of the balances, and the first month each reads (by its start)."""

    def __init__(self, kiosk: Kiosk) -> None:
        self.dialect = kiosk.db.engine.dialect
        self.reads: list[tuple[str, list[object]]] = []
        event.listen(kiosk.db.engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if "sale_lines" in statement and "sum(" in statement.lower() and "sku" not in statement:
            values = parameters.values() if isinstance(parameters, dict) else parameters
            self.reads.append((statement, list(values)))

    def months_read(self, tz) -> list[Month]:  # type: ignore[no-untyped-def]
        """The first month of each read since the last call (the start bound it passed)."""
        found = []
        for _statement, values in self.reads:
            starts = [
                month
                for month in (Month(2026, m) for m in range(1, 13))
                if db_time(month.utc_bounds(tz)[0], self.dialect) in values
            ]
            found.append(min(starts))
        self.reads.clear()
        return found


def test_balances_read_again_only_the_months_new_entries_touch(
    stocked: Kiosk, clock: FakeClock, tmp_path: Path
):
    tz = stocked.settings.stall.tz
    sep = Month(2026, 9)
    clock.set_wit("2026-09-10 10:00")
    ring(stocked, [CartLine("UMKM-001", "Kue", 40_000)])
    clock.set_wit("2026-10-10 10:00")
    october_sale = ring(stocked, [CartLine("UMKM-001", "Kue", 30_000)])
    ring(stocked, [CartLine("UMKM-002", "Kopi", 12_000)])
    clock.set_wit("2026-11-10 10:00")
    ring(stocked, [CartLine("UMKM-001", "Kue", 20_000)])
    reads = MonthReads(stocked)

    def months_read_by_balances() -> list[Month]:
        """Which months balances(NOV) reads again; its figures equal a fresh reader's."""
        kept = stocked.settlement.balances(NOV)
        read = reads.months_read(tz)
        fresh = SettlementQueries(stocked.db, stocked.settlement.fees, tz)
        assert kept == fresh.balances(NOV)
        reads.months_read(tz)  # the fresh reader's own reads: not the kept ones'
        return read

    assert months_read_by_balances() == [sep], "the first call reads every month from the first"
    assert months_read_by_balances() == [], "nothing new: every month is kept"

    ring(stocked, [CartLine("UMKM-001", "Kue", 5_000)])  # November
    assert months_read_by_balances() == [NOV]

    stocked.admin.void(october_sale, "Salah input")  # a November void of an October sale
    assert months_read_by_balances() == [OCT]

    paper = tmp_path / "paper.csv"
    paper.write_text(
        "waktu,nip,kode_umkm,jumlah,keterangan\n2026-09-15 09:00,,UMKM-003,25000,Tenun\n",
        encoding="utf-8",
    )
    stocked.sales_importer.import_file(paper)
    assert months_read_by_balances() == [sep]

    paid = stocked.payouts.pay("UMKM-001", 10_000, "Tunai", actor="admin")  # checks the saldo
    stocked.payouts.reverse(paid.number, "Salah nominal", actor="admin")
    assert reads.months_read(tz) == [], "the payout's check used the kept months"
    assert months_read_by_balances() == [], "payouts change no pendapatan"
    assert figures(stocked, NOV) == (25_000, 625, 24_375, 0, 39_000 + 24_375)  # Oct: voided
