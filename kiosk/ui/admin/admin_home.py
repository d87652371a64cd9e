"""The admin menu: one big tile per task, and quitting the app far away from all of them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy

from ...services.central_status import CentralStatus
from ..context import UiContext
from ..i18n import LANGUAGES, SOURCE_LANGUAGE, translate
from ..screen_names import Screen
from ..theme import px, scaled
from ..widgets.buttons import button, literal
from ..widgets.common import MessageBox
from .base import AdminPage, Go
from .central import alarm_text
from .words import error_text
from .wrap_button import WrapButton

TILES = (  # (label, screen name)
    (QT_TRANSLATE_NOOP("AdminHomeScreen", "Dasbor"), Screen.ADMIN_DASHBOARD),
    (QT_TRANSLATE_NOOP("AdminHomeScreen", "Ekspor"), Screen.ADMIN_EXPORTS),
    (QT_TRANSLATE_NOOP("AdminHomeScreen", "Batalkan transaksi"), Screen.ADMIN_VOID),
    (QT_TRANSLATE_NOOP("AdminHomeScreen", "Cetak ulang"), Screen.ADMIN_REPRINT),
    (QT_TRANSLATE_NOOP("AdminHomeScreen", "Pengecualian"), Screen.ADMIN_EXEMPTIONS),
    (QT_TRANSLATE_NOOP("AdminHomeScreen", "Impor data"), Screen.ADMIN_IMPORT),
    (QT_TRANSLATE_NOOP("AdminHomeScreen", "Printer"), Screen.ADMIN_PRINTER),
    (QT_TRANSLATE_NOOP("AdminHomeScreen", "Pembayaran UMKM"), Screen.ADMIN_PAYOUTS),
    (QT_TRANSLATE_NOOP("AdminHomeScreen", "Titipan barang"), Screen.ADMIN_STOCK),
    (QT_TRANSLATE_NOOP("AdminHomeScreen", "Laporan"), Screen.ADMIN_REPORTS),
)
# Only on a kiosk whose config names a central (several kiosks, one central PostgreSQL).
CENTRAL_TILE = (QT_TRANSLATE_NOOP("AdminHomeScreen", "Sinkronisasi pusat"), Screen.ADMIN_CENTRAL)


class AdminHomeScreen(AdminPage):
    def __init__(
        self,
        ctx: UiContext,
        go: Go,
        *,
        on_quit: Callable[[], None],
        language: str = SOURCE_LANGUAGE,
        on_language: Callable[[str], bool] | None = None,
    ) -> None:
        super().__init__(ctx, go, translate("AdminHomeScreen", "Menu admin"))
        self.back_button.hide()  # this is the top: the way out is [Kembali ke kasir]
        self._on_quit = on_quit
        # What the admin must fix that the vendors never see (a broken revoked-cards file).
        self.problem = MessageBox()
        self._problems: dict[str, str] = {}  # revoked-cards file, central alarm: one box
        self._asked = 0
        self.body.addWidget(self.problem)
        grid = QGridLayout()
        grid.setSpacing(px(16))
        for column in range(4):
            grid.setColumnStretch(column, 1)  # equal tiles; their words wrap when narrow
        self.tiles: dict[str, QPushButton] = {}
        tiles = TILES + ((CENTRAL_TILE,) if ctx.back_end.admin.central_enabled else ())
        rows = len(tiles) // 4 + 1  # the tasks, then [Kembali ke kasir] last on the right
        for index, (text, name) in enumerate(tiles):
            tile = self._tile(translate("AdminHomeScreen", text), rows)
            tile.clicked.connect(lambda _=False, n=name: go(n))
            grid.addWidget(tile, index // 4, index % 4)
            self.tiles[name] = tile
        cashier = self._tile(translate("AdminHomeScreen", "Kembali ke kasir"), rows)
        cashier.setProperty("role", "primary")
        cashier.clicked.connect(lambda: go(Screen.SELLING))
        grid.addWidget(cashier, rows - 1, 3)
        self.tiles[Screen.SELLING] = cashier
        self.body.addSpacing(px(24))
        self.body.addLayout(grid, 3)
        self.body.addSpacing(px(24))
        self.body.addStretch(1)  # keeps [Keluar aplikasi] well away from the tiles

        languages = QHBoxLayout()
        languages.setSpacing(px(16))
        # The screen's language, each named in its own: whoever can't read the current one
        # still finds theirs. The window rebuilds every screen after a switch.
        self._on_language = on_language
        self.language_label = QLabel(translate("AdminHomeScreen", "Bahasa layar:"))
        languages.addWidget(self.language_label)
        self.languages: dict[str, QPushButton] = {}
        for code, name in LANGUAGES.items():
            choice = button(name, "chip")
            choice.setObjectName(f"language_{code}")
            choice.setCheckable(True)
            choice.setChecked(code == language)
            choice.clicked.connect(lambda _=False, c=code: self._choose_language(c))
            languages.addWidget(choice)
            self.languages[code] = choice
        self.language_problem = QLabel(
            translate("AdminHomeScreen", "Terjemahan tidak dapat dimuat; layar tetap seperti ini.")
        )
        self.language_problem.setObjectName("error")
        self.language_problem.setWordWrap(True)
        self.language_problem.hide()
        languages.addWidget(self.language_problem, 1)
        languages.addStretch(1)  # the buttons keep their own width while the problem is hidden
        self.body.addLayout(languages)
        self.body.addSpacing(px(16))

        bottom = QHBoxLayout()
        bottom.setSpacing(px(16))
        self.quit_question = QLabel(translate("AdminHomeScreen", "Tutup aplikasi kasir?"))
        self.quit_question.setObjectName("big")
        self.quit_yes = button(translate("AdminHomeScreen", "Ya, tutup aplikasi"), "danger")
        self.quit_no = button(translate("AdminHomeScreen", "Tidak"))
        self.quit = button(translate("AdminHomeScreen", "Keluar aplikasi"), "danger")
        self.quit.setObjectName("quit")
        bottom.addStretch(1)
        for widget in (self.quit_question, self.quit_no, self.quit_yes, self.quit):
            bottom.addWidget(widget)
        self.body.addLayout(bottom)
        # Quitting stops the till: asked inline, never with a pop-up.
        self.quit.clicked.connect(lambda: self._asking(True))
        self.quit_no.clicked.connect(lambda: self._asking(False))
        self.quit_yes.clicked.connect(self._quit)
        self._asking(False)

    @staticmethod
    def _tile(text: str, rows: int) -> QPushButton:
        tile = WrapButton(literal(text))
        tile.setAutoDefault(False)
        # The style sheet's min-height wins over setMinimumHeight, so size it there: low
        # enough for 768 px with a problem shown (three rows a little lower than two),
        # growing up to 240 px on taller panels; two lines of words still fit at 96 px.
        lowest = {1: 120, 2: 120, 3: 104}.get(rows, 96)
        tile.setStyleSheet(
            scaled(f"font-size: 22pt; min-height: {lowest}px; max-height: 240px; padding: 6px 4px;")
        )
        policy = QSizePolicy.Policy
        tile.setSizePolicy(policy.Ignored, policy.Expanding)
        return tile

    def refresh(self) -> None:
        self._asking(False)
        self._asked += 1  # only the latest answer counts (answers may come back out of order)
        asked = self._asked
        self.ctx.runner.run(
            self.ctx.back_end.admin.revoked_cards_problem,
            lambda problem: self._show_problem(asked, problem),
        )
        if self.ctx.back_end.admin.central_enabled:
            self.ctx.runner.run(
                self.ctx.back_end.admin.central_status,
                lambda status: self._show_alarm(asked, status),
            )

    def _show_problem(self, asked: int, problem: Exception | None) -> None:
        if asked != self._asked:
            return
        self._say("revoked", error_text(problem) if problem is not None else "")

    def _show_alarm(self, asked: int, status: CentralStatus | None) -> None:
        """The push to central stopped (a hash conflict): the admin must see it first."""
        if asked != self._asked:
            return
        self._say("central", alarm_text(status.alarm) if status and status.alarm else "")

    def _say(self, source: str, text: str) -> None:
        self._problems[source] = text
        shown = [said for said in self._problems.values() if said]
        if shown:
            self.problem.show_message("\n".join(shown))
        else:
            self.problem.clear()

    def _asking(self, on: bool) -> None:
        self.quit.setVisible(not on)
        for widget in (self.quit_question, self.quit_yes, self.quit_no):
            widget.setVisible(on)

    def _choose_language(self, code: str) -> None:
        switched = self._on_language is not None and self._on_language(code)
        if not switched:  # still this screen (a switch would have rebuilt it): say so
            for other, choice in self.languages.items():
                choice.setChecked(choice.isChecked() and other != code)
            self.language_problem.show()

    def _quit(self) -> None:
        self._asking(False)
        self._on_quit()
