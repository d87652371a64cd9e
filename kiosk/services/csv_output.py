"""Writing CSV for Excel: UTF-8 with BOM (so Excel reads the accents), a chosen delimiter, and
text cells that could be taken for formulas neutralised. Files appear whole or not at all."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from .private_files import private_folder

# Excel evaluates a cell starting with these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_START_SET = frozenset(_FORMULA_STARTS)
Cell = str | int | None


def neutralise(cell: Cell) -> str | int:
    if cell is None:
        return ""
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    delimiter: str = ",",
    text_columns: Sequence[int] | None = None,
) -> int:
    """Write atomically (temporary file, then rename); returns the number of data rows.

    ``text_columns``: when the caller knows which columns can hold free text (names typed by
    people), only those are checked for formula starts; every other cell must then be a
    number, None or text the kiosk itself made. Without it every text cell is checked."""
    if delimiter not in (",", ";"):
        raise ValueError("the delimiter must be ',' or ';'")
    private_folder(path.parent)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    count = 0
    try:
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as out:
            writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
            writer.writerow(header)
            for row in rows:
                count += 1
                if text_columns is not None:
                    row = list(row)
                    for index in text_columns:
                        row[index] = neutralise(row[index])
                    writer.writerow(row)
                    continue
                # Inlined neutralise(): this loop runs for every cell of a 10,000-row export.
                writer.writerow(
                    [
                        ("'" + cell if cell[:1] in _FORMULA_START_SET else cell)
                        if type(cell) is str
                        else ("" if cell is None else cell)
                        for cell in row
                    ]
                )
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count


def decimal_text(value: float, delimiter: str) -> str:
    """One decimal, with the decimal mark the reader's Excel expects for that delimiter
    (';' files are for Indonesian regional settings, where the decimal mark is ',')."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if delimiter == ";" else text
