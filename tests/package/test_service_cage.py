"""The kiosk under cage as jikubata-kiosk.service starts it (its ExecStart and Environment=,
as the user jikubata), on cage's headless backend in a throwaway Debian 12 root, captured
with grim: the idle screen fills the whole output, no title bar, no border, nothing of cage's
black around it. Also the time from starting cage to READY=1, beside a minimal PySide6 window.

wlroots 0.15's headless backend has one fixed mode, 1280x720 (WLR_HEADLESS_OUTPUTS sets only
how many outputs), and cage 0.1.4 offers no output-management protocol to change it.

grim reads the output through wlr-screencopy, which (wlroots 0.15, headless, pixman) sees
only frames cage composited itself. A window exactly the output's size, as the kiosk's is
without decorations, is scanned out directly (cage's scan_out_primary_view), and the capture
is black: that was the "blank screen with cage -d" of issue #12, not the kiosk.
``test_a_scanned_out_kiosk_captures_black`` pins that; the other captures rotate the output
twice (cage -r -r: 180 degrees, still 1280x720), which makes cage composite every frame, and
grim turns the picture upright again."""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from kiosk.brand import BRAND, rgb

from .appliance_root import KIOSK_HOME, PROJECT, SITE, Overlay
from .units import kiosk_command, kiosk_environment

pytestmark = pytest.mark.slow

SHOTS = PROJECT / "docs" / "screenshots" / "cage"
HEADLESS = {"WLR_BACKENDS": "headless", "WLR_RENDERER": "pixman", "WLR_LIBINPUT_NO_DEVICES": "1"}
COMPOSITE = ["-r", "-r"]
OUTPUT = (1280, 720)
BLACK = (0, 0, 0)


@dataclass
class Capture:
    to_ready: float  # seconds from starting cage to the client's READY=1
    shot: Image.Image


def under_cage(tmp_path: Path, program: list[str], cage_flags: list[str]) -> Capture:
    """Start ``program`` under cage with the unit's flags plus ``cage_flags``, wait for its
    READY=1 on a real notify socket, let the frame settle, capture the output with grim."""
    share = tmp_path / "share"
    share.mkdir()
    share.chmod(0o777)
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(str(share / "notify"))
    (share / "notify").chmod(0o777)
    notify.settimeout(180)
    overlay = Overlay(tmp_path / "root", {share: "/run/test"})
    command = kiosk_command()
    cage = [*command[: command.index("--")], *cage_flags, "--", *program]
    environment = {
        **kiosk_environment(),
        **HEADLESS,
        "PATH": "/usr/bin:/bin",
        "HOME": "/var/lib/jikubata",
        "JIKUBATA_CONFIG": "/var/lib/jikubata/config.yaml",
        "NOTIFY_SOCKET": "/run/test/notify",
    }
    runtime = environment["XDG_RUNTIME_DIR"]  # the unit's RuntimeDirectory=
    as_kiosk = "setpriv --reuid=jikubata --regid=jikubata --init-groups env -i " + " ".join(
        shlex.quote(f"{k}={v}") for k, v in environment.items()
    )
    inside = f"""set -e
{KIOSK_HOME}
mkdir -p -m 0700 {runtime} && chown jikubata:jikubata {runtime}
cd /var/lib/jikubata
date +%s.%N > /run/test/started
{as_kiosk} {shlex.join(cage)} > /run/test/cage.log 2>&1 &
cage=$!
i=0; while [ ! -e /run/test/shoot ] && [ $i -lt 2400 ]; do sleep 0.1; i=$((i+1)); done
{as_kiosk} WAYLAND_DISPLAY=wayland-0 grim /run/test/shot.png
kill $cage; wait $cage || true
"""
    script = overlay.shell() + f"exec chroot {overlay.root} /bin/bash -c {shlex.quote(inside)}\n"
    process = subprocess.Popen(
        ["unshare", "--mount", "--pid", "--fork", "--kill-child", "bash", "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        try:
            message = notify.recv(4096).decode()
        except TimeoutError:
            message = ""
        ready_at = time.time()
        if "READY=1" not in message.split("\n"):
            (share / "shoot").touch()
            output, _ = process.communicate(timeout=60)
            log = (share / "cage.log").read_text(errors="replace")[-3000:]
            pytest.fail(f"no READY=1 under cage:\n{output}\ncage and the kiosk said:\n{log}")
        time.sleep(2)  # READY=1 follows the first paint; let cage put that frame out
        (share / "shoot").touch()
        output, _ = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        notify.close()
    assert process.returncode == 0, output
    started = float((share / "started").read_text())
    return Capture(ready_at - started, Image.open(share / "shot.png").convert("RGB"))


def colours(image: Image.Image) -> set[tuple[int, int, int]]:
    return {colour for _, colour in image.getcolors(image.width * image.height)}


def edges(image: Image.Image) -> dict[str, list[tuple[int, int, int]]]:
    width, height = image.size
    pixels = image.load()
    return {
        "top": [pixels[x, 0] for x in range(width)],
        "bottom": [pixels[x, height - 1] for x in range(width)],
        "left": [pixels[0, y] for y in range(height)],
        "right": [pixels[width - 1, y] for y in range(height)],
    }


def test_the_idle_screen_fills_cages_output_with_nothing_around_it(tmp_path: Path):
    capture = under_cage(tmp_path, ["/usr/bin/jikubata", "run"], COMPOSITE)
    SHOTS.mkdir(parents=True, exist_ok=True)
    capture.shot.save(SHOTS / "idle-1280x720.png")
    print(f"\ncage -> kiosk READY=1 (idle screen painted): {capture.to_ready:.2f} s")
    shot = capture.shot
    assert shot.size == OUTPUT
    sides = edges(shot)
    # The top row is the kiosk's own header from edge to edge: no title bar band, no border.
    assert set(sides["top"]) == {rgb(BRAND)}
    header = int(shot.height * 0.4)  # the blue band reaches well below this at any scale
    assert set(sides["left"][:header]) == {rgb(BRAND)}
    assert set(sides["right"][:header]) == {rgb(BRAND)}
    # Nowhere does cage's black background show at the edges: the window reaches all four.
    for side, pixels in sides.items():
        assert BLACK not in pixels, side
    assert len(colours(shot)) > 100  # a drawn screen (words, the stall's picture)


def test_a_minimal_pyside6_window_for_comparison(tmp_path: Path):
    capture = under_cage(
        tmp_path,
        [
            "/usr/bin/env",
            f"PYTHONPATH={PROJECT}:{SITE}",
            "/usr/bin/python3",
            str(Path(__file__).with_name("minimal_window.py")),
        ],
        COMPOSITE,
    )
    print(f"\ncage -> minimal PySide6 window READY=1: {capture.to_ready:.2f} s")
    assert capture.shot.size == OUTPUT
    assert colours(capture.shot) == {rgb(BRAND)}  # the window, all of it, nothing else


def test_a_scanned_out_kiosk_captures_black(tmp_path: Path):
    """With the unit's flags alone the kiosk is up (READY=1) yet grim sees black: the frame
    went straight to the output. If this starts failing, wlroots captures scanned-out frames
    and the tests need no rotation any more."""
    capture = under_cage(tmp_path, ["/usr/bin/jikubata", "run"], [])
    assert capture.shot.size == OUTPUT
    assert colours(capture.shot) == {BLACK}


def test_the_cage_flags_are_the_units():
    """The captures above change nothing but the rotation: the rest is the unit's own."""
    assert kiosk_command() == ["/usr/bin/cage", "-d", "--", "/usr/bin/jikubata", "run"]
    environment = kiosk_environment()
    assert environment["QT_QPA_PLATFORM"] == "wayland"
    assert environment["QT_WAYLAND_DISABLE_WINDOWDECORATION"] == "1"
    assert os.path.isabs(environment["XDG_RUNTIME_DIR"])
