"""Stories and near-duplicates: copies are linked, one event is one story, updates are incremental."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsgraph.corpus.stories import update_stories
from newsgraph.corpus.stories.dedup import Copyable, link_duplicates
from newsgraph.reference.keys import entity_id
from newsgraph.store.sqlite import connect

WIRE = (
    "Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a mutual defence pact in "
    "Pyongyang on Wednesday, pledging to help each other if either country is attacked. The agreement, "
    "the strongest link between Moscow and Pyongyang since the end of the Cold War, was signed during "
    "Putin's first visit to North Korea in 24 years. Kim called the pact an alliance and said relations "
    "had reached a new level. Putin said Russia did not rule out military and technical cooperation."
)
PACT_A = ("Putin and Kim sign mutual defence pact in Pyongyang", ["PERSON:Vladimir Putin", "PERSON:Kim Jong Un", "GPE:Pyongyang"])
PACT_B = ("Russia and North Korea agree defence pact as Putin visits Kim in Pyongyang",
          ["GPE:Russia", "GPE:North Korea", "PERSON:Vladimir Putin", "PERSON:Kim Jong Un", "GPE:Pyongyang"])
FLOODS = ("Floods force thousands from homes in southern Brazil", ["GPE:Brazil"])
CHIPS = ("Nvidia shares climb after record quarterly chip sales", ["ORG:Nvidia"])
TENNIS = ("Alcaraz beats Sinner to reach the French Open final", ["PERSON:Carlos Alcaraz", "PERSON:Jannik Sinner"])


@pytest.fixture()
def conn(tmp_path: Path) -> sqlite3.Connection:
    connection = connect(tmp_path / "stories.db")
    yield connection
    connection.close()


def add(conn: sqlite3.Connection, aid: str, title: str, entities: list[str] = (), body: str = "",
        outlet: str = "Outlet", published: str | None = "2024-06-19") -> str:
    """Store an article the way the pipeline does: a row, and its entities as mentions."""
    conn.execute(
        "INSERT INTO articles (id, origin, outlet, title, body, published, text, ingested_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, '2024-06-20T00:00:00')",
        (aid, f"test:{aid}", outlet, title, body, published, f"{title}\n\n{body}"))
    for entity in entities:
        type_, name = entity.split(":", 1)
        eid = entity_id(name, type_)
        conn.execute("INSERT OR IGNORE INTO entities (id, name, type) VALUES (?, ?, ?)", (eid, name, type_))
        conn.execute('INSERT INTO mentions (article, entity, start, "end", text, type, kind) '
                     "VALUES (?, ?, 0, 1, ?, ?, 'name')", (aid, eid, name, type_))
    return aid


def stories(conn: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    return update_stories(conn, ids, embeddings=False)


def snapshot(conn: sqlite3.Connection) -> list:
    tables = ["SELECT id, story, duplicate_of FROM articles ORDER BY id",
              "SELECT id, title, first_published, last_published, size, key_entities FROM stories ORDER BY id",
              "SELECT * FROM story_terms ORDER BY term", "SELECT * FROM story_centroids ORDER BY story",
              "SELECT * FROM story_postings ORDER BY term, story", "SELECT * FROM minhash_bands ORDER BY key, article"]
    return [[tuple(r) for r in conn.execute(sql)] for sql in tables]


def seed_corpus(conn: sqlite3.Connection) -> list[str]:
    return [add(conn, "a", *PACT_A, outlet="Pravda"), add(conn, "b", *PACT_B, outlet="Guardian"),
            add(conn, "c", *FLOODS), add(conn, "d", *CHIPS), add(conn, "e", *TENNIS)]


def test_same_event_from_two_outlets_is_one_story_and_unrelated_ones_are_not(conn: sqlite3.Connection) -> None:
    found = stories(conn, seed_corpus(conn))
    assert found["a"] == found["b"]
    assert len({found["a"], found["c"], found["d"], found["e"]}) == 4
    row = conn.execute("SELECT size, title, first_published, key_entities FROM stories WHERE id = ?",
                       (found["a"],)).fetchone()
    assert row["size"] == 2
    assert row["title"] in (PACT_A[0], PACT_B[0])
    assert row["first_published"] == "2024-06-19"
    assert "PERSON:vladimir putin" in row["key_entities"]


def test_syndicated_copy_with_other_boilerplate_is_linked_to_the_original(conn: sqlite3.Connection) -> None:
    original = add(conn, "wire", "Putin and Kim sign defence pact", body=WIRE, published="2024-06-19")
    copy_body = "Subscribe to our newsletter for the latest news.\n\n" + WIRE + "\n\nCopyright 2024 Daily Herald. All rights reserved."
    copy = add(conn, "copy", "Russia, North Korea sign pact", body=copy_body, outlet="Herald", published="2024-06-20")
    other = add(conn, "other", *FLOODS, body=WIRE.replace("Putin", "Lula").replace("Kim Jong Un", "a mayor")[:200])
    found = stories(conn, [copy, other, original])
    dup = {r["id"]: r["duplicate_of"] for r in conn.execute("SELECT id, duplicate_of FROM articles")}
    assert dup == {"wire": None, "copy": "wire", "other": None}
    assert found["copy"] == found["wire"]


def test_copy_arriving_later_and_earlier_original_arriving_later(conn: sqlite3.Connection) -> None:
    copy = add(conn, "copy", "Pact signed", body="Reposted.\n\n" + WIRE, published="2024-06-21")
    stories(conn, [copy])
    original = add(conn, "wire", "Putin and Kim sign defence pact", body=WIRE, published="2024-06-19")
    stories(conn, [original])
    dup = {r["id"]: r["duplicate_of"] for r in conn.execute("SELECT id, duplicate_of FROM articles")}
    assert dup == {"wire": None, "copy": "wire"}  # the earliest is the original, whenever it arrives


def test_short_bodies_are_never_called_copies(conn: sqlite3.Connection) -> None:
    items = [Copyable("x", "Putin visits Pyongyang.", None, "1"), Copyable("y", "Putin visits Pyongyang.", None, "2")]
    assert link_duplicates(conn, items) == {}


def test_rerunning_on_the_same_ids_changes_nothing(conn: sqlite3.Connection) -> None:
    ids = seed_corpus(conn)
    first = stories(conn, ids)
    before = snapshot(conn)
    assert stories(conn, ids) == first
    assert snapshot(conn) == before


def test_new_article_attaches_to_existing_story(conn: sqlite3.Connection) -> None:
    ids = [add(conn, "a", *PACT_A), add(conn, "c", *FLOODS), add(conn, "d", *CHIPS)]
    first = stories(conn, ids)
    later = add(conn, "b", *PACT_B, published="2024-06-20")
    second = stories(conn, [later])
    assert second == {"b": first["a"]}
    row = conn.execute("SELECT size, last_published FROM stories WHERE id = ?", (first["a"],)).fetchone()
    assert (row["size"], row["last_published"]) == (2, "2024-06-20")
    assert conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0] == 3


def test_stale_story_is_not_joined_by_a_much_later_article(conn: sqlite3.Connection) -> None:
    first = stories(conn, [add(conn, "a", *PACT_A, published="2024-06-19")])
    later = stories(conn, [add(conn, "b", *PACT_B, published="2025-03-01")])
    assert later["b"] != first["a"]


def test_story_ids_do_not_depend_on_order_or_run(tmp_path: Path) -> None:
    results = []
    for n, order in enumerate(([0, 1, 2, 3, 4], [4, 2, 0, 3, 1])):
        conn = connect(tmp_path / f"run{n}.db")
        ids = seed_corpus(conn)
        results.append(stories(conn, [ids[i] for i in order]))
        conn.close()
    assert results[0] == results[1]


def test_the_two_seed_articles_form_one_story(tmp_path: Path) -> None:
    """Through the real ingest path: the bundled seeds cover one event from two outlets."""
    from newsgraph.job import ingest_paths
    from newsgraph.store import Store

    examples = Path(__file__).resolve().parents[1] / "src" / "newsgraph" / "examples"
    with Store(tmp_path / "seeds.db") as store:
        summary = ingest_paths([examples], store, workers=1)
        assert summary.new == 2
        found = {r[0] for r in store.conn.execute("SELECT story FROM articles")}
        assert len(found) == 1 and None not in found


def test_corpus_steps_take_more_new_ids_than_one_statement_may_bind(conn: sqlite3.Connection) -> None:
    """A big backfill hands the corpus steps every new id at once (SQLite binds at most 250,000)."""
    from newsgraph.corpus.resolve import resolve_entities

    add(conn, "a1", *PACT_A)
    ids = ["a1"] + [f"missing{i:06d}" for i in range(300_000)]
    assert set(update_stories(conn, ids)) == {"a1"}
    assert resolve_entities(conn, ids) == 0


def test_ingest_workers_sign_bodies_and_clustering_reads_the_signatures(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The MinHash signature is made where the article is analysed and stored with it; the
    main process only links copies (a 100k backfill would otherwise sign every body there)."""
    from newsgraph.corpus.stories import dedup
    from newsgraph.job import ingest_paths
    from newsgraph.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text("Putin and Kim sign defence pact\n\n" + WIRE, encoding="utf-8")
    (folder / "copy.txt").write_text("Russia and North Korea sign pact\n\nSubscribe to our newsletter for the latest "
                                     "news.\n\n" + WIRE + "\n\nCopyright 2024 Daily Herald. All rights reserved.",
                                     encoding="utf-8")
    signed_here: list[str] = []
    real = dedup.signature
    monkeypatch.setattr(dedup, "signature", lambda body: signed_here.append(body[:20]) or real(body))
    with Store(tmp_path / "t.db") as store:
        assert ingest_paths([folder], store, workers=2).new == 2
        stored = dict(store.conn.execute("SELECT article, signature FROM article_minhash").fetchall())
        rows = store.conn.execute("SELECT id, duplicate_of, body FROM articles").fetchall()
    assert signed_here == []
    assert set(stored) == {r[0] for r in rows}
    assert all(stored[r[0]] == dedup.signature_bytes(r[2]) for r in rows)
    links = {r[0]: r[1] for r in rows}
    copies = [a for a, original in links.items() if original is not None]
    assert len(copies) == 1 and links[copies[0]] in links and links[links[copies[0]]] is None


def test_member_of_a_dated_article_reads_no_text_and_counts_words_as_first_words() -> None:
    """Speed paths of ``_member``: a dated article is placed by its date without its text being
    joined, and the body-length test counts words instead of joining and splitting them."""
    from newsgraph.corpus.stories.embeddings import count_words, first_words
    from newsgraph.corpus.stories.update import LONG_WORDS, NewArticle, _member

    for text in ["", "one", " a  b\tc\n" * 40, WIRE, "x" * 700 + " y", "word " * 200]:
        assert count_words(text, LONG_WORDS) == len(first_words(text, LONG_WORDS).split())

    class Dated(NewArticle):
        def text(self) -> str:
            raise AssertionError("a dated article's year needs no text")

    member = _member(Dated("a", "Pact signed", "", WIRE, "2024-06-19", "2024-06-20"), {"pact": 1.0}, None)
    assert member.year == 2024 and member.long
    undated = _member(NewArticle("b", "Pact signed", "", "It was signed on May 3, 2013.", None, ""), {"pact": 1.0}, None)
    assert undated.year == 2013 and not undated.long
