"""From a committed sale to a queued receipt, a copy, a void slip and a test page."""

from __future__ import annotations

import datetime as dt

from kiosk.bootstrap import open_kiosk
from kiosk.domain.cart import CartLine, Payment, PaymentMethod
from kiosk.printing.devices.printers import FilePrinter
from kiosk.printing.devices.worker import PrintWorker
from kiosk.printing.escpos_output import codepage_note

from .conftest import SAMPLE, first_nip_with_tier, make_settings


def checkout(kiosk, amount: int, nip: str | None, method=PaymentMethod.TUNAI):  # type: ignore[no-untyped-def]
    payment = Payment(method, amount) if method is PaymentMethod.TUNAI else Payment(method)
    return kiosk.checkout.checkout(
        [CartLine("UMKM-001", "Bagea kenari", amount, 1, "B1")],
        buyer_nip=nip,
        operator="Ina",
        payment=payment,
    )


def test_a_sale_queues_its_receipt_with_the_buyers_month(stocked):
    nip = first_nip_with_tier(stocked, "eselon_iii")
    result = checkout(stocked, 12_000, nip)
    job = stocked.print_jobs.get(stocked.receipts.print_sale(result.sale, result.buyer))
    assert (job.kind, job.status, job.sale_id) == ("receipt", "pending", result.sale.id)
    assert job.title == f"Struk {result.sale.number}"
    assert job.payload.startswith(b"\x1b@")
    assert "Rp12.000 / minimum Rp30.000" in job.preview.replace("\n", " ")
    assert "KURANG" in job.preview and nip not in job.preview  # the NIP is masked
    assert nip[:8] + "********" + nip[-2:] in job.preview


def test_the_drawer_opens_for_cash_only(stocked):
    stocked.receipts._open_drawer = True  # as if printer.open_cash_drawer were set
    cash = checkout(stocked, 5_000, None)
    qris = checkout(stocked, 5_000, None, PaymentMethod.QRIS)
    drawer = b"\x1bp"
    assert drawer in stocked.print_jobs.get(stocked.receipts.print_sale(cash.sale, None)).payload
    for job in (
        stocked.receipts.print_sale(qris.sale, None),
        stocked.receipts.reprint(cash.sale.number),
    ):
        assert drawer not in stocked.print_jobs.get(job).payload


def test_a_reprint_says_copy_and_shows_the_month_as_it_stood(stocked, clock):
    nip = first_nip_with_tier(stocked, "eselon_iv")
    first = checkout(stocked, 8_000, nip)
    clock.now += dt.timedelta(hours=2)
    checkout(stocked, 30_000, nip)  # later the same month
    copy = stocked.print_jobs.get(stocked.receipts.reprint(first.sale.number))
    # Double-size text is letter-spaced in the preview, as it prints twice as wide.
    assert copy.kind == "copy" and "SALINAN/COPY" in copy.preview.replace(" ", "")
    assert "Rp8.000 / minimum Rp20.000" in copy.preview.replace("\n", " ")


def test_a_void_prints_a_slip(stocked):
    result = checkout(stocked, 9_000, None)
    sale = stocked.admin.void(result.sale.number, "Salah input")
    slip = stocked.print_jobs.get(
        stocked.receipts.print_void(sale, reason="Salah input", actor="admin")
    )
    assert slip.kind == "void" and "PEMBATALAN/VOID" in slip.preview.replace(" ", "")
    assert result.sale.number in slip.preview and "Salah input" in slip.preview


def test_queued_receipts_reach_the_file_printer(stocked, tmp_path):
    result = checkout(stocked, 7_000, None)
    stocked.receipts.print_sale(result.sale, None)
    stocked.receipts.print_test_page("TM-T20II", codepage_note("TM-T20II"))
    worker = PrintWorker(stocked.print_jobs, FilePrinter(tmp_path / "r"), clock=stocked.clock)
    while worker.run_once():
        pass
    assert stocked.print_jobs.unprinted_count() == 0
    previews = sorted((tmp_path / "r").glob("*.txt"))
    assert len(previews) == 2
    assert "Rp7.000" in previews[0].read_text(encoding="utf-8")


def test_58mm_receipts_fit_32_columns(tmp_path, raw_config, clock):
    raw_config["printer"]["chars_per_line"] = 32
    with open_kiosk(make_settings(tmp_path, raw_config), create=True, clock=clock) as kiosk:
        kiosk.roster_importer.import_file(SAMPLE / "roster.csv", dt.date(2026, 10, 1))
        kiosk.catalog_importer.import_vendors(SAMPLE / "vendors.csv")
        result = checkout(kiosk, 1_250_000, first_nip_with_tier(kiosk, "wali_kota"))
        job = kiosk.print_jobs.get(kiosk.receipts.print_sale(result.sale, result.buyer))
    printed = [line for line in job.preview.splitlines() if not line.startswith("[QR:")]
    assert len(printed) > 20 and max(len(line) for line in printed) <= 32
    assert "Rp1.250.000" in job.preview
