"""Fixtures shared by the tests of the analyst's tools (shell, exports, Datasette, Gephi).

One real database, made once by ``newsgraph ingest`` from the two seed articles and a
feed of headlines; tests that change it work on a copy.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.examples import example_paths
from newsgraph.interfaces.cli import app

HEADLINES = 15  # with the two seed articles, 17 ids: two of them must start with the same character
TOPICS = ["harvest", "election", "storm", "strike", "summit", "budget", "flood", "trial", "launch", "merger",
          "drought", "census", "vaccine", "bridge", "festival"]


@pytest.fixture(scope="session")
def analyst_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("analyst-corpus")
    for path in example_paths():
        shutil.copy(path, folder / path.name)
    with open(folder / "feed.jsonl", "w", encoding="utf-8") as handle:
        for i, topic in enumerate(TOPICS[:HEADLINES]):
            # one headline from The Guardian: an outlet that the seeds also cite and name as an organisation
            outlet = "The Guardian" if i == 0 else "Wire Example"
            handle.write(json.dumps({"title": f"Officials in Ruritania report on the {topic}",
                                     "url": f"https://wire.example/{i}", "outlet": outlet,
                                     "published": f"2024-05-{i + 1:02d}"}) + "\n")
    return folder


@pytest.fixture(scope="session")
def analyst_db(analyst_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("analyst-db") / "news.db"
    result = CliRunner().invoke(app, ["ingest", str(analyst_corpus), "--db", str(path), "--workers", "1", "--quiet"])
    assert result.exit_code == 0, result.output
    return path
