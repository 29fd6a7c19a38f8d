"""Database files newsgraph cannot use give one line and a documented exit code, never a traceback."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.interfaces.cli import app
from newsgraph.store import SCHEMA_VERSION, Store, StoreError

runner = CliRunner()

OLD_SCHEMA = """
CREATE TABLE articles (id TEXT PRIMARY KEY, origin TEXT NOT NULL, outlet TEXT, url TEXT, title TEXT, lead TEXT,
    published TEXT, authors TEXT NOT NULL DEFAULT '[]', body TEXT NOT NULL DEFAULT '', text TEXT NOT NULL DEFAULT '',
    story TEXT, ingested_at TEXT NOT NULL);
INSERT INTO articles (id, origin, title, body, text, ingested_at)
    VALUES ('a1', 'old.txt', 'An old article', 'Old body.', 'An old article\n\nOld body.', '2024-01-01');
"""


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def one_line_error(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    assert "Traceback" not in output
    assert lines and lines[-1].startswith("error: "), output
    return lines[-1]


@pytest.fixture()
def old_db(tmp_path: Path) -> Path:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        conn.executescript(OLD_SCHEMA)
    return path


def test_folder_not_sqlite_missing_folder_and_newer_schema(tmp_path: Path) -> None:
    (tmp_path / "notes.db").write_text("hello")
    newer = tmp_path / "newer.db"
    Store(newer).close()
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 99")
    cases = {str(tmp_path): "is a folder", str(tmp_path / "notes.db"): "not an SQLite file",
             str(newer): "newer newsgraph (schema version 99"}
    for db, message in cases.items():
        for command in (["articles"], ["export"], ["ingest", str(tmp_path / "notes.db")]):
            code, output = run(*command, "--db", db)
            assert code == 3 and message in one_line_error(output), (command, db, output)
    code, output = run("ingest", str(tmp_path / "x.txt"), "--db", str(tmp_path / "missing" / "news.db"))
    assert code == 3 and "does not exist" in one_line_error(output)


def test_corrupt_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "news.db"
    with Store(path) as store:
        store.record_failures([(f"f{n}" * 50, "reason") for n in range(2000)])
    data = bytearray(path.read_bytes())
    data[4096 * 3: 4096 * 6] = b"\xff" * (4096 * 3)
    path.write_bytes(bytes(data))
    for command in (["articles"], ["export"]):
        code, output = run(*command, "--db", str(path))
        assert code == 3 and "corrupt" in one_line_error(output), output


def test_older_schema_is_refused_for_reading_and_migrated_for_writing(old_db: Path, tmp_path: Path) -> None:
    code, output = run("articles", "--db", str(old_db))
    assert code == 3 and f"run `newsgraph migrate --db {old_db}`" in one_line_error(output)
    code, output = run("migrate", "--db", str(old_db))
    assert code == 0, output
    backup = old_db.with_name("old.db.v0.bak")
    assert backup.exists() and "kept as" in output
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 0
    code, output = run("articles", "--db", str(old_db), "--json")
    assert code == 0, output
    [row] = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    assert row["id"] == "a1" and row["duplicate_of"] is None
    with Store(old_db) as store:
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'old'").fetchone()[0] == 1


def test_each_migration_step_keeps_the_rows(old_db: Path) -> None:
    with Store(old_db) as store:
        assert store.backup is not None
        assert store.conn.execute("SELECT title FROM articles").fetchone()[0] == "An old article"
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with Store(old_db) as again:
        assert again.backup is None  # already current: nothing to do


def test_read_only_open_never_creates(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "nothing.db", readonly=True)
    assert not (tmp_path / "nothing.db").exists()


@pytest.mark.parametrize("args, message", [
    (["--batch-size", "0"], "--batch-size"),
    (["--batch-size", "-1"], "--batch-size"),
    (["--workers", "-2"], "--workers"),
])
def test_bad_ingest_arguments(tmp_path: Path, args: list[str], message: str) -> None:
    code, output = run("ingest", str(tmp_path), "--db", str(tmp_path / "n.db"), *args)
    assert code == 2 and message in output and "Traceback" not in output


def test_export_into_a_missing_folder(tmp_path: Path) -> None:
    Store(tmp_path / "n.db").close()
    code, output = run("export", "--db", str(tmp_path / "n.db"), "--out", str(tmp_path / "no" / "x.jsonl"))
    assert code == 2 and "does not exist" in one_line_error(output)


def test_error_messages_are_printed_verbatim(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "report [draft].txt").write_bytes(b"")
    (folder / "[").mkdir()
    (folder / "[" / "x].txt").write_bytes(b"")  # its name ends "[/x].txt": closing markup
    code, output = run("ingest", str(folder), "--db", str(tmp_path / "n.db"), "--quiet")
    assert code == 1 and "Traceback" not in output, output
    assert "report [draft].txt: empty file" in output and "[/x].txt: empty file" in output


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes files whatever their mode")
def test_read_only_database_for_ingest(tmp_path: Path) -> None:
    Store(tmp_path / "n.db").close()
    (tmp_path / "n.db").chmod(0o444)
    code, output = run("ingest", str(tmp_path), "--db", str(tmp_path / "n.db"))
    assert code == 3 and "read-only" in one_line_error(output)


def test_impossible_published_date_is_kept_aside() -> None:
    import newsgraph

    for date in ("99999-01-01", "2024-13-45", "0001-01-01"):
        analysis = newsgraph.process_text("Pact signed\n\nRussia signed a pact with North Korea last week, "
                                          "officials said.", published=date)
        assert analysis.article.published is None and analysis.article.metadata["published"] == date
