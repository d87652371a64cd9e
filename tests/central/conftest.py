"""Fixtures of the central tests: the integration suite's (a kiosk on its own SQLite file, its
settings and clock) and a throwaway central PostgreSQL (central_rig.py)."""

from ..integration.conftest import backend, clock, kiosk, raw_config, settings  # noqa: F401
from .central_rig import central, pg_cluster  # noqa: F401
