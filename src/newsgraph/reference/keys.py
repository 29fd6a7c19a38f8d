"""Name keys: how names are compared everywhere (reference data, extraction, the store)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NON_WORD = re.compile(r"[^\w]+")


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """A spelling-insensitive key: "Kim Jong-un" and "Kim Jong Un" share one, accents ignored.

    Cached: the corpus steps key every related entity's name and short forms on each update.
    """
    folded = name
    if not name.isascii():  # ASCII has nothing to decompose and no combining marks
        folded = unicodedata.normalize("NFKD", name)
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _NON_WORD.sub(" ", folded.lower()).strip()


def entity_id(name: str, type_: str) -> str:
    """The store's id for an entity: its type and name key."""
    return f"{type_}:{name_key(name)}"
