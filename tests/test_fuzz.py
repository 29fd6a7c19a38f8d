"""Property-based and fuzz tests (hypothesis): readers, structure and process_text never raise
for any input; each unit ends a document or a Failure naming it. Example counts are bounded so
the suite stays fast; NEWSGRAPH_FUZZ_EXAMPLES raises them for a longer hunt.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph.ingest import Failure, Notice, iter_documents, read_text
from newsgraph.ingest.decode import DecodeError, content_id, decode_bytes
from newsgraph.ingest.jsonl import parse_line
from newsgraph.records import RawDocument
from newsgraph.structure import structure_article

SCALE = int(os.environ.get("NEWSGRAPH_FUZZ_EXAMPLES", "1"))
FAST = settings(max_examples=60 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=12 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SURROGATES = st.sampled_from(["\ud800", "\udbff", "\udc00", "\udfff"])
ANY_TEXT = st.lists(st.one_of(st.text(max_size=40), SURROGATES), max_size=8).map("".join)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20)
RECORD_KEYS = st.sampled_from(["text", "body", "html", "title", "headline", "url", "outlet", "published", "date",
                               "author", "authors", "id", "extra"])
RECORDS = st.dictionaries(RECORD_KEYS, JSON_VALUES, max_size=6)
SUFFIXES = st.sampled_from([".txt", ".html", ".jsonl", ".warc", ".txt.gz", ".jsonl.gz", ".warc.gz", ".htm"])
NEWS_WORDS = st.sampled_from(["Kurt Campbell", "said", "on Monday", "\"We will talk,\"", "Seoul", "the minister",
                              "according to Reuters", "\n\n", ".", "Putin", "signed", "a pact", "with", "Kim"])


def _is_item(item: object) -> bool:
    return isinstance(item, (RawDocument, Failure, Notice))


@FAST
@given(data=st.binary(max_size=2000), suffix=SUFFIXES, compress=st.booleans())
def test_any_bytes_in_any_container_end_as_items_naming_the_file(data: bytes, suffix: str, compress: bool) -> None:
    if suffix.endswith(".gz") and compress:
        data = gzip.compress(data)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        items = list(iter_documents([path]))
    assert items and all(_is_item(i) for i in items)
    for item in items:
        assert "input" in item.origin
        if isinstance(item, RawDocument):
            item.text.encode("utf-8")
            json.dumps(item.metadata, ensure_ascii=False).encode("utf-8")
        if isinstance(item, Failure):
            assert item.reason and "\n" not in item.reason


@FAST
@given(record=RECORDS)
def test_any_json_record_is_a_document_or_a_failure(record: dict) -> None:
    line = json.dumps(record, ensure_ascii=True).encode("utf-8")
    item = parse_line(line, "feed.jsonl:1")
    assert isinstance(item, (RawDocument, Failure)) and item.origin == "feed.jsonl:1"
    if isinstance(item, RawDocument):
        item.text.encode("utf-8")
        assert item.id == parse_line(line, "feed.jsonl:2").id  # identity does not depend on where it was read


@FAST
@given(line=st.binary(max_size=500))
def test_any_line_is_a_document_or_a_failure(line: bytes) -> None:
    assert isinstance(parse_line(line, "f.jsonl:1"), (RawDocument, Failure))


@FAST
@given(data=st.binary(max_size=3000))
def test_decode_gives_text_or_a_reason(data: bytes) -> None:
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        assert str(exc)
    else:
        assert isinstance(text, str) and encoding


@FAST
@given(text=ANY_TEXT)
def test_content_id_takes_any_string_and_ignores_spacing(text: str) -> None:
    assert content_id(text) == content_id(f"  {text.replace(' ', '   ')}\n")


@FAST
@given(text=ANY_TEXT, media_type=st.sampled_from(["text/plain", "text/html"]),
       published=st.one_of(st.none(), st.text(max_size=30), st.sampled_from(["99999-01-01", "0000-00-00",
                                                                            "2024-02-30", "2024-06-24T25:99"])))
def test_structure_never_raises(text: str, media_type: str, published: str | None) -> None:
    raw = read_text(text, media_type=media_type, metadata={"published": published} if published else {})
    article = structure_article(raw)
    article.text.encode("utf-8")
    if article.title:
        assert article.text.startswith(article.title)


@SLOW
@given(words=st.lists(NEWS_WORDS | st.text(max_size=20), min_size=1, max_size=30),
       published=st.one_of(st.none(), st.sampled_from(["99999-01-01", "2024-13-45", "0001-01-01", "2024-06-24"])),
       html=st.booleans())
def test_process_text_returns_an_analysis_or_a_value_error(words: list[str], published: str | None,
                                                          html: bool) -> None:
    text = " ".join(words)
    try:
        analysis = newsgraph.process_text(text, published=published, html=html)
    except ValueError as exc:
        assert "<text>" in str(exc)  # a one-line reason naming the input
        return
    body = analysis.article.text
    for mention in analysis.mentions:
        assert body[mention.start:mention.end] == mention.text
    for quote in analysis.quotes:
        assert 0 <= quote.start <= quote.end <= len(body)
