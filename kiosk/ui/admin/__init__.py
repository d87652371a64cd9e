"""The admin area behind the admin PIN: each screen is a standalone QWidget taking
``(ctx, go)``; the main window registers them by name, builds each the first time it is
needed (none of them is on the way to the idle screen) and shows them with ``go(name)``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ..context import UiContext
    from ..i18n import Language


def admin_screens(
    ctx: UiContext,
    go: Callable[[str], None],
    *,
    on_quit: Callable[[], None],
    language: Language,
    on_language: Callable[[str], bool],
) -> dict[str, Callable[[], QWidget]]:
    """How to build every admin screen, by the name the others navigate to. One PIN guard
    for the whole session, so neither leaving the login nor rebuilding it resets a lockout."""
    from ...services.pin_guard import PinGuard
    from .admin_home import AdminHomeScreen
    from .admin_login import AdminLoginScreen
    from .dashboard import DashboardScreen
    from .exemptions import ExemptionsScreen
    from .exports import ExportsScreen
    from .import_preview import ImportScreen
    from .printer import PrinterScreen
    from .void import VoidScreen

    guard = PinGuard()  # outlives the login screen: a rebuild must not reset a lockout

    return {
        "admin_login": lambda: AdminLoginScreen(ctx, go, guard=guard),
        "admin_home": lambda: AdminHomeScreen(
            ctx, go, on_quit=on_quit, language=language.code, on_language=on_language
        ),
        "admin_dashboard": lambda: DashboardScreen(ctx, go),
        "admin_exports": lambda: ExportsScreen(ctx, go),
        "admin_void": lambda: VoidScreen(ctx, go),
        "admin_reprint": lambda: VoidScreen(ctx, go, reprint=True),
        "admin_exemptions": lambda: ExemptionsScreen(ctx, go),
        "admin_import": lambda: ImportScreen(ctx, go),
        "admin_printer": lambda: PrinterScreen(ctx, go),
    }
