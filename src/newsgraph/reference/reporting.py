"""Reporting nouns: nouns whose "that" clause says what somebody said ("the claim that …").

One bundled table, ``reporting_nouns.tsv`` (lemma and the weight learned from PolNeAR train/
counts; users extend it in their own folders), read by the quote step, where such a noun is
an attribution's cue, and by the event coder, where "a reminder that Iraq must …" is a demand.
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.reference import read_table

TABLE = "reporting_nouns.tsv"


@lru_cache(maxsize=1)
def reporting_nouns() -> dict[str, float]:
    """lemma → how often, on train, its "that" clause was an attribution's content."""
    return {row["lemma"].strip().lower(): float(row.get("weight") or 0.5)
            for row in read_table(TABLE) if row.get("lemma", "").strip()}


def clear_cache() -> None:
    reporting_nouns.cache_clear()
