"""`--help` everywhere, no subcommand, and an unknown subcommand."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Kiosk

# Every subcommand and words from its purpose (the README's command table).
SUBCOMMANDS: dict[tuple[str, ...], str] = {
    ("init",): "create or migrate the database",
    ("roster", "import"): "import the complete ASN roster as of a date",
    ("vendors", "import"): "import the UMKM",
    ("products", "import"): "import the UMKM products",
    ("sales", "import"): "record purchases written down while the kiosk was unavailable",
    ("sales", "void"): "void a sale",
    ("exempt", "add"): "excuse an ASN for a month",
    ("export", "compliance"): "the monthly compliance CSV",
    ("export", "opd"): "per-OPD",
    ("export", "vendors"): "revenue per UMKM",
    ("export", "sales"): "every sale line",
    ("export", "settlement"): "what each UMKM sold per day and product",
    ("export", "balances"): "every UMKM's month",
    ("payout", "add"): "record money handed to a UMKM",
    ("payout", "reverse"): "take back a mistaken payout or advance",
    ("payout", "list"): "list payouts, advances and reversals",
    ("summary",): "compliance per OPD",
    ("ledger", "verify"): "check the hash chain, the entries' MACs, the seals",
    ("backup",): "consistent online copy of the database",
    ("doctor",): "check the config, database, keys, file modes, printer",
    ("admin", "set-pin"): "set the admin PIN",
    ("run",): "start the touchscreen kiosk",
    ("cards",): "printable A4 sheet of signed QR ID cards",
    ("printer", "test"): "print a page with a width ruler",
    ("operator", "add"): "add a vendor who may log in to the till",
    ("stock", "add"): "record pieces a UMKM dropped off for a day",
    ("stock", "show"): "each counted product's dropped, sold and left",
}


def test_top_level_help_and_unknown_subcommand(fresh: Kiosk) -> None:
    explicit, unknown = fresh.run_many(("--help",), ("frobnicate",))

    for result in (explicit,):
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("usage: jikubata")
        assert "--config" in result.stdout
        for command in sorted({words[0] for words in SUBCOMMANDS}):
            assert f"\n    {command} " in result.stdout, f"'{command}' missing from the help"
    assert unknown.returncode == 2
    assert unknown.stdout == ""
    assert "invalid choice: 'frobnicate'" in unknown.stderr
    assert not (fresh.home / "data").exists(), "help and usage errors must not create a database"


def test_every_subcommand_help_exits_0_and_states_its_purpose(fresh: Kiosk) -> None:
    commands = list(SUBCOMMANDS)
    results = fresh.run_many(*[(*words, "--help") for words in commands], raw_argv=True)
    problems = []
    for words, result in zip(commands, results, strict=True):
        name = " ".join(words)
        if result.returncode != 0:
            problems.append(f"'{name} --help' exited {result.returncode}: {result.stderr}")
        elif not result.stdout.startswith(f"usage: jikubata {name}"):
            problems.append(f"'{name} --help' does not start with its usage line")
        elif SUBCOMMANDS[words] not in " ".join(result.stdout.split()):
            problems.append(f"'{name} --help' does not say '{SUBCOMMANDS[words]}'")
    assert not problems, "\n".join(problems)
