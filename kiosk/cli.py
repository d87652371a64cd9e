"""The ``jikubata`` command (also ``python -m kiosk``).

Errors are one sentence on stderr naming what is wrong and where, with a non-zero exit; imports
write nothing unless every row is good.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import getpass
import os
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .config import ConfigError, Settings, config_path, load_settings
from .domain.errors import DomainError
from .domain.money import format_rupiah
from .domain.months import Month
from .domain.qris_sample import SAMPLE_QRIS
from .services.export_kinds import EXPORT_KINDS, ExportKind
from .services.private_files import UMASK

if TYPE_CHECKING:
    from .bootstrap import Kiosk
    from .central.anchor import AnchorReport
    from .ledger.verify import ExpectedHead
    from .services.back_end import BackEnd
    from .services.report_figures import ShiftReport
    from .services.shift_figures import ShiftFigures

# The ledger's modules (SQLAlchemy, Alembic) are imported where a command needs them, so
# `jikubata run` puts the kiosk's screen up without waiting for them.

EXIT_OK, EXIT_ERROR, EXIT_BROKEN_LEDGER = 0, 1, 3
ADMIN_ACTOR = "admin"  # who the audit log names for what the command line records
MAX_LISTED_PROBLEMS = 30


def user_errors() -> tuple[type[BaseException], ...]:
    """Errors a person can act on: one sentence, exit 1."""
    from .bootstrap import DatabaseMissing, DatabaseUnusable
    from .central.schema import CentralError
    from .ledger.backup import BackupError
    from .ledger.ledger_key import LedgerKeyError
    from .ledger.migrate import UnknownSchema
    from .services.card_keys import CardKeyError

    return (
        ConfigError,
        DomainError,
        DatabaseMissing,
        DatabaseUnusable,
        UnknownSchema,
        CardKeyError,
        LedgerKeyError,
        BackupError,
        OSError,
        CliError,
        CentralError,
    )


def database_errors() -> tuple[type[BaseException], ...]:
    from sqlalchemy.exc import OperationalError

    return (OperationalError,)


class CliError(Exception):
    pass


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-11-01") from None


def _month(text: str) -> Month:
    try:
        return Month.parse(text)
    except DomainError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _path(text: str) -> Path:
    return Path(text).expanduser()


# --- commands ---------------------------------------------------------------------------


def cmd_init(settings: Settings, args: argparse.Namespace) -> int:
    from sqlalchemy.engine import make_url

    from .bootstrap import init_kiosk

    kiosk, result = init_kiosk(settings)
    with kiosk:
        shown = make_url(settings.database_url).render_as_string(hide_password=True)
        print(f"Database ready at schema {result.migration.to_revision}: {shown}")
        if result.migration.backup:
            print(f"Copy of the database before migrating: {result.migration.backup}")
        if result.created_key_file:
            print(f"New card signing key: {settings.cards.key_file} (keep it secret)")
        if result.created_ledger_key:
            print(
                f"New ledger key: {settings.ledger.key_file} (keep it secret; back it up apart "
                "from the database)"
            )
        if result.first_sealed:
            print(f"Sealed for the first time: {', '.join(result.first_sealed)}.")
        if result.tightened:
            print(
                f"Made {len(result.tightened)} files and folders readable by this user only "
                "(an older version left them open to others)."
            )
        if args.sample_data:
            if not kiosk.is_empty():
                print("Sample data not loaded: the database already has vendors.")
            else:
                demo = kiosk.demo_seeder().seed()
                print(
                    f"Sample data loaded: {demo.people} ASN, {demo.vendors} UMKM, "
                    f"{demo.products} products, {demo.sales} sales."
                )
    return EXIT_OK


def cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    return start_touchscreen(
        settings, windowed=getattr(args, "windowed", False), demo=getattr(args, "demo", False)
    )


def demo_settings(settings: Settings, folder: Path) -> Settings:
    """The same settings with a throw-away database, key and receipts folder; the demo also
    takes other QR codes holding a NIP, so any ASN card at hand can be tried, and shows the
    QRIS payment with an example QRIS that pays no one (never the stall's own)."""
    data = folder / "data"
    return dataclasses.replace(
        settings,
        scan=dataclasses.replace(settings.scan, accept_unsigned=True),
        payment=dataclasses.replace(settings.payment, qris=SAMPLE_QRIS),
        database_url=f"sqlite:///{data / 'ledger.db'}",
        printer=dataclasses.replace(settings.printer, connection="file", path=folder / "receipts"),
        cards=dataclasses.replace(
            settings.cards, key_file=data / "card-keys.txt", revoked_file=data / "revoked-cards.txt"
        ),
        ledger=dataclasses.replace(settings.ledger, key_file=data / "ledger-key.txt"),
        backup=dataclasses.replace(settings.backup, folder=data / "backups", usb_label=None),
        log=dataclasses.replace(settings.log, folder=folder / "logs"),
        export=dataclasses.replace(settings.export, folder=folder / "exports"),
    )


def data_folder(settings: Settings) -> Path:
    """The kiosk's own writable folder: the SQLite ledger's (data/ in a checkout,
    /var/lib/jikubata when installed), else data/ beside the config. Read without SQLAlchemy:
    the first screen must not wait for it."""
    sqlite = re.match(r"^sqlite(?:\+\w+)?:///(.+)$", settings.database_url)
    if sqlite and not sqlite.group(1).startswith(":"):
        return Path(sqlite.group(1)).parent
    return settings.base_dir / "data"


def start_touchscreen(settings: Settings, *, windowed: bool = False, demo: bool = False) -> int:
    """The kiosk's screen at once; the ledger (SQLAlchemy, migrations, demo data) is opened
    by the screen on a worker thread, so nothing of it is imported here."""
    import shutil
    import tempfile

    from .services.stall import StallClock, StallFacts
    from .ui.app import run_kiosk  # Qt is loaded only for the touchscreen

    throwaway = Path(tempfile.mkdtemp(prefix="jikubata-demo-")) if demo else None
    if throwaway is not None:
        settings = demo_settings(settings, throwaway)

    def open_back_end() -> BackEnd:
        from .bootstrap import open_back_end

        return open_back_end(settings, demo=demo)

    stall = StallFacts(settings.stall.name, settings.stall.kiosk_id, StallClock(settings.stall.tz))
    try:
        return run_kiosk(
            stall,
            open_back_end,
            windowed=windowed,
            folder=data_folder(settings),
            scale=settings.screen.scale,
            log_folder=settings.log.folder,
        )
    finally:
        if throwaway is not None:
            shutil.rmtree(throwaway, ignore_errors=True)


def cmd_roster_import(kiosk: Kiosk, args: argparse.Namespace) -> int:
    result = kiosk.roster_importer.import_file(args.file, args.as_of, force=args.force)
    p = result.preview
    print(
        f"Roster as of {args.as_of} imported: {len(p.people)} people "
        f"({p.added} new, {p.removed} no longer listed, {p.changed} changed)."
    )
    return EXIT_OK


def cmd_vendors_import(kiosk: Kiosk, args: argparse.Namespace) -> int:
    print(f"{kiosk.catalog_importer.import_vendors(args.file)} UMKM imported.")
    return EXIT_OK


def cmd_products_import(kiosk: Kiosk, args: argparse.Namespace) -> int:
    print(f"{kiosk.catalog_importer.import_products(args.file)} products imported.")
    return EXIT_OK


def cmd_sales_import(kiosk: Kiosk, args: argparse.Namespace) -> int:
    count = kiosk.sales_importer.import_file(
        args.file, allow_repeated_rows=args.allow_repeated_rows
    )
    print(f"{count} paper sales recorded.")
    return EXIT_OK


def cmd_sales_void(kiosk: Kiosk, args: argparse.Namespace) -> int:
    sale = kiosk.admin.void(args.sale_id, args.reason)
    print(f"Sale {sale.number} ({format_rupiah(sale.total)}) voided.")
    return EXIT_OK


def cmd_exempt_add(kiosk: Kiosk, args: argparse.Namespace) -> int:
    kiosk.admin.exempt(args.nip, args.month, args.reason)
    print(f"{args.nip} is exempt for {args.month}.")
    return EXIT_OK


def _export(kind: ExportKind) -> Callable[[Kiosk, argparse.Namespace], int]:
    def run(kiosk: Kiosk, args: argparse.Namespace) -> int:
        month = args.month or kiosk.stall_clock.this_month()
        out = args.out or kiosk.settings.export.folder / kind.file_name(month)
        if out.is_dir():
            raise CliError(
                f"--out {out} is a folder; give a file name such as {out / kind.file_name(month)}"
            )
        rows = kind.run(kiosk.exports, month, out, args.delimiter)
        print(f"{rows} rows written to {out}")
        return EXIT_OK

    return run


def cmd_summary(kiosk: Kiosk, args: argparse.Namespace) -> int:
    month = args.month or kiosk.stall_clock.this_month()
    summaries = kiosk.compliance.opd_summary(month)
    width = max(len(s.opd) for s in summaries)
    print(f"Kepatuhan {month}  (memenuhi / wajib)")
    for s in summaries:
        print(
            f"  {s.opd:<{width}}  {s.met:>3} / {s.obliged:<3} "
            f"{100 * s.compliance_rate:5.1f}%  belanja {format_rupiah(s.spent)}"
        )
    met = sum(s.met for s in summaries)
    obliged = sum(s.obliged for s in summaries)
    print(
        f"  {'Semua OPD':<{width}}  {met:>3} / {obliged:<3} "
        f"{100 * met / obliged if obliged else 100:5.1f}%"
    )
    return EXIT_OK


def cmd_verify(kiosk: Kiosk, args: argparse.Namespace) -> int:
    report = kiosk.verify(expect_head=args.expect_head)
    if report.first_broken:
        print(f"ledger broken at {report.first_broken.describe()}", file=sys.stderr)
    for problem in report.evidence_problems:
        print(problem, file=sys.stderr)
    for problem in report.database_problems:
        print(f"database: {problem}", file=sys.stderr)
    if report.head_problem:
        print(report.head_problem, file=sys.stderr)
    against = None
    if args.against_central:
        try:
            against = _against_central(kiosk)
        except CliError as error:
            if report.ok:
                raise
            print(f"jikubata: {error}", file=sys.stderr)  # the broken ledger decides the exit
    if not report.ok or (against is not None and not against.ok):
        return EXIT_BROKEN_LEDGER
    if not report.key_present:
        raise CliError(
            f"the ledger key file {kiosk.settings.ledger.key_file} is missing, so the entries' "
            "MACs and the seals could not be checked and a forged entry cannot be told from a "
            "real one; run verify where the key file is (or 'jikubata init' if this database "
            "never had one)"
        )
    unkeyed = f" ({report.unkeyed_entries} written before the ledger key)"
    print(
        f"Ledger intact: {report.entries_checked} entries in {report.kiosks} kiosk chain(s), "
        f"MACs ok{unkeyed if report.unkeyed_entries else ''}, {report.seals} seals match, "
        "append-only triggers in place, database integrity ok."
    )
    # Deleting the newest entries leaves a consistent ledger: write the head down, compare
    # it with the newest receipt's QR, and pass it to --expect-head next time.
    for head in report.heads:
        print(f"head {head.line}")
    if against is not None:
        waiting = f"; {against.not_on_central} not pushed yet" if against.not_on_central else ""
        print(f"Matches central: {against.compared} entries of {against.kiosk_id}{waiting}.")
    return EXIT_OK


def _against_central(kiosk: Kiosk) -> AnchorReport:
    """Central's copy of this kiosk's chain against the local one; prints the mismatch."""
    from sqlalchemy.exc import DBAPIError

    from .central.anchor import compare_with_central
    from .ledger.engine import create_ledger_engine

    url = kiosk.settings.central.url
    if url is None:
        raise CliError(
            "--against-central needs the config's central section (central.url): this kiosk "
            "has no central to compare with"
        )
    engine = create_ledger_engine(url, connect_args={"connect_timeout": 10})
    try:
        against = compare_with_central(kiosk.db, engine, kiosk.settings.stall.kiosk_id)
    except DBAPIError as error:
        reason = str(error.orig).strip().splitlines()[0] if str(error.orig).strip() else "?"
        raise CliError(f"central could not be read ({reason}); nothing was compared") from None
    finally:
        engine.dispose()
    if against.mismatch is not None:
        print(f"against central: {against.mismatch}", file=sys.stderr)
    return against


def _minutes_ago(now: dt.datetime, moment: dt.datetime) -> str:
    return f"{moment:%Y-%m-%d %H:%M} UTC, {int((now - moment).total_seconds() // 60)} min ago"


def cmd_central_verify(args: argparse.Namespace) -> int:
    """Needs no config: it runs wherever the central owner's URL works."""
    from sqlalchemy.exc import DBAPIError

    from .central.checks import verify_central
    from .ledger.engine import create_ledger_engine

    stale_after = dt.timedelta(minutes=args.stale_minutes)
    now = dt.datetime.now(dt.UTC)
    engine = create_ledger_engine(args.url)
    try:
        report = verify_central(engine, stale_after=stale_after, now=now)
    except DBAPIError as error:
        reason = str(error.orig).strip().splitlines()[0] if str(error.orig).strip() else "?"
        raise CliError(f"central could not be read ({reason})") from None
    finally:
        engine.dispose()
    for problem in report.problems:
        print(f"central: {problem}", file=sys.stderr)
    for kiosk in report.kiosks:
        if kiosk.broken is not None:
            print(f"{kiosk.kiosk_id}: chain broken at {kiosk.broken.describe()}", file=sys.stderr)
        if kiosk.continuity is not None:
            print(f"{kiosk.kiosk_id}: {kiosk.continuity}", file=sys.stderr)
        if kiosk.alarm is not None:
            since = f" (since {kiosk.alarm_at:%Y-%m-%d %H:%M} UTC)" if kiosk.alarm_at else ""
            print(f"{kiosk.kiosk_id}: ALARM{since}: {kiosk.alarm}", file=sys.stderr)
        if kiosk.ok:
            head = kiosk.head.line if kiosk.head else "no entries yet"
            print(f"{kiosk.kiosk_id}: {kiosk.entries} entries, chain intact, head {head}")
    what = "last push" if report.push_times_from == "central_kiosks" else "newest entry"
    for kiosk in report.kiosks:
        if kiosk.stale:
            when = _minutes_ago(now, kiosk.last_push_at) if kiosk.last_push_at else "never"
            print(f"stale: {kiosk.kiosk_id}, {what} {when} (threshold {args.stale_minutes} min)")
    print(
        "Entries' MACs are not checked on central (each kiosk's ledger key stays on the kiosk): "
        "run 'jikubata ledger verify' on each kiosk for them."
    )
    if not report.ok:
        return EXIT_BROKEN_LEDGER
    print(
        f"Central intact: {report.entries} entries in {len(report.kiosks)} kiosk chain(s), "
        "each continuing the head verified last time."
    )
    return EXIT_OK


def _expected_head(text: str) -> ExpectedHead:
    from .ledger.verify import ExpectedHead

    try:
        return ExpectedHead.parse(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def cmd_backup(kiosk: Kiosk, args: argparse.Namespace) -> int:
    if args.dir is not None:
        if args.dir.exists() and not args.dir.is_dir():
            raise CliError(f"{args.dir} is a file; give the folder to write the backup into")
        print(f"Backup written: {kiosk.backup(args.dir)}")  # a copy by hand: nothing deleted
        return EXIT_OK
    from .services.backups import BackupPolicy, run_backup

    backup = kiosk.settings.backup
    policy = BackupPolicy(
        backup.folder,
        backup.keep_daily,
        backup.keep_monthly,
        backup.usb_label,
        kiosk.settings.stall.kiosk_id,
    )
    done = run_backup(kiosk.backup, policy)
    for line in done.lines(policy):
        print(line)
    if done.stick_error:
        print(f"jikubata: {done.stick_error}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def cmd_doctor(config: Path, args: argparse.Namespace) -> int:
    """Every check, even with a broken config (that is the first check): never opens the
    kiosk the usual way, which would create or migrate the ledger."""
    from .doctor import diagnose

    findings = diagnose(config)
    for finding in findings:
        print(finding.line())
    problems = sum(finding.must_fix for finding in findings)
    if problems:
        print(f"{problems} problem(s) to fix (the lines marked ✗).")
        return EXIT_ERROR
    print("Everything the kiosk needs is in place.")
    return EXIT_OK


def cmd_cards(kiosk: Kiosk, args: argparse.Namespace) -> int:
    count = kiosk.card_service().write_pdf(args.out, opd=args.opd, nips=args.nip or ())
    print(f"{count} card(s) written to {args.out} (print at 100 %, cut on the marks).")
    return EXIT_OK


def cmd_printer_test(kiosk: Kiosk, args: argparse.Namespace) -> int:
    from .printing.escpos_output import codepage_note  # loads python-escpos: only here
    from .services.printer_advice import CONFIRMED_CONNECTIONS, unanswered_status
    from .services.printing_ports import Problem

    printer_settings = kiosk.settings.printer
    if printer_settings.connection == "none":
        raise CliError("printer.connection is 'none': this kiosk prints nothing")
    job = kiosk.receipts.print_test_page(
        printer_settings.profile, codepage_note(printer_settings.profile)
    )
    result, status, problem = kiosk.print_now(job)
    if result is None or result.status != "printed":
        if problem in (Problem.UNCONFIRMED, Problem.NO_ANSWER):
            raise CliError(unanswered_status(printer_settings, "the test page"))
        reason = result.last_error if result else "the job vanished"
        raise CliError(f"the test page did not print: {reason}")
    where = f" to {printer_settings.path}" if printer_settings.connection == "file" else ""
    paper = {"ok": ", paper ok", "low": ", paper running low"}.get(
        (status.paper if status else None) or "", ""
    )
    setup = (
        f"{printer_settings.connection}, {printer_settings.chars_per_line} characters per "
        f"line, profile {printer_settings.profile}"
    )
    if printer_settings.connection in CONFIRMED_CONNECTIONS and (
        not printer_settings.confirm_with_status
    ):
        print(
            f"Test page sent ({setup}); the printer was not asked whether it printed, since "
            "printer.confirm_with_status is false: check that the page came out."
        )
        return EXIT_OK
    print(f"Test page printed{where} ({setup}{paper}).")
    return EXIT_OK


def cmd_operator_add(kiosk: Kiosk, args: argparse.Namespace) -> int:
    kiosk.operators.set_pin(args.name, _read_new_pin("PIN (4-8 digits)"), kode_umkm=args.umkm)
    print(f"Operator {args.name} can log in at the kiosk.")
    return EXIT_OK


def _read_new_pin(prompt: str = "New admin PIN (6-12 digits)") -> str:
    if sys.stdin.isatty():
        first = getpass.getpass(f"{prompt}: ")
        if getpass.getpass("Again: ") != first:
            raise CliError("the two PINs differ; nothing was changed")
        return first
    return sys.stdin.readline().strip()


def cmd_set_pin(kiosk: Kiosk, args: argparse.Namespace) -> int:
    kiosk.admin_pin.set_pin(_read_new_pin())
    print("Admin PIN set.")
    return EXIT_OK


# --- paying the UMKM ---------------------------------------------------------------------

PAYOUT_KINDS = {"payout": "payout", "advance": "advance", "reversal": "reversal"}


def cmd_payout_add(kiosk: Kiosk, args: argparse.Namespace) -> int:
    from .domain.money import parse_rupiah
    from .domain.settlement import PayoutKind, PayoutProblem

    amount = parse_rupiah(args.amount)
    shift = None
    if args.from_till:
        shift = kiosk.shifts.current()
        if shift is None:
            raise CliError(
                f"no till shift is open on {kiosk.settings.stall.kiosk_id}, so nothing was "
                "recorded: leave out --from-till when the money did not come from the drawer"
            )
    try:
        record = kiosk.payouts.pay(
            args.umkm,
            amount,
            args.note,
            actor=ADMIN_ACTOR,
            advance=args.advance,
            shift_id=shift.shift_id if shift else None,
        )
    except DomainError as error:
        if error.code is PayoutProblem.ABOVE_BALANCE:
            raise CliError(
                f"{format_rupiah(amount)} is more than {args.umkm}'s balance of "
                f"{format_rupiah(error.values['balance'])}, so nothing was recorded: add "  # type: ignore[arg-type]
                "--advance to record it as an advance (kasbon)"
            ) from None
        raise
    balance = kiosk.payouts.balance(record.kode_umkm)
    saldo = balance.saldo if balance else 0
    what = "Advance" if record.kind is PayoutKind.ADVANCE else "Payout"
    print(
        f"{what} {record.number} recorded: {format_rupiah(record.amount)} to {record.kode_umkm} "
        f"({record.nama_umkm}); its balance is now {format_rupiah(saldo)}."
    )
    if shift is not None:
        print(
            f"It came out of the till of shift {shift.shift_no}: "
            "that shift's expected cash is lower by it."
        )
    if args.advance and record.kind is not PayoutKind.ADVANCE:
        print("It was within the balance, so it is recorded as a payout, not an advance.")
    return EXIT_OK


def cmd_payout_reverse(kiosk: Kiosk, args: argparse.Namespace) -> int:
    record = kiosk.payouts.reverse(args.payout, args.note, actor=ADMIN_ACTOR)
    balance = kiosk.payouts.balance(record.kode_umkm)
    print(
        f"Payout {record.reverses} ({format_rupiah(record.amount)} to {record.kode_umkm}) "
        f"reversed by {record.number}; the balance is now "
        f"{format_rupiah(balance.saldo if balance else 0)}."
    )
    return EXIT_OK


def cmd_payout_list(kiosk: Kiosk, args: argparse.Namespace) -> int:
    records = kiosk.payouts.payouts(kode_umkm=args.umkm, month=args.month)
    tz = kiosk.settings.stall.tz
    where = f" to {args.umkm}" if args.umkm else ""
    when = f" in {args.month}" if args.month else ""
    if not records:
        print(f"No payouts{where}{when}.")
    for r in records:
        status = f"  reversed by {r.reversed_by}" if r.reversed_by else ""
        if r.reverses:
            status = f"  reverses {r.reverses}"
        print(
            f"{r.number}  {r.created_at.astimezone(tz):%Y-%m-%d %H:%M}  {r.kode_umkm}  "
            f"{PAYOUT_KINDS[r.kind.value]:<8}  {format_rupiah(r.paid):>13}  {r.paid_by}  "
            f"{r.note}{status}"
        )
    if args.umkm:
        month = args.month or kiosk.stall_clock.this_month()
        balance = kiosk.payouts.balance(args.umkm, month)
        if balance is not None:
            print(
                f"{args.umkm} in {month}: earned {format_rupiah(balance.pendapatan)}, fee "
                f"{format_rupiah(balance.potongan)}, paid {format_rupiah(balance.dibayar)}, "
                f"balance {format_rupiah(balance.saldo)}."
            )


# --- consignment stock for the day ---------------------------------------------------------


def cmd_stock_add(kiosk: Kiosk, args: argparse.Namespace) -> int:
    from .domain.stock import parse_pieces

    pieces = parse_pieces(args.pieces)
    count = kiosk.stock.add(
        args.umkm,
        args.sku,
        pieces,
        actor=ADMIN_ACTOR,
        may_correct=True,  # the command line is the admin's
        day=args.date,
        note=args.note,
    )
    what = "Drop-off" if pieces > 0 else "Correction"
    day = args.date or kiosk.stall_clock.today()
    print(
        f"{what} of {pieces:+d} recorded for {count.sku} ({count.nama}) of {count.kode_umkm} "
        f"on {day}: dropped {count.dropped}, sold {count.sold}, left {count.left}."
    )
    return EXIT_OK


def cmd_stock_show(kiosk: Kiosk, args: argparse.Namespace) -> int:
    day = args.date or kiosk.stall_clock.today()
    counts = kiosk.stock.day(day, kode_umkm=args.umkm)
    if not counts:
        print(f"No product is counted on {day}" + (f" for {args.umkm}." if args.umkm else "."))
        return EXIT_OK
    print(f"Stock on {day} (dropped, sold, left = returned at close):")
    width = max(len(c.sku) for c in counts)
    for c in counts:
        print(
            f"  {c.kode_umkm}  {c.sku:<{width}}  {c.dropped:>5}  {c.sold:>5}  {c.left:>5}  {c.nama}"
        )
    return EXIT_OK


# --- the till's shifts ------------------------------------------------------------------


def _shift_lines(figures: ShiftFigures) -> list[str]:
    """A shift's cash and counts, one figure a line (``shift status`` and ``shift close``)."""
    voids = f"{figures.void_count} void(s) ({format_rupiah(figures.void_amount)})"
    receipts = f" ({figures.first_receipt} to {figures.last_receipt})" if figures.first_seq else ""
    return [
        f"  float          {format_rupiah(figures.float_amount):>14}",
        f"  cash sales   + {format_rupiah(figures.cash_sales):>14}",
        f"  cash voids   - {format_rupiah(figures.cash_voids):>14}",
        f"  till payouts - {format_rupiah(figures.till_payouts):>14}",
        f"  expected cash  {format_rupiah(figures.expected):>14}",
        f"  QRIS (apart)   {format_rupiah(figures.qris_total):>14}",
        f"  {figures.sale_count} sale(s){receipts}, {voids}",
    ]


def cmd_shift_status(kiosk: Kiosk, args: argparse.Namespace) -> int:
    figures = kiosk.shifts.current_figures()
    if figures is None:
        print(f"No till shift is open on {kiosk.settings.stall.kiosk_id}.")
        return EXIT_OK
    tz = kiosk.settings.stall.tz
    opened = figures.opened_at.astimezone(tz).strftime("%Y-%m-%d %H:%M")
    print(
        f"Shift {figures.shift_no} on {figures.kiosk_id} is open since {opened}; "
        f"operators: {' > '.join(figures.operators)}."
    )
    print("\n".join(_shift_lines(figures)))
    shift = kiosk.shifts.current()
    if shift is not None and kiosk.shifts.outlived_its_day(shift):
        print(
            "It was opened on an earlier day: the next login closes it without a count, "
            "or close it now with 'jikubata shift close --counted RUPIAH'."
        )
    return EXIT_OK


def cmd_shift_close(kiosk: Kiosk, args: argparse.Namespace) -> int:
    from .domain.money import parse_rupiah

    figures = kiosk.shifts.close_open(parse_rupiah(args.counted), args.reason)
    difference = figures.difference or 0
    shown = ("+" if difference > 0 else "") + format_rupiah(difference)
    why = f" ({figures.reason})" if figures.reason else ""
    print(
        f"Shift {figures.shift_no} closed: counted {format_rupiah(figures.counted or 0)}, "
        f"expected {format_rupiah(figures.expected)}, difference {shown}{why}."
    )
    print("\n".join(_shift_lines(figures)))
    return EXIT_OK


# --- the X/Z reports -------------------------------------------------------------------


def _print_report(kiosk: Kiosk, report: ShiftReport) -> None:
    """Queue the report on the receipt printer and send it now, as `printer test` does."""
    job = kiosk.reports.print_report(report)
    result = kiosk.print_now(job).job
    what = f"{report.kind}-report of shift {report.figures.shift_no}"
    if result is not None and result.status == "printed":
        print(f"The {what} was printed (print job {job}).")
    else:
        reason = result.last_error if result else "the kiosk's print worker has it"
        print(f"The {what} is queued as print job {job} and not printed yet: {reason}.")


def _require_printer(kiosk: Kiosk, args: argparse.Namespace) -> None:
    if args.print and kiosk.settings.printer.connection == "none":
        raise CliError("printer.connection is 'none': this kiosk prints nothing")


def cmd_report_x(kiosk: Kiosk, args: argparse.Namespace) -> int:
    _require_printer(kiosk, args)
    report = kiosk.reports.x_report()
    if report is None:
        print(f"No till shift is open on {kiosk.settings.stall.kiosk_id}.")
        return EXIT_OK
    print(kiosk.reports.report_text(report), end="")
    if args.print:
        _print_report(kiosk, report)
    return EXIT_OK


def cmd_report_z(kiosk: Kiosk, args: argparse.Namespace) -> int:
    _require_printer(kiosk, args)
    day = args.date or kiosk.stall_clock.today()
    reports = kiosk.reports.z_reports(day)
    if not reports:
        print(f"No till shift opened on {day:%Y-%m-%d} has been closed.")
        return EXIT_OK
    for index, report in enumerate(reports):
        if index:
            print()
        print(kiosk.reports.report_text(report), end="")
    if args.print:
        for report in reports:
            _print_report(kiosk, report)
    return EXIT_OK


def cmd_sync(kiosk: Kiosk, args: argparse.Namespace) -> int:
    service = kiosk.sync_service()
    if service is None:
        raise CliError("this kiosk's config has no central section, so there is nothing to sync")
    if args.clear_alarm:
        from .central.state import SyncState

        if SyncState(kiosk.db, kiosk.settings.stall.kiosk_id).clear_alarm():
            print("Alarm cleared on this kiosk; the push starts again.")
    outcome = service.sync_once()
    if not outcome.ok:
        print(f"jikubata: {outcome.sentence}", file=sys.stderr)
        return EXIT_ERROR
    print(f"Sync done: {outcome.pushed} entries pushed; {outcome.sentence}.")
    return EXIT_OK


def _owner_url(args: argparse.Namespace) -> str:
    url = args.owner_url or os.environ.get("JIKUBATA_CENTRAL_OWNER_URL")
    if not url:
        raise CliError("give the central database's owner URL: --owner-url postgresql+psycopg://…")
    return str(url).replace("postgresql://", "postgresql+psycopg://", 1)


def cmd_central_init(args: argparse.Namespace) -> int:
    from .central.schema import init_central

    result = init_central(_owner_url(args))
    print(
        f"Central store ready in database {result.database} at schema "
        f"{result.schema_revision}; kiosk logins join the role {result.group}."
    )
    if result.dropped_foreign_keys:
        print(
            f"Dropped links to data kiosks do not push: {', '.join(result.dropped_foreign_keys)}."
        )
    return EXIT_OK


def cmd_central_add_kiosk(args: argparse.Namespace) -> int:
    from .central.schema import add_kiosk

    added = add_kiosk(_owner_url(args), args.kiosk_id)
    print(f"# Kiosk {added.kiosk_id} logs in as {added.role}; put this in its config.yaml")
    print("# (the password is shown once; keep the file readable by the kiosk's user only):")
    print(added.config_block(args.interval), end="")
    return EXIT_OK


def cmd_central_clear_alarm(args: argparse.Namespace) -> int:
    from .central.schema import clear_alarm

    if not clear_alarm(_owner_url(args), args.kiosk_id):
        raise CliError(f"kiosk {args.kiosk_id} has no alarm on central")
    print(
        f"Alarm of kiosk {args.kiosk_id} cleared on central; clear it on the kiosk with "
        "'jikubata sync --clear-alarm' once its ledger is sorted out."
    )
    return EXIT_OK


CENTRAL_COMMANDS = (
    cmd_central_init,
    cmd_central_add_kiosk,
    cmd_central_clear_alarm,
    cmd_central_verify,
)


# --- parser -----------------------------------------------------------------------------


def build_parser(*, only_run: bool = False) -> argparse.ArgumentParser:
    """Every command's parser; ``only_run``: just ``run``'s, for starting the kiosk, which
    must not wait for forty subcommands to be built (see ``_starts_the_kiosk``)."""
    parser = argparse.ArgumentParser(
        prog="jikubata", description="Jiku Bata kiosk: ledger, roster, exports and maintenance."
    )
    parser.add_argument(
        "--config", help="config file (default: $JIKUBATA_CONFIG, else ./config.yaml)"
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(parent, name: str, handler, help_text: str):  # type: ignore[no-untyped-def]
        sub = parent.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(handler=handler)
        return sub

    run = add(
        commands,
        "run",
        cmd_run,
        "start the touchscreen kiosk (also what jikubata does with no command)",
    )
    run.add_argument(
        "--windowed", action="store_true", help="a 1280x800 window instead of full screen"
    )
    run.add_argument(
        "--demo",
        action="store_true",
        help="a throw-away database with sample data, deleted on exit",
    )
    if only_run:
        return parser

    init = add(commands, "init", cmd_init, "create or migrate the database and the card key")
    init.add_argument(
        "--sample-data",
        action="store_true",
        help="load the demo roster, UMKM, products and sales into an empty database",
    )

    roster = commands.add_parser("roster", help="the ASN roster").add_subparsers(
        dest="roster_command", metavar="ACTION", required=True
    )
    roster_import = add(
        roster, "import", cmd_roster_import, "import the complete ASN roster as of a date"
    )
    roster_import.add_argument("file", type=_path)
    roster_import.add_argument("--as-of", type=_date, required=True, metavar="YYYY-MM-DD")
    roster_import.add_argument(
        "--force", action="store_true", help="accept a roster that removes many people"
    )

    for noun, handler, text in (
        ("vendors", cmd_vendors_import, "import the UMKM (vendors)"),
        ("products", cmd_products_import, "import the UMKM products"),
    ):
        group = commands.add_parser(noun, help=text).add_subparsers(
            dest=f"{noun}_command", metavar="ACTION", required=True
        )
        add(group, "import", handler, text).add_argument("file", type=_path)

    sales = commands.add_parser("sales", help="paper sales and voids").add_subparsers(
        dest="sales_command", metavar="ACTION", required=True
    )
    sales_import = add(
        sales,
        "import",
        cmd_sales_import,
        "record purchases written down while the kiosk was unavailable",
    )
    sales_import.add_argument("file", type=_path)
    sales_import.add_argument(
        "--allow-repeated-rows",
        action="store_true",
        help="record a purchase even when an earlier file or a line above has the same "
        "waktu, nip, kode_umkm and jumlah (it really was bought twice)",
    )
    void = add(sales, "void", cmd_sales_void, "void a sale (a new ledger entry; nothing erased)")
    void.add_argument("sale_id", metavar="SALE_ID", help="receipt number, e.g. AMB-01-000123")
    void.add_argument("--reason", required=True)

    exempt = commands.add_parser("exempt", help="exemptions").add_subparsers(
        dest="exempt_command", metavar="ACTION", required=True
    )
    exempt_add = add(
        exempt, "add", cmd_exempt_add, "excuse an ASN for a month (leave, sickness, duty travel)"
    )
    exempt_add.add_argument("--nip", required=True)
    exempt_add.add_argument("--month", type=_month, required=True, metavar="YYYY-MM")
    exempt_add.add_argument("--reason", required=True)

    export = commands.add_parser("export", help="monthly CSV exports").add_subparsers(
        dest="export_command", metavar="REPORT", required=True
    )
    for kind in EXPORT_KINDS:
        sub = add(export, kind.key, _export(kind), kind.description)
        sub.add_argument(
            "--month", type=_month, metavar="YYYY-MM", help="default: this month (stall time)"
        )
        sub.add_argument(
            "--out",
            type=Path,
            metavar="FILE",
            help="default: <export folder>/"
            + kind.file_name(Month(2026, 11)).replace("2026-11", "YYYY-MM"),
        )
        sub.add_argument(
            "--delimiter", choices=[",", ";"], help="default: export.delimiter from the config"
        )

    payout = commands.add_parser("payout", help="money handed to each UMKM").add_subparsers(
        dest="payout_command", metavar="ACTION", required=True
    )
    payout_add = add(
        payout,
        "add",
        cmd_payout_add,
        "record money handed to a UMKM (above its balance only with --advance)",
    )
    payout_add.add_argument("--umkm", required=True, metavar="KODE_UMKM")
    payout_add.add_argument(
        "--amount", required=True, metavar="RUPIAH", help="whole rupiah: 50000 or 50.000"
    )
    payout_add.add_argument("--note", required=True, help="to whom and how (cash, a transfer)")
    payout_add.add_argument(
        "--advance",
        action="store_true",
        help="it is more than the UMKM's balance: record it as an advance (kasbon)",
    )
    payout_add.add_argument(
        "--from-till",
        action="store_true",
        help="the cash came out of the open till shift's drawer (its expected cash drops)",
    )
    payout_reverse = add(
        payout,
        "reverse",
        cmd_payout_reverse,
        "take back a mistaken payout or advance (a new entry; nothing erased)",
    )
    payout_reverse.add_argument(
        "payout", metavar="PAYOUT_NO", help="its number, e.g. AMB-01-000124 (payout list)"
    )
    payout_reverse.add_argument("--note", required=True, help="why it is taken back")
    payout_list = add(payout, "list", cmd_payout_list, "list payouts, advances and reversals")
    payout_list.add_argument("--umkm", metavar="KODE_UMKM", help="only this UMKM, with its balance")
    payout_list.add_argument(
        "--month", type=_month, metavar="YYYY-MM", help="only those made in this month"
    )

    summary = add(commands, "summary", cmd_summary, "print the month's compliance per OPD")
    summary.add_argument("--month", type=_month, metavar="YYYY-MM")

    ledger = commands.add_parser("ledger", help="ledger checks").add_subparsers(
        dest="ledger_command", metavar="ACTION", required=True
    )
    verify = add(
        ledger,
        "verify",
        cmd_verify,
        "check the hash chain, the entries' MACs, the seals, the append-only triggers and "
        "database integrity; print each chain's head",
    )
    verify.add_argument(
        "--expect-head",
        type=_expected_head,
        metavar="KIOSK_ID:SEQ:HASH12",
        help="a head printed by an earlier verify: fail unless it is still in the chain",
    )
    verify.add_argument(
        "--against-central",
        action="store_true",
        help="also name the first entry that no longer matches central's copy (central.url)",
    )

    backup = add(
        commands,
        "backup",
        cmd_backup,
        "consistent online copy of the database into backup.folder, then keep the newest of "
        "each of the last backup.keep_daily days and backup.keep_monthly months, and copy it "
        "onto the USB stick labelled backup.usb_label when one is mounted",
    )
    backup.add_argument(
        "dir",
        nargs="?",
        type=Path,
        help="write one copy into this folder instead (no retention, no USB copy)",
    )

    cards = add(
        commands,
        "cards",
        cmd_cards,
        "printable A4 sheet of signed QR ID cards (10 per page) for the roster in force",
    )
    cards.add_argument("--out", type=Path, required=True, metavar="FILE.pdf")
    cards.add_argument("--opd", metavar="NAME", help="only this OPD (case does not matter)")
    cards.add_argument("--nip", nargs="+", metavar="NIP", help="only these people")

    add(
        commands,
        "doctor",
        cmd_doctor,
        "check the config, database, keys, file modes, printer, clock and time zone, disk, "
        "backups, Qt and the screen: one line each, exit 1 when something must be fixed",
    )

    printer = commands.add_parser("printer", help="the receipt printer").add_subparsers(
        dest="printer_command", metavar="ACTION", required=True
    )
    add(
        printer,
        "test",
        cmd_printer_test,
        "print a page with a width ruler, the code page in use and a QR",
    )

    operator = commands.add_parser("operator", help="vendors on duty").add_subparsers(
        dest="operator_command", metavar="ACTION", required=True
    )
    operator_add = add(
        operator,
        "add",
        cmd_operator_add,
        "add a vendor who may log in to the till, or change their PIN "
        "(read from the terminal or stdin)",
    )
    operator_add.add_argument("name")
    operator_add.add_argument("--umkm", metavar="KODE_UMKM", help="the UMKM they sell for")

    # -- consignment stock for the day --
    stock = commands.add_parser(
        "stock", help="consignment stock for the day (titip jual)"
    ).add_subparsers(dest="stock_command", metavar="ACTION", required=True)
    stock_add = add(
        stock,
        "add",
        cmd_stock_add,
        "record pieces a UMKM dropped off for a day (negative: a correction, never below "
        "what that day already sold)",
    )
    stock_add.add_argument("--sku", required=True)
    stock_add.add_argument("--umkm", required=True, metavar="KODE_UMKM")
    stock_add.add_argument(
        "--pieces", required=True, metavar="N", help="whole pieces; -2 takes 2 off the count"
    )
    stock_add.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="the stall's day (default: today)"
    )
    stock_add.add_argument("--note", help="why (e.g. a correction)")
    stock_show = add(
        stock, "show", cmd_stock_show, "each counted product's dropped, sold and left for a day"
    )
    stock_show.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="the stall's day (default: today)"
    )
    stock_show.add_argument("--umkm", metavar="KODE_UMKM", help="only this UMKM")

    # -- the till's shifts --
    shift = commands.add_parser("shift", help="the till's shift (sesi kasir)").add_subparsers(
        dest="shift_command", metavar="ACTION", required=True
    )
    add(
        shift,
        "status",
        cmd_shift_status,
        "the open shift: its operators, expected cash and QRIS total",
    )
    shift_close = add(
        shift,
        "close",
        cmd_shift_close,
        "close the open shift (e.g. one left open) with the cash counted in the drawer",
    )
    shift_close.add_argument(
        "--counted", required=True, metavar="RUPIAH", help="the cash in the drawer, whole rupiah"
    )
    shift_close.add_argument(
        "--reason", help="why the count differs from the expected cash (needed when it does)"
    )

    # -- the X/Z reports --
    report = commands.add_parser(
        "report", help="the till's X/Z reports, as the receipt printer prints them"
    ).add_subparsers(dest="report_command", metavar="REPORT", required=True)
    report_x = add(report, "x", cmd_report_x, "the open shift so far (nothing is closed)")
    report_z = add(
        report, "z", cmd_report_z, "the Z-report of each shift opened on a day and closed"
    )
    report_z.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="default: today (stall time)"
    )
    for sub in (report_x, report_z):
        sub.add_argument(
            "--print", action="store_true", help="also print it on the receipt printer"
        )

    sync = add(
        commands,
        "sync",
        cmd_sync,
        "push this kiosk's entries to central now; exit 0 when central holds them all",
    )
    sync.add_argument(
        "--clear-alarm",
        action="store_true",
        help="clear this kiosk's push alarm first (after the cause was dealt with)",
    )
    central = commands.add_parser(
        "central", help="the central PostgreSQL store of several kiosks"
    ).add_subparsers(dest="central_command", metavar="ACTION", required=True)
    central_init = add(
        central, "init", cmd_central_init, "create or upgrade the central schema and roles"
    )
    central_add = add(
        central, "add-kiosk", cmd_central_add_kiosk, "a login for one kiosk, and its config"
    )
    central_add.add_argument("kiosk_id", metavar="KIOSK_ID", help="the kiosk's stall.kiosk_id")
    central_add.add_argument(
        "--interval", type=int, default=30, help="seconds between syncs (default 30)"
    )
    central_clear = add(
        central, "clear-alarm", cmd_central_clear_alarm, "clear a kiosk's alarm on central"
    )
    central_clear.add_argument("kiosk_id", metavar="KIOSK_ID")
    for sub in (central_init, central_add, central_clear):
        sub.add_argument(
            "--owner-url",
            help="the central database as its owner (default: $JIKUBATA_CENTRAL_OWNER_URL)",
        )
    central_verify = add(
        central,
        "verify",
        cmd_central_verify,
        "walk every kiosk's chain on central (hashes, links, no gaps, continuity with the "
        "last verified head), list kiosks that have not pushed lately and push alarms",
    )
    central_verify.add_argument(
        "--url", required=True, help="the central database as its owner: postgresql+psycopg://…"
    )
    central_verify.add_argument(
        "--stale-minutes",
        type=int,
        default=60,
        metavar="N",
        help="list kiosks whose last push is older than this (default 60)",
    )

    admin = commands.add_parser("admin", help="admin settings").add_subparsers(
        dest="admin_command", metavar="ACTION", required=True
    )
    add(admin, "set-pin", cmd_set_pin, "set the admin PIN (read from the terminal or stdin)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Before anything is written: the ledger, its WAL, backups, logs, receipts and exports
    # hold NIPs, names and PIN hashes, so whatever this process creates is the user's alone.
    previous_umask = os.umask(UMASK)
    try:
        return _main(argv)
    finally:
        os.umask(previous_umask)  # for callers that run main() in their own process (tests)


def _starts_the_kiosk(argv: Sequence[str]) -> bool:
    """True when the command is ``run`` (or none, which means run) and no help is asked for:
    then the top-level options and ``run``'s are all the parser needs."""
    words = iter(argv)
    for word in words:
        if word in ("-h", "--help"):
            return False
        if word == "--config":
            next(words, None)
        elif not word.startswith("-"):
            return word == "run" and not {"-h", "--help"} & set(words)
    return True


def _main(argv: Sequence[str] | None) -> int:
    words = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(only_run=_starts_the_kiosk(words))
    args = parser.parse_args(words)
    handler = getattr(args, "handler", cmd_run)  # no command: start the kiosk (README)
    try:
        if handler in CENTRAL_COMMANDS:  # central's own: no kiosk, no config.yaml
            return handler(args)
        if handler is cmd_doctor:
            return cmd_doctor(config_path(args.config), args)
        settings = load_settings(config_path(args.config))
        if handler in (cmd_init, cmd_run):
            return handler(settings, args)
        from .bootstrap import open_kiosk

        with open_kiosk(settings) as kiosk:
            return handler(kiosk, args)
    except user_errors() as error:  # evaluated only when something was raised
        if args.debug:
            raise
        print(f"jikubata: {error}", file=sys.stderr)
        problems = getattr(error, "problems", ())  # an import refused row by row
        if len(problems) > 1:
            for problem in problems[:MAX_LISTED_PROBLEMS]:
                print(f"  {problem}", file=sys.stderr)
            if len(problems) > MAX_LISTED_PROBLEMS:
                print(f"  … and {len(problems) - MAX_LISTED_PROBLEMS} more", file=sys.stderr)
        return EXIT_ERROR
    except database_errors() as error:
        if args.debug:
            raise
        print(
            f"jikubata: the database could not be used ({error.orig}); is another program "
            "holding it, or is the disk full?",
            file=sys.stderr,
        )
        return EXIT_ERROR
