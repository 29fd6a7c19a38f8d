"""The web UI in a real browser (Debian's headless chromium) and the JSON API."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest
import uvicorn
from fastapi.testclient import TestClient

from newsgraph.examples import example_paths
from newsgraph.interfaces.web import create_app, highlight_segments
from newsgraph.job import ingest_paths
from newsgraph.store import Store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# CI installs chromium and sets this, so a missing browser fails there instead of skipping.
REQUIRE_BROWSER = os.environ.get("NEWSGRAPH_REQUIRE_BROWSER") == "1"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "seeds.db"
    with Store(path) as store:
        summary = ingest_paths([str(p) for p in example_paths()], store, workers=1)
    assert summary.new == 2
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db), base_url="http://localhost")


@pytest.fixture(scope="module")
def seed_story(client: TestClient) -> dict:
    stories = client.get("/api/stories", params={"min_size": 2}).json()
    assert len(stories) == 1, "the two seed articles form one story"
    return stories[0]


def test_highlight_segments_cover_text_once() -> None:
    text = "He said “yes” and then “no”."
    spans = [{"start": 8, "end": 13, "kind": "quote-direct"}, {"start": 9, "end": 12, "kind": "flag"},
             {"start": 23, "end": 27, "kind": "quote-direct"}]
    pieces = highlight_segments(text, spans)
    assert "".join(p["text"] for p in pieces) == text
    assert [p["text"] for p in pieces if p.get("kind")] == ["“yes”", "“no”"]


def test_json_api(client: TestClient, seed_story: dict) -> None:
    story = client.get(f"/api/stories/{seed_story['id']}").json()
    assert len(story["articles"]) == 2
    article = client.get(f"/api/articles/{story['articles'][0][:10]}").json()
    assert article["id"] == story["articles"][0] and article["text"]
    assert client.get("/api/articles/doesnotexist").status_code == 404
    assert isinstance(client.get("/api/quotes", params={"speaker": "Campbell"}).json(), list)


@pytest.fixture(scope="module")
def server(db: Path) -> Iterator[str]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


def _chromium(*args: str, tmp: Path) -> str:
    if not CHROMIUM:
        if REQUIRE_BROWSER:
            pytest.fail("chromium is not installed")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    command = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={tmp / 'profile'}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=90)
    return done.stdout


def test_story_page_in_browser(server: str, seed_story: dict, tmp_path: Path) -> None:
    dom = _chromium("--dump-dom", f"{server}/story/{seed_story['id']}", tmp=tmp_path)
    assert 'id="articles"' in dom
    assert "Euromaidan Press" in dom  # the outlet named in 003
    assert "Kurt Campbell" in dom and "Matthew Miller" in dom  # who each outlet quotes
    assert "Joe Blinken" in dom  # the flag on the non-existent "US President Joe Blinken"
    shot = tmp_path / "story.png"
    _chromium(f"--screenshot={shot}", "--window-size=1280,1600", f"{server}/story/{seed_story['id']}", tmp=tmp_path)
    assert shot.exists() and shot.stat().st_size > 10_000


def test_article_page_highlights_quotes(server: str, seed_story: dict, tmp_path: Path) -> None:
    dom = _chromium("--dump-dom", f"{server}/article/{seed_story['articles'][0]}", tmp=tmp_path)
    assert '<mark class="quote-' in dom
    assert "Removed as boilerplate" in dom or "Quotes" in dom
