"""What a person types into a search box, as an FTS5 MATCH expression that cannot fail.

People type words, "quoted phrases", prefixes (``sanction*``), ``OR`` and exclusions
(``-word`` or ``NOT word``). FTS5's own syntax rejects much of what they type (a hyphen,
a colon, an unbalanced quote, a lone ``OR``), so every word and phrase is passed as a
quoted FTS5 string and only well-placed operators are kept.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r'"([^"]*)("?)(\*?)|(\S+)')
_WORD_CHARS = re.compile(r"[^\w*'.-]+", re.UNICODE)


def match_expression(query: str) -> str | None:
    """The FTS5 expression for ``query``, or None when nothing searchable is left."""
    items: list[str] = []  # terms and the operators "OR" / "NOT" between them
    for m in _TOKEN.finditer(query or ""):
        phrase, _closed, star, word = m.groups()
        if word is None:
            term = _quoted(phrase, bool(star))
        elif word in ("OR", "NOT", "AND"):
            if word != "AND":
                items.append(word)
            continue
        elif word.startswith("-") and len(word) > 1:
            items.append("NOT")
            term = _word(word[1:])
        else:
            term = _word(word)
        if term:
            items.append(term)
    return _well_placed(items)


def _word(word: str) -> str | None:
    cleaned = _WORD_CHARS.sub(" ", word).strip(" .'-")
    prefix = cleaned.endswith("*")
    return _quoted(cleaned.replace("*", " "), prefix)


def _quoted(text: str, prefix: bool) -> str | None:
    words = re.sub(r"\s+", " ", text.replace('"', " ")).strip()
    if not re.search(r"\w", words):
        return None
    return f'"{words}"' + ("*" if prefix else "")


def _well_placed(items: list[str]) -> str | None:
    """Drop operators with no term on one side; of two operators in a row keep the last.

    FTS5's NOT needs a term before it, so an exclusion typed first (``-putin russia``)
    moves after the other terms (``russia NOT putin``).
    """
    out: list[str] = []
    deferred: list[str] = []
    pending_not = False
    for item in items:
        if item in ("OR", "NOT"):
            if out and out[-1] in ("OR", "NOT"):
                out[-1] = item
            elif out:
                out.append(item)
            elif item == "NOT":
                pending_not = True
            continue
        if pending_not:
            deferred.append(item)
            pending_not = False
            continue
        out.append(item)
    while out and out[-1] in ("OR", "NOT"):
        out.pop()
    if out:
        out += [part for term in deferred for part in ("NOT", term)]
    return " ".join(out) or None
