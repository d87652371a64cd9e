"""`jikubata` with no command starts the kiosk (README, "Command line"), and `run` refuses
clearly when the machine lacks what Qt needs. The touchscreen itself is tested in tests/gui."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk import cli
from kiosk.ui import app, qt_check

CONFIG = Path(__file__).resolve().parents[2] / "config.yaml"


@pytest.fixture
def config(tmp_path: Path) -> Path:
    shutil.copy(CONFIG, tmp_path / "config.yaml")
    return tmp_path / "config.yaml"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], {"windowed": False, "demo": False}),
        (["run", "--windowed", "--demo"], {"windowed": True, "demo": True}),
    ],
)
def test_no_command_and_run_start_the_kiosk(monkeypatch, config, argv, expected):
    started = []

    def run_kiosk(stall, open_back_end, *, windowed, folder, scale, log_folder):  # type: ignore[no-untyped-def]
        demo_folder = folder != config.parent / "data"  # the ledger's folder, or a throwaway
        started.append({"windowed": windowed, "demo": demo_folder})
        assert scale is None  # the shipped config: "auto", the screen decides
        assert stall.name and stall.kiosk_id == "AMB-01"
        assert callable(open_back_end)  # opened by the screen, off the GUI thread
        return 0

    monkeypatch.setattr(app, "run_kiosk", run_kiosk)
    assert cli.main(["--config", str(config), *argv]) == 0
    assert started == [expected]


def test_the_configured_screen_scale_reaches_the_touchscreen(monkeypatch, config):
    text = config.read_text(encoding="utf-8").replace("scale: auto", "scale: 1.25")
    config.write_text(text, encoding="utf-8")
    scales = []

    def run_kiosk(stall, open_back_end, *, windowed, folder, scale, log_folder):  # type: ignore[no-untyped-def]
        scales.append(scale)
        return 0

    monkeypatch.setattr(app, "run_kiosk", run_kiosk)
    assert cli.main(["--config", str(config), "run", "--windowed"]) == 0
    assert scales == [1.25]


def test_run_names_the_packages_to_install_when_qt_cannot_start(monkeypatch, config, capsys):
    monkeypatch.setattr(qt_check, "missing_packages", lambda platform=None: ["libxcb-cursor0"])
    assert cli.main(["--config", str(config), "run", "--demo"]) == 1
    error = capsys.readouterr().err
    assert "sudo apt-get install libxcb-cursor0" in error
    assert not (config.parent / "data").exists()  # nothing was created
