"""Reading the CSV files admins bring: UTF-8 with or without BOM, ',' or ';' (Excel with
Indonesian regional settings saves ';'), every problem reported with its line and column."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import ImportProblem, ImportRefused, RowCode, RowProblem

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class CsvRows:
    path: Path
    raw: bytes
    delimiter: str
    rows: list[tuple[int, dict[str, str]]]  # (line number in the file, column -> stripped text)


def _decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ImportRefused(
            path,
            ImportProblem.NOT_UTF8,
            f"{path.name} line {line} is not UTF-8 text; in Excel save it as "
            "'CSV UTF-8 (Comma delimited)'",
            line=line,
        ) from None


def read_csv(path: Path, columns: Sequence[str]) -> CsvRows:
    """Rows of ``path`` whose header must hold exactly ``columns`` (in any order)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ImportRefused(
                path, ImportProblem.TOO_LARGE, f"{path.name} is larger than 50 MB", limit="50 MB"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportRefused(path, ImportProblem.NOT_FOUND, f"{path} does not exist") from None
    except IsADirectoryError:
        raise ImportRefused(
            path, ImportProblem.IS_FOLDER, f"{path} is a folder, not a CSV file"
        ) from None
    except OSError as error:
        raise ImportRefused(
            path,
            ImportProblem.UNREADABLE,
            f"{path} cannot be read ({error.strerror})",
            reason=error.strerror,
            errno=error.errno,
        ) from None
    text = _decode(path, raw)
    if "\x00" in text:
        raise ImportRefused(path, ImportProblem.NOT_TEXT, f"{path.name} is not a CSV text file")
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    expected = list(columns)
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        raise ImportRefused(path, ImportProblem.EMPTY, f"{path.name} is empty") from None
    except csv.Error as error:
        problem = RowProblem.of(1, None, RowCode.UNREADABLE_HEADER, f"unreadable header ({error})")
        raise ImportRefused.bad_rows(path, [problem]) from None
    missing = [c for c in expected if c not in header]
    extra = [c for c in header if c not in expected]
    if missing or extra or len(header) != len(expected):
        problem = RowProblem.of(
            1,
            None,
            RowCode.BAD_HEADER,
            (
                f"the header must be '{','.join(expected)}'"
                + (f"; missing {', '.join(missing)}" if missing else "")
                + (f"; unexpected {', '.join(repr(e) for e in extra)}" if extra else "")
                + ("; a column appears twice" if not missing and not extra else "")
            ),
            expected=",".join(expected),
            missing=", ".join(missing),
            unexpected=", ".join(extra),
        )
        raise ImportRefused.bad_rows(path, [problem])
    rows: list[tuple[int, dict[str, str]]] = []
    problems: list[RowProblem] = []
    while True:
        line = reader.line_num + 1
        try:
            fields = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            problems.append(
                RowProblem.of(line, None, RowCode.UNREADABLE_ROW, f"unreadable row ({error})")
            )
            break
        if not any(field.strip() for field in fields):
            continue  # blank lines are harmless
        if len(fields) != len(header):
            problems.append(
                RowProblem.of(
                    line,
                    None,
                    RowCode.FIELD_COUNT,
                    (
                        f"has {len(fields)} fields, the header has {len(header)} "
                        f"(is the delimiter '{delimiter}' used inside a value without quotes?)"
                    ),
                    count=len(fields),
                    expected=len(header),
                    delimiter=delimiter,
                )
            )
            continue
        rows.append(
            (line, {name: value.strip() for name, value in zip(header, fields, strict=True)})
        )
    if problems:
        raise ImportRefused.bad_rows(path, problems)
    if not rows:
        raise ImportRefused(path, ImportProblem.NO_ROWS, f"{path.name} has a header but no rows")
    return CsvRows(path, raw, delimiter, rows)


def length_problems(line: int, row: dict[str, str], limits: dict[str, int]) -> list[RowProblem]:
    """Text longer than its column holds (PostgreSQL would refuse it; SQLite would not)."""
    return [
        RowProblem.of(
            line, column, RowCode.TOO_LONG, f"is longer than {limit} characters", limit=limit
        )
        for column, limit in limits.items()
        if len(row[column]) > limit
    ]
