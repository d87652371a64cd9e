"""The AT-SPI side of the real-display test, run by Debian's /usr/bin/python3 with pyatspi and
PyGObject from the throwaway root (scripts/display-root.sh), never by the project's Python.

It reads one JSON request a line on stdin and answers one JSON line on stdout:
``{"pid": N}`` -> ``{"found": true, "controls": [...]}``: every object of the application
with that process id that is showing on screen, each with its accessible name, role,
states and extents in screen pixels (``{"found": false}`` while the application has not
joined the accessibility bus yet). Nothing is cached between requests, so an answer is
always the screen as it is now.
"""

from __future__ import annotations

import json
import sys

import pyatspi
from gi.repository import Atspi

# Screens keep hundreds of widgets; a hidden page's subtree is not walked, nor what is drawn
# inside a button (a product tile's picture and labels: the tile's name says them, its
# extents hold them). Every object costs a few calls over D-Bus.
MAX_DEPTH = 40
WHOLE = {"push button", "toggle button", "check box", "radio button"}


def _application(pid: int):  # type: ignore[no-untyped-def]
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.get_child_count()):
        app = desktop.get_child_at_index(index)
        if app is not None and app.get_process_id() == pid:
            return app
    return None


def _describe(node, path: str) -> dict | None:  # type: ignore[no-untyped-def]
    states = node.get_state_set()
    if not states.contains(Atspi.StateType.SHOWING):
        return None
    try:
        box = node.get_extents(Atspi.CoordType.SCREEN)
        extents = [box.x, box.y, box.width, box.height]
    except Exception:  # an object without the Component interface has no place on screen
        extents = None
    return {
        "name": node.get_name() or "",
        "role": node.get_role_name() or "",
        "path": path,
        "enabled": states.contains(Atspi.StateType.ENABLED),
        "extents": extents,
    }


def _walk(node, path: str, depth: int, found: list[dict]) -> None:  # type: ignore[no-untyped-def]
    described = _describe(node, path)
    if described is None:
        return
    found.append(described)
    if depth >= MAX_DEPTH or described["role"] in WHOLE:
        return
    for index in range(node.get_child_count()):
        child = node.get_child_at_index(index)
        if child is not None:
            _walk(child, f"{path}/{index}", depth + 1, found)


def answer(request: dict) -> dict:
    app = _application(int(request["pid"]))
    if app is None:
        return {"found": False}
    app.set_cache_mask(Atspi.Cache.NONE)  # Qt does not announce every change: ask each time
    app.clear_cache()
    found: list[dict] = []
    for index in range(app.get_child_count()):
        window = app.get_child_at_index(index)
        if window is not None:
            _walk(window, str(index), 0, found)
    return {"found": True, "controls": found}


def main() -> None:
    for line in sys.stdin:
        try:
            reply = answer(json.loads(line))
        except Exception as error:  # the test reports it; the probe keeps answering
            reply = {"error": f"{type(error).__name__}: {error}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
