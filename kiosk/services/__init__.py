"""Use cases. They take ports (kiosk.services.ports) and return plain results; never Qt."""
