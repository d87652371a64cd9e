"""Screens learn what the back end changed: an import in the admin area shows on the selling
screen at once, without a restart."""

from __future__ import annotations

from kiosk.services.changes import Change
from kiosk.ui.screen_names import Screen

from .conftest import REPO, click, log_in

NEW_PRODUCT = "UMKM-002,KRP-SUKUN,Keripik sukun pedas,18000,Makanan"


def test_products_imported_in_the_admin_area_appear_on_the_selling_screen(qtbot, window):
    log_in(qtbot, window)
    qtbot.waitUntil(lambda: window.current_screen_name() == "selling")
    names = {tile.product.nama for tile in window.selling.tiles}
    assert "Keripik sukun pedas" not in names
    folder = window.ctx.back_end.admin.export_folder
    folder.mkdir(parents=True, exist_ok=True)
    catalogue = (REPO / "assets" / "sample" / "products.csv").read_text(encoding="utf-8")
    (folder / "produk-baru.csv").write_text(catalogue + NEW_PRODUCT + "\n", encoding="utf-8")

    window.show_screen(Screen.ADMIN_IMPORT)  # the admin PIN is tested elsewhere
    screen = window.screen_named(Screen.ADMIN_IMPORT)
    click(qtbot, screen.files.buttons["produk-baru.csv\nFolder ekspor kiosk"])
    assert screen.kind.value == "Produk"
    click(qtbot, screen.check)
    qtbot.waitUntil(screen.start.isEnabled)
    with qtbot.waitSignal(window.ctx.changes.changed) as told:
        click(qtbot, screen.start)
    assert Change.CATALOG in told.args[0]
    qtbot.waitUntil(lambda: "Berhasil diimpor" in screen.done.text())

    window.show_screen(Screen.SELLING)  # [Kembali ke kasir]
    qtbot.waitUntil(
        lambda: "Keripik sukun pedas" in {tile.product.nama for tile in window.selling.tiles}
    )
    tile = next(t for t in window.selling.tiles if t.product.nama == "Keripik sukun pedas")
    click(qtbot, tile)
    assert [line.description for line in window.ctx.session.cart.lines] == ["Keripik sukun pedas"]


def test_a_change_reaches_the_screens_on_the_gui_thread(qtbot, window):
    """The back end publishes on whichever thread made the change."""
    import threading

    from PySide6.QtCore import QThread

    seen: list[bool] = []
    window.ctx.changes.changed.connect(
        lambda _changes: seen.append(QThread.currentThread() is window.thread())
    )
    worker = threading.Thread(target=lambda: window.ctx.back_end.changes.publish(Change.ROSTER))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(seen))
    assert seen == [True]
