"""The dependency rules of DESIGN.md §3, kept by a test rather than by goodwill."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"
THIRD_PARTY = {"sqlalchemy", "alembic", "yaml", "PySide6", "escpos", "qrcode"}


def imports_of(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
    return found


def modules(package: str) -> list[Path]:
    return sorted((KIOSK / package).rglob("*.py"))


@pytest.mark.parametrize("path", modules("domain"), ids=lambda p: p.name)
def test_domain_imports_only_the_standard_library_and_itself(path: Path):
    for name in imports_of(path):
        if name.startswith("."):
            assert not name.startswith(".."), f"{path.name} reaches outside the domain: {name}"
        else:
            assert name.split(".")[0] in sys.stdlib_module_names, f"{path.name} imports {name}"


@pytest.mark.parametrize("path", modules("services"), ids=lambda p: p.name)
def test_services_never_touch_qt_or_sqlalchemy_or_adapters(path: Path):
    for name in imports_of(path):
        root = name.lstrip(".").split(".")[0]
        assert root not in THIRD_PARTY, f"{path.name} imports {name}"
        assert not name.startswith("..ledger"), f"{path.name} imports the ledger adapter"


def test_only_ui_imports_qt():
    for path in KIOSK.rglob("*.py"):
        if "ui" in path.relative_to(KIOSK).parts[:1]:
            continue
        assert not any(n.split(".")[0] == "PySide6" for n in imports_of(path)), path


def test_importing_everything_does_nothing():
    """No engines, files or windows at import time: importing writes nothing in the cwd."""
    code = (
        "import pkgutil, importlib, kiosk\n"
        "for m in pkgutil.walk_packages(kiosk.__path__, 'kiosk.'):\n"
        "    if '.migrations' not in m.name and m.name != 'kiosk.__main__':\n"
        "        importlib.import_module(m.name)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=KIOSK.parent / "tests",
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert not (KIOSK.parent / "tests" / "data").exists()
