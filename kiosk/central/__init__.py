"""The central PostgreSQL several kiosks meet in: its schema and roles, and the push of each
kiosk's entries to it (docs/ARCHITECTURE.md, "Several kiosks: sync")."""
