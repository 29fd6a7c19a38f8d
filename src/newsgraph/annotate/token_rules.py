"""The model's attribute rules and rule lemmatizer, giving the same values in a fraction of the time.

On news articles spaCy's ``attribute_ruler`` (tag → part of speech and morphology, a few
word exceptions) and ``lemmatizer`` took a quarter of the parse (~7 of 27 CPU s for 92
articles), while the extractors need what they produce (``pos_`` and ``lemma_`` everywhere):

- the attribute ruler runs a ``Matcher`` of ~180 one- and two-token patterns over every
  token and sets attributes from Python, match by match. Here the same patterns are
  tested with numpy over the document's attribute array and the values written back
  with one ``Doc.from_array`` (``ArrayAttributeRuler``);
- the lemmatizer asks ``form in index`` for each word it has not seen, and the model
  ships each part of speech's index as a list (57,528 nouns), scanned to the end every
  time; as sets (``index_as_sets``) the same rules run ~6× faster.

``replace_components`` applies both after the model loads. A model whose rules use what
the array version does not read (operators other than IN, NOT_IN and REGEX, other
attributes, extension attributes) keeps its stock ruler. ``tests/test_annotate.py``
checks that part of speech, tag, morphology, lemma, dependencies and entities are
identical to the stock pipeline's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from spacy.attrs import DEP, IDS, IS_SPACE, LEMMA, LOWER, MORPH, NORM, ORTH, POS, TAG
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

SET_ATTRS = (POS, TAG, MORPH, LEMMA, DEP)  # what the rules may set
MATCH_ATTRS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE, "ORTH": ORTH, "TEXT": ORTH,
               "NORM": NORM, "POS": POS}


@dataclass
class Test:
    """One condition on one attribute of a token, as the Matcher reads it."""

    column: int  # of the match array
    kind: str  # "eq", "in", "not_in" or "regex"
    values: np.ndarray | None = None  # hashes (eq: one)
    regex: re.Pattern | None = None
    verdicts: dict[int, bool] = field(default_factory=dict)  # regex: hash → does the string match

    def mask(self, column: np.ndarray, strings: Any) -> np.ndarray:
        if self.kind == "eq":
            return column == self.values[0]
        if self.kind == "in":
            return np.isin(column, self.values)
        if self.kind == "not_in":
            return ~np.isin(column, self.values)
        unique = np.unique(column)
        for value in unique.tolist():
            if value not in self.verdicts:
                self.verdicts[value] = bool(self.regex.search(strings[value]))
        hits = np.array([v for v in unique.tolist() if self.verdicts[v]], dtype=column.dtype)
        return np.isin(column, hits)


@dataclass
class Rule:
    """One pattern of the attribute ruler: tests on consecutive tokens, and what it sets."""

    group: int  # rules apply in group order; a later group overrides an earlier one
    tests: list[list[Test]]  # per token of the pattern
    target: int  # which token of the pattern gets the values
    values: dict[int, int]  # column of SET_ATTRS → value


class ArrayAttributeRuler:
    """``attribute_ruler`` with the same rules, matched and applied with arrays."""

    def __init__(self, rules: list[Rule] | None = None, match_columns: list[int] | None = None):
        self.rules = rules or []
        self.match_columns = match_columns or []  # spaCy attribute ids, in array column order

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0 or not self.rules:
            return doc
        seen = doc.to_array(self.match_columns).reshape(len(doc), -1)  # 2-D even for one column
        current = doc.to_array(list(SET_ATTRS))
        for rule in self.rules:
            width = len(rule.tests)
            if width > len(doc):
                continue
            starts = np.ones(len(doc) - width + 1, dtype=bool)
            for offset, tests in enumerate(rule.tests):
                for test in tests:
                    starts &= test.mask(seen[offset: len(doc) - width + 1 + offset, test.column], doc.vocab.strings)
            where = np.flatnonzero(starts) + rule.target
            if where.size:
                for column, value in rule.values.items():
                    current[where, column] = value
        doc.from_array(list(SET_ATTRS), current)
        return doc


def compile_rules(ruler: Any) -> ArrayAttributeRuler | None:
    """The stock ruler's patterns as array rules, or None if one of them needs the Matcher."""
    columns: dict[int, int] = {}
    rules = []
    for group, pattern_set in enumerate(ruler.patterns):
        values = _values_of(ruler, group)
        if values is None:
            return None
        for pattern in pattern_set["patterns"]:
            tests = []
            for token in pattern:
                token_tests = []
                for key, wanted in token.items():
                    if key not in MATCH_ATTRS:
                        return None  # an operator or an attribute handled here: leave it to spaCy's Matcher
                    attr = MATCH_ATTRS[key]
                    test = _test(ruler.vocab, attr, columns.setdefault(attr, len(columns)), wanted)
                    if test is None:
                        return None
                    token_tests.append(test)
                tests.append(token_tests)
            target = pattern_set["index"] if pattern_set["index"] >= 0 else len(tests) + pattern_set["index"]
            if not 0 <= target < len(tests):
                return None
            rules.append(Rule(group, tests, target, values))
    rules.sort(key=lambda r: r.group)
    return ArrayAttributeRuler(rules, sorted(columns, key=columns.get))


def _test(vocab: Any, attr: int, column: int, wanted: Any) -> Test | None:
    """A Matcher token condition (a value, or one of IN, NOT_IN, REGEX) as an array test."""
    if not isinstance(wanted, dict):
        return Test(column, "eq", np.array([_match_value(vocab, attr, wanted)], dtype=np.uint64))
    if len(wanted) != 1:
        return None
    (op, value), = wanted.items()
    if op in ("IN", "NOT_IN") and isinstance(value, list):
        hashes = np.array([_match_value(vocab, attr, v) for v in value], dtype=np.uint64)
        return Test(column, op.lower(), hashes)
    if op == "REGEX" and isinstance(value, str) and attr not in (POS, IS_SPACE):
        return Test(column, "regex", regex=re.compile(value))
    return None


def _match_value(vocab: Any, attr: int, wanted: str | bool) -> int:
    if isinstance(wanted, bool):
        return int(wanted)
    if attr == POS:
        return POS_IDS[wanted]
    return vocab.strings.add(wanted)


def _values_of(ruler: Any, group: int) -> dict[int, int] | None:
    """What a group's attrs set, read off a scratch token exactly as the stock ruler sets them."""
    attrs = ruler.attrs[group]
    names = {IDS.get(k, k) if isinstance(k, str) else k for k in attrs}
    if not names <= set(SET_ATTRS):
        return None  # extension attributes or lexeme attributes: keep the stock ruler
    scratch = Doc(ruler.vocab, words=["x"])
    set_token_attrs(scratch[0], attrs)
    row = scratch.to_array(list(SET_ATTRS))[0]
    return {column: int(row[column]) for column, attr in enumerate(SET_ATTRS) if attr in names}


@Language.factory("newsgraph_attribute_rules")
def make_attribute_rules(nlp: Language, name: str) -> ArrayAttributeRuler:
    return ArrayAttributeRuler()


def replace_components(nlp: Language) -> None:
    """Swap the stock attribute ruler for its array version (same name, same place) and give
    the rule lemmatizer its index as sets."""
    if "attribute_ruler" in nlp.pipe_names:
        compiled = compile_rules(nlp.get_pipe("attribute_ruler"))
        if compiled is not None:
            nlp.replace_pipe("attribute_ruler", "newsgraph_attribute_rules")
            nlp.get_pipe("attribute_ruler").rules = compiled.rules
            nlp.get_pipe("attribute_ruler").match_columns = compiled.match_columns
    if "lemmatizer" in nlp.pipe_names and getattr(nlp.get_pipe("lemmatizer"), "mode", None) == "rule":
        index_as_sets(nlp.get_pipe("lemmatizer"))


def index_as_sets(lemmatizer: Any) -> None:
    """The lemma index as sets: the rule lemmatizer asks ``form in index`` of each new word,
    and the model ships each part of speech's index as a list (57,528 nouns), scanned to the end."""
    table = lemmatizer.lookups.get_table("lemma_index", None)
    if table is not None:
        for pos, words in list(table.items()):
            table[pos] = frozenset(words)
