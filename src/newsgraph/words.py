"""Word normalisation shared by story clustering, near-duplicate signatures and claim alignment.

One definition, so that two stages comparing the same article never fold or stem it
differently.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Lowercase without accents, so "Pérez" and "Perez" are one word."""
    if text.isascii():
        return text.lower()
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).lower()


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """English function words ("the", "which", "would"), from ``reference/data/stop_words_en.tsv``."""
    text = resources.files("newsgraph.reference").joinpath("data", "stop_words_en.tsv").read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return frozenset(lines[1:])  # after the header line


def stem(word: str) -> str:
    """A light English stemmer: enough to join "tapering"/"taper", "recalls"/"recall".

    Deliberately conservative (a wrong merge of two names costs more than a missed
    inflection), and dependency-free.
    """
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) <= 3 or word.isdigit():
        return word
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    if word.endswith("ing") and len(word) > 6:
        return _undouble(word[:-3])
    if word.endswith("ed") and len(word) > 5:
        return _undouble(word[:-2])
    if word.endswith("es") and word[-3] in "sxz":
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _undouble(word: str) -> str:
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        return word[:-1]
    return word
