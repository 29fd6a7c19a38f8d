"""The web server is read-only, bounded and answers only its own Host names, with security headers."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.interfaces.web import create_app
from newsgraph.interfaces.websecurity import MAX_LIMIT, default_hosts
from newsgraph.store import Store, StoreError


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "empty.db"
    Store(path).close()
    return path


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("value", ["99999999999999999999", "0", "-1", str(MAX_LIMIT + 1), "ten"])
def test_absurd_limits_are_400(db: Path, value: str) -> None:
    client = TestClient(create_app(db), base_url="http://localhost")
    for endpoint in ("/api/articles", "/api/stories", "/api/quotes", "/api/entities", "/api/flags"):
        response = client.get(endpoint, params={"limit": value})
        assert response.status_code == 400, (endpoint, value, response.text)
        assert "limit" in response.json()["detail"]


def test_headers_on_every_response(db: Path) -> None:
    client = TestClient(create_app(db), base_url="http://localhost")
    for path in ("/", "/api/articles", "/api/articles/nope", "/api/articles?limit=-1"):
        response = client.get(path)
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["X-Frame-Options"] == "DENY"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp


def test_only_the_bind_address_is_answered_by_default(db: Path) -> None:
    app = create_app(db, bind_host="127.0.0.1")
    assert TestClient(app, base_url="http://127.0.0.1:8000").get("/api/articles").status_code == 200
    refused = TestClient(app, base_url="http://attacker.example").get("/api/articles")
    assert refused.status_code == 400
    named = create_app(db, allowed_hosts=["news.example"])
    assert TestClient(named, base_url="http://news.example").get("/api/articles").status_code == 200
    assert TestClient(named, base_url="http://localhost").get("/api/articles").status_code == 400
    assert default_hosts("10.0.0.5") == ["10.0.0.5"]


def test_server_never_writes(db: Path) -> None:
    before = _digest(db)
    client = TestClient(create_app(db), base_url="http://localhost")
    for path in ("/", "/api/articles", "/api/stories", "/api/flags", "/api/quotes", "/api/entities"):
        assert client.get(path).status_code == 200
    assert _digest(db) == before  # the file is byte for byte what it was


def test_missing_table_is_refused_not_recreated(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE flags")
    before = _digest(db)
    with pytest.raises(StoreError, match="lacks the tables flags: run `newsgraph migrate"):
        create_app(db)
    assert _digest(db) == before
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'flags'").fetchone() is None


def test_unusable_database_is_refused_at_start(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        create_app(tmp_path / "missing.db")
    (tmp_path / "notes.db").write_text("not a database")
    with pytest.raises(StoreError, match="not an SQLite file"):
        create_app(tmp_path / "notes.db")
