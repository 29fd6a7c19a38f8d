"""Take the screenshots of each page type shown in the README (docs/screenshots/*.png).

Ingests the two bundled seed articles into a temporary store, serves it, and shoots each
page with Debian's headless chromium; the PNGs are reduced to 64 colours (Pillow) so the
repository stays small.

    .venv/bin/python docs/screenshots.py        # needs chromium and Pillow (pip install pillow)
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
OUT = ROOT / "docs" / "screenshots"

PAGES = {  # file name: (address, window height)
    "home": ("/", 700),
    "search": ("/search?q=%22North+Korea%22+missile*", 1500),
    "story": ("/story/{story}", 1500),
    "article": ("/article/{article}", 1000),
    "entity": ("/entity/PERSON%3Akurt%20campbell", 1700),
    "outlet": ("/outlet/Euromaidan%20Press", 900),
    "events": ("/events", 900),
    "docs": ("/docs", 900),
}


def main() -> None:
    import uvicorn
    from PIL import Image

    from newsgraph.examples import example_paths
    from newsgraph.interfaces.web import create_app
    from newsgraph.job import ingest_paths
    from newsgraph.store import Store, queries

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise SystemExit("chromium is not installed (apt-get install chromium)")
    work = Path(tempfile.mkdtemp(prefix="newsgraph-shots-"))
    db = work / "seeds.db"
    with Store(db) as store:
        ingest_paths([str(p) for p in example_paths()], store, workers=1)
        story = next(queries.iter_stories(store.conn, min_size=2))
    ids = {"story": story["id"], "article": story["articles"][0]}
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    OUT.mkdir(parents=True, exist_ok=True)
    try:
        for name, (address, height) in PAGES.items():
            shot = work / f"{name}.png"
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                            "--hide-scrollbars", "--disable-background-networking", f"--user-data-dir={work / 'p'}",
                            f"--screenshot={shot}", f"--window-size=1200,{height}",
                            f"http://127.0.0.1:{port}{address.format(**ids)}"],
                           capture_output=True, timeout=120, check=True)
            Image.open(shot).convert("RGB").quantize(64).save(OUT / f"{name}.png", optimize=True)
            print(f"{OUT / name}.png  {(OUT / f'{name}.png').stat().st_size // 1024} KiB")
    finally:
        server.should_exit = True
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
