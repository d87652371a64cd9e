"""Fixtures: a real SQLite ledger file per test, production pragmas, a settable clock."""

from __future__ import annotations

import datetime as dt
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from kiosk.bootstrap import Kiosk, open_kiosk
from kiosk.central.schema import init_central
from kiosk.config import Settings, parse_settings
from kiosk.domain.cart import CartLine, Payment, PaymentMethod

from ..central_rig import Central
from ..pg_cluster import TempCluster, server_bin

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "assets" / "sample"
WIT = dt.timezone(dt.timedelta(hours=9))


class FakeClock:
    def __init__(self, now: dt.datetime) -> None:
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def set_wit(self, text: str) -> None:
        """Set the clock from Ambon wall-clock time, e.g. '2026-11-01 00:10'."""
        self.now = dt.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=WIT)


@pytest.fixture
def raw_config() -> dict:
    return yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))


def make_settings(tmp_path: Path, raw: dict) -> Settings:
    return parse_settings(raw, tmp_path / "config.yaml")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[TempCluster]:
    bin_dir = server_bin()
    if bin_dir is None:  # ./run-tests.sh installs them where it can
        pytest.fail("the PostgreSQL tests need the server binaries: apt-get install postgresql")
    cluster = TempCluster(bin_dir)
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture
def backend() -> str:
    """Modules that must hold on both databases override this with both params."""
    return "sqlite"


@pytest.fixture
def settings(tmp_path: Path, raw_config: dict, backend: str, request) -> Settings:
    if backend == "postgresql":
        raw_config["database"]["url"] = request.getfixturevalue("pg_cluster").new_database()
    return make_settings(tmp_path, raw_config)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(dt.datetime(2026, 11, 20, 3, 0, tzinfo=dt.UTC))


@pytest.fixture
def kiosk(settings: Settings, clock: FakeClock) -> Iterator[Kiosk]:
    with open_kiosk(settings, create=True, clock=clock) as opened:
        yield opened


@pytest.fixture
def stocked(kiosk: Kiosk) -> Kiosk:
    """Sample roster (as of 2026-10-01), vendors and products; no sales."""
    kiosk.roster_importer.import_file(SAMPLE / "roster.csv", dt.date(2026, 10, 1))
    kiosk.catalog_importer.import_vendors(SAMPLE / "vendors.csv")
    kiosk.catalog_importer.import_products(SAMPLE / "products.csv")
    return kiosk


def first_nip_with_tier(kiosk: Kiosk, tier: str, day: dt.date = dt.date(2026, 11, 1)) -> str:
    return next(p.nip for p in kiosk.roster.people_on(day).values() if p.tingkat == tier)


def sell(kiosk: Kiosk, amount: int, nip: str | None, vendor: str = "UMKM-001") -> str:
    """Ring up one free-amount line and return the receipt number."""
    result = kiosk.checkout.checkout(
        [CartLine(vendor, "Kue", amount)],
        buyer_nip=nip,
        operator="Ina",
        payment=Payment(PaymentMethod.TUNAI, amount),
    )
    return result.sale.number


def open_shift(kiosk: Kiosk, operator: str = "Ina", float_amount: int = 0) -> str:
    """The till shift a touchscreen sale needs (as after the day's first login); its id."""
    return kiosk.shifts.open(operator, float_amount).shift_id


def copy_sample(tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    shutil.copy(SAMPLE / name, target)
    return target


def ring_concurrently(kiosks, count: int) -> list[BaseException]:  # type: ignore[no-untyped-def]
    """Each kiosk sells ``count`` times on its own thread; returns the errors, if any."""
    errors: list[BaseException] = []

    def ring(kiosk) -> None:  # type: ignore[no-untyped-def]
        try:
            for _ in range(count):
                sell(kiosk, 1_000, None)
        except BaseException as error:  # reported to the test, not swallowed
            errors.append(error)

    threads = [threading.Thread(target=ring, args=(kiosk,)) for kiosk in kiosks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


# --- a central PostgreSQL with its roles (issue #13) ----------------------------------------


@pytest.fixture
def owner_url(pg_cluster) -> str:  # type: ignore[no-untyped-def]
    url = pg_cluster.new_database()
    init_central(url)
    return url


@pytest.fixture
def central(owner_url: str) -> Iterator[Central]:
    found = Central(owner_url)
    yield found
    found.dispose()
