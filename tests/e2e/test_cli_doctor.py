"""`jikubata doctor` as an admin runs it: one line per check, ✓ or ✗ with the fix, exit 1 when
something must be fixed; a broken config is the first ✗, not a refusal to look further."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from conftest import Kiosk


def test_doctor_on_a_set_up_kiosk(initialised: Kiosk) -> None:
    initialised.ok("backup")
    result = initialised.run("doctor")
    lines = result.stdout.splitlines()
    assert lines[0] == f"✓ config {initialised.config} valid"
    assert lines[1].startswith("✓ database sqlite:///") and lines[1].endswith("quick_check ok")
    assert "✓ card key present, mode 0600" in lines
    assert "✓ ledger key present, mode 0600" in lines
    assert any(line.startswith("✓ last backup ledger-") for line in lines)
    assert all(line[:2] in ("✓ ", "✗ ", "· ") for line in lines[:-1])
    failed = [line for line in lines if line.startswith("✗ ")]
    assert all(" — " in line for line in failed)  # each problem with its fix
    assert result.returncode == (1 if failed else 0), result.stdout
    assert lines[-1] == (
        f"{len(failed)} problem(s) to fix (the lines marked ✗)."
        if failed
        else "Everything the kiosk needs is in place."
    )


def test_doctor_with_a_broken_config_still_checks_the_machine(fresh: Kiosk) -> None:
    text = fresh.config.read_text(encoding="utf-8").replace("port: 9100", "port: 99999")
    fresh.config.write_text(text, encoding="utf-8")
    result = fresh.run("doctor")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("✗ config not valid: ") and "printer.port" in lines[0]
    assert any("clock" in line for line in lines)  # the machine's checks still ran
    assert not (fresh.home / "data").exists()  # looking created nothing
