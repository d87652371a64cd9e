"""The dependency rules of docs/ARCHITECTURE.md ("Layers"), kept by a test, not by goodwill."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"
# Packages services must not reach, directly or through another kiosk module they import.
THIRD_PARTY = {
    "sqlalchemy",
    "alembic",
    "psycopg",
    "psycopg2",
    "yaml",
    "PySide6",
    "escpos",
    "qrcode",
    "PIL",
    "zxingcpp",
}


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


def module_name(path: Path) -> str:
    parts = path.relative_to(KIOSK.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def module_file(name: str) -> Path | None:
    """The file of kiosk module ``name`` (a package's __init__.py), None if there is none."""
    base = KIOSK.parent.joinpath(*name.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def absolute_imports(path: Path) -> set[str]:
    """Every module ``path`` imports, relative imports made absolute; for ``from X import y``
    both X and, when it is a kiosk module, X.y."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            found.add(module)
            if module.split(".")[0] == "kiosk":
                found |= {
                    f"{module}.{alias.name}"
                    for alias in node.names
                    if module_file(f"{module}.{alias.name}") is not None
                }
    return found


def reach(name: str) -> dict[str, list[str]]:
    """Every module importing kiosk module ``name`` loads (following kiosk modules, their
    parent packages included), each with the chain of kiosk modules that leads to it."""
    chains: dict[str, list[str]] = {name: [name]}
    todo = [name]
    while todo:
        current = todo.pop()
        path = module_file(current)
        if path is None:
            continue
        for imported in absolute_imports(path):
            parts = imported.split(".")
            # importing kiosk.a.b runs kiosk/__init__.py and kiosk/a/__init__.py first
            for depth in range(1, len(parts) + 1):
                step = ".".join(parts[:depth])
                if step in chains:
                    continue
                chains[step] = [*chains[current], step]
                if parts[0] == "kiosk":
                    todo.append(step)
    return chains


def third_party_reached(name: str) -> dict[str, list[str]]:
    return {
        module: chain
        for module, chain in reach(name).items()
        if module.split(".")[0] in THIRD_PARTY
    }


def test_the_import_walk_sees_through_kiosk_modules():
    # the walk itself: a printing module that draws reaches Pillow, a pure one nothing
    assert {"PIL", "qrcode"} <= {
        m.split(".")[0] for m in third_party_reached("kiosk.printing.cards")
    }
    assert reach("kiosk.printing.cards")["PIL"][0] == "kiosk.printing.cards"
    pure_layout = ("document", "receipt", "report", "text")
    for pure in (f"kiosk.printing.{name}" for name in pure_layout):
        assert third_party_reached(pure) == {}, pure
    assert "sqlalchemy" in {m.split(".")[0] for m in third_party_reached("kiosk.bootstrap")}


@pytest.mark.parametrize("path", modules("services"), ids=lambda p: p.name)
def test_services_never_touch_qt_or_sqlalchemy_or_adapters(path: Path):
    """Directly or through any kiosk module they import: a service may use the pure printing
    modules (document, receipt, report, text), never one that loads Pillow, qrcode or
    python-escpos."""
    name = module_name(path)
    for module, chain in third_party_reached(name).items():
        pytest.fail(f"{name} reaches {module} through {' -> '.join(chain)}")
    for module, chain in reach(name).items():
        assert not module.startswith(("kiosk.ledger", "kiosk.central")), (
            f"{name} reaches the ledger adapter through {' -> '.join(chain)}"
        )


def test_importing_every_service_loads_no_forbidden_package():
    """The same rule at run time, where an import hidden from the walk would still show."""
    code = (
        "import importlib, pkgutil, sys, kiosk.services as s\n"
        "for m in pkgutil.walk_packages(s.__path__, 'kiosk.services.'):\n"
        "    importlib.import_module(m.name)\n"
        "print(' '.join(sorted({n.split('.')[0] for n in sys.modules})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert set(result.stdout.split()) & THIRD_PARTY == set()


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


# The screens see only the back end made for them (kiosk.services.back_end): never the ledger,
# the composition root, the config file's loader or the printer devices.
UI_MAY_NOT_REACH = (
    "kiosk.ledger",
    "kiosk.central",
    "kiosk.bootstrap",
    "kiosk.config",
    "kiosk.printing.devices",
)


def ui_rule_broken(name: str) -> list[str]:
    """Each way module ``name`` breaks the screens' rule, with the chain that leads there."""
    broken = [
        f"{name} reaches {module} through {' -> '.join(chain)}"
        for module, chain in reach(name).items()
        if module.startswith(UI_MAY_NOT_REACH)
        or module.split(".")[0] in {"sqlalchemy", "alembic", "escpos", "yaml"}
    ]
    path = module_file(name)
    assert path is not None, name
    broken += [
        f"{name} imports {imported}: printing is the back end's business"
        for imported in absolute_imports(path)
        if imported.startswith("kiosk.printing")
    ]
    return broken


@pytest.mark.parametrize("path", modules("ui"), ids=lambda p: str(p.relative_to(KIOSK)))
def test_ui_never_reaches_the_ledger_the_composition_root_or_devices(path: Path):
    assert ui_rule_broken(module_name(path)) == []


@pytest.mark.parametrize("path", modules("printing"), ids=lambda p: str(p.relative_to(KIOSK)))
def test_printing_never_reaches_the_ledger_the_config_or_qt(path: Path):
    """Layout and devices implement ports; the queue and the settings come in through them."""
    name = module_name(path)
    for module, chain in reach(name).items():
        assert not module.startswith(
            ("kiosk.ledger", "kiosk.config", "kiosk.ui", "kiosk.bootstrap")
        ), f"{name} reaches {module} through {' -> '.join(chain)}"


def test_the_screens_context_holds_no_store_or_composition_root():
    from dataclasses import fields

    from kiosk.ui.context import UiContext

    names = {field.name for field in fields(UiContext)}
    assert "back_end" in names
    assert not names & {"kiosk", "identify", "settings", "db"}


def test_the_screens_rule_catches_what_it_forbids():
    """The rule above can fail: held against modules that do what a screen may not."""
    assert any("kiosk.ledger" in broken for broken in ui_rule_broken("kiosk.bootstrap"))
    assert any("sqlalchemy" in broken for broken in ui_rule_broken("kiosk.bootstrap"))
    assert any("kiosk.printing" in broken for broken in ui_rule_broken("kiosk.services.receipts"))
    assert ui_rule_broken("kiosk.services.back_end") == []
