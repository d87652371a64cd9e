"""A "central" for cpull's tests until cpush's schema lands: a throwaway PostgreSQL database
migrated with the kiosk's own migrations, reference data filled through the existing stores
and importers by a central admin (kiosk id PUSAT), and entries written by kiosks whose
database.url is that PostgreSQL. Read as the owner (the roles and RLS are cpush's).

tests/central/conftest.py makes its fixtures (and the integration ones) available."""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import Engine

from kiosk.bootstrap import Kiosk, open_kiosk
from kiosk.config import Settings
from kiosk.ledger.engine import create_ledger_engine

from ..integration.conftest import SAMPLE, FakeClock, make_settings
from ..pg_cluster import TempCluster, server_bin


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[TempCluster]:
    bin_dir = server_bin()
    if bin_dir is None:
        pytest.fail("the PostgreSQL tests need the server binaries: apt-get install postgresql")
    cluster = TempCluster(bin_dir)
    cluster.start()
    yield cluster
    cluster.stop()


@dataclass
class Central:
    url: str
    folder: Path
    raw: dict
    clock: FakeClock
    admin: Kiosk  # the central admin's CLI config: database.url = central, owner role
    engine: Engine  # what a kiosk's pull reads through
    opened: list[Kiosk] = field(default_factory=list)

    def settings(self, kiosk_id: str) -> Settings:
        """A config writing straight to central as ``kiosk_id`` (sharing the admin's ledger
        key, as one database has one key)."""
        raw = copy.deepcopy(self.raw)
        raw["stall"]["kiosk_id"] = kiosk_id
        raw["database"]["url"] = self.url
        return make_settings(self.folder, raw)

    def kiosk(self, kiosk_id: str) -> Kiosk:
        opened = open_kiosk(self.settings(kiosk_id), clock=self.clock)
        self.opened.append(opened)
        return opened

    def stock(self) -> None:
        """The sample roster (as of 2026-10-01), vendors and products, imported centrally."""
        self.admin.roster_importer.import_file(SAMPLE / "roster.csv", dt.date(2026, 10, 1))
        self.admin.catalog_importer.import_vendors(SAMPLE / "vendors.csv")
        self.admin.catalog_importer.import_products(SAMPLE / "products.csv")


@pytest.fixture
def central(
    pg_cluster: TempCluster, tmp_path: Path, raw_config: dict, clock: FakeClock
) -> Iterator[Central]:
    url = pg_cluster.new_database()
    folder = tmp_path / "central"
    folder.mkdir()
    raw = copy.deepcopy(raw_config)
    raw["stall"]["kiosk_id"] = "PUSAT"
    raw["database"]["url"] = url
    admin = open_kiosk(make_settings(folder, raw), create=True, clock=clock)
    engine = create_ledger_engine(url)
    made = Central(url, folder, raw, clock, admin, engine)
    yield made
    for opened in made.opened:
        opened.close()
    engine.dispose()
    admin.close()


def copy_entries(kiosk: Kiosk, central: Central) -> int:
    """Stand-in for cpush's push in cpull's tests: the kiosk's entries and their rows that
    central does not hold yet, copied as they are. Returns how many entries were copied."""
    from sqlalchemy import insert, select

    from kiosk.ledger.models import Entry, Payout, Sale, SaleLine, ShiftEvent, Void

    entries = Entry.__table__
    kiosk_id = kiosk.settings.stall.kiosk_id
    with central.engine.connect() as connection:
        held = set(
            connection.execute(select(entries.c.id).where(entries.c.kiosk_id == kiosk_id)).scalars()
        )
    with kiosk.db.read() as connection:
        rows = {}
        for model, key in (
            (Entry, "id"),
            (Sale, "id"),
            (SaleLine, "sale_id"),
            (Void, "id"),
            (ShiftEvent, "id"),
            (Payout, "id"),
        ):
            table = model.__table__
            found = connection.execute(select(table)).mappings().all()
            rows[table] = [dict(r) for r in found if r[key] not in held]
        rows[entries] = [r for r in rows[entries] if r["kiosk_id"] == kiosk_id]
    with central.engine.begin() as connection:
        for table, values in rows.items():
            if values:
                connection.execute(insert(table), values)
    return len(rows[entries])
