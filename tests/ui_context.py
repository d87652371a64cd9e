"""The screens' context on a real back end, for the GUI tests. The tests keep the composition
root beside it (``context.kiosk``) to look into the ledger and to patch a service; the screens
never can: UiContext has no such field, and kiosk/ui may not import the composition root."""

from __future__ import annotations

from typing import Any

from kiosk.bootstrap import Kiosk
from kiosk.ui.context import UiContext


def ui_context(kiosk: Kiosk, **options: Any) -> UiContext:
    context = UiContext(back_end=kiosk.back_end(), **options)
    context.kiosk = kiosk  # type: ignore[attr-defined]  # the tests' own look into the ledger
    return context
