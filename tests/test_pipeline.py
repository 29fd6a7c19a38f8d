"""Per-article pipeline and store: isolation of bad documents, atomic writes, re-runs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import newsgraph.pipeline as pipeline
from newsgraph.ingest import Failure, read_text
from newsgraph.job import ingest_paths
from newsgraph.records import ArticleAnalysis
from newsgraph.store import Store

TEXT = ("Leaders meet in Seoul\n\n"
        "Kurt Campbell, US Deputy Secretary of State, said on Monday that the talks in Seoul would go on. "
        "\"We will keep talking,\" he said.\n")


def _docs(n: int, marker: str = "") -> list:
    return [read_text(TEXT.replace("Monday", f"day {i}{marker if i == 2 else ''}"), origin=f"doc{i}.txt")
            for i in range(n)]


def test_stream_keeps_input_order_across_workers() -> None:
    results = list(pipeline.analyse_stream(_docs(6), workers=2, batch_size=2))
    assert [r.article.origin for r in results] == [f"doc{i}.txt" for i in range(6)]
    assert all(isinstance(r, ArticleAnalysis) and r.mentions for r in results)


def test_one_failing_document_does_not_stop_the_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.structure_article

    def flaky(raw, boilerplate=None):  # type: ignore[no-untyped-def]
        if "POISON" in raw.text:
            raise RuntimeError("cannot parse this")
        return real(raw, boilerplate)

    monkeypatch.setattr(pipeline, "structure_article", flaky)
    results = pipeline.analyse_batch(_docs(4, marker=" POISON"))
    assert [type(r).__name__ for r in results] == ["ArticleAnalysis", "ArticleAnalysis", "Failure", "ArticleAnalysis"]
    assert "cannot parse this" in results[2].reason and results[2].origin == "doc2.txt"


def test_worker_that_dies_is_replaced(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pipeline.structure_article

    def deadly(raw, boilerplate=None):  # type: ignore[no-untyped-def]
        if "KILL" in raw.text:
            os._exit(3)  # what a crash in native code or the OOM killer looks like
        return real(raw, boilerplate)

    monkeypatch.setattr(pipeline, "structure_article", deadly)
    results = list(pipeline.analyse_stream(_docs(6, marker=" KILL"), workers=2, batch_size=2))
    assert len(results) == 6
    failed = [r for r in results if isinstance(r, Failure)]
    assert [f.origin for f in failed] == ["doc2.txt"] and "died" in failed[0].reason


def test_failed_write_leaves_nothing_partial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path / "t.db")
    analysis = pipeline.analyse(read_text(TEXT, origin="a.txt"))
    assert isinstance(analysis, ArticleAnalysis)
    real_write = store._write

    def broken(a: ArticleAnalysis) -> None:
        real_write(a)
        raise OSError("disk full")

    monkeypatch.setattr(store, "_write", broken)
    with pytest.raises(OSError):
        store.save(analysis)
    for table in ("articles", "mentions", "entities", "quotes"):
        assert store.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table
    monkeypatch.undo()
    assert store.save(analysis) is True
    assert store.save(analysis) is False  # the same content twice is stored once


def test_rerun_and_reprocess(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    store = Store(tmp_path / "t.db")
    first = ingest_paths([str(tmp_path / "in")], store, workers=1)
    mentions = store.conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0]
    second = ingest_paths([str(tmp_path / "in")], store, workers=1)
    story = store.conn.execute("SELECT story FROM articles").fetchone()[0]
    third = ingest_paths([str(tmp_path / "in")], store, workers=1, reprocess=True)
    assert (first.new, second.new, second.unchanged, third.new, third.reanalysed) == (1, 0, 1, 0, 1)
    assert store.conn.execute("SELECT COUNT(*) FROM mentions").fetchone()[0] == mentions
    assert store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 1
    # the re-analysed article keeps its story, and no story is left without articles
    assert store.conn.execute("SELECT story FROM articles").fetchone()[0] == story
    assert [r[0] for r in store.conn.execute("SELECT id FROM stories")] == [story]
