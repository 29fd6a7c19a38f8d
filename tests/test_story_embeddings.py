"""Story embeddings are computed once at ingest (as a local pool's batches come back, or by Dask workers),
stored once per article, and read by clustering."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsgraph.pipeline as pipeline
from newsgraph.annotate import embeddings
from newsgraph.corpus.stories import embeddings as story_embeddings
from newsgraph.corpus.stories import update_stories
from newsgraph.corpus.stories.embeddings import EMBED_WORDS, MODEL, story_summary
from newsgraph.ingest import read_path, read_text
from newsgraph.job import ingest_paths
from newsgraph.records import ArticleAnalysis, Embedding
from newsgraph.store import Store
from newsgraph.store.sqlite import connect

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "examples"
VECTOR_BYTES = embeddings.DIMENSIONS * 2  # float16
OTHER = ("Floods force thousands from homes in southern Brazil\n\n"
         "Heavy rain in Rio Grande do Sul has forced more than 80,000 people from their homes, the state "
         "government said on Sunday, as rivers kept rising.\n")


@pytest.fixture(autouse=True)
def fresh_availability():
    """``available()`` is cached per process: let each test see its own environment."""
    embeddings.available.cache_clear()
    yield
    embeddings.available.cache_clear()


@pytest.fixture()
def main_process_embeds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count texts embedded in this process (the real model still runs)."""
    calls: list[int] = []
    real = embeddings.embed

    def counting(texts, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(len(texts))
        return real(texts, *args, **kwargs)

    monkeypatch.setattr(embeddings, "embed", counting)
    return calls


def stored(store: Store) -> list[tuple[str, str, bytes]]:
    return [tuple(r) for r in store.conn.execute("SELECT article, model, vector FROM article_embeddings ORDER BY article")]


def test_summary_is_the_headline_and_the_start_of_the_lead_or_body() -> None:
    """The text ``NewArticle.summary()`` has always embedded: ingest must embed exactly this."""
    body = " ".join(f"w{i}" for i in range(200))
    start = " ".join(f"w{i}" for i in range(EMBED_WORDS))
    assert story_summary("Headline", None, body) == f"Headline. {start}"
    assert story_summary("Headline", "A  short\nlead.", body) == "Headline. A short lead."
    assert story_summary("", None, body) == start
    assert story_summary("Headline", "", "") == "Headline"
    assert story_summary(None, None, None) == ""


def test_ingest_stores_one_vector_per_article_made_once_at_ingest(tmp_path: Path,
                                                                  main_process_embeds: list[int]) -> None:
    if not embeddings.available():
        pytest.skip("sentence embeddings are not installed")
    with Store(tmp_path / "t.db") as store:
        summary = ingest_paths([EXAMPLES], store, workers=2)
        assert summary.new == 2
        rows = stored(store)
        articles = {r[0]: (r[1], r[2], r[3]) for r in store.conn.execute("SELECT id, title, lead, body FROM articles")}
        assert [r[0] for r in rows] == sorted(articles)
        assert all(model == MODEL and len(vector) == VECTOR_BYTES for _, model, vector in rows)
        assert main_process_embeds == [2]  # one call for the batch as it came back; clustering read the vectors
        assert len({r[0] for r in store.conn.execute("SELECT story FROM articles")}) == 1
        for article, _, vector in rows:
            fresh = embeddings.embed([story_summary(*articles[article])])[0]
            assert float(story_embeddings.from_blob(vector) @ fresh) > 0.999


def test_clustering_embeds_only_what_is_not_stored_for_this_model(tmp_path: Path,
                                                                  main_process_embeds: list[int]) -> None:
    if not embeddings.available():
        pytest.skip("sentence embeddings are not installed")
    analyses = _analyse(_documents())
    assert main_process_embeds == [3] and all(a.story_embedding for a in analyses)  # one call for the batch
    main_process_embeds.clear()
    kept, old_model, missing = analyses
    made_at_ingest = {a.article.id: story_embeddings.from_blob(a.story_embedding.vector) for a in analyses}
    old_model.story_embedding = Embedding("another-model", old_model.story_embedding.vector)
    missing.story_embedding = None  # e.g. stored by an older version
    with Store(tmp_path / "t.db") as store:
        for analysis in analyses:
            assert store.save(analysis)
        store.conn.execute("BEGIN")
        update_stories(store.conn, [a.article.id for a in analyses])
        store.conn.execute("COMMIT")
        assert main_process_embeds == [2]  # the stored vector of the current model was read, not recomputed
        rows = stored(store)
    assert sorted((r[0], r[1], len(r[2])) for r in rows) == sorted((a.article.id, MODEL, VECTOR_BYTES) for a in analyses)
    for article, _, vector in rows:  # the same text gives the same vector, wherever it was computed
        assert float(story_embeddings.from_blob(vector) @ made_at_ingest[article]) > 0.9999


def test_reingest_and_reprocess_store_one_vector_per_article(tmp_path: Path) -> None:
    if not embeddings.available():
        pytest.skip("sentence embeddings are not installed")
    with Store(tmp_path / "t.db") as store:
        first = ingest_paths([EXAMPLES], store, workers=1)
        before = stored(store)
        second = ingest_paths([EXAMPLES], store, workers=1)
        third = ingest_paths([EXAMPLES], store, workers=1, reprocess=True)
        assert (first.new, second.new, third.new, third.reanalysed) == (2, 0, 0, 2)
        assert stored(store) == before and len(before) == 2


def test_without_embeddings_nothing_is_stored_and_stories_still_form(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    main_process_embeds: list[int]) -> None:
    monkeypatch.setenv(embeddings.DISABLE_ENV, "1")
    embeddings.available.cache_clear()
    with Store(tmp_path / "t.db") as store:
        summary = ingest_paths([EXAMPLES], store, workers=1)
        assert summary.new == 2 and stored(store) == []
        found = {r[0] for r in store.conn.execute("SELECT story FROM articles")}
        assert len(found) == 1 and None not in found
    assert main_process_embeds == []


def test_an_embedding_failure_costs_the_vector_not_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(texts, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("model crashed")

    monkeypatch.setattr(embeddings, "embed", broken)
    results = _analyse(_documents())
    assert len(results) == 3 and all(r.story_embedding is None for r in results)


def test_a_database_made_before_the_table_gets_it(tmp_path: Path) -> None:
    conn = connect(tmp_path / "old.db")
    conn.execute("DROP TABLE article_embeddings")
    conn.close()
    conn = connect(tmp_path / "old.db")
    assert conn.execute("SELECT COUNT(*) FROM article_embeddings").fetchone()[0] == 0
    conn.close()


def _documents() -> list:
    docs = [d for p in sorted(EXAMPLES.glob("*.txt")) for d in read_path(p)]
    return docs + [read_text(OTHER, origin="other.txt")]


def _analyse(docs: list) -> list[ArticleAnalysis]:
    results = pipeline.analyse_batch(docs)
    assert all(isinstance(r, ArticleAnalysis) for r in results)
    return results
