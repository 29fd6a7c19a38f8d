"""Capitalised words that look like names to the statistical NER but name no actor.

"DUI", "KO", "GMT", "VP": offences, results, time zones and office abbreviations are
tagged ORG or PERSON by the small model and would become entities. The table lists them
by kind; stock exchanges are listed so that "(NYSE: AMD)" is read as a ticker, not as two
actors.
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.reference import read_table


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    return {row["term"]: row.get("kind", "") for row in read_table("not_names.tsv") if row.get("term")}


def names_no_actor(text: str) -> bool:
    """Whether a mention's whole text is a term that names no actor ("DUI", "Injured Reserve")."""
    kind = _kinds().get(text.strip())
    return kind is not None and kind != "exchange"


def is_exchange(text: str) -> bool:
    """Whether ``text`` is a stock exchange as written before a ticker ("NYSE", "Nasdaq")."""
    return _kinds().get(text.strip()) == "exchange" or text.strip().lower() in {"nasdaq", "nyse"}


def clear_cache() -> None:
    _kinds.cache_clear()
