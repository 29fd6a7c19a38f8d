"""The web UI in a real browser (Debian's headless chromium) and the JSON API.

The store holds the two seed articles (one story) and a third, unrelated article from
another outlet and year, so filters have something to leave out.
"""

from __future__ import annotations

import json
import os
import re
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
from newsgraph.interfaces.web.context import local_date
from newsgraph.job import ingest_paths
from newsgraph.store import Store

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# CI installs chromium and sets this, so a missing browser fails there instead of skipping.
REQUIRE_BROWSER = os.environ.get("NEWSGRAPH_REQUIRE_BROWSER") == "1"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("web")
    path = folder / "seeds.db"
    extra = folder / "extra.jsonl"
    extra.write_text(json.dumps(EXTRA) + "\n", encoding="utf-8")
    with Store(path) as store:
        summary = ingest_paths([*(str(p) for p in example_paths()), str(extra)], store, workers=1)
    assert summary.new == 3
    return path


EXTRA = {"title": "Japan and the European Union widen their trade agreement", "outlet": "Wire Example",
         "published": "2025-03-02", "url": "https://wire.example/trade",
         "text": "Japan and the European Union widen their trade agreement\n\nTokyo and Brussels agreed on "
                 "Sunday to cut tariffs on cheese and cars, officials said. The deal was signed by trade "
                 "ministers in Osaka."}
CAMPBELL = "/entity/PERSON%3Akurt%20campbell"


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db), base_url="http://localhost")


@pytest.fixture(scope="module")
def seed_story(client: TestClient) -> dict:
    stories = client.get("/api/stories", params={"min_size": 2}).json()
    assert len(stories) == 1, "the two seed articles form one story (the third stands alone)"
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
    assert "Vladimir Putin" in story["key_entity_names"] and not any(":" in n for n in story["key_entity_names"])
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


@pytest.fixture(scope="module")
def story_dom(server: str, seed_story: dict, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The seed story's page as the browser leaves it, scripts run (one browser start for several tests)."""
    return _chromium("--dump-dom", f"{server}/story/{seed_story['id']}", tmp=tmp_path_factory.mktemp("story"))


def test_story_page_in_browser(server: str, seed_story: dict, story_dom: str, tmp_path: Path) -> None:
    dom = story_dom
    assert 'id="articles"' in dom
    assert "Euromaidan Press" in dom  # the outlet named in 003
    assert "Kurt Campbell" in dom and "Matthew Miller" in dom  # who each outlet quotes
    assert "Joe Blinken" in dom  # the flag on the non-existent "US President Joe Blinken"
    lanes = dom.split('id="lanes"')[1].split('id="attention-over-time"')[0]
    assert lanes.count('class="lane"') == 2 and "24 Jun 2024, 18:53" in lanes  # the timeline, one lane an outlet
    shot = tmp_path / "story.png"
    _chromium(f"--screenshot={shot}", "--window-size=1280,1600", f"{server}/story/{seed_story['id']}", tmp=tmp_path)
    assert shot.exists() and shot.stat().st_size > 10_000


def test_article_page_highlights_quotes(server: str, seed_story: dict, tmp_path: Path) -> None:
    dom = _chromium("--dump-dom", f"{server}/article/{seed_story['articles'][0]}", tmp=tmp_path)
    assert '<mark class="quote-' in dom
    assert "Removed as boilerplate" in dom or "Quotes" in dom


def test_dates_are_written_for_people() -> None:
    assert local_date("2024-06-24T18:53", "minute") == "24 Jun 2024, 18:53"
    assert local_date("2024-06-24T18:53:00+03:00", "minute") == "24 Jun 2024, 18:53"  # as published, not UTC
    assert local_date("2024-06-24", "day") == "24 Jun 2024"
    assert local_date("2024-06", "month") == "Jun 2024" and local_date("2024", "year") == "2024"
    assert local_date(None) == "no date" and local_date("soon") == "soon"
    assert local_date("2024-06-17/2024-06-23") == "17 Jun 2024 – 23 Jun 2024"  # an event's span of days


def test_json_search_entity_events_and_pictures(client: TestClient, seed_story: dict) -> None:
    hits = client.get("/api/search", params={"q": '"Matthew Miller"'}).json()
    assert [h["outlet"] for h in hits] == ["Euromaidan Press"] and "<mark>" in hits[0]["snippet"]
    assert client.get("/api/search", params={"q": "tariffs", "since": "June"}).status_code == 400
    entity = client.get("/api/entities/PERSON:kurt campbell").json()
    assert entity["name"] == "Kurt Campbell" and entity["roles"][0]["role"] == "US Deputy Secretary of State"
    assert any("There are limits to these partnerships" in q["text"] for q in entity["quotes"])
    events = client.get("/api/events", params={"entity": "Russia"}).json()
    assert events and all("Russia" in (e["actor"], e["target"]) for e in events)
    network = client.get("/api/network", params={"story": seed_story["id"]}).json()
    assert {"Kurt Campbell", "North Korea"} <= {n["name"] for n in network["nodes"]} and network["edges"]
    attention = client.get("/api/attention", params={"q": "tariffs"}).json()
    assert attention["days"] == ["2025-03-02"] and attention["series"][0]["outlet"] == "Wire Example"
    assert client.get("/entity/nobody").status_code == 404 and client.get("/outlet/Nowhere").status_code == 404


def test_pages_link_each_other_and_load_nothing_from_elsewhere(client: TestClient, seed_story: dict) -> None:
    pages = {"/": None, "/search?q=korea": None, f"/story/{seed_story['id']}": None, CAMPBELL: None,
             "/outlet/Euromaidan%20Press": None, "/events": None, "/docs": None}
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not re.search(r'(src|href)="(https?:)?//', response.text), f"{url} loads something from elsewhere"
        pages[url] = response.text
    assert CAMPBELL in pages[f"/story/{seed_story['id']}"] or "/entity/" in pages[f"/story/{seed_story['id']}"]
    assert "/outlet/Euromaidan%20Press" in pages["/"]
    assert "/api/search" in pages["/docs"] and "swagger" not in pages["/docs"].lower()
    assert "c93ac641" not in pages[f"/story/{seed_story['id']}"].split("story id")[0]  # no hash as a label


def test_search_in_browser(server: str, tmp_path: Path) -> None:
    dom = _chromium("--dump-dom", f"{server}/search?q=%22Matthew+Miller%22", tmp=tmp_path)
    results = dom.split('id="results"')[1].split("</main>")[0]
    assert "The Guardian: Russian weapons to North Korea" in results  # the Euromaidan Press article
    assert "US assumes that Russia" not in results and "<mark>Matthew Miller</mark>" in results
    assert 'class="node"' in dom  # the network of entities named in the matching article


def _story_titles(page: str) -> set[str]:
    table = page.split('id="stories"')[1].split("</table>")[0]
    return set(re.findall(r'<a href="/story/[^"]+">([^<]+)</a>', table))


def test_filters_change_the_story_list(server: str, client: TestClient, tmp_path: Path) -> None:
    everything = _story_titles(client.get("/").text)
    assert len(everything) == 2
    in_browser = _chromium("--dump-dom", f"{server}/?outlet=Wire+Example", tmp=tmp_path)
    assert _story_titles(in_browser) == {EXTRA["title"]}
    assert _story_titles(client.get("/", params={"since": "2025-01-01"}).text) == {EXTRA["title"]}
    assert _story_titles(client.get("/", params={"entity": "Kurt Campbell"}).text) == everything - {EXTRA["title"]}
    assert client.get("/", params={"until": "June"}).status_code == 400


def test_kurt_campbell_page_shows_his_role_and_quotes(server: str, tmp_path: Path) -> None:
    dom = _chromium("--dump-dom", f"{server}{CAMPBELL}", tmp=tmp_path)
    roles = dom.split('id="roles"')[1].split("</table>")[0]
    assert "US Deputy Secretary of State" in roles and "24 Jun 2024" in roles
    quotes = dom.split('id="quotes"')[1].split("</table>")[0]
    assert "There are limits to these partnerships" in quotes and "long-range missiles" in quotes
    assert "Campbell" in dom.split('id="entity-name"')[1][:200]


def test_network_view_draws_nodes(story_dom: str) -> None:
    dom = story_dom
    drawn = re.search(r'id="network" data-drawn="(\d+)"', dom) or re.search(r'data-drawn="(\d+)" id="network"', dom)
    circles = re.findall(r'<circle class="node"', dom)
    assert drawn and int(drawn.group(1)) == len(circles) >= 10
    assert "Kurt Campbell" in dom.split('id="network"')[1]
    assert re.search(r'id="attention"[^>]*data-drawn="1"|data-drawn="1"[^>]*id="attention"', dom)  # one outlet dated
