"""The ledger key file and the head line ``ledger verify`` prints and ``--expect-head`` reads."""

from __future__ import annotations

import stat

import pytest

from kiosk.ledger.ledger_key import LedgerKeyError, create_ledger_key_file, read_ledger_key
from kiosk.ledger.verify import ChainHead, ExpectedHead


def test_the_key_file_is_private_never_overwritten_and_never_shown(tmp_path):
    path = tmp_path / "data" / "ledger-key.txt"

    assert create_ledger_key_file(path)
    first = path.read_bytes()
    assert not create_ledger_key_file(path)

    assert path.read_bytes() == first
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    key = read_ledger_key(path)
    assert key.present and len(key.secret or b"") == 32
    assert key.secret is not None and key.secret.hex() not in repr(key)
    assert key.matches("abc", key.mac("abc")) and not key.matches("abd", key.mac("abc"))


def test_a_missing_key_reads_but_refuses_to_sign(tmp_path):
    key = read_ledger_key(tmp_path / "none.txt")

    assert not key.present
    with pytest.raises(LedgerKeyError, match=r"there is no ledger key at .*none\.txt"):
        key.mac("abc")


@pytest.mark.parametrize("text", ["", "# only a comment\n", "abc\n", "00" * 32 + "\n" + "11" * 32])
def test_a_damaged_key_file_is_named(tmp_path, text):
    path = tmp_path / "ledger-key.txt"
    path.write_text(text, encoding="utf-8")

    with pytest.raises(LedgerKeyError, match="holds one line of 64 hex digits"):
        read_ledger_key(path)


def test_the_head_line_reads_back_as_the_expected_head():
    head = ChainHead("AMB-01", 123, "0a1b2c3d4e5f" + "9" * 52)

    assert head.line == "AMB-01:123:0A1B2C3D4E5F"
    assert ExpectedHead.parse(head.line) == ExpectedHead("AMB-01", 123, "0A1B2C3D4E5F")
    assert ExpectedHead.parse(" AMB-01:123:0a1b2c3d4e5f ").line == head.line


@pytest.mark.parametrize(
    "text", ["AMB-01:123", "AMB-01:x:0A1B2C3D4E5F", "AMB-01:1:0A1B2C3D4E5", "a:1:0A1B2C3D4E5F"]
)
def test_a_malformed_head_is_refused_with_an_example(text):
    with pytest.raises(ValueError, match="is not a head like AMB-01:123:0A1B2C3D4E5F"):
        ExpectedHead.parse(text)
