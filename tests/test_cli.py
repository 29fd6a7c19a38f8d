"""The main job end to end through the CLI: ingest, re-ingest, bad files, listings, exports."""

from __future__ import annotations

import csv
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.examples import example_paths
from newsgraph.interfaces.cli import app

runner = CliRunner()

CONTRACT = {
    "articles": {"id", "origin", "outlet", "url", "title", "lead", "published", "authors", "body", "captions", "story"},
    "entities": {"id", "name", "type", "aliases", "roles"},
    "quotes": {"id", "article", "text", "kind", "cue", "speaker", "speaker_entity", "confidence"},
    "citations": {"id", "article", "cited", "kind", "relation", "evidence"},
    "stories": {"id", "title", "articles", "outlets", "first_published", "last_published"},
    "flags": {"id", "article", "kind", "mention", "explanation", "confidence"},
    "events": {"id", "article", "actor", "cameo", "action", "target", "evidence", "date"},
}


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the two seed articles, a headline feed, and three bad files."""
    folder = tmp_path_factory.mktemp("corpus")
    for path in example_paths():
        shutil.copy(path, folder / path.name)
    (folder / "feed.jsonl").write_text(
        json.dumps({"title": "Putin and Kim Jong Un sign mutual defence pact in Pyongyang",
                    "url": "https://wire.example/pact", "outlet": "Wire Example", "published": "2024-06-19"}) + "\n"
        + "{broken json\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.html").write_bytes(bytes(range(256)) * 4)
    return folder


@pytest.fixture(scope="module")
def db(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "news.db"
    code, output = run("ingest", str(corpus), "--db", str(path), "--workers", "2", "--quiet")
    assert code == 1, output  # three bad inputs make the run fail...
    assert "3 new" in output and "3 failed" in output  # ...but everything good is stored
    assert "articles by language: en 2" in output  # the headline alone is too short to tell
    return path


def test_bad_inputs_are_named_with_reason(db: Path, corpus: Path) -> None:
    with sqlite3.connect(db) as conn:
        failures = dict(conn.execute("SELECT origin, reason FROM failures").fetchall())
    assert any(o.endswith("empty.txt") and "empty" in r for o, r in failures.items())
    assert any(o.endswith("binary.html") and "binary" in r for o, r in failures.items())
    assert any(o.endswith("feed.jsonl:2") and "invalid JSON" in r for o, r in failures.items())


def test_reingest_adds_nothing(db: Path, corpus: Path) -> None:
    with sqlite3.connect(db) as conn:
        before = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                  for t in ("articles", "mentions", "quotes", "entities", "stories")}
    code, output = run("ingest", str(corpus), "--db", str(db), "--workers", "1", "--quiet")
    assert "0 new, 3 unchanged" in output
    assert "articles by language" not in output  # only what this run stored is counted
    with sqlite3.connect(db) as conn:
        after = {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in before}
    assert after == before


def test_listings_as_json(db: Path) -> None:
    code, output = run("articles", "--db", str(db), "--json")
    assert code == 0
    rows = [json.loads(line) for line in output.splitlines()]
    assert len(rows) == 3
    assert {r["origin"].rsplit("/", 1)[-1] for r in rows} >= {"000_038f5d126ba7fa0a.txt", "003_69df2b26e7fe9b34.txt"}
    code, output = run("entities", "--db", str(db), "--json", "--limit", "0")
    names = {json.loads(line)["name"] for line in output.splitlines()}
    assert {"North Korea", "Russia"} <= names


def test_show_article_by_prefix_and_raw(db: Path) -> None:
    code, output = run("articles", "--db", str(db), "--json")
    seed = next(json.loads(l) for l in output.splitlines() if "003_69df" in l)
    code, output = run("show", seed["id"][:8], "--db", str(db), "--raw")
    assert code == 0, output
    assert "removed as boilerplate" in output
    code, output = run("show", "zzzz", "--db", str(db))
    assert code == 2 and "no article or story" in output


@pytest.mark.parametrize("kind", sorted(CONTRACT))
def test_export_contract_jsonl_and_csv(db: Path, tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"{kind}.jsonl"
    code, output = run("export", "--db", str(db), "--what", kind, "--format", "jsonl", "--out", str(out))
    assert code == 0, output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for row in rows:
        assert CONTRACT[kind] <= set(row), f"{kind} row lacks {CONTRACT[kind] - set(row)}"
    if kind in ("articles", "entities"):
        assert rows
    out_csv = tmp_path / f"{kind}.csv"
    run("export", "--db", str(db), "--what", kind, "--format", "csv", "--out", str(out_csv))
    with open(out_csv, encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == len(rows)


def test_export_parquet_and_graphml(db: Path, tmp_path: Path) -> None:
    import networkx as nx
    import pyarrow.parquet as pq

    out = tmp_path / "articles.parquet"
    code, _ = run("export", "--db", str(db), "--what", "articles", "--format", "parquet", "--out", str(out))
    table = pq.read_table(out)
    assert code == 0 and table.num_rows == 3 and CONTRACT["articles"] <= set(table.column_names)
    graph_path = tmp_path / "graph.graphml"
    code, _ = run("export", "--db", str(db), "--format", "graphml", "--out", str(graph_path))
    graph = nx.read_graphml(graph_path)
    kinds = {data.get("kind") for _, data in graph.nodes(data=True)}
    assert code == 0 and {"entity", "outlet", "story"} <= kinds


def test_unknown_export_kind_is_a_clear_error(db: Path) -> None:
    code, output = run("export", "--db", str(db), "--what", "nonsense")
    assert code == 2 and "unknown kind" in output


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    code, output = run("articles", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "no such database" in output


def test_story_listing_names_a_few_outlets_then_counts_the_rest():
    from newsgraph.interfaces.report import _some

    assert _some(["AP", "BBC"], 4) == "AP, BBC"
    assert _some(["AP", "BBC", "CNN", "DW", "NPR", "RT"], 4) == "AP, BBC, CNN, DW +2 more"


def test_events_listing_with_filters(db: Path) -> None:
    code, output = run("events", "--db", str(db), "--actor", "Russia", "--code", "05", "--json")
    assert code == 0, output
    rows = [json.loads(line) for line in output.splitlines()]
    assert rows and all(r["cameo"].startswith("05") for r in rows)
    assert any(r["target"] == "North Korea" and r["actor_code"].startswith("RUS") for r in rows)
    assert all({"root", "quad_class", "goldstein", "plover", "actor_text", "target_code", "evidence"} <= set(r)
               for r in rows)
    code, output = run("events", "--db", str(db), "--code", "05", "--from", "2030-01-01", "--json")
    assert code == 0 and output.strip() == ""
    code, output = run("events", "--db", str(db), "--target", "RUS", "--code", "11", "--json")
    assert code == 0 and "South Korea" in {json.loads(line)["actor"] for line in output.splitlines()}
    code, output = run("events", "--db", str(db), "--code", "11")
    assert code == 0 and "events" in output
    code, output = run("events", "--db", str(db), "--from", "June")
    assert code == 2 and "YYYY-MM-DD" in output


def test_events_export_has_gdelt_columns(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.csv"
    code, output = run("export", "--db", str(db), "--what", "events", "--format", "csv", "--out", str(out))
    assert code == 0, output
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    gdelt = ["GLOBALEVENTID", "SQLDATE", "Actor1Code", "Actor1CountryCode", "Actor2Code", "EventCode",
             "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "SOURCEURL"]
    assert rows and all(column in rows[0] for column in gdelt)
    signing = next(r for r in rows if r["EventCode"] == "057" and r["Actor1CountryCode"] == "RUS")
    assert signing["EventRootCode"] == "05" and signing["QuadClass"] == "1" and signing["GoldsteinScale"] == "8.0"
    assert len(signing["SQLDATE"]) == 8 and signing["SOURCEURL"]
