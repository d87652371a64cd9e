"""Suite-wide settings."""

from hypothesis import settings

# No per-example deadline: on a loaded 2-core CI machine a first zone-file load or a GC pause
# would fail a property for timing, not for behaviour. Timing belongs in bench/.
settings.register_profile("jikubata", deadline=None)
settings.load_profile("jikubata")
