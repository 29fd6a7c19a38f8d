"""newsgraph: news coverage from many outlets → a source-attributed knowledge base."""

from newsgraph.api import Database, open_db, process_file, process_text

__version__ = "0.1.0"
__all__ = ["Database", "open_db", "process_file", "process_text", "__version__"]
