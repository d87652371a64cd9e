"""The HMAC keys that sign QR ID cards, kept in a file outside the repository.

File format, one key per line: ``<KEY ID> <64 hex digits>``; ``#`` starts a comment. The last
key signs new cards; every key listed still verifies old ones, so a key can be rotated without
reprinting every card.
"""

from __future__ import annotations

import os
import re
import secrets
from dataclasses import dataclass
from pathlib import Path

from ..domain.nip import is_valid_nip
from .private_files import private_folder

_LINE = re.compile(r"^([A-Z0-9]{1,8})\s+([0-9a-fA-F]{64})$")


class CardKeyError(ValueError):
    pass


def _not_utf8(path: Path, what: str, error: UnicodeDecodeError) -> CardKeyError:
    return CardKeyError(
        f"{path}: the {what} is not UTF-8 text (byte {error.start}); save it as UTF-8"
    )


def read_card_keys(path: Path) -> dict[str, bytes]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CardKeyError(f"{path}: card key file not found; run 'jikubata init'") from None
    except UnicodeDecodeError as error:
        raise _not_utf8(path, "card key file", error) from None
    keys: dict[str, bytes] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = _LINE.match(line)
        if not match:
            raise CardKeyError(f"{path} line {number}: expected '<KEY ID> <64 hex digits>'")
        if match.group(1) in keys:
            raise CardKeyError(f"{path} line {number}: key id {match.group(1)} appears twice")
        keys[match.group(1)] = bytes.fromhex(match.group(2))
    if not keys:
        raise CardKeyError(f"{path}: holds no key")
    return keys


def create_card_key_file(path: Path, key_id: str = "K1") -> bool:
    """Make a new key file readable only by its owner; never overwrite one (old cards!)."""
    if path.exists():
        return False
    private_folder(path.parent)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as out:
        out.write("# Jiku Bata card signing keys. Keep secret; never commit. Newest key last.\n")
        out.write(f"{key_id} {secrets.token_hex(32)}\n")
    return True


@dataclass(frozen=True)
class RevokedList:
    """What the revoked-cards file says: the NIPs it blocks, and the lines that are no NIP."""

    nips: frozenset[str]
    bad_lines: tuple[int, ...] = ()


def read_revoked(path: Path) -> RevokedList:
    """NIPs whose cards were reported lost (one per line, ``#`` comments); no file means none.

    A line that is no NIP is listed, never raised: a typo in one line must not un-revoke the
    others. CardKeyError when the file is not UTF-8 text; OSError when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return RevokedList(frozenset())
    except UnicodeDecodeError as error:
        raise _not_utf8(path, "revoked-cards file", error) from None
    revoked, bad = set(), []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        if is_valid_nip(line):
            revoked.add(line)
        else:
            bad.append(number)
    return RevokedList(frozenset(revoked), tuple(bad))
