"""The admin area behind the admin PIN: each screen is a standalone QWidget taking
``(ctx, go)``; the main window registers them by name and shows them with ``go(name)``."""

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from ..context import UiContext


def admin_screens(
    ctx: UiContext, go: Callable[[str], None], *, on_quit: Callable[[], None]
) -> dict[str, QWidget]:
    """Every admin screen by the name the others navigate to. One login screen for the whole
    session, so leaving it never resets a lockout."""
    from .admin_home import AdminHomeScreen
    from .admin_login import AdminLoginScreen
    from .dashboard import DashboardScreen
    from .exemptions import ExemptionsScreen
    from .exports import ExportsScreen
    from .import_preview import ImportScreen
    from .printer import PrinterScreen
    from .void import VoidScreen

    return {
        "admin_login": AdminLoginScreen(ctx, go),
        "admin_home": AdminHomeScreen(ctx, go, on_quit=on_quit),
        "admin_dashboard": DashboardScreen(ctx, go),
        "admin_exports": ExportsScreen(ctx, go),
        "admin_void": VoidScreen(ctx, go),
        "admin_reprint": VoidScreen(ctx, go, reprint=True),
        "admin_exemptions": ExemptionsScreen(ctx, go),
        "admin_import": ImportScreen(ctx, go),
        "admin_printer": PrinterScreen(ctx, go),
    }
