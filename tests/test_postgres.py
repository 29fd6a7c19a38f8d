"""The PostgreSQL store and the Dask runner give what SQLite and the local pool give.

Real parts only: a real PostgreSQL server (``NEWSGRAPH_TEST_POSTGRES`` names a database
URL whose user may create databases; ``.ci/run`` starts one) and a real
``dask.distributed`` LocalCluster. Without the variable these tests are skipped, unless
``NEWSGRAPH_REQUIRE_POSTGRES=1`` (as in CI) makes that a failure.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from newsgraph.examples import example_paths
from newsgraph.job import ingest_paths
from newsgraph.store import Store, queries
from newsgraph.store.copy import copy_store

ADMIN_URL = os.environ.get("NEWSGRAPH_TEST_POSTGRES")
if not ADMIN_URL and os.environ.get("NEWSGRAPH_REQUIRE_POSTGRES"):
    raise RuntimeError("NEWSGRAPH_REQUIRE_POSTGRES is set but NEWSGRAPH_TEST_POSTGRES is not")
pytestmark = pytest.mark.skipif(not ADMIN_URL, reason="no PostgreSQL server (set NEWSGRAPH_TEST_POSTGRES)")


@pytest.fixture()
def pg_url() -> str:
    """A new, empty database on the test server, dropped afterwards."""
    import psycopg

    name = f"newsgraph_test_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = ADMIN_URL.rpartition("/")
    yield f"{base}/{name}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


EVENTS = [
    ("Vladimir Putin", "Kim Jong Un", "Pyongyang", "signed a defence pact"),
    ("Joe Biden", "Xi Jinping", "San Francisco", "met to discuss trade"),
    ("Emmanuel Macron", "Olaf Scholz", "Berlin", "agreed on a budget plan"),
    ("Narendra Modi", "Anthony Albanese", "Sydney", "announced a mining deal"),
    ("Recep Tayyip Erdogan", "Ulf Kristersson", "Ankara", "discussed the NATO bid"),
    ("Lula da Silva", "Javier Milei", "Brasilia", "argued over tariffs"),
    ("Benjamin Netanyahu", "Antony Blinken", "Jerusalem", "talked about a ceasefire"),
    ("Cyril Ramaphosa", "William Ruto", "Nairobi", "opened a trade fair"),
    ("Fumio Kishida", "Yoon Suk Yeol", "Seoul", "renewed a security agreement"),
    ("Justin Trudeau", "Claudia Sheinbaum", "Ottawa", "reviewed a water treaty"),
]
OUTLETS = ["Reuters", "The Guardian", "Le Monde", "NHK", "Al Jazeera", "CNN", "BBC News", "DW", "ABC", "Kyodo"]


def synthetic_corpus(path: Path, per_event: int = 30) -> Path:
    """300 short articles: ten events, each told by several outlets in different words."""
    rng = random.Random(7)
    with open(path, "w", encoding="utf-8") as out:
        for e, (a, b, place, did) in enumerate(EVENTS):
            for n in range(per_event):
                outlet = OUTLETS[n % len(OUTLETS)]
                day = 10 + e
                lines = [
                    f"{a} and {b} {did} in {place} on Monday, officials said.",
                    f"\"This is a new chapter for our countries,\" {a} told reporters in {place}.",
                    f"{b} said the talks had been difficult but useful, according to {outlet}.",
                    rng.choice([f"Critics of {a} said the move was premature.",
                                f"Markets reacted calmly to the news from {place}.",
                                f"The two leaders last met more than a year ago."]),
                ]
                rng.shuffle(lines[2:])
                record = {"title": f"{a} and {b} {did} ({outlet} report {n})", "text": "\n\n".join(lines),
                          "outlet": outlet, "published": f"2024-03-{day:02d}", "url": f"https://{e}.example/{n}"}
                out.write(json.dumps(record) + "\n")
    return path


def contents(conn: object) -> dict[str, object]:
    """What an analyst reads back: articles, quotes, entities, and the story partition."""
    def rows(kind: str, drop: tuple[str, ...] = ()) -> list[str]:
        return sorted(json.dumps({k: v for k, v in r.items() if k not in drop}, sort_keys=True, default=str)
                      for r in queries.export_rows(conn, kind))

    articles = list(queries.export_rows(conn, "articles"))
    groups: dict[str, set[str]] = {}
    for a in articles:
        groups.setdefault(a["story"] or a["id"], set()).add(a["id"])
    return {
        "articles": rows("articles", drop=("story", "ingested_at")),
        "quotes": rows("quotes"),
        "entities": rows("entities"),
        "partition": sorted(sorted(g) for g in groups.values()),
        "stories without members": [s["id"] for s in queries.iter_stories(conn) if not s["articles"]],
    }


def test_seeds_same_on_sqlite_in_process_and_postgres_through_dask(tmp_path: Path, pg_url: str) -> None:
    with Store(tmp_path / "seeds.db") as local:
        ingest_paths(example_paths(), local, workers=1)
        expected = contents(local.conn)
    with Store(pg_url) as server:
        summary = ingest_paths(example_paths(), server, cluster="local:2")
        assert summary.new == 2 and summary.failed == 0
        assert contents(server.conn) == expected


def test_300_articles_same_on_both_stores(tmp_path: Path, pg_url: str) -> None:
    corpus = synthetic_corpus(tmp_path / "corpus.jsonl")
    with Store(tmp_path / "corpus.db") as local:
        ingest_paths([corpus], local, workers=1)
        expected = contents(local.conn)
    assert len(expected["articles"]) == 300 and len(expected["partition"]) < 300
    with Store(pg_url) as server:
        ingest_paths([corpus], server, cluster="local:2")
        assert contents(server.conn) == expected


def test_reading_commands_and_exports_work_on_postgres(tmp_path: Path, pg_url: str) -> None:
    with Store(pg_url) as server:
        ingest_paths(example_paths(), server, workers=1)
        story = next(iter(queries.iter_stories(server.conn)))["id"]
    env = {**os.environ, "NEWSGRAPH_DB": pg_url}
    for command in (["articles"], ["entities", "--name", "Campbell"], ["quotes", "--speaker", "Kurt Campbell"],
                    ["stories"], ["flags"], ["report"], ["search", "partnerships"],
                    ["search", "Campbell", "--what", "quotes"], ["events"], ["citations"],
                    ["events", "--code", "04", "--json"], ["compare", story[:12]], ["show", story[:12]],
                    ["export", "--what", "quotes", "--format", "csv", "--out", str(tmp_path / "q.csv")]):
        done = subprocess.run([sys.executable, "-m", "newsgraph", *command], env=env, capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, (command, done.stderr[-2000:])
        assert "Traceback" not in done.stderr
    assert "Campbell" in (tmp_path / "q.csv").read_text()


def test_web_pages_are_served_from_postgres(pg_url: str) -> None:
    from fastapi.testclient import TestClient

    from newsgraph.interfaces.web import create_app

    with Store(pg_url) as server:
        ingest_paths(example_paths(), server, workers=1)
        story = next(iter(queries.iter_stories(server.conn)))["id"]
    client = TestClient(create_app(pg_url), base_url="http://127.0.0.1")
    entity = "/entity/PERSON:kurt%20campbell"
    for page in ("/", "/search?q=Campbell", f"/story/{story}", entity, "/outlet/Euromaidan%20Press", "/events",
                 "/api/articles", f"/api/network?story={story}", "/api/attention?q=Korea"):
        response = client.get(page)
        assert response.status_code == 200, (page, response.text[:500])
    assert "Campbell" in client.get("/search?q=Campbell").text


def test_search_finds_the_same_articles_on_both_stores(tmp_path: Path, pg_url: str) -> None:
    with Store(tmp_path / "seeds.db") as local, Store(pg_url) as server:
        ingest_paths(example_paths(), local, workers=1)
        ingest_paths(example_paths(), server, workers=1)
        for query in ("Campbell", '"North Korea"', "partner*", "Blinken OR Pravda", "Russia -Guardian"):
            expected = {r["id"] for r in queries.search(local.conn, query)}
            found = queries.search(server.conn, query)
            assert {r["id"] for r in found} == expected, query
        hits = queries.search(server.conn, "partnerships", what="quotes")
        assert {h["id"] for h in hits} == {h["id"] for h in queries.search(local.conn, "partnerships", what="quotes")}
        assert all("<mark>" in h["snippet"] for h in hits)
        assert "Kurt Campbell" in {h["speaker_entity"] for h in hits}


def test_concurrent_clients_with_overlapping_inputs(tmp_path: Path, pg_url: str) -> None:
    corpus = synthetic_corpus(tmp_path / "all.jsonl", per_event=6)
    lines = corpus.read_text().splitlines()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(lines[:40]) + "\n")
    second.write_text("\n".join(lines[20:]) + "\n")  # 20 articles in both inputs
    runs = [subprocess.Popen([sys.executable, "-m", "newsgraph", "ingest", str(p), "--db", pg_url, "-q",
                              "--workers", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for p in (first, second)]
    for run in runs:
        _, err = run.communicate(timeout=600)
        assert run.returncode == 0, err[-2000:]
    with Store(pg_url) as server:
        ids = [r[0] for r in server.conn.execute("SELECT id FROM articles")]
        assert len(ids) == len(set(ids)) == 60
        assert server.conn.execute("SELECT COUNT(*) FROM articles WHERE story IS NULL").fetchone()[0] == 0
        sizes = server.conn.execute(
            "SELECT s.id, s.size, COUNT(a.id) FROM stories s LEFT JOIN articles a ON a.story = s.id "
            "GROUP BY s.id, s.size").fetchall()
        assert sizes and all(count > 0 for _, _, count in sizes)
        assert server.conn.execute("SELECT COUNT(*) FROM failures").fetchone()[0] == 0


def test_postgres_store_copies_into_a_sqlite_file(tmp_path: Path, pg_url: str) -> None:
    with Store(pg_url) as server:
        ingest_paths(example_paths(), server, workers=1)
        expected = contents(server.conn)
        story = next(iter(queries.iter_stories(server.conn)))["id"]
        copied = copy_store(server.conn, tmp_path / "copy.db")
        assert copied["articles"] == 2
        one = copy_store(server.conn, tmp_path / "story.db", story=story)
        assert one["articles"] == 2
    conn = sqlite3.connect(tmp_path / "copy.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    with Store(tmp_path / "copy.db") as local:
        assert contents(local.conn) == expected
