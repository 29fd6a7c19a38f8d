"""newsgraph: news coverage from many outlets → a source-attributed knowledge base."""

__version__ = "0.1.0"
