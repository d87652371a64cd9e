"""The tamper suite: every tampering in tests/tampering.py, tried on a real ledger the real
kiosk wrote, must be caught by ``jikubata ledger verify``, which must name the first bad entry
or the table that changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..tampering import TAMPERINGS, Scene, Tampering, build_scene, check, names_it, tamper, verify


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Scene:
    import yaml

    from .conftest import REPO

    raw = yaml.safe_load((REPO / "config.yaml").read_text(encoding="utf-8"))
    return build_scene(tmp_path_factory.mktemp("scene"), raw)


@pytest.fixture
def scene(template: Scene, tmp_path: Path) -> Scene:
    return template.copy_to(tmp_path / "kiosk")


def test_the_untouched_ledger_verifies_and_prints_its_head(scene: Scene) -> None:
    outcome = verify(scene, "--expect-head", scene.head)
    assert outcome.exit_code == 0, outcome.stderr
    assert f"head {scene.head}\n" in outcome.stdout
    assert outcome.stderr == ""


@pytest.mark.parametrize("tampering", TAMPERINGS, ids=lambda t: t.name.replace(" ", "-"))
def test_verify_catches(scene: Scene, tampering: Tampering) -> None:
    tamper(scene, tampering)

    outcome = check(scene, tampering)

    assert outcome.caught, f"MISSED: {tampering.name}\n{outcome.stdout}{outcome.stderr}"
    assert "Traceback" not in outcome.stderr
    assert names_it(outcome, tampering), (
        f"{tampering.name}: expected {tampering.names!r} first in\n{outcome.stderr}"
    )
