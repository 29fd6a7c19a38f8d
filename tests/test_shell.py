"""The shell, as an analyst uses it: ids pasted from tables, names half remembered, re-runs.

Every test goes through the real CLI on a real SQLite file made by ``newsgraph ingest``.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsgraph
from newsgraph.interfaces.cli import app

runner = CliRunner()
from conftest import HEADLINES  # with the two seed articles, 17 ids: two must start with the same character


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def rows(*args: str) -> list[dict]:
    code, output = run(*args, "--json")
    assert code == 0, output
    return [json.loads(line) for line in output.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def corpus(analyst_corpus: Path) -> Path:
    return analyst_corpus


@pytest.fixture(scope="module")
def db(analyst_db: Path) -> Path:
    return analyst_db


@pytest.fixture(scope="module")
def seed_story(db: Path) -> dict:
    return next(s for s in rows("stories", "--db", str(db)) if len(s["articles"]) == 2)


def test_version() -> None:
    code, output = run("--version")
    assert code == 0 and output.strip() == f"newsgraph {newsgraph.__version__}"


def test_ids_as_tables_print_them_are_accepted_everywhere(db: Path, seed_story: dict) -> None:
    short_story = seed_story["id"][:12]
    code, table = run("stories", "--db", str(db))
    assert short_story in table  # what a user sees and pastes...
    members = rows("articles", "--db", str(db), "--story", short_story)
    assert sorted(a["id"] for a in members) == seed_story["articles"]  # ...finds the story's articles
    article = seed_story["articles"][0]
    assert rows("show", article[:12], "--db", str(db))[0]["id"] == article
    assert rows("show", short_story, "--db", str(db))[0]["id"] == seed_story["id"]
    assert {q["article"] for q in rows("quotes", "--db", str(db), "--article", article[:12])} == {article}
    assert {c["article"] for c in rows("citations", "--db", str(db), "--article", article[:12])} <= {article}
    assert rows("compare", short_story, "--db", str(db))[0]["story"] == seed_story["id"]


def test_missing_ambiguous_and_empty_ids_get_different_errors(db: Path) -> None:
    ids = [a["id"] for a in rows("articles", "--db", str(db), "--limit", "0")]
    assert len(ids) == 2 + HEADLINES
    shared = next(c for c in "0123456789abcdef" if sum(i.startswith(c) for i in ids) >= 2)
    code, output = run("show", shared, "--db", str(db))
    assert code == 2 and "ambiguous" in output and "no article" not in output
    assert sum(i in output for i in ids if i.startswith(shared)) >= 2  # names the candidates
    code, output = run("show", "zzzz", "--db", str(db))
    assert code == 2 and "no article or story matches 'zzzz'" in output and "ambiguous" not in output
    code, output = run("show", "", "--db", str(db))
    assert code == 2 and "empty id" in output
    code, output = run("articles", "--story", "stzzzz", "--db", str(db))
    assert code == 2 and "no story matches" in output
    code, output = run("compare", ids[0], "--db", str(db))  # an article id is not a story id
    assert code == 2 and "no story matches" in output


def test_names_match_in_any_case_and_in_part(db: Path) -> None:
    assert [e["name"] for e in rows("entities", "--db", str(db), "--name", "campb")] == ["Kurt Campbell"]
    assert [e["name"] for e in rows("entities", "--db", str(db), "--name", "KURT CAMPBELL")] == ["Kurt Campbell"]
    assert [e["name"] for e in rows("entities", "--db", str(db), "--name", "campbell")] == ["Kurt Campbell"]  # alias
    quotes = rows("quotes", "--db", str(db), "--speaker", "campb", "--limit", "0")
    assert len(quotes) >= 5 and {q["speaker_entity"] for q in quotes} == {"Kurt Campbell"}
    assert rows("entities", "--db", str(db), "--name", "nobody-called-this") == []


def test_compare_and_citations_commands(db: Path, seed_story: dict) -> None:
    (result,) = rows("compare", seed_story["id"], "--db", str(db))
    comparison = result["comparison"]
    assert comparison["story"] == seed_story["id"] and comparison["shared"]
    assert set(comparison["quoted"]) == set(seed_story["articles"])
    code, output = run("compare", seed_story["id"][:12], "--db", str(db))
    assert code == 0 and "Shared facts" in output
    cited = rows("citations", "--db", str(db), "--cited", "guardian")
    assert cited and {c["cited"] for c in cited} == {"The Guardian"} and all(c["evidence"] for c in cited)
    code, output = run("citations", "--db", str(db))
    assert code == 0 and "4 cited sources" in output and "Pravda" in output


def help_text(command: str) -> str:
    """A command's help as words (the panel's borders and line breaks removed)."""
    code, output = run(command, "--help")
    assert code == 0, output
    return " ".join(output.replace("│", " ").split())


def test_help_tells_which_commands_need_an_existing_database() -> None:
    assert "created if missing" in help_text("ingest")
    for command in ("articles", "show", "quotes", "export", "compare", "citations", "report"):
        text = help_text(command)
        assert "created if missing" not in text and "must exist" in text, command


def test_reprocess_reports_reanalysed_and_leaves_no_orphan_story(db: Path, corpus: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    with sqlite3.connect(copy) as conn:
        stories_before = sorted(conn.execute("SELECT id, story FROM articles").fetchall())
    code, output = run("ingest", str(corpus), "--db", str(copy), "--workers", "1", "--quiet", "--reprocess")
    assert code == 0, output
    assert f"0 new, {2 + HEADLINES} re-analysed" in output
    with sqlite3.connect(copy) as conn:
        assert sorted(conn.execute("SELECT id, story FROM articles").fetchall()) == stories_before
        orphans = conn.execute("SELECT COUNT(*) FROM stories WHERE id NOT IN "
                               "(SELECT story FROM articles WHERE story IS NOT NULL)").fetchone()[0]
        assert orphans == 0
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_every_reference_is_a_declared_foreign_key(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        keys = {(table, r[3]): (r[2], r[4]) for table in ("articles", "quotes", "mentions", "roles", "citations",
                                                          "events", "flags", "entity_aliases")
                for r in conn.execute(f"PRAGMA foreign_key_list({table})")}
        assert keys[("articles", "story")] == ("stories", "id")
        assert keys[("articles", "duplicate_of")] == ("articles", "id")
        assert keys[("quotes", "speaker_entity")] == ("entities", "id")
        assert keys[("quotes", "article")] == ("articles", "id")
        assert keys[("mentions", "entity")] == ("entities", "id")
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        # the speaker column holds ids that name entities, not names
        speakers = [r[0] for r in conn.execute("SELECT speaker_entity FROM quotes WHERE speaker_entity IS NOT NULL")]
        names = dict(conn.execute("SELECT id, name FROM entities").fetchall())
        assert speakers and all(s in names for s in speakers)


def test_a_version_2_file_is_migrated_to_speaker_ids(db: Path, tmp_path: Path) -> None:
    """Files written before speakers were keyed by id hold names; `newsgraph migrate` turns them into ids."""
    old = tmp_path / "old.db"
    shutil.copy(db, old)
    with sqlite3.connect(old) as conn:
        ids = dict(conn.execute("SELECT id, speaker_entity FROM quotes").fetchall())
        conn.execute("UPDATE quotes SET speaker_entity = (SELECT name FROM entities WHERE id = speaker_entity)")
        conn.execute("INSERT INTO stories (id, title, updated_at) VALUES ('storphan', 'left behind', 'then')")
        conn.execute("PRAGMA user_version = 2")
    code, output = run("quotes", "--db", str(old))
    assert code != 0 and "newsgraph migrate" in output  # read-only use asks for the migration...
    code, output = run("migrate", "--db", str(old))
    assert code == 0, output
    with sqlite3.connect(old) as conn:
        assert dict(conn.execute("SELECT id, speaker_entity FROM quotes").fetchall()) == ids  # ...which restores ids
        assert conn.execute("SELECT COUNT(*) FROM stories WHERE id = 'storphan'").fetchone()[0] == 0
    assert {q["speaker_entity"] for q in rows("quotes", "--db", str(old), "--speaker", "campbell")} == {"Kurt Campbell"}


def test_pages_name_speakers_not_their_ids(db: Path, seed_story: dict) -> None:
    from newsgraph.store import connect, explore

    conn = connect(db, readonly=True)
    try:
        quoted = {name for member in explore.story_members(conn, seed_story["id"]) for name in member["quoted"]}
        entity = explore.get_entity(conn, "PERSON:kurt campbell")
    finally:
        conn.close()
    assert "Kurt Campbell" in quoted and not any(":" in name for name in quoted)
    assert entity["quotes"] and {q["speaker_entity"] for q in entity["quotes"]} == {"Kurt Campbell"}


def test_datasette_metadata_describes_every_table_and_column_and_hides_internals(db: Path, tmp_path: Path) -> None:
    code, output = run("datasette-metadata", "--db", str(db))
    assert code == 0
    metadata = json.loads(output)
    tables = metadata["databases"][db.stem]["tables"]  # Datasette names a database by its file's stem
    with sqlite3.connect(db) as conn:
        present = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                                              "AND name NOT LIKE 'sqlite_%'")]
        for name in present:
            assert tables.get(name, {}).get("description"), f"table {name} has no description"
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')]
            missing = [c for c in columns if not tables[name]["columns"].get(c)]
            assert not missing, f"{name} columns without a description: {missing}"
        # the views answer the common questions
        quote = conn.execute("SELECT speaker_name, article_title FROM quote_details "
                             "WHERE speaker_entity = 'PERSON:kurt campbell' LIMIT 1").fetchone()
        assert quote[0] == "Kurt Campbell" and quote[1]
        outlets = {r[0] for r in conn.execute("SELECT outlet FROM story_outlets WHERE outlet IS NOT NULL")}
        assert {"Euromaidan Press", "Wire Example", "The Guardian"} <= outlets
    hidden = {name for name, t in tables.items() if t.get("hidden")}
    assert {"minhash_bands", "article_minhash", "article_embeddings", "story_terms", "story_postings",
            "story_centroids", "corpus_state", "boilerplate_counted", "articles_fts_data"} <= hidden
    assert not hidden & {"articles", "entities", "quotes", "stories", "quote_details", "story_outlets", "failures"}
    assert tables["entities"]["label_column"] == "name" and tables["stories"]["label_column"] == "title"
    # written beside the database, where `datasette FOLDER` reads it
    copy = tmp_path / "news.db"
    shutil.copy(db, copy)
    code, output = run("datasette-metadata", "--db", str(copy), "--write")
    assert code == 0 and json.loads((tmp_path / "metadata.json").read_text(encoding="utf-8")) == metadata
    (tmp_path / "metadata.json").write_text("{}", encoding="utf-8")  # someone else's file is left alone
    code, output = run("datasette-metadata", "--db", str(copy), "--write")
    assert code == 2 and "not written by newsgraph" in output
