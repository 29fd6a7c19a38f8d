"""Crash safety: an ingest killed (SIGKILL) at random points, or stopped by a full disk, loses
nothing and duplicates nothing; the next run finishes the corpus steps the last one left, and
no worker outlives its main process.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.job import ingest_paths
from newsgraph.store import Store, StoreError

TOPICS = [("Seoul", "Kurt Campbell", "talks on trade"), ("Kyiv", "Olena Petrenko", "grain exports"),
          ("Nairobi", "Amina Odhiambo", "the drought"), ("Lima", "Jorge Quispe", "mining permits")]
ARTICLES = 8
SEED = int(os.environ.get("NEWSGRAPH_CRASH_SEED", "20"))
WAIT_SECONDS = 120  # an upper bound for a run on a busy machine, not a speed target


DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "yesterday"]


def _corpus(folder: Path) -> Path:
    """Distinct articles, two per topic: no line repeats, so none is taken for boilerplate."""
    folder.mkdir()
    for n in range(ARTICLES):
        city, person, subject = TOPICS[n % len(TOPICS)]
        day = DAYS[n % len(DAYS)]
        (folder / f"a{n:02d}.txt").write_text(
            f"{person} {('speaks on', 'warns about')[n // len(TOPICS) % 2]} {subject} in {city} on {day}\n\n"
            f"{person} said on {day} in {city} that {subject} would {('resume', 'stall')[n % 2]} "
            f"{('next week', 'within a month')[n // len(TOPICS) % 2]}. \"We are ready for {subject} {day},\" "
            f"{person} told {('reporters', 'the parliament')[n % 2]} in {city}.\n", encoding="utf-8")
    return folder


def _command(folder: Path, db: Path, workers: int) -> list[str]:
    return [sys.executable, "-c", "from newsgraph.interfaces.cli import app; app()", "ingest", str(folder),
            "--db", str(db), "--workers", str(workers), "--batch-size", "2", "--quiet"]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}


def _count(db: Path, sql: str) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute(sql).fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # not created yet


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _kill_when(process: subprocess.Popen, ready) -> set[int]:  # noqa: ANN001
    """SIGKILL the main process once ``ready()``; return the workers it had then."""
    deadline = time.monotonic() + WAIT_SECONDS
    while process.poll() is None and not ready() and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = _children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    return workers


def _assert_intact(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        origins = [r[0] for r in conn.execute("SELECT origin FROM articles")]
    assert len(origins) == len(set(origins)), "an article was stored twice"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads the process table from /proc")
def test_killed_ingests_lose_nothing_and_leave_no_workers(tmp_path: Path) -> None:
    folder, db = _corpus(tmp_path / "in"), tmp_path / "news.db"
    rng = random.Random(SEED)
    stored = "SELECT COUNT(*) FROM articles"
    kill_points = [rng.randint(1, ARTICLES // 2), rng.randint(ARTICLES // 2 + 1, ARTICLES)]
    for point, workers_asked in zip(kill_points, (2, 1)):  # the first run has workers to orphan
        process = subprocess.Popen(_command(folder, db, workers=workers_asked), env=_env(),
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        workers = _kill_when(process, lambda p=point: _count(db, stored) >= p)
        assert workers or workers_asked == 1, "the kill came before the workers started"
        deadline = time.monotonic() + 30
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if _alive(w)], f"workers outlived the main process (seed {SEED})"
        _assert_intact(db)
    with Store(db) as store:  # the next run, in this process: its models are loaded once for the suite
        summary = ingest_paths([str(folder)], store, workers=1, batch_size=2)
    assert summary.failed == 0, summary.failures
    _assert_intact(db)
    assert _count(db, stored) == ARTICLES, f"kill points {kill_points} (seed {SEED})"
    assert _count(db, "SELECT COUNT(*) FROM articles WHERE story IS NULL") == 0, "articles left without a story"


def _pages(db: Path) -> int:
    return _count(db, "SELECT page_count FROM pragma_page_count()")


def test_full_disk_stops_with_a_clear_error_and_the_next_run_finishes(tmp_path: Path) -> None:
    folder, db = _corpus(tmp_path / "in"), tmp_path / "news.db"
    with Store(tmp_path / "measure.db") as measure:
        empty = _pages(measure.path)
        ingest_paths([str(folder)], measure, workers=1, batch_size=2)
    full = _pages(tmp_path / "measure.db")
    with Store(db) as store:
        # SQLite's own page limit stands in for a full disk: it fails the same way (SQLITE_FULL)
        store.conn.execute(f"PRAGMA max_page_count = {empty + (full - empty) // 2}")
        with pytest.raises(StoreError) as stopped:
            ingest_paths([str(folder)], store, workers=1, batch_size=2)
    message = str(stopped.value)
    assert "disk is full" in message and "run the same command again" in message
    assert "cannot rollback" not in message
    _assert_intact(db)
    assert 0 < _count(db, "SELECT COUNT(*) FROM articles") < ARTICLES
    with Store(db) as store:
        summary = ingest_paths([str(folder)], store, workers=1, batch_size=2)
    assert summary.failed == 0
    _assert_intact(db)
    assert _count(db, "SELECT COUNT(*) FROM articles") == ARTICLES
    assert _count(db, "SELECT COUNT(*) FROM articles WHERE story IS NULL") == 0


def test_a_run_with_nothing_new_still_finishes_what_was_left(tmp_path: Path) -> None:
    folder, db = _corpus(tmp_path / "in"), tmp_path / "news.db"
    with Store(db) as store:
        ingest_paths([str(folder)], store, workers=1)
        store.conn.execute("UPDATE articles SET story = NULL WHERE id IN (SELECT id FROM articles LIMIT 3)")
        summary = ingest_paths([str(folder)], store, workers=1)
        assert (summary.new, summary.unchanged, summary.finished) == (0, ARTICLES, 3)
        assert not store.articles_without_story()
