"""Full-text search: FTS5 indexes kept in step with the records, the query syntax people type,
filters, ranking and snippets; the same search from the CLI and the Python API."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsgraph
from newsgraph.interfaces.cli import app
from newsgraph.records import Article, ArticleAnalysis, Entity, Quote
from newsgraph.store import Store, queries
from newsgraph.store.match import match_expression
from newsgraph.store.sqlite import rebuild_search


def article(id_: str, title: str, body: str, outlet: str, published: str, quote: str | None = None) -> ArticleAnalysis:
    a = Article(id=id_, origin=f"{id_}.txt", title=title, paragraphs=[body], outlet=outlet, published=published,
                published_precision="day")
    quotes = []
    if quote:
        start = a.text.index(quote)
        quotes = [Quote(id_, start, start + len(quote), quote, "direct", "said", "Kurt Campbell", None, None,
                        "Kurt Campbell", 0.9)]
    speakers = [Entity("Kurt Campbell", "PERSON")] if quote else []  # a quote's speaker is one of the article's entities
    return ArticleAnalysis(a, entities=speakers, quotes=quotes)


ARTICLES = [
    article("a1", "Russia and North Korea sign a defence pact", "The pact was signed in Pyongyang on Wednesday.",
            "Reuters", "2024-06-19T10:00:00+00:00", quote="signed in Pyongyang"),
    article("a2", "Sanctions on Pyongyang tightened as Korea talks stall", "Washington announced sanctions against North Korean banks.",
            "The Guardian", "2024-06-21"),
    article("a3", "Markets calm", "Stocks rose; no one mentioned korea. A sanctioned bank reopened.",
            "Reuters", "2024-07-02"),
]


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "search.db")
    for analysis in ARTICLES:
        assert s.save(analysis)
    yield s
    s.close()


def ids(rows: list[dict]) -> list[str]:
    return [r["id"] for r in rows]


def test_phrases_prefixes_and_exclusions(store: Store) -> None:
    assert set(ids(queries.search(store.conn, "korea"))) == {"a1", "a2", "a3"}
    assert ids(queries.search(store.conn, '"north korea"')) == ["a1"]  # a2 says "North Korean"
    assert set(ids(queries.search(store.conn, "sanction*"))) == {"a2", "a3"}
    assert ids(queries.search(store.conn, "korea -sanction*")) == ["a1"]
    assert set(ids(queries.search(store.conn, "pact OR markets"))) == {"a1", "a3"}


def test_title_words_rank_first_and_snippets_are_highlighted(store: Store) -> None:
    rows = queries.search(store.conn, "pyongyang")
    assert ids(rows)[0] == "a2"  # in a2's title; only in a1's body
    assert "<mark>Pyongyang</mark>" in rows[0]["snippet"]


def test_filters_by_outlet_and_dates(store: Store) -> None:
    assert set(ids(queries.search(store.conn, "korea", outlet="reuters"))) == {"a1", "a3"}
    assert ids(queries.search(store.conn, "korea", since="2024-06-20", until="2024-06-30")) == ["a2"]
    assert ids(queries.search(store.conn, "korea", until="2024-06-19")) == ["a1"]  # the whole day is included
    assert queries.search_count(store.conn, "korea", outlet="Reuters") == 2
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        queries.search(store.conn, "korea", since="19 June")


def test_quotes_are_searched_with_their_article(store: Store) -> None:
    rows = queries.search(store.conn, "pyongyang", what="quotes")
    assert [(r["article"], r["speaker_entity"], r["outlet"]) for r in rows] == [("a1", "Kurt Campbell", "Reuters")]
    assert queries.search(store.conn, "campbell", what="quotes")  # the speaker as written is indexed too


def test_typed_syntax_never_reaches_fts5_raw() -> None:
    for typed in ['"unbalanced', "a-b: c", "OR", "NOT", "***", "(x", "title:x", "'", "a OR OR b", "-x"]:
        expression = match_expression(typed)
        if expression is not None:
            sqlite3.connect(":memory:").execute("CREATE VIRTUAL TABLE t USING fts5(x)").connection.execute(
                "SELECT * FROM t WHERE t MATCH ?", (expression,)).fetchall()
    assert match_expression("-putin russia") == '"russia" NOT "putin"'
    assert match_expression("***") is None


def test_index_follows_replace_and_delete(store: Store) -> None:
    changed = article("a1", "Summit postponed", "Nothing was signed.", "Reuters", "2024-06-19",
                      quote="Nothing was signed")
    assert store.save(changed, replace=True)
    assert "a1" not in ids(queries.search(store.conn, "pact"))
    assert ids(queries.search(store.conn, "summit")) == ["a1"]
    assert [r["text"] for r in queries.search(store.conn, "signed", what="quotes")] == ["Nothing was signed"]
    store.conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    store.conn.execute("INSERT INTO quotes_fts (quotes_fts, rank) VALUES ('integrity-check', 1)")


def test_existing_database_is_indexed_when_opened(tmp_path: Path, store: Store) -> None:
    """A file made before search existed (no FTS tables) gets its indexes filled on open."""
    old = tmp_path / "old.db"
    store.conn.execute("VACUUM INTO ?", (str(old),))
    with sqlite3.connect(old) as conn:
        for name in ("articles_fts", "quotes_fts"):
            conn.execute(f"DROP TABLE {name}")
    with Store(old) as reopened:
        assert set(ids(queries.search(reopened.conn, "korea"))) == {"a1", "a2", "a3"}
        assert queries.search_count(reopened.conn, "pyongyang", what="quotes") == 1
        rebuild_search(reopened.conn)
        assert queries.search_count(reopened.conn, "korea") == 3


def test_datasette_finds_the_index(store: Store) -> None:
    """Datasette's detect_fts looks for a virtual table declared with content="<table>"."""
    sql = store.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
    assert 'content="articles"' in sql and "VIRTUAL TABLE" in sql.upper()
    # what Datasette runs for ?_search=: the record table's rowid in the index's rowids
    hits = store.conn.execute("SELECT id FROM articles WHERE rowid IN (SELECT rowid FROM articles_fts "
                              "WHERE articles_fts MATCH ?)", ("sanctions",)).fetchall()
    assert {r[0] for r in hits} == {"a2", "a3"}


def test_cli_and_python_api(store: Store) -> None:
    path = str(store.path)
    result = CliRunner().invoke(app, ["search", '"north korea"', "--db", path, "--json"])
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.output.splitlines()] == ["a1"]
    result = CliRunner().invoke(app, ["search", "korea", "--db", path, "--outlet", "The Guardian"])
    assert result.exit_code == 0 and "1 of 1 articles" in result.output and "a2" in result.output
    result = CliRunner().invoke(app, ["search", "korea", "--db", path, "--what", "people"])
    assert result.exit_code == 2 and "choose from articles, quotes" in result.output
    result = CliRunner().invoke(app, ["search", "korea", "--db", path, "--since", "June"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
    with newsgraph.open_db(path) as db:
        assert [r["article"] for r in db.search("pyongyang", what="quotes")] == ["a1"]
