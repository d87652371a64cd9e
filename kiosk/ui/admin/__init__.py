"""The admin area behind the admin PIN: each screen is a standalone QWidget taking
``(ctx, go)``; the main window registers them by name, builds each the first time it is
needed (none of them is on the way to the idle screen) and shows them with ``go(name)``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from ..screen_names import Screen

if TYPE_CHECKING:
    from ..context import UiContext
    from ..i18n import Language


def admin_screens(
    ctx: UiContext,
    go: Callable[[Screen], None],
    *,
    on_quit: Callable[[], None],
    language: Language,
    on_language: Callable[[str], bool],
) -> dict[Screen, Callable[[], QWidget]]:
    """How to build every admin screen, by the name the others navigate to. The admin PIN's
    lockout is the back end's (kept in the ledger): no screen holds it, none can reset it."""
    from .admin_home import AdminHomeScreen
    from .admin_login import AdminLoginScreen
    from .central import CentralScreen
    from .dashboard import DashboardScreen
    from .exemptions import ExemptionsScreen
    from .exports import ExportsScreen
    from .import_preview import ImportScreen
    from .payouts import PayoutsScreen
    from .printer import PrinterScreen
    from .reports import ReportsScreen
    from .stock import StockPage
    from .void import VoidScreen

    return {
        Screen.ADMIN_LOGIN: lambda: AdminLoginScreen(ctx, go),
        Screen.ADMIN_HOME: lambda: AdminHomeScreen(
            ctx, go, on_quit=on_quit, language=language.code, on_language=on_language
        ),
        Screen.ADMIN_DASHBOARD: lambda: DashboardScreen(ctx, go),
        Screen.ADMIN_EXPORTS: lambda: ExportsScreen(ctx, go),
        Screen.ADMIN_VOID: lambda: VoidScreen(ctx, go),
        Screen.ADMIN_REPRINT: lambda: VoidScreen(ctx, go, reprint=True),
        Screen.ADMIN_EXEMPTIONS: lambda: ExemptionsScreen(ctx, go),
        Screen.ADMIN_IMPORT: lambda: ImportScreen(ctx, go),
        Screen.ADMIN_PRINTER: lambda: PrinterScreen(ctx, go),
        Screen.ADMIN_PAYOUTS: lambda: PayoutsScreen(ctx, go),
        Screen.ADMIN_STOCK: lambda: StockPage(ctx, go),
        Screen.ADMIN_REPORTS: lambda: ReportsScreen(ctx, go),
        Screen.ADMIN_CENTRAL: lambda: CentralScreen(ctx, go),
    }
