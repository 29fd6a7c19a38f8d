"""Exports as pandas, Gephi and the shell read them: types kept across formats, one node per thing.

Through the real CLI, on the real database the shared fixture ingests (conftest.py).
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pandas as pd
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

import newsgraph
from newsgraph.interfaces.cli import app
from newsgraph.interfaces.tabular import utc_iso
from newsgraph.store.queries import EXPORT_KINDS

runner = CliRunner()
UTC = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def export(db: Path, *args: str) -> str:
    result = runner.invoke(app, ["export", "--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.output


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_times_become_utc_with_their_precision() -> None:
    assert utc_iso("2024-06-24T18:53+03:00") == "2024-06-24T15:53:00Z"
    assert utc_iso("2024-06-24T18:53") == "2024-06-24T18:53:00Z"  # no zone written: taken as UTC
    assert utc_iso("2024-06-24") == "2024-06-24T00:00:00Z"
    assert utc_iso("2024-06") == "2024-06-01T00:00:00Z"
    assert utc_iso("2024") == "2024-01-01T00:00:00Z"
    assert utc_iso("last Tuesday") is None and utc_iso(None) is None


@pytest.mark.parametrize("kind", EXPORT_KINDS)
def test_every_kind_in_every_format_from_the_extension(analyst_db: Path, tmp_path: Path, kind: str) -> None:
    for suffix in ("jsonl", "csv", "parquet"):
        export(analyst_db, "--what", kind, "--out", str(tmp_path / f"{kind}.{suffix}"))  # no --format
    rows = jsonl(tmp_path / f"{kind}.jsonl")
    assert rows, kind
    with open(tmp_path / f"{kind}.csv", encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == len(rows)
    table = pq.read_table(tmp_path / f"{kind}.parquet")
    assert table.num_rows == len(rows) and table.column_names == list(rows[0])


def test_codes_stay_text_and_times_parse_without_options(analyst_db: Path, tmp_path: Path) -> None:
    export(analyst_db, "--what", "events", "--out", str(tmp_path / "events.parquet"))
    export(analyst_db, "--what", "events", "--out", str(tmp_path / "events.jsonl"))
    export(analyst_db, "--what", "events", "--out", str(tmp_path / "events.csv"))
    codes = [r["cameo"] for r in jsonl(tmp_path / "events.jsonl")]
    assert any(c.startswith("0") for c in codes) and all(isinstance(c, str) for c in codes)
    assert pd.read_parquet(tmp_path / "events.parquet")["cameo"].tolist() == codes
    assert pd.read_csv(tmp_path / "events.csv", dtype={"cameo": str})["cameo"].tolist() == codes
    assert '"0' in (tmp_path / "events.csv").read_text(encoding="utf-8")  # quoted as text in the CSV

    export(analyst_db, "--what", "articles", "--out", str(tmp_path / "articles.jsonl"))
    articles = jsonl(tmp_path / "articles.jsonl")
    published = [a["published"] for a in articles if a["published"]]
    assert len(published) >= 16 and all(UTC.match(p) for p in published)
    parsed = pd.to_datetime(pd.read_json(tmp_path / "articles.jsonl", lines=True, dtype=False)["published"])
    assert str(parsed.dt.tz) == "UTC" and parsed.notna().sum() == len(published)
    headline = next(a for a in articles if a["url"] == "https://wire.example/1")
    assert (headline["published"], headline["published_precision"], headline["published_as_written"]) == \
        ("2024-05-02T00:00:00Z", "day", "2024-05-02")
    seed = next(a for a in articles if a["published_precision"] == "minute")
    assert seed["published"] == utc_iso(seed["published_as_written"])


def test_lists_are_lists_in_parquet_and_json(analyst_db: Path, tmp_path: Path) -> None:
    export(analyst_db, "--what", "articles", "--out", str(tmp_path / "a.parquet"))
    export(analyst_db, "--what", "stories", "--out", str(tmp_path / "s.jsonl"))
    authors = pd.read_parquet(tmp_path / "a.parquet")["authors"]
    assert any(list(a) == ["Oleh Pavliuk", "Anastasia Protz"] for a in authors)
    stories = jsonl(tmp_path / "s.jsonl")
    assert all(isinstance(s["articles"], list) and isinstance(s["outlets"], list) for s in stories)
    assert pd.read_parquet(tmp_path / "a.parquet")["published"].dtype == "datetime64[us, UTC]"


def test_mentions_and_roles_export(analyst_db: Path, tmp_path: Path) -> None:
    export(analyst_db, "--what", "mentions", "--out", str(tmp_path / "m.jsonl"))
    export(analyst_db, "--what", "roles", "--out", str(tmp_path / "r.jsonl"))
    mentions = jsonl(tmp_path / "m.jsonl")
    assert {"article", "entity", "entity_name", "text", "type", "start", "end"} <= set(mentions[0])
    assert any(m["entity"] == "PERSON:kurt campbell" and m["text"] == "Campbell" for m in mentions)
    roles = jsonl(tmp_path / "r.jsonl")
    assert any(r["entity_name"] == "Kurt Campbell" and "Deputy Secretary of State" in r["role"] and r["evidence"]
               for r in roles)


def test_clear_errors_for_a_wrong_destination(analyst_db: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(analyst_db), "--out", str(tmp_path / "missing" / "a.csv")])
    assert result.exit_code == 2 and "does not exist" in result.output
    result = runner.invoke(app, ["export", "--db", str(analyst_db), "--out", str(tmp_path / "a.xlsx")])
    assert result.exit_code == 2 and "cannot tell the format" in result.output
    result = runner.invoke(app, ["export", "--db", str(analyst_db), "--what", "quotes"])  # stdout: JSON Lines
    assert result.exit_code == 0 and "speaker_entity" in json.loads(result.output.splitlines()[0])


def test_frames_for_notebooks(analyst_db: Path) -> None:
    with newsgraph.open_db(analyst_db) as db:
        quotes = db.frame("quotes")
        events = db.frame("events")
    assert isinstance(quotes, pd.DataFrame) and len(quotes) >= 15
    assert "UTC" in str(quotes["published"].dtype)
    assert "Kurt Campbell" in set(quotes["speaker_entity"])
    assert any(code.startswith("0") for code in events["cameo"])


def test_graphml_for_gephi(analyst_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.graphml"
    export(analyst_db, "--out", str(out))  # format from the extension
    graph = nx.read_graphml(out)
    assert not graph.is_multigraph() and graph.is_directed()
    pairs = [(e.get("source"), e.get("target")) for e in ET.parse(out).getroot().iter()
             if e.tag.endswith("}edge")]
    assert len(pairs) == len(set(pairs))  # no parallel edges
    # The Guardian publishes a headline, is cited by Euromaidan Press and is an ORG in the text: one node
    guardians = [n for n, d in graph.nodes(data=True) if "guardian" in d["label"].lower()]
    assert len(guardians) == 1
    guardian = graph.nodes[guardians[0]]
    assert guardian["is_outlet"] and guardian["type"] == "ORG" and guardian["published"] == 1
    assert guardian["mentioned_in"] >= 1
    assert all({"label", "kind", "type"} <= set(d) for _, d in graph.nodes(data=True))
    assert {d["kind"] for _, d in graph.nodes(data=True)} == {"entity", "outlet", "story"}
    # co-mentions weighted by articles: both seed articles name Russia and North Korea
    pair = graph.get_edge_data("GPE:north korea", "GPE:russia") or graph.get_edge_data("GPE:russia", "GPE:north korea")
    assert pair["relation"] == "co-mention" and pair["weight"] == 2
    # quotes: speaker -> story; citations: outlet -> cited outlet
    quoted = [(u, v) for u, v, d in graph.edges(data=True) if d["quoted"]]
    assert ("PERSON:kurt campbell" in {u for u, _ in quoted}) and all(v.startswith("story:") for _, v in quoted)
    cites = [(u, v) for u, v, d in graph.edges(data=True) if d["cites"]]
    assert (next(n for n, d in graph.nodes(data=True) if d["label"] == "Euromaidan Press"), guardians[0]) in cites
