"""The dashboard, import preview, printer and menu screens."""

from __future__ import annotations

import datetime as dt
import shutil

from kiosk.domain.compliance import Status
from kiosk.domain.months import Month
from kiosk.ui.admin.admin_home import AdminHomeScreen
from kiosk.ui.admin.dashboard import DashboardScreen, percent
from kiosk.ui.admin.import_preview import ImportScreen
from kiosk.ui.admin.printer import PrinterScreen

from .conftest import REPO, click, show

NOVEMBER = Month(2026, 11)
BAD_ROSTER = (
    "nip,nama,opd,jabatan,tingkat\n"
    "196608141992031002,Yosias Latumahina,Sekretariat Daerah,Wali Kota Ambon,wali_kota\n"
    "19930815201902101,Maria Latuheru,Disperindag,Pengawas,eselon_iv\n"
    "197802202003122018,,Disperindag,Pelaksana,pelaksana\n"
    "198106062006012005,Ona Tuhumury,Dinas Kesehatan,Perawat,kepala_desa\n"
)


def test_the_dashboard_shows_the_compliance_rate_the_service_computes(ctx, go, qtbot):
    rows = [
        r for r in ctx.kiosk.compliance.rows(NOVEMBER) if r.status is not Status.TIDAK_TERDAFTAR
    ]
    met = sum(r.status is Status.MEMENUHI for r in rows)
    obliged = sum(r.status is not Status.DIKECUALIKAN for r in rows)
    screen = show(DashboardScreen(ctx, go), qtbot)
    assert screen.loading.isVisible()  # "Memuat…" until the runner answers
    qtbot.waitUntil(lambda: screen.data is not None)
    assert not screen.loading.isVisible()
    assert screen.rate.text() == percent(met / obliged)
    assert f"{met} dari {obliged} ASN" in screen.rate_detail.text()
    summary = ctx.kiosk.compliance.opd_summary(NOVEMBER)
    assert [bar.label for bar in screen.chart.bars] == [s.opd for s in summary]
    assert len(screen.least.text().splitlines()) == 3

    click(qtbot, screen.month.back)  # October: loads again
    qtbot.waitUntil(lambda: screen.data is not None and screen.data.month == Month(2026, 10))


def test_the_dashboard_of_a_month_without_a_roster_says_what_to_do(ctx, go, qtbot):
    screen = show(DashboardScreen(ctx, go), qtbot)
    qtbot.waitUntil(lambda: screen.data is not None)
    screen.month.set_month(Month(2023, 1))
    qtbot.waitUntil(lambda: screen.message.message != "")
    assert "Impor daftar ASN" in screen.message.message


def test_import_preview_of_a_bad_roster_lists_every_problem_and_writes_nothing(
    ctx, go, qtbot, tmp_path
):
    stick = tmp_path / "media" / "DISPERINDAG"
    stick.mkdir(parents=True)
    (stick / "roster-desember.csv").write_text(BAD_ROSTER, encoding="utf-8")
    before = ctx.kiosk.roster.snapshot_on(dt.date(2026, 12, 31))
    screen = show(ImportScreen(ctx, go, usb_patterns=[str(tmp_path / "media" / "*")]), qtbot)
    click(qtbot, screen.files.buttons["roster-desember.csv\nFlashdisk DISPERINDAG"])
    assert screen.kind.value == "Daftar ASN"  # guessed from the file name
    assert screen.as_of.isVisible()
    click(qtbot, screen.as_of.forward)  # December
    click(qtbot, screen.check)
    qtbot.waitUntil(lambda: screen.shown is not None)

    problems = [
        screen.problem_list.itemAt(i).widget().text() for i in range(screen.problem_list.count())
    ]
    assert problems == [
        "Baris 3, kolom nip: '19930815201902101' bukan NIP yang valid (harus 18 angka)",
        "Baris 4, kolom nama: tidak boleh kosong",
        "Baris 5, kolom tingkat: tingkat 'kepala_desa' tidak dikenal",
    ]
    assert "Ada 3 masalah" in screen.headline.text()
    assert not screen.start.isEnabled()
    screen.start_import(force=True)  # even forced, a file with problems is never imported
    assert ctx.kiosk.roster.snapshot_on(dt.date(2026, 12, 31)) == before


def test_a_roster_that_drops_many_people_needs_a_second_yes(ctx, go, qtbot, tmp_path):
    stick = tmp_path / "media" / "USB"
    stick.mkdir(parents=True)
    lines = (REPO / "assets" / "sample" / "roster.csv").read_text(encoding="utf-8").splitlines()
    (stick / "roster-sebagian.csv").write_text("\n".join(lines[:30]) + "\n", encoding="utf-8")
    screen = show(ImportScreen(ctx, go, usb_patterns=[str(tmp_path / "media" / "*")]), qtbot)
    click(qtbot, screen.files.buttons["roster-sebagian.csv\nFlashdisk USB"])
    click(qtbot, screen.as_of.forward)
    click(qtbot, screen.check)
    qtbot.waitUntil(screen.start.isEnabled)
    click(qtbot, screen.start)
    assert screen.force.isVisible() and "mengeluarkan 19 dari 48" in screen.warning.text()
    assert ctx.kiosk.roster.snapshot_on(dt.date(2026, 12, 1)).as_of < dt.date(2026, 12, 1)
    click(qtbot, screen.force)
    qtbot.waitUntil(lambda: "Berhasil diimpor" in screen.done.text())
    assert len(ctx.kiosk.roster.people_on(dt.date(2026, 12, 1))) == 29


def test_the_vendor_file_from_the_export_folder_imports_after_its_preview(ctx, go, qtbot):
    folder = ctx.kiosk.settings.export.folder
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "assets" / "sample" / "vendors.csv", folder / "vendors.csv")
    screen = show(ImportScreen(ctx, go, usb_patterns=[]), qtbot)
    click(qtbot, screen.files.buttons["vendors.csv\nFolder ekspor kiosk"])
    assert screen.kind.value == "UMKM" and not screen.as_of.isVisible()
    click(qtbot, screen.check)
    qtbot.waitUntil(screen.start.isEnabled)
    assert "8 UMKM" in screen.summary.text()
    click(qtbot, screen.start)
    qtbot.waitUntil(lambda: "Berhasil diimpor" in screen.done.text())


def test_the_printer_screen_reports_status_and_queues_a_test_page(ctx, go, qtbot):
    screen = show(PrinterScreen(ctx, go), qtbot)
    qtbot.waitUntil(lambda: screen.values["queue"].text() != "Memeriksa…")
    assert screen.values["connection"].text() == "Simpan ke folder (tanpa printer)"
    click(qtbot, screen.test)
    qtbot.waitUntil(lambda: "Halaman tes" in screen.done.text())
    qtbot.waitUntil(lambda: screen.values["queue"].text() == "1 struk")


def test_the_menu_opens_each_task_and_asks_before_quitting(ctx, go, qtbot):
    quits = []
    screen = show(AdminHomeScreen(ctx, go, on_quit=lambda: quits.append(1)), qtbot)
    for name, tile in screen.tiles.items():
        click(qtbot, tile)
        assert go.last == name
        assert tile.height() >= 56
    click(qtbot, screen.quit)
    assert quits == [] and screen.quit_yes.isVisible()
    click(qtbot, screen.quit_no)
    assert screen.quit.isVisible()
    click(qtbot, screen.quit)
    click(qtbot, screen.quit_yes)
    assert quits == [1]


def test_the_menu_says_when_the_revoked_cards_file_has_a_bad_line(ctx, go, qtbot):
    revoked = ctx.kiosk.settings.cards.revoked_file
    screen = show(AdminHomeScreen(ctx, go, on_quit=lambda: None), qtbot)
    revoked.write_text("196608141992031002\n19660814199203100\n", encoding="utf-8")
    screen.refresh()  # what every visit does
    qtbot.waitUntil(lambda: screen.problem.message != "")
    assert screen.problem.message == (
        f"Daftar kartu hilang {revoked} baris 2 bukan NIP dan dilewati; baris lain tetap "
        "memblokir kartunya."
    )
    revoked.write_text("196608141992031002\n", encoding="utf-8")
    screen.refresh()
    qtbot.waitUntil(lambda: screen.problem.message == "")


def test_the_dashboard_shows_each_operators_share_of_typed_nips(ctx, go, qtbot):
    from kiosk.domain.cart import CartLine, Payment, PaymentMethod
    from kiosk.domain.identity import BuyerIdentity

    nip = ctx.kiosk.compliance.rows(NOVEMBER)[0].nip
    for identity in (BuyerIdentity.TYPED, BuyerIdentity.CARD, BuyerIdentity.CARD):
        ctx.kiosk.checkout.checkout(
            [CartLine("UMKM-001", "Sagu tumbu", 5_000)],
            buyer_nip=nip,
            operator="Pak Tes",  # nobody else sold as him: his counts are these alone
            payment=Payment(PaymentMethod.TUNAI, 5_000),
            identity=identity,
        )
    screen = show(DashboardScreen(ctx, go), qtbot)
    qtbot.waitUntil(lambda: screen.data is not None)
    start, end = NOVEMBER.utc_bounds(ctx.kiosk.settings.stall.tz)
    shares = ctx.kiosk.spending.typed_shares(start, end)
    lines = screen.typing.text().splitlines()
    assert len(lines) == len(shares) == 4  # the three demo operators and Pak Tes
    assert "Pak Tes: 1 dari 3 ASN diketik (33%)" in lines
    # Whoever types most comes first: that is whom the admin should talk to.
    expected = sorted(shares, key=lambda s: (-s.share, s.operator))
    assert [line.split(":")[0] for line in lines] == [s.operator for s in expected]
