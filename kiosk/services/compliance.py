"""The monthly compliance report: everyone on the roster at the month's end, and every NIP that
bought without being on it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple
from zoneinfo import ZoneInfo

from ..domain.compliance import Status, judge, shortfall
from ..domain.errors import DomainError
from ..domain.months import Month
from ..domain.regulation import Regulation, RegulationError, RegulationProblem
from .errors import Refusal
from .ports import AdminPort, RosterPort, SpendingPort


class NoRoster(DomainError):
    pass


class ComplianceRow(NamedTuple):
    """One line of the compliance report (a NamedTuple: 10,000 are built per export)."""

    month: Month
    nip: str
    nama: str
    opd: str
    jabatan: str
    tingkat: str
    minimum: int
    spent: int
    purchases: int
    status: Status

    @property
    def shortfall(self) -> int:
        return shortfall(self.minimum, self.spent, self.status)


@dataclass(frozen=True)
class OpdSummary:
    opd: str
    people: int
    counts: Counter[Status]
    spent: int
    obliged: int  # people who owe something this month: minimum above 0 and not exempt
    met: int  # of those, how many met it

    @property
    def compliance_rate(self) -> float:
        """Share of the obliged who met their minimum (exempt people and tiers that owe
        nothing are left out, so they cannot inflate the rate)."""
        return self.met / self.obliged if self.obliged else 1.0


class ComplianceService:
    def __init__(
        self,
        roster: RosterPort,
        spending: SpendingPort,
        admin: AdminPort,
        regulation: Regulation,
        tz: ZoneInfo,
    ) -> None:
        self._roster = roster
        self._spending = spending
        self._admin = admin
        self._regulation = regulation
        self._tz = tz

    def rows(self, month: Month) -> list[ComplianceRow]:
        people = self._roster.people_on(month.last_day)
        if not people:
            raise NoRoster(
                Refusal.NO_ROSTER,
                f"no roster is in force on {month.last_day}; import one first "
                "(jikubata roster import FILE --as-of YYYY-MM-DD)",
                day=month.last_day,
            )
        self._regulation.period_for(month)  # a month before the rule existed is an error
        start, end = month.utc_bounds(self._tz)
        spending = self._spending.by_nip(start, end)
        exempt = self._admin.exempt_nips(month)
        minimums = {tier: self._regulation.minimum(tier, month) for tier in self._regulation.tiers}
        unknown = sorted({p.tingkat for p in people.values()} - minimums.keys())
        if unknown:
            raise RegulationError(
                RegulationProblem.ROSTER_TIERS,
                f"the roster in force on {month.last_day} uses tier(s) {', '.join(unknown)} that "
                "regulation.tiers in the config does not define; add them back or import a "
                "corrected roster",
                day=month.last_day,
                tiers=", ".join(unknown),
            )
        rows = []
        for person in sorted(people.values(), key=lambda p: (p.opd, p.nama, p.nip)):
            minimum = minimums[person.tingkat]
            spent = spending.get(person.nip)
            total, count = (spent.total, spent.purchases) if spent else (0, 0)
            rows.append(
                ComplianceRow(
                    month=month,
                    nip=person.nip,
                    nama=person.nama,
                    opd=person.opd,
                    jabatan=person.jabatan,
                    tingkat=person.tingkat,
                    minimum=minimum,
                    spent=total,
                    purchases=count,
                    status=judge(minimum, total, exempt=person.nip in exempt, on_roster=True),
                )
            )
        for nip in sorted(spending.keys() - people.keys()):
            spent = spending[nip]
            rows.append(
                ComplianceRow(
                    month=month,
                    nip=nip,
                    nama="",
                    opd="",
                    jabatan="",
                    tingkat="",
                    minimum=0,
                    spent=spent.total,
                    purchases=spent.purchases,
                    status=Status.TIDAK_TERDAFTAR,
                )
            )
        return rows

    def opd_summary(self, month: Month) -> list[OpdSummary]:
        by_opd: dict[str, list[ComplianceRow]] = {}
        for row in self.rows(month):
            if row.status is not Status.TIDAK_TERDAFTAR:
                by_opd.setdefault(row.opd, []).append(row)
        summaries = []
        for opd, rows in sorted(by_opd.items()):
            owing = [r for r in rows if r.minimum > 0 and r.status is not Status.DIKECUALIKAN]
            summaries.append(
                OpdSummary(
                    opd=opd,
                    people=len(rows),
                    counts=Counter(r.status for r in rows),
                    spent=sum(r.spent for r in rows),
                    obliged=len(owing),
                    met=sum(r.status is Status.MEMENUHI for r in owing),
                )
            )
        return summaries
