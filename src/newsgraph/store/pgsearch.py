"""Full-text search on a PostgreSQL store: the same searches as FTS5, with tsvector and GIN.

``match.match_expression`` turns what a person types into an FTS5 expression of quoted
words and phrases, prefixes, ``OR`` and ``NOT``; ``tsquery`` reads that expression back
into PostgreSQL's ``to_tsquery`` syntax, so both stores accept exactly the same queries.
Ranking is ``ts_rank`` over title (weight A), lead (B) and body (C); snippets come from
``ts_headline`` with the same markers as FTS5's ``snippet``.
"""

from __future__ import annotations

import re

# What is indexed: the same columns as the FTS5 tables, weighted as their bm25 weights are ordered.
ARTICLE_VECTOR = ("(setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
                  "setweight(to_tsvector('english', coalesce(lead, '')), 'B') || "
                  "setweight(to_tsvector('english', coalesce(body, '')), 'C'))")
QUOTE_VECTOR = ("(setweight(to_tsvector('english', coalesce(text, '')), 'A') || "
                "setweight(to_tsvector('english', coalesce(speaker, '')), 'B'))")
INDEXES = (f"CREATE INDEX IF NOT EXISTS articles_search ON articles USING GIN ({ARTICLE_VECTOR})",
           f"CREATE INDEX IF NOT EXISTS quotes_search ON quotes USING GIN ({QUOTE_VECTOR})")
HEADLINE = "StartSel=\x02, StopSel=\x03, MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=…"

_ITEM = re.compile(r'"([^"]*)"(\*?)|(OR|NOT)')
_LEXEME = re.compile(r"[^\w]+", re.UNICODE)


def tsquery(expression: str) -> str | None:
    """An FTS5 expression from ``match_expression`` as ``to_tsquery`` text, or None if empty."""
    parts: list[str] = []
    for m in _ITEM.finditer(expression):
        phrase, star, operator = m.groups()
        if operator:
            parts.append("|" if operator == "OR" else "& !")
            continue
        words = [w for w in _LEXEME.sub(" ", phrase).split() if w]
        if not words:
            continue
        if star:
            words[-1] += ":*"
        term = " <-> ".join(words)
        term = f"({term})" if len(words) > 1 else term
        if parts and parts[-1] not in ("|", "& !"):
            parts.append("&")
        parts.append(term)
    while parts and parts[-1] in ("|", "& !", "&"):
        parts.pop()
    return " ".join(parts) or None


def search_sql(what: str, filters: str) -> tuple[str, str]:
    """Columns and FROM/WHERE of a search; the first two arguments are the tsquery, twice."""
    if what == "articles":
        columns = ("a.id, a.title, a.outlet, a.published, a.published_precision, a.story, "
                   "ts_headline('english', coalesce(a.title, '') || ' ' || coalesce(a.lead, '') || ' ' || "
                   f"coalesce(a.body, ''), query, '{HEADLINE}') AS snippet, "
                   f"-ts_rank({ARTICLE_VECTOR.replace('coalesce(', 'coalesce(a.')}, query) AS score")
        body = (f"FROM articles a, to_tsquery('english', ?) AS query "
                f"WHERE {ARTICLE_VECTOR.replace('coalesce(', 'coalesce(a.')} @@ to_tsquery('english', ?)")
    else:
        columns = ("q.id, q.article, q.text, q.kind, q.speaker, e.name AS speaker_entity, "
                   "q.speaker_entity AS speaker_entity_id, q.evidence, a.title AS article_title, "
                   "a.outlet, a.published, a.published_precision, a.story, "
                   f"ts_headline('english', q.text, query, '{HEADLINE}') AS snippet, "
                   f"-ts_rank({QUOTE_VECTOR.replace('coalesce(', 'coalesce(q.')}, query) AS score")
        body = (f"FROM quotes q JOIN articles a ON a.id = q.article LEFT JOIN entities e ON e.id = q.speaker_entity, "
                f"to_tsquery('english', ?) AS query "
                f"WHERE {QUOTE_VECTOR.replace('coalesce(', 'coalesce(q.')} @@ to_tsquery('english', ?)")
    return columns, body + filters
