"""What an article cites: outlets, people, organisations and documents it relies on.

Patterns: "Source: European Pravda with reference to the statement by …" lines,
"according to X", an "Outlet:" headline prefix, "X reported" / "reported by X",
"told Reuters", "citing X" / "with reference to X". ``source_chain`` puts a quote's
chain together (Euromaidan Press ← The Guardian ← Matthew Miller).
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from newsgraph.extract.citations.sources import SourceNamer
from newsgraph.extract.common.mention_index import MentionIndex
from newsgraph.extract.common.paragraphs import paragraph_bounds
from newsgraph.records import Article, Citation, Mention, Quote
from newsgraph.spans import sentence_bounds

SOURCE_LINE = re.compile(
    r"(?P<label>Sources?|Via)\s*:\s*(?P<name>[^\n]+?)"
    r"(?:(?P<rel>,?\s+(?:with reference to|referring to|citing|quoting|based on)\s+)(?P<ref>[^\n]+?))?\s*\.?\s*$",
    re.IGNORECASE)
RELATION_WORDS = re.compile(r"(?:with reference to|referring to|citing|quoting|based on)\b", re.IGNORECASE)
HEADLINE_PREFIX = re.compile(r"([^:\n]{2,40}):\s")
REPORT_VERBS = {"report", "write", "publish", "reveal", "say", "learn", "cite", "quote"}
CITING_WORDS = {"citing": "citing", "quoting": "quoting", "referring": "with reference to",
                "reference": "with reference to"}
TELL_VERBS = {"tell", "speak", "talk", "say"}


def find_citations(article: Article, doc: Doc, mentions: list[Mention]) -> list[Citation]:
    """Every source the article names, with the phrase that names it as evidence."""
    text = article.text
    namer = SourceNamer(article, doc, MentionIndex(mentions))
    found: list[Citation] = []
    found += _source_lines(article, text, namer)
    lines = [(c.start, c.end) for c in found]
    found += _headline_prefix(article, namer)
    for tok in doc:
        if any(s <= tok.idx < e for s, e in lines):
            continue
        hit = _citation_at(article, tok, namer)
        if hit is not None:
            found.append(hit)
    return _dedup(found)


def _source_lines(article: Article, text: str, namer: SourceNamer) -> list[Citation]:
    """ "Source: European Pravda with reference to the statement by the US Deputy Secretary of State"."""
    out: list[Citation] = []
    for start, end in paragraph_bounds(text):
        m = SOURCE_LINE.match(text, start, end)
        if not m or m.end() != end and text[m.end():end].strip():
            continue
        if RELATION_WORDS.match(m.group("name")) or not any(ch.isalpha() for ch in m.group("name")):
            continue  # "Source: with reference to …" with the outlet missing
        name, kind = namer.name(m.group("name"), m.start("name"))
        out.append(Citation(article.id, name, kind, "source", m.start(), end, text[m.start():end].strip()))
        if m.group("ref"):
            ref, ref_kind = namer.referent(m.group("ref"), m.start("ref"))
            relation = m.group("rel").strip(" ,").lower()
            ev_start = m.start("rel") + (len(m.group("rel")) - len(m.group("rel").lstrip(" ,")))
            out.append(Citation(article.id, ref, ref_kind, relation, ev_start, end, text[ev_start:end].strip()))
    return out


def _headline_prefix(article: Article, namer: SourceNamer) -> list[Citation]:
    """ "The Guardian: Russian weapons …": a headline that names the outlet it retells."""
    if not article.title:
        return []
    m = HEADLINE_PREFIX.match(article.title)
    if not m or not namer.is_outlet(m.group(1)):
        return []
    name, kind = namer.name(m.group(1), 0)
    return [Citation(article.id, name, kind, "headline", 0, m.end(1) + 1, article.title[:m.end(1) + 1])]


def _citation_at(article: Article, tok: Token, namer: SourceNamer) -> Citation | None:
    """One citation anchored on this token, if any of the token patterns applies."""
    low = tok.lower_
    if low == "according":
        to = next((c for c in tok.children if c.lower_ == "to"), None)
        source = _object(to)
        return namer.cite(article.id, source, "according to", tok) if source is not None else None
    if low in CITING_WORDS and tok.i + 1 < len(tok.doc):
        if low == "reference" and (tok.i == 0 or tok.doc[tok.i - 1].lower_ != "with"):
            return None  # "made reference to …" cites nothing
        obj = _object(tok) or _object(next((c for c in tok.children if c.dep_ == "prep"), None))
        if obj is None:
            return None
        found = namer.cite(article.id, obj, CITING_WORDS[low], tok, referent=True)
        # "citing internal business issues" gives a reason, not a source
        return found if found is None or found.kind != "organisation" or namer.mentions.on_token(obj) else None
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB":
        return None
    if lemma in REPORT_VERBS:
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None and namer.is_outlet_token(subj):
            return namer.cite(article.id, subj, "reported", tok, evidence_to=tok)
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        by = _object(agent)
        if by is not None and namer.is_outlet_token(by):
            return namer.cite(article.id, by, "reported", tok)
    if lemma in TELL_VERBS:
        for child in tok.children:
            listener = child if child.dep_ in {"dobj", "dative"} and child.pos_ == "PROPN" else None
            if child.dep_ in {"prep", "dative"} and child.lower_ in {"to", "with"}:
                listener = _object(child)
            if listener is not None and namer.is_outlet_token(listener):
                return namer.cite(article.id, listener, "told", tok)
    return None


def _object(prep: Token | None) -> Token | None:
    if prep is None:
        return None
    return next((c for c in prep.children if c.dep_ in {"pobj", "dobj"}), None)


def _dedup(found: list[Citation]) -> list[Citation]:
    """One citation per (source, relation, evidence start)."""
    seen, out = set(), []
    for c in sorted(found, key=lambda c: (c.start, c.end)):
        key = (c.cited, c.relation, c.start)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def source_chain(article: Article, quote: Quote, citations: list[Citation]) -> list[str | None]:
    """Who a quote reached the reader through, outermost first:
    [article outlet, cited outlet(s) in the quote's sentence or the article's "Source:" line, speaker].
    E.g. ["Euromaidan Press", "The Guardian", "Matthew Miller"]."""
    text = article.text
    lo, hi = sentence_bounds(text, quote.start, quote.end)
    near = [c for c in citations if c.start < hi and lo < c.end and c.kind != "person" and c.relation != "headline"]
    if not near:
        near = [c for c in citations if c.relation == "source"]
    chain: list[str | None] = [article.outlet]
    for c in near:
        if c.cited not in chain and c.cited != quote.speaker_entity:
            chain.append(c.cited)
    chain.append(quote.speaker_entity or quote.speaker)
    return chain
