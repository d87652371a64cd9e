"""Importing the complete ASN roster as of a date (history kept: see RosterStore)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..domain.nip import NIP_REASONS, check_nip
from ..domain.records import RosterPerson
from .clock import Clock, utc_now
from .csv_input import length_problems, read_csv
from .errors import ImportProblem, ImportRefused, RowCode, RowProblem
from .ports import RosterPort

ROSTER_COLUMNS = ("nip", "nama", "opd", "jabatan", "tingkat")


@dataclass(frozen=True)
class RosterPreview:
    people: list[RosterPerson]
    problems: list[RowProblem]
    added: int
    removed: int
    changed: int
    active_before: int
    file_sha256: str

    @property
    def removed_share(self) -> float:
        return self.removed / self.active_before if self.active_before else 0.0


@dataclass(frozen=True)
class RosterImportResult:
    import_id: int
    preview: RosterPreview


class RosterImporter:
    def __init__(
        self,
        roster: RosterPort,
        tiers: Mapping[str, str],
        *,
        max_deactivation_share: float,
        clock: Clock = utc_now,
    ) -> None:
        self._roster = roster
        self._tiers = tiers
        self._max_share = max_deactivation_share
        self._clock = clock

    def preview(self, path: Path, as_of: dt.date) -> RosterPreview:
        """Everything the import would do, and every bad row, without writing anything."""
        rows = read_csv(path, ROSTER_COLUMNS)
        people: list[RosterPerson] = []
        problems: list[RowProblem] = []
        first_line: dict[str, int] = {}
        for line, row in rows.rows:
            bad = False
            problem = check_nip(row["nip"])
            if problem:
                problems.append(
                    RowProblem.of(
                        line,
                        "nip",
                        RowCode.INVALID_NIP,
                        f"'{row['nip']}' is not a valid NIP: {NIP_REASONS[problem]}",
                        value=row["nip"],
                        reason=problem,
                    )
                )
                bad = True
            elif row["nip"] in first_line:
                problems.append(
                    RowProblem.of(
                        line,
                        "nip",
                        RowCode.REPEATED_NIP,
                        f"NIP {row['nip']} is already on line {first_line[row['nip']]}",
                        nip=row["nip"],
                        line=first_line[row["nip"]],
                    )
                )
                bad = True
            for column in ("nama", "opd", "jabatan"):
                if not row[column]:
                    problems.append(RowProblem.of(line, column, RowCode.EMPTY, "must not be empty"))
                    bad = True
            too_long = length_problems(line, row, {"nama": 200, "opd": 200, "jabatan": 200})
            problems += too_long
            bad = bad or bool(too_long)
            if row["tingkat"] not in self._tiers:
                problems.append(
                    RowProblem.of(
                        line,
                        "tingkat",
                        RowCode.UNKNOWN_TIER,
                        (
                            f"'{row['tingkat']}' is not a tier of the config "
                            f"(allowed: {', '.join(self._tiers)})"
                        ),
                        value=row["tingkat"],
                        allowed=", ".join(self._tiers),
                    )
                )
                bad = True
            if not bad:
                first_line[row["nip"]] = line
                people.append(
                    RosterPerson(
                        row["nip"], row["nama"], row["opd"], row["jabatan"], row["tingkat"]
                    )
                )
        before = self._roster.people_on(as_of)
        new = {p.nip: p for p in people}
        return RosterPreview(
            people=people,
            problems=problems,
            added=len(new.keys() - before.keys()),
            removed=len(before.keys() - new.keys()),
            changed=sum(1 for nip, p in new.items() if nip in before and before[nip] != p),
            active_before=len(before),
            file_sha256=hashlib.sha256(rows.raw).hexdigest(),
        )

    def import_file(
        self, path: Path, as_of: dt.date, *, force: bool = False, actor: str = "admin"
    ) -> RosterImportResult:
        preview = self.preview(path, as_of)
        if preview.problems:
            raise ImportRefused.bad_rows(path, preview.problems)
        if preview.removed_share > self._max_share and not force:
            raise ImportRefused(
                path,
                ImportProblem.REMOVES_MANY,
                f"{path.name} would remove {preview.removed} of the {preview.active_before} "
                f"people on the roster in force on {as_of} ({preview.removed_share:.0%}); "
                "a partial file is the usual mistake, so import it with --force only if "
                "that many really left",
                removed=preview.removed,
                active=preview.active_before,
                share=f"{preview.removed_share:.0%}",
                as_of=as_of,
            )
        import_id = self._roster.add_snapshot(
            preview.people,
            as_of=as_of,
            file_name=path.name,
            file_sha256=preview.file_sha256,
            forced=force,
            actor=actor,
            at=self._clock(),
        )
        return RosterImportResult(import_id, preview)
