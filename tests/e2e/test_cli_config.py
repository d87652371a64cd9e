"""Config errors: one sentence naming the key (or the file), exit 1."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Kiosk


def test_unknown_config_key_is_named(fresh: Kiosk) -> None:
    text = fresh.config.read_text(encoding="utf-8")
    assert "  port: 9100 " in text, "the shipped config.yaml changed; update this test"
    fresh.config.write_text(text.replace("  port: 9100 ", "  prot: 9100 ", 1), encoding="utf-8")

    explicit, default = fresh.run_many(
        ("--config", fresh.config, "ledger", "verify"),
        ("ledger", "verify"),  # no --config: ./config.yaml
        raw_argv=True,
    )

    for result in (explicit, default):
        lines = fresh.refused(result)
        assert len(lines) == 1, lines
        assert lines[0].startswith(f"jikubata: {fresh.config}: printer.prot is not a known setting")


def test_missing_config_file_names_the_path(fresh: Kiosk) -> None:
    missing = fresh.home / "nowhere" / "config.yaml"
    (fresh.home / "config.yaml").unlink()
    explicit, default = fresh.run_many(
        ("--config", missing, "ledger", "verify"),
        ("ledger", "verify"),  # no --config: ./config.yaml
        raw_argv=True,
    )

    assert fresh.refused(explicit) == [f"jikubata: {missing}: config file not found"]
    assert fresh.refused(default) == [
        f"jikubata: {fresh.home / 'config.yaml'}: config file not found"
    ]


def test_a_nul_in_a_text_value_is_refused_naming_the_key(fresh: Kiosk) -> None:
    """Issue #9, finding 11: a NUL written as a YAML escape was taken as part of the footer."""
    text = fresh.config.read_text(encoding="utf-8")
    footer = 'receipt_footer: "Terima kasih telah berbelanja produk UMKM Ambon"'
    assert footer in text, "the shipped config.yaml changed; update this test"
    fresh.config.write_text(
        text.replace(footer, 'receipt_footer: "Terima kasih\\0 telah berbelanja"'), encoding="utf-8"
    )

    (line,) = fresh.refused(fresh.run("ledger", "verify"))

    assert line.startswith(
        f"jikubata: {fresh.config}: stall.receipt_footer must be one line of text without "
        "control characters (found U+0000 at character 13;"
    ), line
