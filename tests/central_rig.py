"""Kiosks with a central section, against a real PostgreSQL (tests/pg_cluster.py), and what
the tests ask central as its owner. Used by tests/integration/test_central_*.py."""

from __future__ import annotations

import copy
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select, text

from kiosk.bootstrap import Kiosk, init_kiosk
from kiosk.central.schema import add_kiosk
from kiosk.config import parse_settings
from kiosk.domain.cart import CartLine, Payment, PaymentMethod
from kiosk.ledger.models import Base

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "assets" / "sample"
ROWS_OF = {
    "sales": "id",
    "sale_lines": "sale_id",
    "voids": "id",
    "shift_events": "id",
    "payouts": "id",
}


def kiosk_config(raw_config: dict, kiosk_id: str, central_url: str | None) -> dict:
    raw = copy.deepcopy(raw_config)
    raw["stall"]["kiosk_id"] = kiosk_id
    if central_url is not None:
        raw["central"] = {"url": central_url, "interval_seconds": 5}
    return raw


def open_central_kiosk(folder: Path, raw: dict, clock: Any) -> Kiosk:
    """A kiosk in its own folder (ledger, keys); the sample vendors so sales have lines."""
    folder.mkdir(parents=True, exist_ok=True)
    kiosk, _ = init_kiosk(parse_settings(raw, folder / "config.yaml"), clock=clock)
    if not kiosk.catalog.vendors():
        kiosk.catalog_importer.import_vendors(SAMPLE / "vendors.csv")
    return kiosk


def new_kiosk(folder: Path, raw_config: dict, owner_url: str, kiosk_id: str, clock: Any) -> Kiosk:
    added = add_kiosk(owner_url, kiosk_id)
    return open_central_kiosk(folder, kiosk_config(raw_config, kiosk_id, added.kiosk_url), clock)


def sell(kiosk: Kiosk, amount: int = 1_000, count: int = 1) -> list[str]:
    numbers = []
    for _ in range(count):
        result = kiosk.checkout.checkout(
            [CartLine("UMKM-001", "Kue", amount), CartLine("UMKM-002", "Teh", 500)],
            buyer_nip=None,
            operator="Ina",
            payment=Payment(PaymentMethod.TUNAI, amount + 500),
        )
        numbers.append(result.sale.number)
    return numbers


def local_entries(kiosk: Kiosk) -> list[tuple[str, int, str]]:
    with kiosk.db.read() as connection:
        return [
            tuple(row)
            for row in connection.execute(
                text("SELECT id, seq, entry_hash FROM entries WHERE kiosk_id = :k ORDER BY seq"),
                {"k": kiosk.settings.stall.kiosk_id},
            )
        ]


class Central:
    """Central as its owner sees it."""

    def __init__(self, owner_url: str) -> None:
        self.url = owner_url
        self.engine = create_engine(owner_url)

    def scalar(self, sql: str, **values: Any) -> Any:
        with self.engine.connect() as connection:
            return connection.execute(text(sql), values).scalar()

    def entries(self, kiosk_id: str) -> list[tuple[str, int, str]]:
        with self.engine.connect() as connection:
            return [
                tuple(row)
                for row in connection.execute(
                    text(
                        "SELECT id, seq, entry_hash FROM entries WHERE kiosk_id = :k ORDER BY seq"
                    ),
                    {"k": kiosk_id},
                )
            ]

    def count(self, table: str) -> int:
        return int(self.scalar(f"SELECT count(*) FROM {table}"))

    def alarm(self, kiosk_id: str) -> str | None:
        return self.scalar("SELECT alarm FROM central_kiosks WHERE kiosk_id = :k", k=kiosk_id)

    def acked(self, kiosk_id: str) -> int:
        return int(
            self.scalar("SELECT acked_seq FROM central_kiosks WHERE kiosk_id = :k", k=kiosk_id)
        )

    def rows_match(self, kiosk: Kiosk) -> bool:
        """Every sale, line, void, shift event and payout of the kiosk is on central, once,
        with every column the same (read through the models, so times compare as times)."""
        ids = {row[0] for row in local_entries(kiosk)}
        for name, link in ROWS_OF.items():
            table = Base.metadata.tables[name]
            query = select(table).order_by(*table.primary_key.columns)
            with kiosk.db.read() as connection:
                here = [tuple(row) for row in connection.execute(query)]
            with self.engine.connect() as connection:
                there = [tuple(row) for row in connection.execute(query)]
            position = [column.name for column in table.columns].index(link)
            if here != [row for row in there if row[position] in ids]:
                return False
        return True

    def dispose(self) -> None:
        self.engine.dispose()


def wait_for(condition, seconds: float = 30.0) -> bool:  # type: ignore[no-untyped-def]
    """Polls ``condition`` (a state another thread or process reaches) until it holds."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False
