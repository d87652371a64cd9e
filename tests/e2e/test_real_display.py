"""The real kiosk, full screen on a virtual display, used as a vendor would: log in, scan a card,
add three products, pay cash on the keypad, see the thanks; then the sale is in the ledger.

The kiosk runs as `jikubata run` (Qt's xcb plugin, the accessibility bridge on) on Xvfb at
1024x768 and at 1920x1080. Every control is found by its accessible name through AT-SPI,
which also gives its place on screen, and is clicked there with xdotool; the card arrives as
a scanner types it (a fast key burst ending in Enter). On every screen passed through, each
control shown must lie wholly on screen (inside a scrolling list, the list's window must).
The programs come from a throwaway root of Debian packages (scripts/display-root.sh,
tests/e2e/real_display.py); without a network to build it the test fails, saying so.
"""

from __future__ import annotations

import csv
import functools
import os
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PIL import Image

from kiosk.domain.money import format_rupiah
from kiosk.domain.scan import sign_card_payload
from kiosk.services.card_keys import read_card_keys

from . import real_display as rd
from .conftest import CONFIG, PROJECT, SAMPLE, Kiosk

pytestmark = pytest.mark.slow

# The panels stalls buy (issue #10): a 15" 4:3 POS monitor and a 21.5" full-HD one. Xvfb
# reports the physical size these dots per inch give, as the real panel would to Qt.
PANELS = [(1024, 768, 85), (1920, 1080, 102)]
SHOTS = PROJECT / "docs" / "screenshots" / "real-display"
ROOT = PROJECT / ".cache" / "display-root"
OPERATOR, PIN = "Ina", "1111"  # the demo operators (kiosk/services/demo.py)
FLOAT = 150000  # the opening float (modal awal), typed digit by digit
BUTTON = "push button"


@functools.cache
def display_root() -> rd.Root:
    """Built (or found) once a session, inside the test: a root that cannot be built fails
    the test with the reason, it never skips."""
    root = rd.build_root(ROOT)
    rd.check_debian_python()
    return root


@pytest.fixture
def home(tmp_path: Path) -> Kiosk:
    """A kiosk folder with the demo data (roster, UMKM, products, a few weeks of sales)."""
    kiosk = Kiosk(tmp_path / "kiosk")
    kiosk.home.mkdir()
    shutil.copyfile(CONFIG, kiosk.config)
    kiosk.ok("init", "--sample-data")
    return kiosk


class Run:
    """One kiosk on one screen, driven through AT-SPI and xdotool."""

    def __init__(
        self,
        screen: rd.Screen,
        probe: rd.Probe,
        pointer: rd.Pointer,
        kiosk: subprocess.Popen[bytes],
    ) -> None:
        self.screen, self.probe, self.pointer, self.kiosk = screen, probe, pointer, kiosk
        self.pid = kiosk.pid
        self._step = "start"
        self._since = time.monotonic()
        self.seen: dict[str, list[rd.Control]] = {}
        self.seconds: dict[str, float] = {}

    @property
    def step(self) -> str:
        return self._step

    @step.setter
    def step(self, step: str) -> None:
        """Start the next step (failures name it); the last one's time is kept."""
        now = time.monotonic()
        self.seconds[self._step] = round(now - self._since, 1)
        self._step, self._since = step, now

    def wait(
        self, what: str, found: Callable[[list[rd.Control]], object], timeout: float = 20
    ) -> object:
        what = f"{self.step}: {what}"
        controls, result = rd.wait_for(what, self.probe, self.pid, found, timeout)
        self.seen[what] = controls  # every screen passed through: checked at the end
        return result

    def control(
        self, name: str, role: str = BUTTON, *, enabled: bool = True, timeout: float = 20
    ) -> rd.Control:
        """The control with this accessible name and role now on screen (enabled, unless
        told otherwise)."""

        def shown(controls: list[rd.Control]) -> rd.Control | None:
            return next(
                (
                    c
                    for c in controls
                    if c.name == name and c.role == role and (c.enabled or not enabled)
                ),
                None,
            )

        found = self.wait(
            f"{role} named {name!r}" + (", enabled" if enabled else ""), shown, timeout
        )
        assert isinstance(found, rd.Control)
        return found

    def quit(self) -> None:
        """Stop the kiosk, as a power switch would: a sale shown as done is already committed."""
        rd.stop(self.kiosk)

    def tap(self, name: str, role: str = BUTTON, timeout: float = 20) -> None:
        self.pointer.click(self.control(name, role, timeout=timeout))

    def shows(self, text: str, role: str = "label") -> rd.Control:
        return self.control(text, role)

    def shows_starting(self, prefix: str, role: str = "label") -> rd.Control:
        found = self.wait(
            f"{role} named {prefix!r}…",
            lambda cs: next((c for c in cs if c.role == role and c.name.startswith(prefix)), None),
        )
        assert isinstance(found, rd.Control)
        return found


def _off_screen(controls: list[rd.Control], width: int, height: int) -> list[str]:
    """Each object shown that does not lie wholly on the screen, as "role 'name' at extents".
    What scrolls counts where it shows through its window: a Qt scroll area is, in AT-SPI, an
    object holding a viewport of its own size that holds the content, which may be longer;
    the area itself must be on screen."""
    by_path = {c.path: c for c in controls}

    def scrolled(control: rd.Control) -> bool:
        parts = control.path.split("/")
        for end in range(3, len(parts) + 1):
            area, viewport, content = (
                by_path.get("/".join(parts[:n])) for n in (end - 2, end - 1, end)
            )
            if (
                area is not None
                and viewport is not None
                and content is not None
                and viewport.extents == area.extents
                and not viewport.holds(content)
            ):
                return True
        return False

    return [
        f"{c.role} {c.name!r} at {c.extents}"
        for c in controls
        if not c.inside(width, height) and not scrolled(c)
    ]


def _buyer() -> tuple[str, str]:
    """The first person of the sample roster: NIP and name."""
    with (SAMPLE / "roster.csv").open(encoding="utf-8") as rows:
        first = next(csv.DictReader(rows))
    return first["nip"], first["nama"]


def _card(kiosk: Kiosk, nip: str) -> str:
    keys = read_card_keys(kiosk.home / "data" / "card-keys.txt")
    key_id = list(keys)[-1]
    return sign_card_payload(nip, key_id, keys[key_id])


def _tiles(controls: list[rd.Control], width: int, height: int) -> list[rd.Control]:
    """The product tiles wholly on screen ("name, RpPRICE"), in the grid's order."""
    return [
        c
        for c in controls
        if c.role == BUTTON and ", Rp" in c.name and c.enabled and c.inside(width, height)
    ]


def _sale(kiosk: Kiosk, number: str) -> tuple[object, ...] | None:
    """The sale with this receipt number (AMB-01-000095: kiosk AMB-01, entry 95), read-only
    from the ledger the kiosk wrote."""
    kiosk_id, seq = number.rsplit("-", 1)
    rows = _read(
        kiosk,
        "SELECT s.total, s.identified_by, s.nip, s.payment_method, s.cash_given, s.operator "
        "FROM sales s JOIN entries e ON e.id = s.id WHERE e.kiosk_id = ? AND e.seq = ?",
        kiosk_id,
        int(seq),
    )
    return rows[0] if rows else None


def _shift_of(kiosk: Kiosk, number: str) -> tuple[object, ...] | None:
    """The till shift the sale was rung up in: (its number, event, operator, float)."""
    kiosk_id, seq = number.rsplit("-", 1)
    rows = _read(
        kiosk,
        "SELECT t.shift_no, t.event, t.operator, t.float_amount FROM sales s "
        "JOIN entries e ON e.id = s.id JOIN shift_events t ON t.id = s.shift_id "
        "WHERE e.kiosk_id = ? AND e.seq = ?",
        kiosk_id,
        int(seq),
    )
    return rows[0] if rows else None


def _lines(kiosk: Kiosk, number: str) -> list[object]:
    kiosk_id, seq = number.rsplit("-", 1)
    rows = _read(
        kiosk,
        "SELECT l.description FROM sale_lines l JOIN entries e ON e.id = l.sale_id "
        "WHERE e.kiosk_id = ? AND e.seq = ? ORDER BY l.line_no",
        kiosk_id,
        int(seq),
    )
    return [row[0] for row in rows]


def _read(kiosk: Kiosk, sql: str, *params: object) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(f"file:{kiosk.database}?mode=ro", uri=True)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


@contextmanager
def kiosk_on_screen(home: Kiosk, folder: Path, width: int, height: int, dpi: int) -> Iterator[Run]:
    """`jikubata run` full screen on a new Xvfb screen, with the AT-SPI probe beside it."""
    root = display_root()
    with (
        rd.xvfb(root, width, height, dpi, folder / "screen") as screen,
        rd.accessibility_bus(root, screen, folder / "bus") as bus,
    ):
        log = (folder / "kiosk.log").open("wb")
        kiosk = subprocess.Popen(
            rd.kiosk_command(home.config),
            cwd=home.home,
            env=rd.kiosk_env(root, bus, screen, folder),
            stdout=log,
            stderr=log,
        )
        probe = rd.Probe(root, rd.bus_env(bus, screen))
        try:
            yield Run(screen, probe, rd.Pointer(root, screen), kiosk)
        finally:
            probe.close()
            rd.stop(kiosk)
            log.close()
            # Shown by pytest only when the test fails.
            tail = (folder / "kiosk.log").read_text(errors="replace").splitlines()[-20:]
            print("the kiosk's output, last lines:", *tail, sep="\n  ")


@pytest.mark.parametrize(("width", "height", "dpi"), PANELS, ids=[f"{w}x{h}" for w, h, _ in PANELS])
def test_a_vendor_sells_on_the_real_screen(
    home: Kiosk, tmp_path: Path, width: int, height: int, dpi: int
) -> None:
    with kiosk_on_screen(home, tmp_path, width, height, dpi) as run:
        sell(run, home, width, height)


def sell(run: Run, home: Kiosk, width: int, height: int) -> None:
    started = time.monotonic()
    nip, name = _buyer()

    run.step = "idle screen"
    # The kiosk is starting: Qt, the ledger, joining the accessibility bus.
    run.tap("Pindai kartu ASN atau sentuh untuk mulai", "filler", timeout=60)

    run.step = "log in"
    run.tap(OPERATOR)
    for digit in PIN:
        run.tap(digit)
    run.tap("Masuk")

    run.step = "open the shift"
    run.control("Buka sesi")  # the day's first login asks for the float (modal awal)
    for digit in str(FLOAT):
        run.tap(digit)
    run.shows(f"Modal awal {format_rupiah(FLOAT)}")
    run.tap("Buka sesi")

    run.step = "scan a card"
    run.control("BAYAR", enabled=False)  # the selling screen is up
    run.pointer.scan(_card(home, nip))
    run.shows(f"Pembeli: {name}")

    run.step = "add three products"
    tiles = run.wait("three product tiles on screen", lambda cs: _tiles(cs, width, height)[:3])
    assert isinstance(tiles, list) and len(tiles) == 3, f"{run.step}: fewer than three tiles"
    chosen = [tile.name for tile in tiles]
    for tile in chosen:
        run.tap(tile)
    prices = [int(tile.rsplit("Rp", 1)[1].replace(".", "")) for tile in chosen]
    total = sum(prices)
    run.shows(f"Total {format_rupiah(total)}")

    run.step = "pay cash"
    run.tap("BAYAR")
    run.control("Konfirmasi", enabled=False)  # the payment screen is up
    run.shows(f"Total {format_rupiah(total)}")
    given = -(-total // 10_000) * 10_000 + 10_000  # the next round note and a bit: change due
    for digit in str(given):
        run.tap(digit)
    run.tap("Konfirmasi")

    run.step = "success"
    run.shows("Terima kasih")
    run.shows(f"Kembalian {format_rupiah(given - total)}")
    number = run.shows_starting("No. struk ").name.removeprefix("No. struk ")
    run.shows_starting("Selesai", BUTTON)
    shot = run.screen.screenshot(SHOTS / f"{width}x{height}-success.png")
    with Image.open(shot) as picture:
        assert picture.size == (width, height)
    run.step = "check"
    print(f"{width}x{height}: sold {number} in {time.monotonic() - started:.1f} s {run.seconds}")

    off = {step: _off_screen(seen, width, height) for step, seen in run.seen.items()}
    assert {step: where for step, where in off.items() if where} == {}, (
        f"controls off the {width}x{height} screen"
    )

    run.step = "the ledger"
    run.quit()
    assert _sale(home, number) == (total, "card", nip, "TUNAI", given, OPERATOR)
    assert _lines(home, number) == [tile.split(", Rp")[0] for tile in chosen]
    assert _shift_of(home, number) == (1, "open", OPERATOR, FLOAT)
    assert home.ok("ledger", "verify").startswith("Ledger intact")


def test_without_the_package_archive_the_test_fails_saying_why(tmp_path: Path) -> None:
    # A proxy that refuses every connection stands in for a machine without a network.
    offline = {
        **os.environ,
        "http_proxy": "http://127.0.0.1:9",
        "https_proxy": "http://127.0.0.1:9",
    }
    with pytest.raises(rd.DisplayError) as refused:
        rd.build_root(tmp_path / "root", env=offline)
    message = str(refused.value)
    assert message.startswith("The real-display test needs its throwaway root")
    assert "Debian's package archive cannot be reached" in message
    assert message.count(". ") == 0 and message.endswith(").")
    assert not (tmp_path / "root").exists()


def test_the_screen_and_the_bus_end_with_the_run(tmp_path: Path) -> None:
    root = display_root()
    with (
        rd.xvfb(root, 1024, 768, 85, tmp_path / "screen") as screen,
        rd.accessibility_bus(root, screen, tmp_path / "bus"),
    ):
        assert rd.processes_naming(str(tmp_path / "bus" / "session.conf"))  # the daemon
        assert rd.processes_naming(str(tmp_path / "screen"))  # Xvfb
    assert rd.processes_naming(str(tmp_path)) == []
