"""Evidence sentences: what a reader sees as the proof of a finding."""

from __future__ import annotations

from newsgraph.spans import evidence_sentence, sentence_bounds

TEXT = ('Title line\n\nHe said his country would consider “various measures.” Meanwhile, Seoul '
        'summoned the ambassador. "It is over," she said.\n\nNew paragraph here.')


def test_sentence_keeps_its_closing_quote() -> None:
    start = TEXT.index("various")
    assert evidence_sentence(TEXT, start, start + 7) == "He said his country would consider “various measures.”"


def test_sentence_after_a_quote_and_paragraphs() -> None:
    start = TEXT.index("Seoul")
    assert evidence_sentence(TEXT, start, start + 5) == "Meanwhile, Seoul summoned the ambassador."
    start = TEXT.index("New")
    assert evidence_sentence(TEXT, start, start + 3) == "New paragraph here."
    assert evidence_sentence(TEXT, 0, 5) == "Title line"


def test_span_across_sentences_widens_to_both() -> None:
    start, end = TEXT.index("Seoul"), TEXT.index("she said") + 3
    left, right = sentence_bounds(TEXT, start, end)
    assert TEXT[left:right] == 'Meanwhile, Seoul summoned the ambassador. "It is over," she said.'
