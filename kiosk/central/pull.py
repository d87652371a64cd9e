"""Pull the reference data from central into the kiosk's own ledger: roster snapshots,
vendors and products, exemptions and operators (an admin imports once, centrally).

Each kind is read from one consistent snapshot of central, checked, and applied in one local
write transaction through the stores' own helpers, so a pulled roster snapshot or exemption is
audited and sealed exactly like one imported at the kiosk. What was applied is remembered in
kiosk_settings (``central.pull.*``): pulling again changes nothing. A kind central holds bad
data for is refused whole, with one sentence, and the other kinds still apply; a central that
cannot be reached raises ``CentralUnreachable`` and the local data stays as it was, so the
kiosk keeps selling on it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from ..domain.nip import NIP_REASONS, check_nip
from ..domain.records import Product, RosterPerson, Vendor
from ..ledger.admin_store import insert_exemption, write_setting
from ..ledger.audit import audit
from ..ledger.catalog_store import upsert_products, upsert_vendors
from ..ledger.engine import Database
from ..ledger.models import Exemption, KioskSetting, Operator, RosterEntry, RosterImport
from ..ledger.models import Product as ProductRow
from ..ledger.models import Vendor as VendorRow
from ..ledger.operator_store import OperatorRecord, upsert_operator
from ..ledger.roster_store import insert_snapshot
from ..ledger.seals import seal
from ..services.sync import CentralUnreachable  # the push raises the same

ACTOR = "central"  # who the kiosk's audit log names for what a pull wrote
ROSTER_KEY = "central.pull.roster"  # the newest central roster_imports.id applied
EXEMPTIONS_KEY = "central.pull.exemptions"  # the newest central exemptions.id applied
ERROR_KEY = "central.pull.last_error"  # one sentence while central holds data refused
IMPORTS = RosterImport.__table__
PEOPLE = RosterEntry.__table__
VENDORS = VendorRow.__table__
PRODUCTS = ProductRow.__table__
EXEMPTIONS = Exemption.__table__
OPERATORS = Operator.__table__
SETTINGS = KioskSetting.__table__
_MONTH = re.compile(r"[0-9]{4}-(0[1-9]|1[0-2])")
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


@dataclass(frozen=True)
class PullResult:
    roster_snapshots: int = 0
    vendors: int = 0  # vendors inserted or changed
    products: int = 0
    exemptions: int = 0
    operators: int = 0
    problems: tuple[str, ...] = field(default=())  # a sentence per kind refused

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def changed(self) -> bool:
        return any(
            (self.roster_snapshots, self.vendors, self.products, self.exemptions, self.operators)
        )

    def line(self) -> str:
        if self.problems:
            return " ".join(self.problems)
        return (
            f"pulled from central: {self.roster_snapshots} roster snapshot(s), "
            f"{self.vendors} vendor(s), {self.products} product(s), {self.exemptions} "
            f"exemption(s), {self.operators} operator(s) new or changed"
        )


# --- reading central ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Snapshot:
    central_id: int
    as_of: dt.date
    file_name: str
    file_sha256: str
    forced: bool
    imported_at: dt.datetime
    people: tuple[RosterPerson, ...]


@dataclass(frozen=True)
class _Central:
    snapshots: tuple[_Snapshot, ...]
    vendors: tuple[Vendor, ...]
    products: tuple[Product, ...]
    exemptions: tuple[Any, ...]  # rows: id, nip, month, reason, created_by, created_at
    operators: tuple[OperatorRecord, ...]


def _read_central(connection: Connection, after_roster: int, after_exemption: int) -> _Central:
    imports = connection.execute(
        select(IMPORTS).where(IMPORTS.c.id > after_roster).order_by(IMPORTS.c.id)
    ).all()
    snapshots = []
    for row in imports:
        people = connection.execute(
            select(PEOPLE.c.nip, PEOPLE.c.nama, PEOPLE.c.opd, PEOPLE.c.jabatan, PEOPLE.c.tingkat)
            .where(PEOPLE.c.import_id == row.id)
            .order_by(PEOPLE.c.nip)
        ).all()
        snapshots.append(
            _Snapshot(
                row.id,
                row.as_of,
                row.file_name,
                row.file_sha256,
                row.forced,
                row.imported_at,
                tuple(RosterPerson._make(p) for p in people),
            )
        )
    vendors = tuple(
        Vendor(r.kode_umkm, r.nama, r.pemilik, r.telepon, r.active)
        for r in connection.execute(select(VENDORS).order_by(VENDORS.c.kode_umkm))
    )
    products = tuple(
        Product(r.kode_umkm, r.sku, r.nama, r.harga, r.kategori, r.active)
        for r in connection.execute(select(PRODUCTS).order_by(PRODUCTS.c.kode_umkm, PRODUCTS.c.sku))
    )
    exemptions = tuple(
        connection.execute(
            select(EXEMPTIONS).where(EXEMPTIONS.c.id > after_exemption).order_by(EXEMPTIONS.c.id)
        ).all()
    )
    operators = tuple(
        OperatorRecord(r.name, r.kode_umkm, r.pin_hash, r.active)
        for r in connection.execute(select(OPERATORS).order_by(OPERATORS.c.name))
    )
    return _Central(tuple(snapshots), vendors, products, exemptions, operators)


def read_central(central: Engine, after_roster: int, after_exemption: int) -> _Central:
    """Everything to pull, from one snapshot of central (REPEATABLE READ), so an import
    committed on central while we read is either wholly in it or wholly absent."""
    try:
        with central.connect() as connection:
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                return _read_central(connection, after_roster, after_exemption)
    except DBAPIError as error:
        raise CentralUnreachable(
            f"central could not be read ({_first_line(error.orig)}); the kiosk keeps "
            "selling on the roster and catalogue it has"
        ) from None


def _first_line(error: object) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__


# --- checking what central sent ----------------------------------------------------------


def _text_problem(what: str, value: object, limit: int) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return f"{what} is empty"
    if len(value) > limit:
        return f"{what} is longer than {limit} characters"
    return None


def check_snapshot(snapshot: _Snapshot, tiers: Sequence[str] | None) -> str | None:
    where = f"central roster snapshot {snapshot.central_id} ({snapshot.file_name})"
    for person in snapshot.people:
        problem = check_nip(person.nip)
        if problem is not None:
            return f"{where} has '{person.nip}', which is not a valid NIP: {NIP_REASONS[problem]}"
        for column in ("nama", "opd", "jabatan"):
            text = _text_problem(f"the {column} of NIP {person.nip}", getattr(person, column), 200)
            if text:
                return f"{where}: {text}"
        if tiers is not None and person.tingkat not in tiers:
            return (
                f"{where}: NIP {person.nip} has tier '{person.tingkat}', which is not a tier of "
                f"this kiosk's config ({', '.join(tiers)})"
            )
    return None


def check_catalog(vendors: Sequence[Vendor], products: Sequence[Product]) -> str | None:
    for v in vendors:
        if not _CODE.fullmatch(v.kode_umkm or "") or len(v.kode_umkm) > 32:
            return f"central vendor code '{v.kode_umkm}' is not a valid kode_umkm"
        text = _text_problem(f"the nama of central vendor {v.kode_umkm}", v.nama, 200)
        if text:
            return text
    codes = {v.kode_umkm for v in vendors}
    for p in products:
        name = f"central product {p.kode_umkm}/{p.sku}"
        if p.kode_umkm not in codes:
            return f"{name} belongs to no vendor on central"
        if not _CODE.fullmatch(p.sku or "") or len(p.sku) > 64:
            return f"{name}: '{p.sku}' is not a valid SKU"
        if not isinstance(p.harga, int) or p.harga <= 0:
            return f"{name} has price {p.harga}, which is not a whole amount above Rp0"
        text = _text_problem(f"the nama of {name}", p.nama, 200) or _text_problem(
            f"the kategori of {name}", p.kategori, 64
        )
        if text:
            return text
    return None


def check_exemption(row: Any) -> str | None:
    where = f"central exemption {row.id}"
    problem = check_nip(row.nip)
    if problem is not None:
        return f"{where} has '{row.nip}', which is not a valid NIP: {NIP_REASONS[problem]}"
    if not _MONTH.fullmatch(row.month or ""):
        return f"{where} has month '{row.month}', which is not a month like 2026-11"
    return None


def check_operator(record: OperatorRecord) -> str | None:
    text = _text_problem("a central operator's name", record.name, 64)
    if text:
        return text
    if not record.pin_hash:
        return f"central operator {record.name} has no PIN hash"
    return None


# --- applying it locally -----------------------------------------------------------------


def _setting(connection: Connection, key: str) -> str | None:
    return connection.execute(select(SETTINGS.c.value).where(SETTINGS.c.key == key)).scalar()


def _cursor(db: Database, key: str) -> int:
    with db.read() as connection:
        value = _setting(connection, key)
    return int(value) if value and value.isdigit() else 0


def _remember(connection: Connection, key: str, value: str, at: dt.datetime) -> None:
    write_setting(connection, key, value)
    seal(connection, "kiosk_settings", at)


def _apply_roster(db: Database, snapshots: Sequence[_Snapshot], at: dt.datetime) -> int:
    with db.write() as connection:
        for s in snapshots:
            insert_snapshot(
                connection,
                s.people,
                as_of=s.as_of,
                file_name=s.file_name,
                file_sha256=s.file_sha256,
                forced=s.forced,
                actor=ACTOR,
                at=at,
                imported_at=s.imported_at,
                central_id=s.central_id,
            )
        _remember(connection, ROSTER_KEY, str(snapshots[-1].central_id), at)
    return len(snapshots)


def _changed_catalog(
    connection: Connection, vendors: Sequence[Vendor], products: Sequence[Product]
) -> tuple[list[Vendor], list[Product]]:
    local_vendors = {
        r.kode_umkm: Vendor(r.kode_umkm, r.nama, r.pemilik, r.telepon, r.active)
        for r in connection.execute(select(VENDORS))
    }
    local_products = {
        (r.kode_umkm, r.sku): Product(r.kode_umkm, r.sku, r.nama, r.harga, r.kategori, r.active)
        for r in connection.execute(select(PRODUCTS))
    }
    return (
        [v for v in vendors if local_vendors.get(v.kode_umkm) != v],
        [p for p in products if local_products.get((p.kode_umkm, p.sku)) != p],
    )


def _apply_catalog(
    db: Database, vendors: Sequence[Vendor], products: Sequence[Product], at: dt.datetime
) -> tuple[int, int]:
    with db.write() as connection:
        new_vendors, new_products = _changed_catalog(connection, vendors, products)
        if new_vendors:
            upsert_vendors(connection, new_vendors)
            audit(connection, ACTOR, "vendors_import", at, rows=len(new_vendors))
        if new_products:
            upsert_products(connection, new_products)
            audit(connection, ACTOR, "products_import", at, rows=len(new_products))
    return len(new_vendors), len(new_products)


def _apply_operators(db: Database, operators: Sequence[OperatorRecord], at: dt.datetime) -> int:
    with db.write() as connection:
        local = {
            r.name: OperatorRecord(r.name, r.kode_umkm, r.pin_hash, r.active)
            for r in connection.execute(select(OPERATORS))
        }
        changed = [o for o in operators if local.get(o.name) != o]
        for record in changed:
            upsert_operator(connection, record)
            audit(
                connection,
                ACTOR,
                "operator",
                at,
                name=record.name,
                umkm=record.kode_umkm,
                active=record.active,
            )
        if changed:
            seal(connection, "operators", at)
    return len(changed)


def _apply_exemptions(db: Database, rows: Sequence[Any], at: dt.datetime) -> int:
    added = 0
    with db.write() as connection:
        for row in rows:
            exists = connection.execute(
                select(EXEMPTIONS.c.id).where(
                    EXEMPTIONS.c.nip == row.nip, EXEMPTIONS.c.month == row.month
                )
            ).first()
            if exists:
                continue  # exempted here already: the kiosk's own row stands
            insert_exemption(
                connection, row.nip, row.month, row.reason, created_by=row.created_by, at=at
            )
            audit(
                connection,
                ACTOR,
                "exemption",
                at,
                nip=row.nip,
                month=row.month,
                reason=row.reason,
                central_id=row.id,
            )
            added += 1
        if added:
            seal(connection, "exemptions", at)
        _remember(connection, EXEMPTIONS_KEY, str(rows[-1].id), at)
    return added


def _record_problems(db: Database, problems: Sequence[str], at: dt.datetime) -> None:
    """Keep the pull's last refusal (one sentence) for the admin screen; clear it once every
    kind applies. Written only when it changes: a pull every 30 s must not grow the audit log."""
    text = " ".join(problems)
    with db.write() as connection:
        if (_setting(connection, ERROR_KEY) or "") == text:
            return
        _remember(connection, ERROR_KEY, text, at)


def pull_reference_data(
    central: Engine,
    local: Database,
    clock: Callable[[], dt.datetime],
    *,
    tiers: Sequence[str] | None = None,
) -> PullResult:
    """Bring the kiosk's roster, catalogue, exemptions and operators up to central's.

    Raises ``CentralUnreachable`` (nothing changed) when central cannot be read. ``tiers``:
    the config's regulation tiers, which every pulled person's tier must be one of."""
    data = read_central(central, _cursor(local, ROSTER_KEY), _cursor(local, EXEMPTIONS_KEY))
    at = clock()
    problems: list[str] = []
    counts: dict[str, int] = {}

    def attempt(name: str, problem: str | None, apply: Callable[[], None]) -> None:
        if problem is not None:
            problems.append(f"{problem}; the {name} from central was not applied.")
            return
        try:
            apply()
        except (SQLAlchemyError, ValueError) as error:  # e.g. an operator of an unknown UMKM
            problems.append(
                f"the {name} from central could not be applied ({_first_line(error)}); "
                "nothing of it was written."
            )

    def roster() -> None:
        counts["roster"] = _apply_roster(local, data.snapshots, at)

    def catalog() -> None:
        counts["vendors"], counts["products"] = _apply_catalog(
            local, data.vendors, data.products, at
        )

    def operators() -> None:
        counts["operators"] = _apply_operators(local, data.operators, at)

    def exemptions() -> None:
        counts["exemptions"] = _apply_exemptions(local, data.exemptions, at)

    # Vendors before operators (an operator may belong to a UMKM); each kind on its own.
    attempt("catalogue", check_catalog(data.vendors, data.products), catalog)
    attempt("operators", _first(check_operator, data.operators), operators)
    if data.snapshots:
        problem = _first(lambda s: check_snapshot(s, tiers), data.snapshots)
        attempt("roster", problem, roster)
    if data.exemptions:
        attempt("exemptions", _first(check_exemption, data.exemptions), exemptions)
    _record_problems(local, problems, at)
    return PullResult(
        roster_snapshots=counts.get("roster", 0),
        vendors=counts.get("vendors", 0),
        products=counts.get("products", 0),
        exemptions=counts.get("exemptions", 0),
        operators=counts.get("operators", 0),
        problems=tuple(problems),
    )


def _first(check: Callable[[Any], str | None], items: Sequence[Any]) -> str | None:
    for item in items:
        problem = check(item)
        if problem is not None:
            return problem
    return None
