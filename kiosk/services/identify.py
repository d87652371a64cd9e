"""Who is buying: a scanner payload or a typed NIP, checked against the card keys and, on
every path, against the revoked-cards list (``revoked`` never raises: see revoked_cards.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from ..domain.scan import Identification, read_scan, read_typed_nip


class IdentifyService:
    def __init__(
        self,
        keys: Mapping[str, bytes],
        *,
        accept_unsigned: bool,
        revoked: Callable[[], frozenset[str]] = frozenset,
    ) -> None:
        self._keys = dict(keys)
        self._accept_unsigned = accept_unsigned
        self._revoked = revoked

    def scan(self, payload: str) -> Identification:
        return read_scan(
            payload, self._keys, accept_unsigned=self._accept_unsigned, revoked=self._revoked()
        )

    def typed(self, text: str) -> Identification:
        return read_typed_nip(text, self._revoked())
