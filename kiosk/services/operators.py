"""Who is on duty: each vendor picks their name on the login screen and types a PIN."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..domain.errors import DomainError
from .admin_pin import hash_pin, pin_matches
from .clock import Clock, utc_now
from .errors import Refusal
from .pin_guard import PinAnswer, PinGuard, operator_subject

_PIN = re.compile(r"^[0-9]{4,8}\Z")  # 0-9 only; \Z: "$" lets a trailing newline in


class OperatorLike(Protocol):
    name: str
    kode_umkm: str | None
    pin_hash: str
    active: bool


class OperatorPort(Protocol):
    def all(self) -> Sequence[OperatorLike]: ...
    def get(self, name: str) -> OperatorLike | None: ...
    def save(
        self, name: str, kode_umkm: str | None, pin_hash: str, *, actor: str, at: dt.datetime
    ) -> None: ...


@dataclass(frozen=True)
class OperatorInfo:
    name: str
    kode_umkm: str | None


class OperatorService:
    def __init__(
        self,
        store: OperatorPort,
        clock: Clock = utc_now,
        vendor_codes: Callable[[], set[str]] = set,
        *,
        guard: PinGuard,
    ) -> None:
        self._store = store
        self._guard = guard
        self._clock = clock
        self._vendor_codes = vendor_codes

    def on_duty_list(self) -> list[OperatorInfo]:
        return [OperatorInfo(o.name, o.kode_umkm) for o in self._store.all() if o.active]

    def set_pin(
        self, name: str, pin: str, *, kode_umkm: str | None = None, actor: str = "admin"
    ) -> None:
        name = name.strip()
        if not 1 <= len(name) <= 64:
            raise DomainError(
                Refusal.OPERATOR_NAME, "an operator needs a name of 1 to 64 characters"
            )
        if not _PIN.match(pin):
            raise DomainError(Refusal.OPERATOR_PIN, "an operator PIN must be 4 to 8 digits")
        if kode_umkm is not None and kode_umkm not in self._vendor_codes():
            raise DomainError(
                Refusal.OPERATOR_VENDOR,
                f"'{kode_umkm}' is not a known UMKM; import the vendors first",
                value=kode_umkm,
            )
        self._store.save(name, kode_umkm, hash_pin(pin), actor=actor, at=self._clock())
        self._guard.clear(operator_subject(name))  # a new PIN from the admin lifts a lock

    def check(self, name: str, pin: str) -> PinAnswer:
        """One PIN for one operator, through that operator's own guard: guessing Ina's PIN
        never locks Budi out."""

        def matches() -> bool:
            operator = self._store.get(name)
            return bool(operator and operator.active and pin_matches(pin, operator.pin_hash))

        return self._guard.attempt(operator_subject(name), matches)

    def wait(self, name: str) -> float:
        """Seconds before this operator may try a PIN again (0.0: now)."""
        return self._guard.wait(operator_subject(name))
