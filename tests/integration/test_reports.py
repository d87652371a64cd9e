"""The X/Z reports and the UMKM slips on a real ledger: a shift's whole life (float, cash and
QRIS, ASN and public buyers, a void, a hand-over, an X-report, a close with a difference and
a reason), the Z-report's ESC/POS bytes read back and every total checked against
`export sales`, `export settlement` and `export shifts`; the ledger head on paper is the one
`ledger verify` prints; the day's Z-reports; slips with the stall's fee and consignment."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from kiosk.bootstrap import Kiosk
from kiosk.config import parse_settings
from kiosk.domain.cart import CartLine, Payment, PaymentMethod
from kiosk.domain.months import Month
from kiosk.domain.records import Product
from kiosk.domain.till import CashCount
from kiosk.ledger.models import Entry, PrintJob, StockDrop
from kiosk.ledger.models import Product as ProductRow
from kiosk.services.reports import REPORT_JOB, SLIP_JOB

from ..escpos_reader import paper_text, read_paper
from .conftest import FakeClock, first_nip_with_tier

DAY = dt.date(2026, 11, 20)
NOVEMBER = Month(2026, 11)


def at(clock: FakeClock, hhmm: str) -> None:
    clock.set_wit(f"{DAY} {hhmm}")


def ring(kiosk: Kiosk, shift_id: str, product: Product, quantity: int, method, nip=None):
    total = product.harga * quantity
    return kiosk.checkout.checkout(
        [CartLine(product.kode_umkm, product.nama, product.harga, quantity, sku=product.sku)],
        buyer_nip=nip,
        operator="Ina",
        payment=Payment(method, total if method is PaymentMethod.TUNAI else None),
        shift_id=shift_id,
    ).sale


def entries(kiosk: Kiosk) -> int:
    with kiosk.db.read() as connection:
        return connection.execute(select(func.count()).select_from(Entry)).scalar_one()


def rupiah(text: str) -> int:
    """'-Rp15.000' -> -15000, '+Rp75.000' -> 75000."""
    match = re.fullmatch(r"([+-]?)Rp([0-9.]+)", text)
    assert match, text
    value = int(match.group(2).replace(".", ""))
    return -value if match.group(1) == "-" else value


def figure(lines: list[str], label: str) -> int:
    """The amount at the end of the one line that starts with ``label``."""
    found = [line for line in lines if line.startswith(label)]
    assert len(found) == 1, (label, found)
    return rupiah(found[0].split()[-1])


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def day(stocked: Kiosk, clock: FakeClock):  # type: ignore[no-untyped-def]
    """A shift's life: float Rp100.000; Ina sells cash and QRIS to an ASN and the public,
    voids one; Budi takes over and sells; then closes short by Rp5.000 (wrong change)."""
    kiosk = stocked
    products = kiosk.catalog.products()
    kopi = next(p for p in products if p.kode_umkm != products[0].kode_umkm)
    sagu = products[0]
    nip = first_nip_with_tier(kiosk, "eselon_iv")
    at(clock, "08:00")
    shift_id = kiosk.shifts.open("Ina", 100_000).shift_id
    at(clock, "09:00")
    ring(kiosk, shift_id, sagu, 2, PaymentMethod.TUNAI, nip)
    ring(kiosk, shift_id, kopi, 1, PaymentMethod.QRIS)
    wrong = ring(kiosk, shift_id, sagu, 1, PaymentMethod.TUNAI)
    at(clock, "10:00")
    kiosk.admin.void(wrong.number, "salah ketik", actor="admin")
    at(clock, "12:00")
    kiosk.shifts.take_over(shift_id, "Budi")
    ring(kiosk, shift_id, kopi, 2, PaymentMethod.TUNAI, nip)
    ring(kiosk, shift_id, sagu, 1, PaymentMethod.QRIS, nip)
    return kiosk, shift_id, sagu, kopi


def close(kiosk: Kiosk, shift_id: str, short: int = 5_000) -> None:
    expected = kiosk.shifts.figures(shift_id).expected
    count = CashCount({1_000: (expected - short) // 1_000}, (expected - short) % 1_000)
    kiosk.shifts.close(shift_id, "Budi", count, "kembalian salah", expected=expected)


def test_the_x_report_shows_the_open_shift_and_closes_nothing(day, clock: FakeClock):
    kiosk, shift_id, _sagu, _kopi = day
    before = entries(kiosk)
    at(clock, "13:00")
    report = kiosk.reports.x_report()
    assert report is not None and report.kind == "X"
    assert report.figures.shift_id == shift_id and report.figures.is_open
    assert report.figures.operators == ("Ina", "Budi")
    assert entries(kiosk) == before  # nothing written
    assert kiosk.shifts.current() is not None
    text = kiosk.reports.report_text(report)
    assert "L A P O R A N   X" in text and "tidak ada yang" in text
    assert "Dihitung" not in text and "Selisih" not in text  # nothing counted yet
    assert figure(text.splitlines(), "Seharusnya") == report.figures.expected


def test_the_z_report_on_paper_matches_the_three_exports(day, clock: FakeClock, tmp_path):
    kiosk, shift_id, _sagu, _kopi = day
    at(clock, "17:00")
    close(kiosk, shift_id)
    at(clock, "17:05")
    jobs = kiosk.reports.print_shift(shift_id)
    stored = [kiosk.print_jobs.get(job) for job in jobs]
    assert [job.kind for job in stored] == [REPORT_JOB, SLIP_JOB, SLIP_JOB]
    paper = paper_text(stored[0].payload)  # the ESC/POS bytes, read back
    assert [line.text for line in read_paper(stored[0].payload) if line.double] == ["LAPORAN Z"]
    # The queue's text preview is the same paper (double size letter-spaced there).
    preview = [line.strip() for line in stored[0].preview.splitlines() if line.strip()]
    assert preview == [
        line.strip() if line != "LAPORAN Z" else "L A P O R A N   Z" for line in paper
    ]

    kiosk.exports.sales(NOVEMBER, tmp_path / "sales.csv")
    sales = read_csv(tmp_path / "sales.csv")
    kiosk.exports.settlement(NOVEMBER, tmp_path / "settlement.csv")
    kiosk.exports.shifts(NOVEMBER, tmp_path / "shifts.csv")
    settlement = read_csv(tmp_path / "settlement.csv")
    (shift_row,) = read_csv(tmp_path / "shifts.csv")

    # Sales by payment method (gross) and voids, against export sales.
    by_method: dict[str, dict[str, int]] = defaultdict(dict)
    voided: dict[str, int] = {}
    for row in sales:
        sale_total = by_method[row["metode_bayar"]]
        sale_total[row["no_transaksi"]] = sale_total.get(row["no_transaksi"], 0) + int(
            row["subtotal"]
        )
        if row["status"] == "BATAL":
            voided[row["no_transaksi"]] = voided.get(row["no_transaksi"], 0) + int(row["subtotal"])
    cash, qris = by_method["TUNAI"], by_method["QRIS"]
    assert figure(paper, f"Tunai ({len(cash)}x)") == sum(cash.values())
    assert figure(paper, f"QRIS ({len(qris)}x)") == sum(qris.values())
    assert figure(paper, f"Jumlah ({len(cash) + len(qris)}x)") == sum(cash.values()) + sum(
        qris.values()
    )
    assert figure(paper, f"Batal ({len(voided)}x)") == -sum(voided.values())
    assert int(shift_row["transaksi"]) == len(cash) + len(qris)
    assert int(shift_row["batal"]) == len(voided)

    # Per UMKM (non-voided), against export settlement (one shift that day: the same sales).
    earned: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    names = {}
    for row in settlement:
        assert row["tanggal"] == DAY.isoformat()
        total = earned[row["kode_umkm"]]
        total[0] += int(row["pendapatan"])
        total[1] += int(row["tunai"])
        total[2] += int(row["qris"])
        names[row["kode_umkm"]] = row["nama_umkm"]
    for kode, (pendapatan, tunai, qris_amount) in earned.items():
        index = paper.index(next(line for line in paper if line.startswith(names[kode])))
        assert rupiah(paper[index].split()[-1]) == pendapatan
        assert paper[index + 1].split() == [
            "tunai",
            f"Rp{tunai:,}".replace(",", "."),
            "QRIS",
            f"Rp{qris_amount:,}".replace(",", "."),
        ]
    per_umkm = paper[paper.index("PER UMKM (tanpa yang batal)") :]
    assert figure(per_umkm[: per_umkm.index("PEMBELI (tanpa yang batal)")], "Jumlah") == sum(
        total[0] for total in earned.values()
    )

    # ASN and public buyers, against export sales (non-voided).
    asn = {r["no_transaksi"] for r in sales if r["nip"] and r["status"] == "SAH"}
    public = {r["no_transaksi"] for r in sales if not r["nip"] and r["status"] == "SAH"}
    assert figure(paper, f"ASN ({len(asn)}x)") == sum(
        int(r["subtotal"]) for r in sales if r["no_transaksi"] in asn
    )
    assert figure(paper, f"Umum ({len(public)}x)") == sum(
        int(r["subtotal"]) for r in sales if r["no_transaksi"] in public
    )

    # The drawer, against export shifts.
    assert figure(paper, "Modal awal") == int(shift_row["modal_awal"]) == 100_000
    assert figure(paper, "Seharusnya") == int(shift_row["tunai_seharusnya"])
    assert figure(paper, "Dihitung") == int(shift_row["tunai_dihitung"])
    assert figure(paper, "Selisih") == int(shift_row["selisih"]) == -5_000
    assert "Alasan: kembalian salah" in paper and shift_row["alasan"] == "kembalian salah"
    assert figure(paper, "QRIS (cek di aplikasi)") == int(shift_row["qris"]) == sum(qris.values())
    assert figure(paper, "Penjualan tunai") == sum(cash.values())
    assert figure(paper, "Batal tunai") == -sum(v for k, v in voided.items() if k in cash)
    expected = (
        int(shift_row["modal_awal"])
        + sum(cash.values())
        - sum(v for k, v in voided.items() if k in cash)
    )
    assert int(shift_row["tunai_seharusnya"]) == expected

    # Who and which receipts.
    assert "Petugas: Ina > Budi" in paper
    numbers = sorted({row["no_transaksi"] for row in sales})
    assert any(line.endswith(numbers[0]) for line in paper if line.startswith("Struk pertama"))
    assert any(line.endswith(numbers[-1]) for line in paper if line.startswith("Struk terakhir"))


def test_the_ledger_head_on_paper_is_the_one_verify_prints(day, clock: FakeClock):
    kiosk, shift_id, _sagu, _kopi = day
    close(kiosk, shift_id)
    report = kiosk.reports.shift_report(shift_id)
    (head,) = kiosk.verify().heads
    assert report.head.line == head.line
    assert head.line in kiosk.reports.report_text(report)
    # A later sale moves the head: a report printed then shows the new one.
    other = kiosk.shifts.open("Ina", 0).shift_id
    ring(kiosk, other, kiosk.catalog.products()[0], 1, PaymentMethod.TUNAI)
    assert kiosk.reports.shift_report(shift_id).head.seq == report.head.seq + 2


def test_the_days_z_reports_are_one_per_closed_shift(day, clock: FakeClock):
    kiosk, shift_id, sagu, _kopi = day
    assert kiosk.reports.z_reports(DAY) == []  # still open: an X-report, not a Z
    at(clock, "14:00")
    close(kiosk, shift_id, short=0)
    at(clock, "15:00")
    second = kiosk.shifts.open("Ina", 50_000).shift_id
    ring(kiosk, second, sagu, 1, PaymentMethod.TUNAI)
    assert [r.figures.shift_no for r in kiosk.reports.z_reports(DAY)] == [1]
    at(clock, "18:00")
    close(kiosk, second, short=0)
    reports = kiosk.reports.z_reports(DAY)
    assert [r.figures.shift_no for r in reports] == [1, 2]
    assert all(r.kind == "Z" for r in reports)
    assert reports[1].figures.cash_sales == sagu.harga
    assert kiosk.reports.z_reports(DAY + dt.timedelta(days=1)) == []


def test_slips_carry_the_fee_and_the_consignment_count(
    tmp_path, raw_config: dict, clock: FakeClock
):
    from kiosk.bootstrap import open_kiosk

    from .conftest import SAMPLE

    raw_config["settlement"]["fee_percent"] = 2.5
    settings = parse_settings(raw_config, tmp_path / "config.yaml")
    with open_kiosk(settings, create=True, clock=clock) as kiosk:
        kiosk.roster_importer.import_file(SAMPLE / "roster.csv", dt.date(2026, 10, 1))
        kiosk.catalog_importer.import_vendors(SAMPLE / "vendors.csv")
        kiosk.catalog_importer.import_products(SAMPLE / "products.csv")
        sagu = kiosk.catalog.products()[0]
        at(clock, "08:00")
        with kiosk.db.write() as connection:
            product_id = connection.execute(
                select(ProductRow.id).where(ProductRow.sku == sagu.sku)
            ).scalar_one()
            for quantity in (12, -2):  # a count corrected by a negative row
                connection.execute(
                    insert(StockDrop.__table__),
                    {
                        "day": DAY,
                        "product_id": product_id,
                        "quantity": quantity,
                        "created_at": clock(),
                        "created_by": "Ina",
                        "note": None,
                    },
                )
        shift_id = kiosk.shifts.open("Ina", 0).shift_id
        ring(kiosk, shift_id, sagu, 3, PaymentMethod.TUNAI)
        ring(kiosk, shift_id, sagu, 1, PaymentMethod.QRIS)
        (slip,) = kiosk.reports.shift_slips(shift_id)
        amount = 4 * sagu.harga
        assert (slip.pendapatan, slip.tunai, slip.qris) == (amount, 3 * sagu.harga, sagu.harga)
        assert slip.fee_percent == "2.5" and slip.fee == (amount * 250 + 5_000) // 10_000
        (count,) = slip.stock
        assert (count.dropped, count.sold, count.returned) == (10, 4, 6)
        # The same as the balances export's fee for a month of just these sales.
        (balance,) = [
            b for b in kiosk.settlement.balances(NOVEMBER) if b.kode_umkm == sagu.kode_umkm
        ]
        assert balance.potongan == slip.fee
        text = kiosk.reports.slip_text(slip)
        assert figure(text.splitlines(), "Potongan stall 2.5%") == -slip.fee
        assert figure(text.splitlines(), "Hak UMKM") == amount - slip.fee
        assert "  titip 10 terjual 4 kembali 6" in text.splitlines()


def test_day_slips_are_the_days_rows_of_export_settlement(day, clock: FakeClock, tmp_path):
    kiosk, shift_id, _sagu, _kopi = day
    close(kiosk, shift_id)
    slips = kiosk.reports.day_slips(DAY)
    kiosk.exports.settlement(NOVEMBER, tmp_path / "settlement.csv")
    rows = read_csv(tmp_path / "settlement.csv")
    assert [
        (
            line.day.isoformat(),
            line.kode_umkm,
            line.sku or "",
            line.terjual,
            line.pendapatan,
            line.tunai,
            line.qris,
        )
        for slip in slips
        for line in slip.lines
    ] == [
        (
            r["tanggal"],
            r["kode_umkm"],
            r["sku"],
            int(r["terjual"]),
            int(r["pendapatan"]),
            int(r["tunai"]),
            int(r["qris"]),
        )
        for r in rows
    ]
    assert {slip.shift_no for slip in slips} == {None}
    # The shift's slips are the same sales here (one shift that day, no paper sales).
    assert [s.lines for s in kiosk.reports.shift_slips(shift_id)] == [s.lines for s in slips]


def test_report_and_slip_jobs_go_through_the_printer(day, clock: FakeClock):
    kiosk, shift_id, _sagu, _kopi = day
    close(kiosk, shift_id)
    jobs = kiosk.reports.print_shift(shift_id)
    for job in jobs:
        result = kiosk.print_now(job).job
        assert result is not None and result.status == "printed"
    with kiosk.db.read() as connection:
        kinds = connection.execute(select(PrintJob.kind, PrintJob.status)).all()
    assert sorted(kinds) == sorted([(REPORT_JOB, "printed")] + [(SLIP_JOB, "printed")] * 2)
    sent = sorted(p.name for p in kiosk.settings.printer.path.glob("*.bin"))
    assert len(sent) == 3 and any("Laporan_Z_sesi_1" in name for name in sent)
