"""The annotate pipeline: the faster attribute rules and lemmatizer set exactly what spaCy's do."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

from newsgraph.annotate import load_pipeline
from newsgraph.annotate.nlp import MODEL_NAME
from newsgraph.annotate.patterns import add_entity_rules
from newsgraph.annotate.token_rules import ArrayAttributeRuler, compile_rules
from newsgraph.examples import example_paths

COLUMNS = [POS, TAG, MORPH, LEMMA, DEP, HEAD, SENT_START, ENT_IOB, ENT_TYPE, ENT_KB_ID, ENT_ID]
# what the model's rules single out: contractions, "'s", "n't", "gonna", spaces, quotes, odd spellings
TRICKY = ("He's gonna say it isn't so, y'know?  We'd've won; they're nothin' if not   loyal.\n\n"
          "\"I ain't going,\" she said. Don't. The U.S. wasn't 'there' — whether or not 'tis true, "
          "cause nobody wanna hear it. Let's go: 3.5% of £20m, e-mail me at a@b.org.")


@pytest.fixture(scope="module")
def stock() -> spacy.language.Language:
    """The same pipeline built from spaCy's own components."""
    nlp = spacy.load(MODEL_NAME)
    nlp.max_length = 2_000_000
    nlp.add_pipe("newsgraph_paragraph_starts", before="parser")
    add_entity_rules(nlp)
    return nlp


def texts() -> list[str]:
    return [TRICKY, *(Path(p).read_text(encoding="utf-8") for p in example_paths())]


def test_the_rules_run_as_arrays() -> None:
    assert isinstance(load_pipeline().get_pipe("attribute_ruler"), ArrayAttributeRuler)


def test_every_annotation_is_the_stock_pipelines(stock: spacy.language.Language) -> None:
    ours = load_pipeline()
    assert ours.pipe_names == stock.pipe_names
    for text in texts():
        expected, got = stock(text), ours(text)
        assert len(got) > 20
        assert np.array_equal(expected.to_array(COLUMNS), got.to_array(COLUMNS))
        assert [(t.lemma_, t.pos_, str(t.morph)) for t in got] == [(t.lemma_, t.pos_, str(t.morph)) for t in expected]


def test_a_rule_it_cannot_read_keeps_the_stock_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"FUZZY": "colour"}}]], {"POS": "NOUN"})
    assert compile_rules(ruler) is None


def test_array_rules_apply_in_order_later_ones_win() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "ok"}]], {"POS": "INTJ", "LEMMA": "okay"})
    ruler.add([[{"LOWER": {"IN": ["ok", "fine"]}}, {"IS_PUNCT": False, "LOWER": {"REGEX": "^th"}}]],
              {"POS": "ADJ"}, index=0)
    assert compile_rules(ruler) is None  # IS_PUNCT is not read by the array version
    ruler.clear()
    ruler.add([[{"LOWER": "ok"}]], {"POS": "INTJ", "LEMMA": "okay"})
    ruler.add([[{"LOWER": {"IN": ["ok", "fine"]}}, {"LOWER": {"REGEX": "^th"}}]], {"POS": "ADJ"}, index=0)
    fast = compile_rules(ruler)
    doc = fast(nlp.make_doc("ok then ok now"))
    assert [t.pos_ for t in doc] == ["ADJ", "", "INTJ", ""]
    assert [t.lemma_ for t in doc] == ["okay", "", "okay", ""]
