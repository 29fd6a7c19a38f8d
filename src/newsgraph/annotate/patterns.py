"""Entity rules from reference data, added to the spaCy pipeline by ``nlp.py``."""

from __future__ import annotations

from spacy.language import Language


def add_entity_rules(nlp: Language) -> None:
    """Add an entity ruler before the statistical NER (first version: no rules yet)."""
    return None
