"""The Python API mirrors the CLI: process one text, open a database, query it."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsgraph
from newsgraph.examples import example_paths

TEXT = ("Talks in Seoul\n\n"
        "Kurt Campbell, US Deputy Secretary of State, said on Monday that the talks would continue.\n\n"
        "\"We are not finished,\" Campbell said.\n")


def test_process_text_returns_records_with_spans() -> None:
    analysis = newsgraph.process_text(TEXT, outlet="Example News", published="2024-06-24")
    article = analysis.article
    assert article.outlet == "Example News" and article.published.startswith("2024-06-24")
    assert analysis.mentions
    for mention in analysis.mentions:
        assert article.text[mention.start:mention.end] == mention.text


def test_process_text_rejects_empty_text() -> None:
    with pytest.raises(ValueError, match="no article text"):
        newsgraph.process_text("   ")


def test_database_round_trip(tmp_path: Path) -> None:
    with newsgraph.open_db(tmp_path / "api.db") as db:
        summary = db.ingest([str(p) for p in example_paths()], workers=1)
        assert summary.new == 2 and summary.ok
        articles = db.articles()
        assert len(articles) == 2
        full = db.article(articles[0]["id"][:8])
        assert full is not None and full["text"]
        analysis = db.analysis(articles[0]["id"])
        assert analysis is not None and analysis.article.text == full["text"]
        assert any(e["name"] == "North Korea" for e in db.entities(type="GPE"))
        assert db.export("articles", "jsonl", tmp_path / "a.jsonl") == 2
