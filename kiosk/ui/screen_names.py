"""Every screen of the kiosk by name: the window navigates by these, never by loose strings.
A StrEnum, so a name read back from Qt or written in a test compares equal to its text."""

from __future__ import annotations

import enum


class Screen(enum.StrEnum):
    IDLE = "idle"
    LOGIN = "login"
    SELLING = "selling"
    NIP = "nip"
    PAYMENT = "payment"
    QRIS = "qris"
    SUCCESS = "success"
    ERROR = "error"
    SHIFT_OPEN = "shift_open"  # the float after the day's first login
    SHIFT_TAKEOVER = "shift_takeover"  # another operator's shift is open
    SHIFT_CLOSE = "shift_close"  # count the drawer, check, close
    SHIFT_DONE = "shift_done"  # the closed shift's summary
    STOCK = "stock"  # the operator enters a vendor's drop-off for the day
    ADMIN_LOGIN = "admin_login"
    ADMIN_HOME = "admin_home"
    ADMIN_DASHBOARD = "admin_dashboard"
    ADMIN_EXPORTS = "admin_exports"
    ADMIN_VOID = "admin_void"
    ADMIN_REPRINT = "admin_reprint"
    ADMIN_EXEMPTIONS = "admin_exemptions"
    ADMIN_IMPORT = "admin_import"
    ADMIN_PRINTER = "admin_printer"
    ADMIN_PAYOUTS = "admin_payouts"
    ADMIN_STOCK = "admin_stock"
    ADMIN_REPORTS = "admin_reports"  # X/Z reports and the UMKM slips
    ADMIN_CENTRAL = "admin_central"  # the sync with central (only with a central section)

    @property
    def is_admin(self) -> bool:
        return self.value.startswith("admin_")

    @property
    def full_height(self) -> bool:
        """The admin area, QRIS and the error page have their own title bars: no header."""
        return self.is_admin or self in (Screen.QRIS, Screen.ERROR)


# Built as soon as the back end is there, so the first touch answers at once.
VENDOR_SCREENS = (
    Screen.LOGIN,
    Screen.SELLING,
    Screen.NIP,
    Screen.PAYMENT,
    Screen.SUCCESS,
    Screen.QRIS,
    Screen.ERROR,
)
