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


def on_duty(context: UiContext, name: str = "Ina") -> None:
    """``name`` on duty as after a login: in the open till shift (opened with a float of
    Rp0 when none is, taken over when another operator holds it), so sales can be paid."""
    till = context.back_end.till
    shift = till.current() or till.open(name, 0)
    if shift.holder != name:
        shift = till.take_over(shift.shift_id, name)
    context.session.log_in(name, shift)
