"""Several kiosks, one central PostgreSQL (docs/ARCHITECTURE.md, "Several kiosks: sync"): its
schema and roles, the push of each kiosk's entries, the pull of the roster and catalogue,
and the checks of every kiosk's chain there."""
