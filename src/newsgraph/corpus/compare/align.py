"""Align claims across the articles of a story: which sentences state the same fact.

Similarity of two claims = words (TF-IDF cosine of stemmed content words, paraphrases
folded) plus names (IDF-weighted overlap of the canonical entities they mention) plus
numbers (overlap, when both give some). IDF is taken over the story's own claims, so
words and names every sentence shares ("North Korea" in a North Korea story) count for
little, and the specific ones ("Vietnam", "artillery") decide.

Claims are linked across articles when they are each other's best match and similar
enough, or very similar; inside one article only near-repeats are linked (a lead the
body restates). Linked claims form one group (union-find); a group spanning two or
more articles is a shared fact, a group in one article is that article's own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix, diags

from newsgraph.corpus.compare.claims import ClaimUnit

WORD_WEIGHT = 0.6
ENTITY_WEIGHT = 0.4
NUMBER_BONUS = 0.1
MATCH = 0.30  # mutual best matches at least this similar state the same fact
STRONG = 0.45  # this similar is the same fact even when not the mutual best
REPEAT = 0.55  # two sentences of one article this similar are one claim said twice


@dataclass(frozen=True)
class Link:
    a: int  # indexes into the flat list of claims
    b: int
    score: float


def align(units: list[ClaimUnit]) -> list[list[int]]:
    """Groups of claim indexes that state the same fact, each sorted, in reading order."""
    if not units:
        return []
    scorer = Similarity(units)
    parent = list(range(len(units)))
    for link in links(units, scorer):
        _union(parent, link.a, link.b)
    groups: dict[int, list[int]] = {}
    for i in range(len(units)):
        groups.setdefault(_find(parent, i), []).append(i)
    return sorted(groups.values(), key=lambda g: (min(g)))


def links(units: list[ClaimUnit], scorer: "Similarity") -> list[Link]:
    """Pairs of claims judged to state the same fact."""
    scores = scorer.matrix()
    articles = list(dict.fromkeys(u.article for u in units))
    rows = {a: np.array([i for i, u in enumerate(units) if u.article == a]) for a in articles}
    out: list[Link] = []
    for x, a in enumerate(articles):
        mine = rows[a]
        inside = scores[np.ix_(mine, mine)]
        for i, j in zip(*np.nonzero(np.triu(inside >= REPEAT, k=1))):  # repeats inside one article
            out.append(Link(int(mine[i]), int(mine[j]), float(inside[i, j])))
        for b in articles[x + 1:]:
            theirs = rows[b]
            block = scores[np.ix_(mine, theirs)]
            best_for_mine = block.argmax(axis=1)
            best_for_theirs = block.argmax(axis=0)
            for i, j in zip(*np.nonzero(block >= MATCH)):
                mutual = best_for_mine[i] == j and best_for_theirs[j] == i
                if mutual or block[i, j] >= STRONG:
                    out.append(Link(int(mine[i]), int(theirs[j]), float(block[i, j])))
    return out


class Similarity:
    """Pairwise claim similarity with IDF weights from the story's own claims.

    Computed once as matrices (sparse products), so a story of a few thousand
    sentences aligns in about a second.
    """

    def __init__(self, units: list[ClaimUnit]):
        n = len(units) or 1
        words = _matrix([{t: 1 + math.log(c) for t, c in u.terms.items()} for u in units])
        names = _matrix([{e: 1.0 for e in u.entities} for u in units])
        numbers = _matrix([{x: 1.0 for x in set(u.numbers)} for u in units])
        word_idf = _idf(words, n)
        name_idf = _idf(names, n)
        weighted = words @ diags(word_idf)
        norms = np.sqrt(weighted.multiply(weighted).sum(axis=1)).A1
        weighted = diags(1 / np.where(norms > 0, norms, 1)) @ weighted
        self.word = (weighted @ weighted.T).toarray()
        self.entity = _weighted_jaccard(names, name_idf)
        self.number = _weighted_jaccard(numbers, np.ones(numbers.shape[1]))

    def words(self, i: int, j: int) -> float:
        return float(self.word[i, j])

    def entities(self, i: int, j: int) -> float:
        return float(self.entity[i, j])

    def numbers(self, i: int, j: int) -> float:
        return float(self.number[i, j])

    def matrix(self) -> np.ndarray:
        return WORD_WEIGHT * self.word + ENTITY_WEIGHT * self.entity + NUMBER_BONUS * self.number

    def __call__(self, i: int, j: int) -> float:
        return float(WORD_WEIGHT * self.word[i, j] + ENTITY_WEIGHT * self.entity[i, j]
                     + NUMBER_BONUS * self.number[i, j])


def _matrix(rows: list[dict[str, float]]) -> csr_matrix:
    """Sparse rows × features matrix from one {feature: value} dict per row."""
    columns: dict[str, int] = {}
    data, indices, indptr = [], [], [0]
    for row in rows:
        for feature, value in row.items():
            indices.append(columns.setdefault(feature, len(columns)))
            data.append(value)
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(rows), max(len(columns), 1)), dtype=float)


def _idf(matrix: csr_matrix, n: int) -> np.ndarray:
    df = np.asarray((matrix > 0).sum(axis=0)).ravel()
    return np.log((n + 1) / (df + 1)) + 1


def _weighted_jaccard(binary: csr_matrix, weights: np.ndarray) -> np.ndarray:
    """Sum of weights of shared features over sum of weights of all features of the pair."""
    present = (binary > 0).astype(float)
    shared = (present @ diags(weights) @ present.T).toarray()
    own = np.asarray(present @ weights).ravel()
    union = own[:, None] + own[None, :] - shared
    return np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _union(parent: list[int], a: int, b: int) -> None:
    ra, rb = _find(parent, a), _find(parent, b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)
