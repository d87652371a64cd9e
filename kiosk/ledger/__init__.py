"""SQLAlchemy adapters: the append-only ledger, roster history, catalogue and queries."""
