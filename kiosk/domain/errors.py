"""The one base class for every "your input is wrong" error the domain raises."""


class DomainError(ValueError):
    """Bad input: the message is one sentence a person can act on."""


class DuplicateImport(DomainError):
    """A file of records that was imported before; importing it again would count it twice."""

    def __init__(self, file_name: str, imported_at: object) -> None:
        super().__init__(f"this file was already imported (as '{file_name}')")
        self.file_name = file_name
        self.imported_at = imported_at  # aware datetime (UTC)
