"""Tamper benchmark: every tampering of tests/tampering.py on a fresh ledger, caught or MISSED.

Builds one small ledger with the real kiosk (roster, catalogue, operator, admin PIN, seven
sales, a void, an exemption) in a temporary folder, then for each tampering: copies it, tampers
with the copy the way someone with the disk but not the ledger key would, runs
``jikubata ledger verify`` (with ``--expect-head`` and the head written down before, where only
a head can show it) and prints one line: caught / MISSED, and what verify named first.

    .venv/bin/python bench/tamper.py            # one line per tampering, then a count
    .venv/bin/python bench/tamper.py --verbose  # also everything verify said

Exits 0 whatever it finds (benchmarks report, they do not gate); the tests
(tests/integration/test_tamper.py) are what fail when a tampering is missed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print what verify said")
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))  # the tamperings live with the tests
    from tests.tampering import TAMPERINGS, build_scene, check, names_it, tamper, verify

    raw = yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="jikubata-tamper-") as folder:
        scene = build_scene(Path(folder) / "template", raw)
        clean = verify(scene, "--expect-head", scene.head)
        print(f"untouched ledger: exit {clean.exit_code}, {clean.stdout.strip().splitlines()[-1]}")
        width = max(len(t.name) for t in TAMPERINGS)
        caught = 0
        for index, tampering in enumerate(TAMPERINGS, start=1):
            copy = scene.copy_to(Path(folder) / f"case-{index}")
            tamper(copy, tampering)
            outcome = check(copy, tampering)
            ok = outcome.caught and names_it(outcome, tampering)
            caught += ok
            first = outcome.stderr.strip().splitlines()[0] if outcome.stderr.strip() else ""
            head = " (with --expect-head)" if tampering.needs_head else ""
            verdict = "caught" if ok else "MISSED"
            print(f"{tampering.name:<{width}}  {verdict}{head}: {first[:110]}")
            if args.verbose:
                for line in (outcome.stdout + outcome.stderr).splitlines():
                    print(f"    {line}")
    print(f"\n{caught} of {len(TAMPERINGS)} tamperings caught")
    return 0


if __name__ == "__main__":
    sys.exit(main())
