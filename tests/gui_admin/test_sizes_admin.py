"""Every admin screen fits every landscape panel a stall buys, 1024×768 to 1920×1080.

Each screen is built at the size in the states the other admin tests reach; then every
visible control must lie wholly inside the screen and be at least 56×56 px (in a scrolling
list: the list's window must be on screen and the control as wide as it fits), and no text
may be cut (a label wraps, a button is as wide as its words). The screens are saved under
docs/screenshots/<W>x<H>/admin-<name>.png."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kiosk.domain.cart import CartLine, Payment, PaymentMethod
from kiosk.domain.records import Vendor
from kiosk.ui import theme
from kiosk.ui.admin.admin_home import AdminHomeScreen
from kiosk.ui.admin.admin_login import AdminLoginScreen
from kiosk.ui.admin.dashboard import DashboardScreen
from kiosk.ui.admin.exemptions import ExemptionsScreen
from kiosk.ui.admin.exports import ExportsScreen
from kiosk.ui.admin.import_preview import ImportScreen
from kiosk.ui.admin.payouts import PayoutsScreen
from kiosk.ui.admin.printer import PrinterScreen
from kiosk.ui.admin.reports import ReportsScreen
from kiosk.ui.admin.stock import StockPage
from kiosk.ui.admin.void import VoidScreen
from kiosk.ui.scale import automatic_scale

from .conftest import NOW, SCREENSHOTS, click, sell
from .test_admin_overview import BAD_ROSTER
from .test_payouts_screen import asking_advance, chosen, paying, reversing
from .test_reports_screen import showing_slips, showing_x, showing_z
from .test_stock_screen import refused as stock_refused
from .test_stock_screen import typing as stock_typing

# Every screen at every size: about a minute; CI runs it (-m "slow or not slow").
pytestmark = pytest.mark.slow

SIZES = [(1024, 768), (1280, 800), (1366, 768), (1920, 1080)]
TOUCH = 56  # px, docs/ARCHITECTURE.md "Screens"


@pytest.fixture
def tmp_path() -> Iterator[Path]:
    """A fixed folder, so the paths the screens show read the same in every picture."""
    folder = Path(tempfile.gettempdir()) / "jikubata-sizes"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def drawn_for(size: tuple[int, int]) -> Iterator[float]:
    """Widgets built inside are drawn at the scale the kiosk picks for a screen of ``size``
    (no physical size: as the offscreen screen), with the style sheet at that scale."""
    scale = automatic_scale(*size)
    app = QApplication.instance()
    theme.use_scale(scale)
    app.setStyleSheet(theme.style())
    try:
        yield scale
    finally:
        theme.use_scale(1.0)
        app.setStyleSheet(theme.STYLE)


def at_size(widget: QWidget, qtbot, size: tuple[int, int]) -> QWidget:  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def settle() -> None:
    # Deliver pending layout and show events (not a wait): what was just loaded is laid out.
    for _ in range(3):
        QApplication.sendPostedEvents()


def press(qtbot, keypad, digits: str) -> None:  # type: ignore[no-untyped-def]
    for digit in digits:
        click(qtbot, keypad.findChild(QPushButton, f"key_{digit}"))


def on_screen(widget: QWidget, screen: QWidget) -> QRect:
    return QRect(widget.mapTo(screen, QPoint(0, 0)), widget.size())


def scroller(widget: QWidget, screen: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and parent is not screen:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def name(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") else ""
    return f"{type(widget).__name__} {widget.objectName()!r} {text!r}"


def widest_line(label: QLabel) -> int:
    metrics = label.fontMetrics()
    return max(metrics.horizontalAdvance(line) for line in label.text().splitlines())


def misfits(screen: QWidget) -> list[str]:
    """What a finger or an eye would miss: controls off screen or too small, cut text."""
    settle()
    window = screen.rect()
    found: list[str] = []
    placed: list[tuple[QWidget, QRect]] = []
    for widget in screen.findChildren(QWidget):
        control = isinstance(widget, QAbstractButton | QLineEdit)
        if not (control or isinstance(widget, QLabel)) or not widget.isVisibleTo(screen):
            continue
        rect = on_screen(widget, screen)
        area = scroller(widget, screen)
        if area is not None:
            view = on_screen(area.viewport(), screen)
            if not rect.intersects(view):
                continue  # scrolled out of sight: a finger drags it in
            if not window.contains(view):
                found.append(f"list holding {name(widget)} at {view.getRect()} leaves the screen")
            if rect.left() < view.left() or rect.right() > view.right():
                found.append(f"{name(widget)} at {rect.getRect()} is wider than its list")
        elif not window.contains(rect):
            found.append(f"{name(widget)} at {rect.getRect()} leaves the screen")
        if control:
            for other, where in placed:
                if rect.intersects(where) and not other.isAncestorOf(widget):
                    found.append(f"{name(widget)} overlaps {name(other)}")
            placed.append((widget, rect))
        if control and (widget.width() < TOUCH or widget.height() < TOUCH):
            found.append(f"{name(widget)} is {widget.width()}×{widget.height()} px")
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                if widget.height() < widget.heightForWidth(widget.width()):
                    found.append(f"{name(widget)} is cut: {widget.height()} px high")
            elif widest_line(widget) > widget.contentsRect().width():
                found.append(f"{name(widget)} is cut: {widget.width()} px wide")
        if isinstance(widget, QPushButton) and widget.text():
            # A plain button's minimum is its one line of words; a wrapping one's, its lines.
            needs = widget.minimumSizeHint()
            if widget.width() < needs.width() or widget.height() < needs.height():
                found.append(f"{name(widget)} is cut: {widget.width()}×{widget.height()} px")
    return found


def save(screen: QWidget, size: tuple[int, int], name: str) -> None:
    folder = SCREENSHOTS / f"{size[0]}x{size[1]}"
    folder.mkdir(parents=True, exist_ok=True)
    settle()
    assert screen.grab().save(str(folder / f"admin-{name}.png"))


class Seconds:
    now = 0.0

    def __call__(self) -> float:
        return self.now


def login(ctx, go, qtbot, size):  # type: ignore[no-untyped-def]
    ctx.kiosk.admin_pin.set_pin("482913")
    screen = at_size(AdminLoginScreen(ctx, go, clock=Seconds()), qtbot, size)
    press(qtbot, screen.keypad, "4829")
    return screen


def lockout(ctx, go, qtbot, size):  # type: ignore[no-untyped-def]
    screen = login(ctx, go, qtbot, size)
    for _ in range(3):
        press(qtbot, screen.keypad, "111111")
        click(qtbot, screen.enter)
        qtbot.waitUntil(lambda: screen.keypad.text == "")
    qtbot.waitUntil(lambda: screen.message.text().startswith("Terkunci"))
    return screen


def home(ctx, go, qtbot, size):  # type: ignore[no-untyped-def]
    return at_size(AdminHomeScreen(ctx, go, on_quit=lambda: None), qtbot, size)


def home_revoked_problem(ctx, go, qtbot, size):  # type: ignore[no-untyped-def]
    ctx.kiosk.settings.cards.revoked_file.write_text("19660814199203100\n", encoding="utf-8")
    screen = home(ctx, go, qtbot, size)
    screen.refresh()
    qtbot.waitUntil(lambda: screen.problem.message != "")
    return screen


def dashboard(ctx, go, qtbot, size):  # type: ignore[no-untyped-def]
    screen = at_size(DashboardScreen(ctx, go), qtbot, size)
    qtbot.waitUntil(lambda: screen.data is not None)
    return screen


def exports_choose(ctx, go, qtbot, size, tmp_path):  # type: ignore[no-untyped-def]
    (tmp_path / "media" / "KINGSTON").mkdir(parents=True)
    patterns = [str(tmp_path / "media" / "*")]
    return at_size(ExportsScreen(ctx, go, usb_patterns=patterns), qtbot, size)


def exports_done(ctx, go, qtbot, size, tmp_path):  # type: ignore[no-untyped-def]
    screen = exports_choose(ctx, go, qtbot, size, tmp_path)
    click(qtbot, screen.destination.buttons["Flashdisk KINGSTON"])
    click(qtbot, screen.start)
    qtbot.waitUntil(lambda: screen.progress.text().startswith("Selesai"))
    return screen


def void(ctx, go, qtbot, size, reprint=False):  # type: ignore[no-untyped-def]
    number = sell(ctx.kiosk, 45_000)
    screen = at_size(VoidScreen(ctx, go, reprint=reprint), qtbot, size)
    press(qtbot, screen.keypad, str(int(number.rsplit("-", 1)[1])))
    click(qtbot, screen.find)
    qtbot.waitUntil(lambda: screen.sale is not None)
    if not reprint:
        click(qtbot, screen.reasons.buttons["Pembeli batal"])
    return screen


def void_long_sale(ctx, go, qtbot, size):  # type: ignore[no-untyped-def]
    """The most lines the sale view shows, with names as long as vendors write them."""
    lines = [
        CartLine(f"UMKM-00{n % 8 + 1}", f"Kue kenari isi gula merah khas Banda no. {n}", 5_000)
        for n in range(8)
    ]
    result = ctx.kiosk.checkout.checkout(
        lines, buyer_nip=None, operator="Ina", payment=Payment(PaymentMethod.TUNAI, 40_000)
    )
    number = result.sale.number
    screen = at_size(VoidScreen(ctx, go), qtbot, size)
    press(qtbot, screen.keypad, str(int(number.rsplit("-", 1)[1])))
    click(qtbot, screen.find)
    qtbot.waitUntil(lambda: screen.sale is not None)
    click(qtbot, screen.reasons.buttons["Pembeli batal"])
    return screen


def reprint(ctx, go, qtbot, size):  # type: ignore[no-untyped-def]
    return void(ctx, go, qtbot, size, reprint=True)


def exemptions(ctx, go, qtbot, size):  # type: ignore[no-untyped-def]
    from kiosk.domain.months import Month

    month = Month.of(ctx.kiosk.clock(), ctx.kiosk.settings.stall.tz)
    person = ctx.kiosk.compliance.rows(month)[5]
    screen = at_size(ExemptionsScreen(ctx, go), qtbot, size)
    press(qtbot, screen.keypad, person.nip)
    qtbot.waitUntil(lambda: screen.name.text() == person.nama)
    click(qtbot, screen.reasons.buttons["Cuti"])
    return screen


def import_choose(ctx, go, qtbot, size, tmp_path):  # type: ignore[no-untyped-def]
    stick = tmp_path / "media" / "DISPERINDAG"
    stick.mkdir(parents=True)
    (stick / "roster-desember.csv").write_text(BAD_ROSTER, encoding="utf-8")
    patterns = [str(tmp_path / "media" / "*")]
    return at_size(ImportScreen(ctx, go, usb_patterns=patterns), qtbot, size)


def import_errors(ctx, go, qtbot, size, tmp_path):  # type: ignore[no-untyped-def]
    screen = import_choose(ctx, go, qtbot, size, tmp_path)
    click(qtbot, screen.files.buttons["roster-desember.csv\nFlashdisk DISPERINDAG"])
    click(qtbot, screen.as_of.forward)
    click(qtbot, screen.check)
    qtbot.waitUntil(lambda: screen.shown is not None)
    return screen


def printer(ctx, go, qtbot, size):  # type: ignore[no-untyped-def]
    screen = at_size(PrinterScreen(ctx, go), qtbot, size)
    qtbot.waitUntil(lambda: screen.values["queue"].text() != "Memeriksa…")
    return screen


def payouts(ctx, go, qtbot, size, state=chosen):  # type: ignore[no-untyped-def]
    return state(qtbot, at_size(PayoutsScreen(ctx, go), qtbot, size))


def stock(ctx, go, qtbot, size, state=stock_typing):  # type: ignore[no-untyped-def]
    return state(qtbot, at_size(StockPage(ctx, go), qtbot, size))


def reports(ctx, go, qtbot, size, state=showing_x):  # type: ignore[no-untyped-def]
    return state(qtbot, at_size(ReportsScreen(ctx, go), qtbot, size))


STATES: dict[str, Callable[..., QWidget]] = {
    "login": login,
    "lockout": lockout,
    "home": home,
    "home-revoked-problem": home_revoked_problem,
    "dashboard": dashboard,
    "exports-choose": exports_choose,
    "exports": exports_done,
    "void": void,
    "void-long-sale": void_long_sale,
    "reprint": reprint,
    "exemptions": exemptions,
    "import-choose": import_choose,
    "import-preview-errors": import_errors,
    "printer": printer,
    "payouts": payouts,
    "payouts-pay": lambda *a: payouts(*a, state=paying),
    "payouts-advance": lambda *a: payouts(*a, state=asking_advance),
    "payouts-history": lambda *a: payouts(*a, state=reversing),
    "stock": stock,
    "stock-refused": lambda *a: stock(*a, state=stock_refused),
    "reports-x": reports,
    "reports-z": lambda *a: reports(*a, state=showing_z),
    "reports-slips": lambda *a: reports(*a, state=showing_slips),
}
NEEDS_FOLDER = {exports_choose, exports_done, import_choose, import_errors}


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("state", list(STATES))
def test_every_admin_control_is_on_screen_and_big_enough(ctx, go, qtbot, tmp_path, state, size):
    build = STATES[state]
    extra = (tmp_path,) if build in NEEDS_FOLDER else ()
    with drawn_for(size):
        screen = build(ctx, go, qtbot, size, *extra)
        fit_and_save(screen, size, state)


def fit_and_save(screen: QWidget, size: tuple[int, int], state: str) -> None:
    # A top-level widget grows when its minimum passes the window's size for a moment
    # while new content is laid out; the kiosk's full-screen window does not. So size it
    # again: a screen whose settled minimum is too big stays too big and fails below.
    settle()
    screen.resize(*size)
    found = misfits(screen)
    if (screen.width(), screen.height()) != size:
        found.append(f"the screen needs {screen.width()}×{screen.height()} px")
    save(screen, size, state)
    assert not found, "\n".join(found)


@pytest.mark.parametrize("size", [(1024, 768), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_dashboard_shows_each_opd_name_whole(ctx, go, qtbot, size):
    """OPD names run to 55 characters: on screen they wrap, none is cut short with '…'."""
    with drawn_for(size):
        screen = dashboard(ctx, go, qtbot, size)
        settle()
        names = [bar.label for bar in screen.chart.bars]
        shown = {
            label.text(): label
            for label in screen.findChildren(QLabel)
            if label.text() in names and label.isVisibleTo(screen)
        }
        assert sorted(shown) == sorted(names)
        for label in shown.values():
            assert label.wordWrap() and label.height() >= label.heightForWidth(label.width())


def test_the_dashboard_shows_a_40_character_umkm_name_whole(ctx, go, qtbot):
    """A UMKM's name wraps in its row on the smallest panel; the page still fits."""
    name_40 = "Kerajinan Kerang Mutiara Halong Nusaniwe"
    assert len(name_40) == 40
    ctx.kiosk.catalog.save_vendors(
        [Vendor("UMKM-009", name_40, "Ibu Nona", "0811000009")], actor="test", at=NOW
    )
    size = (1024, 768)
    with drawn_for(size):
        screen = dashboard(ctx, go, qtbot, size)
        settle()
        shown = [label for label in screen.findChildren(QLabel) if label.text() == name_40]
        assert len(shown) == 1 and shown[0].isVisibleTo(screen)
        label = shown[0]
        assert label.wordWrap() and label.height() >= label.heightForWidth(label.width())
        assert label.heightForWidth(label.width()) > label.fontMetrics().lineSpacing()  # wraps
        assert misfits(screen) == []


# -- the screen's scale -------------------------------------------------------------------------

DESIGN, LARGE = (1280, 800), (1920, 1080)
# Built twice in one ledger, so only states that leave it as they found it (a lockout stays).
TWICE = ["login", "home", "dashboard", "exports-choose", "void", "reprint", "exemptions",
         "import-choose", "printer", "payouts", "payouts-pay", "reports-x", "reports-z",
         "reports-slips", "stock"]  # fmt: skip


def looks(screen: QWidget) -> list[tuple[tuple[str, str], str, float, int]]:
    """Each visible control and label: its kind, its name, its font's points and (a control)
    its least height."""
    settle()
    found = []
    for widget in screen.findChildren(QWidget):
        control = isinstance(widget, QAbstractButton | QLineEdit)
        if (control or isinstance(widget, QLabel)) and widget.isVisibleTo(screen):
            least = widget.minimumHeight() if control else 0
            kind = type(widget).__name__, widget.objectName()
            found.append((kind, name(widget), widget.font().pointSizeF(), least))
    return found


@pytest.mark.parametrize("state", TWICE)
def test_admin_screens_grow_with_the_screen_scale(ctx, go, qtbot, tmp_path, state):
    """On a 1920×1080 panel every admin font and target is the 1280×800 one times the
    screen's scale, as on the vendor screens: no island of small controls in wide margins."""
    build = STATES[state]
    built = []
    for size in (DESIGN, LARGE):
        folder = tmp_path / f"{size[0]}"
        folder.mkdir()
        extra = (folder,) if build in NEEDS_FOLDER else ()
        with drawn_for(size) as scale:
            screen = build(ctx, go, qtbot, size, *extra)
            built.append(looks(screen))
            screen.close()
    assert scale > 1.1
    small, large = built
    assert [kind for kind, *_ in small] == [kind for kind, *_ in large]
    wrong = []
    for (_, _, points, least), (_, what, big_points, big_least) in zip(small, large, strict=True):
        if abs(big_points - points * scale) > 1:
            wrong.append(f"{what}: {big_points:g} pt, not {points:g} × {scale}")
        if big_least < least * scale - 3:
            wrong.append(f"{what}: at least {big_least} px high, not {least} × {scale}")
    assert not wrong, "\n".join(wrong)
