"""The statement store: one SQLite file with a single writer, named migrations and read queries."""

from .db import connect, open_store
from .ingest import IngestStats, ingest
from .writer import store_error, store_result

__all__ = ["IngestStats", "connect", "ingest", "open_store", "store_error", "store_result"]
