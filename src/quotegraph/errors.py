"""Error hierarchy: every failure a user can cause maps to one clear, one-line message."""

from .names import printable

MAX_REASON = 300  # characters of a reason kept (exception messages can run to pages)


class QuotegraphError(Exception):
    """Base class for errors quotegraph reports to users."""


class InputError(QuotegraphError):
    """An input file or record that cannot be read as an article."""

    def __init__(self, source: str, reason: str):
        # One printable line, whatever the file name or the underlying error holds.
        source, reason = printable(source), printable(reason)
        if len(reason) > MAX_REASON:
            reason = reason[: MAX_REASON - 1] + "…"
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelError(QuotegraphError):
    """The language model is missing or is not the expected one."""


class StoreError(QuotegraphError):
    """The statement store cannot be opened, migrated or queried."""


class QueryError(StoreError):
    """A user query (e.g. FTS5 syntax) that the store cannot run."""
