"""The peer story clustering is measured against: TF-IDF + average-link agglomerative clustering.

Each document is a TF-IDF vector (sublinear term frequency, English stop words) of the
same text newsgraph reads (headline and body); documents are joined bottom-up by mean
cosine similarity until no two clusters are closer than the threshold. It sees the
whole corpus at once (no incremental constraint), so it is a strong, simple peer.

Its one parameter, the threshold, is tuned the fair way: on other data than it is
scored on (``tune`` sweeps a grid and returns the best threshold on the data it is
given); the caller decides what that data is.

Needs scikit-learn, which the package itself does not: ``pip install scikit-learn==1.9.1``.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from sklearn.feature_extraction.text import TfidfVectorizer

GRID = [round(0.02 * i, 2) for i in range(2, 40)]  # cosine similarity thresholds 0.04 .. 0.78


def bcubed(gold: Sequence[str], pred: Sequence[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 (Bagga and Baldwin, 1998)."""
    gold_size, pred_size, both = Counter(gold), Counter(pred), Counter(zip(gold, pred))
    n = len(gold)
    precision = sum(c * c / pred_size[p] for (g, p), c in both.items()) / n
    recall = sum(c * c / gold_size[g] for (g, p), c in both.items()) / n
    return precision, recall, 2 * precision * recall / (precision + recall)


class AverageLink:
    """The dendrogram of one corpus, cut at any similarity threshold without recomputing."""

    def __init__(self, texts: Sequence[str]) -> None:
        vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=1).fit_transform(texts)
        distances = 1.0 - (vectors @ vectors.T).toarray()
        np.fill_diagonal(distances, 0.0)
        condensed = np.clip(distances[np.triu_indices(len(texts), k=1)], 0.0, None)
        self.tree = linkage(condensed, method="average")

    def clusters(self, threshold: float) -> list[str]:
        """Cluster labels when clusters closer than ``threshold`` (cosine similarity) are joined."""
        return [str(c) for c in fcluster(self.tree, t=1.0 - threshold, criterion="distance")]


def tune(texts: Sequence[str], gold: Sequence[str]) -> tuple[float, float]:
    """The grid threshold with the best B-cubed F1 on these documents, and that F1."""
    tree = AverageLink(texts)
    return max(((t, bcubed(gold, tree.clusters(t))[2]) for t in GRID), key=lambda tf: (tf[1], -tf[0]))
