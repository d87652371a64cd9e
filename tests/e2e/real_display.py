"""The pieces of the real-display run: a throwaway root of Debian packages, an Xvfb screen, a
D-Bus session with the AT-SPI registry, the AT-SPI probe, xdotool and screenshots.

Everything runs from the root that scripts/display-root.sh unpacks into .cache/display-root;
nothing is installed onto the machine. Two details make the unpacked programs run:
- Xvfb runs ``/usr/bin/xkbcomp`` by that fixed path to build its keymap, so it starts in a
  mount namespace of its own in which the root's usr/bin is laid over /usr/bin (an overlay
  that only Xvfb and its children see; the machine's /usr/bin is untouched);
- the AT-SPI registry and the kiosk's Qt bridge meet on the session bus that dbus-run-session
  starts (``AT_SPI_BUS_ADDRESS``), so no accessibility bus launcher is needed.
"""

from __future__ import annotations

import json
import os
import signal
import struct
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
ROOT_SCRIPT = PROJECT / "scripts" / "display-root.sh"
PROBE = Path(__file__).with_name("atspi_probe.py")
DEBIAN_PYTHON = Path("/usr/bin/python3")  # the interpreter Debian's python3-gi is built for
# X key names of the characters in a scan that are not letters or digits.
KEY_NAMES = {":": "colon", "-": "minus", ".": "period", "/": "slash", " ": "space", "=": "equal"}
LIBRARY_DIRS = ("usr/lib/x86_64-linux-gnu", "lib/x86_64-linux-gnu")


class DisplayError(AssertionError):
    """One sentence saying which part of the real-display run failed."""


@dataclass(frozen=True)
class Root:
    """The unpacked packages, and the environment that runs programs from them."""

    path: Path

    def bin(self, name: str) -> Path:
        for folder in ("usr/bin", "usr/libexec"):
            if (self.path / folder / name).exists():
                return self.path / folder / name
        raise DisplayError(f"The display root has no program named {name}.")

    @property
    def library_path(self) -> str:
        return ":".join(str(self.path / folder) for folder in LIBRARY_DIRS)

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ)
        for name in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "JIKUBATA_CONFIG"):
            env.pop(name, None)
        env["LD_LIBRARY_PATH"] = self.library_path
        env.update(extra)
        return env


def build_root(target: Path, env: dict[str, str] | None = None) -> Root:
    """Run scripts/display-root.sh (quick when the root is already there)."""
    result = subprocess.run(
        ["bash", str(ROOT_SCRIPT), str(target)],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
        check=False,
    )
    if result.returncode != 0:
        lines = result.stderr.strip().splitlines() or ["it gave no reason."]
        why = lines[-1].removeprefix("display-root: ")
        raise DisplayError(
            "The real-display test needs its throwaway root of Debian packages, and "
            f"scripts/display-root.sh could not build it: {why}"
        )
    return Root(Path(result.stdout.strip().splitlines()[-1]))


def check_debian_python() -> None:
    found = subprocess.run(
        [str(DEBIAN_PYTHON), "-c", "import sys; print(sys.version_info[:2] == (3, 11))"],
        capture_output=True,
        text=True,
        check=False,
    )
    if found.stdout.strip() != "True":
        raise DisplayError(
            f"The AT-SPI side needs Debian 12's Python 3.11 at {DEBIAN_PYTHON} "
            "(python3-gi from the display root is built for it)."
        )


@dataclass
class Screen:
    """An Xvfb screen; its framebuffer is the file ``Xvfb_screen0`` in ``folder``."""

    display: str
    width: int
    height: int
    folder: Path
    process: subprocess.Popen[bytes]

    def screenshot(self, target: Path) -> Path:
        image = read_xwd((self.folder / "Xvfb_screen0").read_bytes())
        target.parent.mkdir(parents=True, exist_ok=True)
        image.save(target)
        return target


@contextmanager
def xvfb(root: Root, width: int, height: int, dpi: int, folder: Path) -> Iterator[Screen]:
    """Xvfb at WIDTHxHEIGHT on a free display number (``-displayfd``: the server picks one
    and says which once it accepts connections), local connections only, reporting the
    physical size that ``dpi`` gives (Qt reads it for the kiosk's scale)."""
    folder.mkdir(parents=True, exist_ok=True)
    usr_bin = root.path / "usr" / "bin"
    unshare = ["unshare", "--mount", "--propagation", "private"]
    if os.geteuid() != 0:
        unshare[1:1] = ["--user", "--map-root-user"]
    overlay = (
        'mount -t overlay display-root -o "lowerdir=$1:/usr/bin" /usr/bin && shift && exec "$@"'
    )
    read_end, write_end = os.pipe()
    command = [
        *unshare,
        "sh",
        "-c",
        overlay,
        "sh",
        str(usr_bin),
        str(usr_bin / "Xvfb"),
        "-displayfd",
        str(write_end),
        "-nolisten",
        "tcp",
        "-noreset",
        "-extension",
        "GLX",
        "-xkbdir",
        str(root.path / "usr/share/X11/xkb"),
        "-screen",
        "0",
        f"{width}x{height}x24",
        "-dpi",
        str(dpi),
        "-fbdir",
        str(folder),
    ]
    log = (folder / "xvfb.log").open("wb")
    process = subprocess.Popen(
        command, env=root.env(), stdout=log, stderr=log, pass_fds=(write_end,)
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as announced:
            number = announced.readline().strip().decode()  # empty if Xvfb ended instead
        if not number:
            process.wait(10)
            tail = (folder / "xvfb.log").read_text(errors="replace").strip().splitlines()[-3:]
            raise DisplayError(f"Xvfb did not start at {width}x{height}: {' / '.join(tail)}")
        yield Screen(f":{number}", width, height, folder, process)
    finally:
        stop(process)
        log.close()


def stop(process: subprocess.Popen, timeout: float = 10) -> None:  # type: ignore[type-arg]
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout)


@dataclass(frozen=True)
class Bus:
    address: str


@contextmanager
def accessibility_bus(root: Root, screen: Screen, folder: Path) -> Iterator[Bus]:
    """``dbus-run-session`` with the AT-SPI registry as its program: the session bus is also
    the accessibility bus. The session ends when the registry is stopped."""
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "session.conf"
    config.write_text(
        '<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"\n'
        ' "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">\n'
        "<busconfig>\n"
        "  <type>session</type>\n"
        f"  <listen>unix:dir={folder}</listen>\n"
        "  <auth>EXTERNAL</auth>\n"
        '  <policy context="default">\n'
        '    <allow send_destination="*" eavesdrop="true"/>\n'
        '    <allow eavesdrop="true"/>\n'
        '    <allow own="*"/>\n'
        "  </policy>\n"
        "</busconfig>\n",
        encoding="utf-8",
    )
    log = folder / "registryd.log"
    # The shell says its pid (the registry's, after exec) and the bus address, then becomes
    # the registry.
    body = (
        'export AT_SPI_BUS_ADDRESS="$DBUS_SESSION_BUS_ADDRESS"; '
        'echo "$$ $DBUS_SESSION_BUS_ADDRESS"; exec "$0" >"$1" 2>&1'
    )
    process = subprocess.Popen(
        [
            str(root.bin("dbus-run-session")),
            f"--dbus-daemon={root.bin('dbus-daemon')}",
            f"--config-file={config}",
            "--",
            "sh",
            "-c",
            body,
            str(root.bin("at-spi2-registryd")),
            str(log),
        ],
        env=root.env(DISPLAY=screen.display),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    registry = 0
    try:
        assert process.stdout is not None
        pid, _, address = process.stdout.readline().decode().strip().partition(" ")
        if not address:
            raise DisplayError("dbus-run-session did not start a session bus.")
        registry = int(pid)
        yield Bus(address)
    finally:
        # The session ends with its program: dbus-run-session then stops the bus daemon. Stopped
        # itself instead, it would leave the daemon running.
        if registry and process.poll() is None:
            os.kill(registry, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            stop(process)


def processes_naming(text: str) -> list[int]:
    """The processes whose command line mentions ``text``."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue  # ended meanwhile
        if text in command:
            found.append(int(entry.name))
    return found


def bus_env(bus: Bus, screen: Screen) -> dict[str, str]:
    return {
        "DISPLAY": screen.display,
        "DBUS_SESSION_BUS_ADDRESS": bus.address,
        "AT_SPI_BUS_ADDRESS": bus.address,
    }


@dataclass(frozen=True)
class Control:
    """One object the kiosk shows, as AT-SPI describes it."""

    name: str
    role: str
    path: str
    enabled: bool
    extents: tuple[int, int, int, int] | None

    @property
    def centre(self) -> tuple[int, int]:
        assert self.extents is not None, f"{self.role} {self.name!r} has no place on screen"
        x, y, width, height = self.extents
        return x + width // 2, y + height // 2

    def inside(self, width: int, height: int) -> bool:
        if self.extents is None:
            return True
        x, y, w, h = self.extents
        return x >= 0 and y >= 0 and x + w <= width and y + h <= height

    def holds(self, other: Control) -> bool:
        """``other`` lies wholly inside this object's extents."""
        if self.extents is None or other.extents is None:
            return True
        x, y, w, h = self.extents
        ox, oy, ow, oh = other.extents
        return ox >= x and oy >= y and ox + ow <= x + w and oy + oh <= y + h


class Probe:
    """The AT-SPI probe process (tests/e2e/atspi_probe.py on Debian's Python)."""

    def __init__(self, root: Root, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [str(DEBIAN_PYTHON), "-s", str(PROBE)],
            env=root.env(
                **env,
                GI_TYPELIB_PATH=str(root.path / LIBRARY_DIRS[0] / "girepository-1.0"),
                PYTHONPATH=str(root.path / "usr/lib/python3/dist-packages"),
            ),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )

    def controls(self, pid: int) -> list[Control] | None:
        """What the application shows now; None until it has joined the bus."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps({"pid": pid}) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            raise DisplayError("The AT-SPI probe ended (see the test's captured stderr).")
        answer = json.loads(line)
        if "error" in answer:
            return None  # the tree changed under the walk: ask again
        if not answer["found"]:
            return None
        return [
            Control(
                c["name"],
                c["role"],
                c["path"],
                c["enabled"],
                tuple(c["extents"]) if c["extents"] else None,
            )
            for c in answer["controls"]
        ]

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        stop(self.process)


def wait_for(
    what: str,
    probe: Probe,
    pid: int,
    found: Callable[[list[Control]], object],
    timeout: float = 20.0,
) -> tuple[list[Control], object]:
    """Ask the probe until ``found(controls)`` returns something; fail naming ``what``."""
    deadline = time.monotonic() + timeout
    last: list[Control] = []
    while True:
        controls = probe.controls(pid)
        if controls is not None:
            last = controls
            result = found(controls)
            if result:
                return controls, result
        if time.monotonic() > deadline:
            shown = ", ".join(sorted({repr(c.name) for c in last if c.name})[:40])
            raise DisplayError(f"{what}: not seen within {timeout:.0f} s; on screen: {shown}")
        time.sleep(0.1)  # one poll of the accessibility tree, then ask again


class Pointer:
    """xdotool against the screen: clicks and keyboard-wedge typing."""

    def __init__(self, root: Root, screen: Screen) -> None:
        self._xdotool = str(root.bin("xdotool"))
        self._env = root.env(DISPLAY=screen.display)

    def _run(self, *args: str) -> None:
        result = subprocess.run(
            [self._xdotool, *args], env=self._env, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise DisplayError(f"xdotool {' '.join(args)} failed: {result.stderr.strip()}")

    def click(self, control: Control) -> None:
        x, y = control.centre
        # No --sync: it waits for the pointer to move, which it never does when it is already
        # there (the same key twice). The X server takes the move before the click anyway.
        self._run("mousemove", str(x), str(y), "click", "1")

    def scan(self, payload: str) -> None:
        """A scanner is a keyboard: the payload as a fast burst ending in Enter, in one xdotool
        call (``type`` takes every word after it as text, and types a "\\n" as a line feed,
        which no scanner sends; ``key`` takes key names, Return included)."""
        self._run("key", "--delay", "1", *(KEY_NAMES.get(ch, ch) for ch in payload), "Return")


def read_xwd(data: bytes):  # type: ignore[no-untyped-def]
    """A PIL image from an X window dump (what Xvfb's -fbdir keeps up to date): a header of
    25 big-endian 32-bit fields, the window name, the colour map, then the pixels."""
    from PIL import Image

    fields = struct.unpack(">25I", data[:100])
    header_size, pixmap_width, pixmap_height = fields[0], fields[4], fields[5]
    byte_order, bits_per_pixel, bytes_per_line = fields[7], fields[11], fields[12]
    colours = fields[19]
    if bits_per_pixel != 32:
        raise DisplayError(f"The screen dump has {bits_per_pixel} bits a pixel, not 32.")
    start = header_size + colours * 12
    pixels = data[start : start + bytes_per_line * pixmap_height]
    layout = "BGRX" if byte_order == 0 else "XRGB"  # LSBFirst or MSBFirst
    return Image.frombuffer(
        "RGB", (pixmap_width, pixmap_height), pixels, "raw", layout, bytes_per_line, 1
    )


def kiosk_env(root: Root, bus: Bus, screen: Screen, folder: Path) -> dict[str, str]:
    """The kiosk's environment: X11 through Qt's xcb plugin with its libraries from the root,
    the accessibility bridge always on, fonts from the root's fonts-dejavu-core."""
    runtime = folder / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    fonts = folder / "fonts.conf"
    fonts.write_text(
        "<?xml version='1.0'?>\n<!DOCTYPE fontconfig SYSTEM 'fonts.dtd'>\n<fontconfig>\n"
        f"  <dir>{root.path / 'usr/share/fonts'}</dir>\n"
        f"  <cachedir>{folder / 'fontconfig-cache'}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    return root.env(
        **bus_env(bus, screen),
        QT_QPA_PLATFORM="xcb",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        QT_ACCESSIBILITY="1",
        XDG_RUNTIME_DIR=str(runtime),
        FONTCONFIG_FILE=str(fonts),
        PYTHONIOENCODING="utf-8",
    )


def kiosk_command(config: Path) -> list[str]:
    return [sys.executable, "-m", "kiosk", "--config", str(config), "run"]
