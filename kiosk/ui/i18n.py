"""The screen's language. Bahasa Indonesia is the source text written in the code; English
comes from Qt's own translation files: ``assets/translations/jikubata_en.ts`` (the source,
kept up to date with ``pyside6-lupdate``) compiled to ``.qm`` by ``pyside6-lrelease``.

Screens write ``translate("Context", "Teks Indonesia")``; texts kept in tables are marked
with ``QT_TRANSLATE_NOOP`` and translated where they are shown. The admin's choice is kept in
a small Qt settings file beside the ledger, so it is there on the next start before the ledger
is even opened.

After changing screen text, bring the source up to date and translate what is new (a test
fails until then):

    .venv/bin/pyside6-lupdate -extensions py kiosk/ui -ts assets/translations/jikubata_en.ts \
        -no-obsolete -locations none
"""

from __future__ import annotations

import logging
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QSettings, QTranslator

from ..services.private_files import private_folder

log = logging.getLogger(__name__)

translate = QCoreApplication.translate

SOURCE_LANGUAGE = "id"
LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}  # each named in its own language
FOLDER = Path(__file__).resolve().parents[2] / "assets" / "translations"
_KEY = "screen/language"


def ts_file(code: str, folder: Path = FOLDER) -> Path:
    return folder / f"jikubata_{code}.ts"


def qm_file(code: str, folder: Path = FOLDER) -> Path:
    return folder / f"jikubata_{code}.qm"


def lrelease_program() -> Path:
    """The ``lrelease`` that ships inside the PySide6 wheel."""
    return Path(PySide6.__file__).parent / "lrelease"


def compiled(code: str, folder: Path = FOLDER) -> Path | None:
    """The language's ``.qm``, compiled first when it is missing or older than its ``.ts``
    (setup does this too; here so an edited ``.ts`` is never silently ignored)."""
    source, built = ts_file(code, folder), qm_file(code, folder)
    if source.exists() and (not built.exists() or built.stat().st_mtime < source.stat().st_mtime):
        import subprocess  # only when there is something to compile: not on every start

        try:
            subprocess.run(
                [str(lrelease_program()), "-silent", str(source), "-qm", str(built)],
                check=True,
                capture_output=True,
                timeout=60,
            )
        except (OSError, subprocess.SubprocessError) as error:
            log.warning("could not compile %s: %s", source, error)
    return built if built.exists() else None


class Language:
    """The one translator installed in the application; switching swaps it. With a state
    file, the choice is remembered there and ``start`` brings it back."""

    def __init__(self, state_file: Path | None = None, folder: Path = FOLDER) -> None:
        self._state_file = state_file
        self._folder = folder
        self._translator: QTranslator | None = None
        self.code = SOURCE_LANGUAGE

    def start(self) -> str:
        """The last choice, or Indonesian: installed, and returned."""
        if self._state_file is not None:
            self.use(saved_language(self._state_file))
        return self.code

    def switch(self, code: str) -> bool:
        """What the admin's language buttons do: use it and remember it. A choice that
        cannot be written down still holds until the kiosk stops (and the log says why)."""
        if not self.use(code):
            return False
        if self._state_file is not None:
            try:
                save_language(self._state_file, code)
            except OSError as error:
                log.warning("the screen language is %r until the kiosk stops: %s", code, error)
        return True

    def use(self, code: str) -> bool:
        """Switch every later ``translate`` call to ``code``; False, and the language in use
        stays, when its translation is missing or unreadable."""
        if code not in LANGUAGES:
            raise ValueError(f"unknown language {code!r}; choose one of {', '.join(LANGUAGES)}")
        translator = None
        if code != SOURCE_LANGUAGE:
            built = compiled(code, self._folder)
            translator = QTranslator()
            if built is None or not translator.load(str(built)):
                log.warning("no usable translation for %r in %s; nothing changed", code, built)
                return False
        # Loaded first, swapped after: a failed load never leaves half a switch behind.
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
        if translator is not None:
            QCoreApplication.installTranslator(translator)
        self._translator, self.code = translator, code
        return True


def saved_language(state_file: Path) -> str:
    """The admin's last choice, or Indonesian (also for a missing or damaged file)."""
    value = QSettings(str(state_file), QSettings.Format.IniFormat).value(_KEY, SOURCE_LANGUAGE)
    return value if isinstance(value, str) and value in LANGUAGES else SOURCE_LANGUAGE


def save_language(state_file: Path, code: str) -> None:
    if code not in LANGUAGES:
        raise ValueError(f"unknown language {code!r}")
    private_folder(state_file.parent)
    settings = QSettings(str(state_file), QSettings.Format.IniFormat)
    settings.setValue(_KEY, code)
    settings.sync()
    if settings.status() != QSettings.Status.NoError:
        raise OSError(f"could not save the language to {state_file}")
