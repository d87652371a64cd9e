"""Choosing whose QR ID cards to print and signing each one with the newest card key."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Sequence
from pathlib import Path

from ..domain.errors import DomainError
from ..domain.nip import mask_nip, parse_nip
from ..domain.records import RosterPerson
from ..domain.regulation import Regulation
from ..domain.scan import sign_card_payload
from ..printing.document import CardFace
from .card_keys import read_card_keys
from .errors import Refusal
from .ports import RosterPort


class CardSelectionError(DomainError):
    """The OPD or NIPs asked for select nobody, or somebody not on the roster."""


class CardService:
    def __init__(
        self,
        roster: RosterPort,
        labels: Regulation | Callable[[str], str],
        keys_path: Path,
        today: Callable[[], dt.date],
        write_pdf: Callable[[Sequence[CardFace], Path], int],
    ) -> None:
        """``write_pdf(faces, path)`` writes the card sheets (the composition root passes
        kiosk.printing.cards.write_cards_pdf): services never import the imaging libraries."""
        self._roster = roster
        self._label = labels.label if isinstance(labels, Regulation) else labels
        self._keys_path = keys_path
        self._today = today
        self._write_pdf = write_pdf

    def faces(self, opd: str | None = None, nips: Sequence[str] = ()) -> list[CardFace]:
        """Cards for the roster in force today, optionally one OPD and/or listed NIPs.

        Sorted by OPD then name, so a sheet can be cut and handed out office by office.
        """
        keys = read_card_keys(self._keys_path)  # first: a missing key file is the likelier fix
        key_id, key = list(keys.items())[-1]  # the newest key signs; older ones still verify
        people = self._select(opd, nips)
        people.sort(key=lambda p: (p.opd.casefold(), p.nama.casefold(), p.nip))
        return [
            CardFace(
                nama=p.nama,
                opd=p.opd,
                tier_label=self._label(p.tingkat),
                masked_nip=mask_nip(p.nip),
                payload=sign_card_payload(p.nip, key_id, key),
            )
            for p in people
        ]

    def write_pdf(self, out: Path, opd: str | None = None, nips: Sequence[str] = ()) -> int:
        """Write the card sheets to ``out`` and return how many cards it holds."""
        faces = self.faces(opd, nips)
        self._write_pdf(faces, out)
        return len(faces)

    def _select(self, opd: str | None, nips: Sequence[str]) -> list[RosterPerson]:
        day = self._today()
        everyone = self._roster.people_on(day)
        if not everyone:
            raise CardSelectionError(
                Refusal.NO_ROSTER,
                f"no roster is in force on {day}; import one with 'jikubata roster import'",
                day=day,
            )
        chosen = list(everyone.values())
        if opd is not None:
            wanted = " ".join(opd.split()).casefold()
            chosen = [p for p in chosen if " ".join(p.opd.split()).casefold() == wanted]
            if not chosen:
                raise CardSelectionError(
                    Refusal.UNKNOWN_OPD,
                    _unknown_opd(opd, {p.opd for p in everyone.values()}),
                    opd=opd,
                )
        if not nips:
            return chosen
        by_nip = {p.nip: p for p in chosen}
        picked: dict[str, RosterPerson] = {}
        for text in nips:
            nip = parse_nip(text)
            if nip in by_nip:
                picked[nip] = by_nip[nip]
            elif nip in everyone:
                raise CardSelectionError(
                    Refusal.NIP_IN_OTHER_OPD,
                    f"NIP {nip} is not in OPD '{opd}' (the roster has it in '{everyone[nip].opd}')",
                    nip=nip,
                    opd=opd,
                    actual=everyone[nip].opd,
                )
            else:
                raise CardSelectionError(
                    Refusal.NIP_NOT_ON_ROSTER,
                    f"NIP {nip} is not on the roster in force on {day}",
                    nip=nip,
                    day=day,
                )
        return list(picked.values())


def _unknown_opd(opd: str, known: set[str]) -> str:
    by_folded = {name.casefold(): name for name in known}
    close = difflib.get_close_matches(opd.casefold(), sorted(by_folded), n=1, cutoff=0.6)
    if close:
        hint = f"; did you mean '{by_folded[close[0]]}'?"
    elif len(known) <= 8:
        hint = " (OPDs on the roster: " + ", ".join(sorted(known)) + ")"
    else:
        hint = "; the roster's opd column has the exact names"
    return f"nobody on the roster works in OPD '{opd}'{hint}"
