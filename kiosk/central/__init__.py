"""Several kiosks, one central PostgreSQL: push, pull, central checks (issue #13)."""
