"""Consignment stock for the day (titip jual), optional and per product.

A vendor drops pieces off in the morning; the operator enters them on the vendor's behalf
(add only) or the admin does (add, or correct a count down to what was already sold). Tiles
then show what is left; the UMKM's slip shows dropped / sold / returned. A product with no
count that day behaves as before: no number anywhere.

Who may correct: only the admin area and the command line (``may_correct``). An operator
who typed too many asks the admin; the count is advisory (selling at zero asks, never
refuses), so a count too high for an hour harms nothing."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..domain.stock import NOTE_LIMIT, StockCount, check_pieces
from .changes import Change, ChangeFeed
from .ports import StockPort
from .stall import StallClock


class StockService:
    def __init__(self, store: StockPort, clock: StallClock, changes: ChangeFeed) -> None:
        self._store = store
        self._clock = clock
        self._changes = changes

    def add(
        self,
        kode_umkm: str,
        sku: str,
        pieces: int,
        *,
        actor: str,
        may_correct: bool,
        day: dt.date | None = None,
        note: str | None = None,
    ) -> StockCount:
        """Record ``pieces`` of the product dropped off on ``day`` (today on the stall's
        clock); below zero is a correction, allowed only with ``may_correct``."""
        pieces = check_pieces(pieces, may_correct=may_correct)
        note = (note or "").strip()[:NOTE_LIMIT] or None
        count = self._store.add(
            kode_umkm.strip(),
            sku.strip(),
            pieces,
            day=day or self._clock.today(),
            actor=actor,
            at=self._clock.utc(),
            note=note,
        )
        self._changes.publish(Change.STOCK)
        return count

    def set_total(
        self, kode_umkm: str, sku: str, total: int, *, actor: str, day: dt.date | None = None
    ) -> StockCount | None:
        """The admin's screen: make the day's count ``total`` (a row of the difference; None
        when it already is)."""
        day = day or self._clock.today()
        now = {c.key: c for c in self._store.day(day, kode_umkm=kode_umkm)}
        before = now[(kode_umkm, sku)].dropped if (kode_umkm, sku) in now else 0
        if total == before:
            return None
        return self.add(kode_umkm, sku, total - before, actor=actor, may_correct=True, day=day)

    def day(self, day: dt.date | None = None, *, kode_umkm: str | None = None) -> list[StockCount]:
        """Every counted product of ``day`` (today by default), by UMKM and name."""
        return self._store.day(day or self._clock.today(), kode_umkm=kode_umkm)

    def today(self) -> dict[tuple[str, str], StockCount]:
        """Today's counts by (kode_umkm, sku): what the selling screen's tiles show."""
        return {count.key: count for count in self._store.day(self._clock.today())}

    def by_umkm(self, day: dt.date) -> dict[str, list[StockCount]]:
        """For the UMKM slips: per UMKM, its counted products' dropped / sold / returned on
        ``day``; a UMKM with no count that day is absent (its slip shows no stock lines)."""
        found: dict[str, list[StockCount]] = defaultdict(list)
        for count in self._store.day(day):
            found[count.kode_umkm].append(count)
        return dict(found)
