"""`newsgraph export --format sqlite`: a store, or one story of it, copied into a new SQLite file."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph.examples import example_paths
from newsgraph.job import ingest_paths
from newsgraph.store import Store, queries


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("copy") / "seeds.db"
    with Store(path) as store:
        ingest_paths(example_paths(), store, workers=1)
    return path


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "newsgraph", *args], capture_output=True, text=True, timeout=300)


def rows(path: Path, kind: str) -> list[str]:
    with Store(path, readonly=True) as store:
        return sorted(json.dumps(r, sort_keys=True) for r in queries.export_rows(store.conn, kind))


def test_whole_copy_has_every_record_and_opens_as_sqlite(seeds_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "copy.db"
    done = cli("export", "--db", str(seeds_db), "--format", "sqlite", "--out", str(out))
    assert done.returncode == 0, done.stderr
    for kind in ("articles", "entities", "quotes", "citations", "events", "flags", "stories"):
        assert rows(out, kind) == rows(seeds_db, kind), kind
    conn = sqlite3.connect(out)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'Campbell'").fetchone()[0] > 0
    conn.close()


def test_one_story_by_its_printed_id_prefix(seeds_db: Path, tmp_path: Path) -> None:
    with Store(seeds_db, readonly=True) as store:
        story = next(iter(queries.iter_stories(store.conn)))["id"]
    out = tmp_path / "story.db"
    done = cli("export", "--db", str(seeds_db), "--format", "sqlite", "--story", story[:12], "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert len(rows(out, "articles")) == 2 and len(rows(out, "stories")) == 1


def test_a_copy_never_overwrites_and_needs_an_out_file(seeds_db: Path, tmp_path: Path) -> None:
    taken = tmp_path / "taken.db"
    taken.write_bytes(b"precious")
    done = cli("export", "--db", str(seeds_db), "--format", "sqlite", "--out", str(taken))
    assert done.returncode == 2 and "exists" in done.stderr and "Traceback" not in done.stderr
    assert taken.read_bytes() == b"precious"
    done = cli("export", "--db", str(seeds_db), "--format", "sqlite")
    assert done.returncode == 2 and "--out" in done.stderr


def test_an_outlet_nobody_has_gives_an_empty_but_valid_file(seeds_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "none.db"
    done = cli("export", "--db", str(seeds_db), "--format", "sqlite", "--outlet", "No Such Outlet", "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert rows(out, "articles") == []


def test_a_date_that_is_not_a_day_is_refused(seeds_db: Path, tmp_path: Path) -> None:
    done = cli("export", "--db", str(seeds_db), "--format", "sqlite", "--since", "last week",
               "--out", str(tmp_path / "x.db"))
    assert done.returncode == 2 and "YYYY-MM-DD" in done.stderr and "Traceback" not in done.stderr
    assert not list(tmp_path.glob("x.db*"))
