"""Annotate: Article text → spaCy Doc. Only ``nlp.py`` loads models."""

from newsgraph.annotate.nlp import annotate, annotate_one, load_pipeline, verb_lemmas

__all__ = ["annotate", "annotate_one", "load_pipeline", "verb_lemmas"]
