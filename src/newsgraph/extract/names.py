"""Name normalisation shared by every stage that compares names.

The key itself lives with the reference data (``newsgraph.reference.keys``) so that the
reference tables and the extractors can never disagree on it.
"""

from __future__ import annotations

from newsgraph.reference.keys import entity_id, name_key

__all__ = ["entity_id", "name_key"]
