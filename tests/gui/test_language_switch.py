"""The admin switches the screen's language: every screen comes back in it at once, the sale
in progress stays, the choice is there on the next start, and Indonesian comes back the same
way. A translation that cannot be loaded changes nothing and says so."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.ui.i18n import Language, saved_language, translate
from kiosk.ui.main_window import KioskWindow

from ..translations import read_ts
from .conftest import click, kiosk_window, log_in, tile

ENGLISH = {message.key: message.translation for message in read_ts()}


def english(context: str, source: str) -> str:
    return ENGLISH[(context, source)]


@pytest.fixture
def state_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "screen.ini"


@pytest.fixture
def switching(ctx, qtbot, state_file: Path, app: QApplication) -> Iterator[KioskWindow]:  # type: ignore[no-untyped-def]
    language = Language(state_file)
    try:
        with kiosk_window(ctx, qtbot, language) as win:
            yield win
    finally:
        language.use("id")  # the other tests read Indonesian


def test_english_everywhere_at_once_and_the_sale_in_progress_stays(
    switching, ctx, qtbot, state_file
):
    win = switching
    log_in(qtbot, win)
    click(qtbot, tile(win, "Sagu gula isi 6"))
    assert len(ctx.session.cart.lines) == 1
    win.show_screen("admin_home")  # the PIN in front of it is tested elsewhere
    home = win.screens["admin_home"]
    assert home.languages["id"].isChecked()

    click(qtbot, home.languages["en"])

    assert win.current_screen_name() == "admin_home"
    english_home = win.screens["admin_home"]
    assert english_home is not home  # built again, in English
    assert english_home.title.text() == english("AdminHomeScreen", "Menu admin")
    assert english_home.languages["en"].isChecked()
    assert not english_home.languages["id"].isChecked()
    click(qtbot, english_home.tiles["selling"])
    assert win.current_screen_name() == "selling"
    assert win.selling.pay.text() == english("SellingScreen", "BAYAR")
    assert win.header.log_out.text() == english("Header", "Keluar")
    assert len(ctx.session.cart.lines) == 1  # the basket did not notice
    assert ctx.session.operator == "Ina"
    assert saved_language(state_file) == "en"

    win.show_screen("admin_home")
    click(qtbot, win.screens["admin_home"].languages["id"])
    assert win.screens["admin_home"].title.text() == "Menu admin"
    win.show_screen("selling")
    assert win.selling.pay.text() == "BAYAR"


def test_the_choice_is_there_on_the_next_start(switching, qtbot, state_file):
    switching.show_screen("admin_home")
    click(qtbot, switching.screens["admin_home"].languages["en"])
    switching.language.use("id")  # as if the kiosk had stopped

    next_start = Language(state_file)
    try:
        assert next_start.start() == "en"
        assert translate("SellingScreen", "BAYAR") == english("SellingScreen", "BAYAR")
    finally:
        next_start.use("id")
    assert translate("SellingScreen", "BAYAR") == "BAYAR"


def test_a_damaged_or_foreign_choice_file_starts_in_indonesian(tmp_path):
    damaged = tmp_path / "screen.ini"
    damaged.write_bytes(b"\xff\xfe[screen]\nlanguage=klingon\n\x00\x00")
    assert saved_language(damaged) == "id"
    assert Language(damaged).start() == "id"
    assert saved_language(tmp_path / "missing.ini") == "id"


def test_a_translation_that_cannot_be_loaded_changes_nothing_and_says_so(
    ctx, qtbot, tmp_path, state_file, app
):
    language = Language(state_file, folder=tmp_path / "no-translations")
    with kiosk_window(ctx, qtbot, language) as win:
        win.show_screen("admin_home")
        home = win.screens["admin_home"]
        click(qtbot, home.languages["en"])
        assert win.screens["admin_home"] is home  # nothing was rebuilt
        assert home.language_problem.isVisible()
        assert home.languages["id"].isChecked() and not home.languages["en"].isChecked()
        assert home.title.text() == "Menu admin"
        assert not state_file.exists()  # and nothing remembered


def test_a_choice_that_cannot_be_saved_still_holds_until_the_kiosk_stops(tmp_path, caplog, app):
    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    language = Language(blocker / "screen.ini")
    try:
        assert language.switch("en")
        assert language.code == "en"
        assert translate("SellingScreen", "BAYAR") == english("SellingScreen", "BAYAR")
    finally:
        language.use("id")
    assert "until the kiosk stops" in caplog.text


def test_a_failed_load_leaves_the_language_in_use(tmp_path, app):
    import shutil

    from kiosk.ui.i18n import ts_file

    shutil.copy2(ts_file("en"), ts_file("en", tmp_path))
    language = Language(folder=tmp_path)
    try:
        assert language.use("en")
        for built in tmp_path.iterdir():
            built.unlink()  # the translation is gone (a damaged disk, a bad update)
        assert not language.use("en")
        assert language.code == "en"  # the screens were built in English and still are
        assert translate("SellingScreen", "BAYAR") == english("SellingScreen", "BAYAR")
    finally:
        language.use("id")


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        Language().use("fr")


def _clipped(widget) -> list[str]:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QPushButton

    QApplication.sendPostedEvents()
    return [
        b.text()
        for b in widget.findChildren(QPushButton)
        if b.isVisible() and b.width() < b.sizeHint().width()
    ]


@pytest.mark.parametrize("code", ["id", "en"])
def test_asking_to_quit_squeezes_no_button_in_either_language(switching, qtbot, code):
    switching.show_screen("admin_home")
    click(qtbot, switching.screens["admin_home"].languages[code])
    home = switching.screens["admin_home"]
    click(qtbot, home.quit)
    assert home.quit_yes.isVisible()
    assert _clipped(home) == []
