"""The one base class for every "your input is wrong" error the domain raises."""


class DomainError(ValueError):
    """Bad input: the message is one sentence a person can act on."""
