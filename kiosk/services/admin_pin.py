"""The admin PIN, stored only as a salted scrypt hash (stdlib: no extra dependency)."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

from ..domain.errors import DomainError
from .clock import Clock, utc_now
from .errors import Refusal
from .pin_guard import ADMIN, PinAnswer, PinGuard
from .ports import AdminPort

SETTING_KEY = "admin_pin"
_N, _R, _P = 2**14, 8, 1
_PIN = re.compile(r"^[0-9]{6,12}\Z")  # 0-9 only; \Z: "$" lets a trailing newline in


class PinError(DomainError):
    pass


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        _, n, r, p, salt, digest = stored.split("$")
        actual = hashlib.scrypt(
            pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p)
        )
    except ValueError:
        return False
    return hmac.compare_digest(actual.hex(), digest)


class AdminPinService:
    def __init__(self, admin: AdminPort, clock: Clock = utc_now, *, guard: PinGuard) -> None:
        self._admin = admin
        self._clock = clock
        self._guard = guard

    def is_set(self) -> bool:
        return self._admin.get_setting(SETTING_KEY) is not None

    def set_pin(self, pin: str, *, actor: str = "admin") -> None:
        if not _PIN.match(pin):
            raise PinError(Refusal.ADMIN_PIN_LENGTH, "the admin PIN must be 6 to 12 digits")
        if len(set(pin)) == 1 or pin in "0123456789012" or pin in "9876543210987":
            raise PinError(
                Refusal.ADMIN_PIN_WEAK,
                "choose a PIN that is not all one digit or a simple sequence",
            )
        self._admin.set_setting(SETTING_KEY, hash_pin(pin), actor=actor, at=self._clock())
        self._guard.clear(ADMIN)  # set at the kiosk's own computer: a forgotten PIN's lock goes

    def check(self, pin: str) -> PinAnswer:
        def matches() -> bool:
            stored = self._admin.get_setting(SETTING_KEY)
            return stored is not None and pin_matches(pin, stored)

        return self._guard.attempt(ADMIN, matches)

    def wait(self) -> float:
        """Seconds before the admin PIN may be tried again (0.0: now)."""
        return self._guard.wait(ADMIN)
