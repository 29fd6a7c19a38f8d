"""Scale benchmark for story clustering: 10k, 100k and 300k articles; time and peak RSS.

Articles are synthesised from real text by recombination: each synthetic story takes a
headline story of the evaluation set and a source article of the extraction set; its
members get a headline built from that story's real headlines, a body of ~150 words
drawn from the source article's sentences and a few other articles' sentences, names
of their own, and a date within a few days of the story's start (stories start over a
year). One article in ten is a syndicated copy of another member with boilerplate
around it, so the near-duplicate index works too. Articles are stored directly (as
the pipeline stores them) with their MinHash signatures and sentence embeddings, which
the ingest workers compute: here they are precomputed the same way (``story_summary``, 2 processes), timed
and printed apart as ingest work, and cached under /tmp by a hash of the texts so a
rerun skips them. The articles are then clustered with ``update_stories`` in one call,
as ``newsgraph ingest`` of a folder does (words, names and the stored embeddings); then
1,000 more articles (the latest by date) arrive in a second call, which times an
incremental update. ``--no-embeddings`` clusters on words and names only.

By default the precomputed vectors are made from each headline alone (~10 ms a text
instead of ~45 ms for the headline and 60 words the pipeline embeds), so 300k articles
can be precomputed in about half an hour on two cores; clustering reads a 384-number
vector either way, so its cost does not depend on the text. ``--embed-text summary``
embeds exactly what the pipeline embeds.

Each size runs in a fresh process so its peak RSS is its own.

    .venv/bin/python benchmarks/bench_stories.py [--sizes 10000,100000,300000] [--no-embeddings]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

# ../shared/eval beside the repository (or beside the folder of worktrees it is checked out in)
SHARED = next((p / "shared" / "eval" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "eval").is_dir()),
              ROOT.parent / "shared" / "eval")
HEADLINES = SHARED / "story-clustering" / "headlines.jsonl"
EXTRACTION = SHARED / "article-extraction" / "ground-truth.json"
STORY_SIZE = 6  # mean articles per story
COPY_RATE = 0.1
DAYS = 365
FEED = 1000  # articles added after the backfill, to time an incremental update
BOILERPLATE = ["Subscribe to our newsletter for the latest headlines.", "Copyright {y} {o}. All rights reserved.",
               "Follow us on social media.", "Advertisement"]
EMBED_PROCESSES = 2
EMBED_CHUNK = 256  # texts a precompute task embeds: small enough to keep both processes busy
CACHE = Path(tempfile.gettempdir()) / "newsgraph-bench-embeddings"
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"[A-Za-z]+")


def sources() -> tuple[list[list[str]], list[list[str]], list[str], list[str]]:
    """Headlines grouped by real story, sentences grouped by real article, names and vocabulary."""
    by_story: dict[str, list[str]] = defaultdict(list)
    for line in HEADLINES.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        by_story[row["story"]].append(row["title"])
    truth = json.loads(EXTRACTION.read_text(encoding="utf-8"))
    articles = [[s for s in _SENTENCE_END.split(v["articleBody"]) if 5 <= len(s.split()) <= 40]
                for _, v in sorted(truth.items())]
    articles = [a for a in articles if len(a) >= 8]
    names = sorted({w for titles in by_story.values() for t in titles for w in t.split()
                    if w[:1].isupper() and w.isalpha() and len(w) > 3})
    vocabulary = sorted({w.lower() for a in articles for s in a for w in _WORD.findall(s) if len(w) > 3})
    return list(by_story.values()), articles, names, vocabulary


def _respell(texts: list[str], vocabulary: list[str], rnd: random.Random) -> list[str]:
    """Swap half the words of a story's texts for others, consistently within the story.

    Recombined stories would otherwise share whole sentences with every other story made
    from the same source, which real stories from one day do not.
    """
    mapping: dict[str, str] = {}

    def swap(match: re.Match) -> str:
        word = match.group(0)
        key = word.lower()
        if key not in mapping:
            mapping[key] = rnd.choice(vocabulary) if rnd.random() < 0.5 else key
        new = mapping[key]
        return new.capitalize() if word[:1].isupper() else new

    return [_WORD.sub(swap, t) for t in texts]


def synthesise(n: int, seed: int = 0) -> list[dict]:
    """n synthetic articles with a gold story each."""
    rnd = random.Random(seed)
    headline_stories, articles, names, vocabulary = sources()
    all_sentences = [s for a in articles for s in a]
    out: list[dict] = []
    story = 0
    while len(out) < n:
        story += 1
        base_titles, base_sentences = rnd.choice(headline_stories), rnd.choice(articles)
        texts = _respell(base_titles[:12] + base_sentences[:20], vocabulary, rnd)
        titles, sentences = texts[: len(base_titles[:12])], texts[len(base_titles[:12]) :]
        people = [f"{rnd.choice(names)} {rnd.choice(names)}" for _ in range(3)]
        start = rnd.randrange(DAYS)
        members: list[dict] = []
        for _ in range(max(1, int(rnd.expovariate(1 / STORY_SIZE)))):
            if members and rnd.random() < COPY_RATE:
                source = rnd.choice(members)
                outlet = f"Outlet {rnd.randrange(500)}"
                body = "\n\n".join([rnd.choice(BOILERPLATE).format(y=2024, o=outlet), source["body"],
                                    rnd.choice(BOILERPLATE).format(y=2024, o=outlet)])
                members.append(dict(source, body=body, outlet=outlet, day=source["day"] + rnd.randrange(2)))
                continue
            title = f"{rnd.choice(people)}: {rnd.choice(titles)}"
            picked = rnd.sample(sentences, min(len(sentences), 6)) + rnd.sample(all_sentences, 2)
            body = " ".join(picked).replace("The ", f"{rnd.choice(people)} said the ", 1)
            members.append({"title": title, "body": body, "outlet": f"Outlet {rnd.randrange(500)}",
                            "day": start + rnd.randrange(4), "people": rnd.sample(people, 2), "gold": story})
        out.extend(members)
    return out[:n]


def build(db: Path, n: int, with_embeddings: bool, embed_text: str = "headline") -> dict:
    """Store n synthetic articles as the pipeline would, with their embeddings unless told not to."""
    from newsgraph.corpus.stories import signature_bytes
    from newsgraph.corpus.stories.embeddings import MODEL
    from newsgraph.reference.keys import entity_id
    from newsgraph.store.sqlite import connect

    articles = synthesise(n)
    vectors, precompute = precomputed_embeddings(articles, embed_text) if with_embeddings else (None, {})
    conn = connect(db)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN")
    for i, a in enumerate(articles):
        aid = f"a{i:07d}"
        published = time.strftime("%Y-%m-%d", time.gmtime(1704067200 + 86400 * a["day"]))
        conn.execute("INSERT INTO articles (id, origin, outlet, title, body, published, text, metadata, ingested_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     (aid, f"synthetic:{i}", a["outlet"], a["title"], a["body"], published,
                      a["title"] + "\n\n" + a["body"], json.dumps({"gold": a["gold"]}), published))
        for name in a["people"]:
            eid = entity_id(name, "PERSON")
            conn.execute("INSERT OR IGNORE INTO entities (id, name, type) VALUES (?, ?, 'PERSON')", (eid, name))
            conn.execute('INSERT INTO mentions (article, entity, start, "end", text, type, kind) '
                         "VALUES (?, ?, 0, 1, ?, 'PERSON', 'name')", (aid, eid, name))
        if (minhash := signature_bytes(a["body"])) is not None:  # the ingest workers sign each body
            conn.execute("INSERT INTO article_minhash (article, signature) VALUES (?, ?)", (aid, minhash))
        if vectors is not None:
            conn.execute("INSERT INTO article_embeddings (article, model, vector) VALUES (?, ?, ?)",
                         (aid, MODEL, vectors[i].tobytes()))
    conn.execute("COMMIT")
    conn.close()
    return precompute


def _embed_chunk(texts: list[str]) -> np.ndarray:
    """One precompute task, in its own process: vectors as the ingest workers store them."""
    from newsgraph.annotate import embeddings
    from newsgraph.corpus.stories.embeddings import DTYPE

    return embeddings.embed(texts).astype(DTYPE)


def precomputed_embeddings(articles: list[dict], embed_text: str = "headline") -> tuple[np.ndarray, dict]:
    """Each article's stored vector (float16, as the ingest workers make it), from the cache if there.

    Returns the vectors and how long computing them took (ingest work: not clustering time).
    """
    import numpy as np

    from newsgraph.annotate import embeddings
    from newsgraph.corpus.stories.embeddings import MODEL, story_summary

    if not embeddings.available():
        raise SystemExit("sentence embeddings are not installed (or NEWSGRAPH_NO_EMBEDDINGS is set): "
                         "use --no-embeddings")
    if embed_text == "summary":
        texts = [story_summary(a["title"], None, a["body"]) for a in articles]
    else:  # the headline alone: a quarter of the cost; the clusterer reads a vector either way
        texts = [a["title"] for a in articles]
    key = hashlib.sha256("\x00".join([MODEL, *texts]).encode("utf-8")).hexdigest()[:24]
    path, meta = CACHE / f"{key}.npy", CACHE / f"{key}.json"
    started = time.perf_counter()
    if path.exists() and meta.exists():
        vectors = np.load(path)
        info = json.loads(meta.read_text())
        return vectors, info | {"cached": True, "load_seconds": time.perf_counter() - started}
    chunks = [texts[i : i + EMBED_CHUNK] for i in range(0, len(texts), EMBED_CHUNK)]
    with ProcessPoolExecutor(EMBED_PROCESSES) as pool:
        vectors = np.vstack(list(pool.map(_embed_chunk, chunks)))
    info = {"texts": len(texts), "processes": EMBED_PROCESSES, "seconds": time.perf_counter() - started,
            "text": embed_text}
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = CACHE / f"{key}.{os.getpid()}.npy"
    np.save(partial, vectors)
    partial.replace(path)
    meta.write_text(json.dumps(info))
    return vectors, info | {"cached": False}


def cluster(db: Path, feed: int, with_embeddings: bool) -> dict:
    """Cluster all stored articles but the last ``feed`` in one call (a backfill, as
    ``newsgraph ingest`` of a folder does), then the last ``feed`` in another (the next
    day's feed: its cost should not grow with the corpus). Report time, RSS and quality."""
    from score_stories import scores

    from newsgraph.annotate import embeddings
    from newsgraph.corpus.stories import update_stories
    from newsgraph.store.sqlite import connect

    embedded_here = count_embedded(embeddings)
    use = None if with_embeddings else False
    conn = connect(db)
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY published, id")]
    backfill, daily = ids[: len(ids) - feed], ids[len(ids) - feed :]
    started, cpu_started = time.perf_counter(), time.process_time()
    conn.execute("BEGIN")
    update_stories(conn, backfill, embeddings=use)
    conn.execute("COMMIT")
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    started = time.perf_counter()
    conn.execute("BEGIN")
    update_stories(conn, daily, embeddings=use)
    conn.execute("COMMIT")
    feed_seconds = time.perf_counter() - started
    gold, pred = [], []
    for metadata, story in conn.execute("SELECT metadata, story FROM articles"):
        gold.append(str(json.loads(metadata)["gold"]))
        pred.append(story)
    copies = conn.execute("SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0]
    conn.close()
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"seconds": seconds, "cpu_seconds": cpu, "feed_seconds": feed_seconds, "peak_rss_mib": peak_mib,
            "copies": copies, "embedded_in_clustering": sum(embedded_here)} | scores(gold, pred)


def count_embedded(embeddings: ModuleType) -> list[int]:
    """Count texts clustering embeds itself (it should read them all from the store: none)."""
    calls: list[int] = []
    real = embeddings.embed

    def counting(texts: list[str], *args: Any, **kwargs: Any) -> np.ndarray:
        calls.append(len(texts))
        return real(texts, *args, **kwargs)

    embeddings.embed = counting
    return calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,300000")
    parser.add_argument("--no-embeddings", action="store_true", help="cluster on words and names only")
    parser.add_argument("--embed-text", choices=["headline", "summary"], default="headline",
                        help="what the precomputed vectors are made from (summary: as the pipeline does)")
    parser.add_argument("--child", choices=["build", "cluster"], help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    with_embeddings = not args.no_embeddings
    if args.child == "build":
        print(json.dumps(build(args.db, args.n, with_embeddings, args.embed_text)))
        return
    if args.child == "cluster":
        print(json.dumps(cluster(args.db, FEED, with_embeddings)))
        return
    flags = ["--embed-text", args.embed_text] if with_embeddings else ["--no-embeddings"]
    for n in [int(s) for s in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory(prefix="bench-stories-") as tmp:
            db = Path(tmp) / "bench.db"
            out = subprocess.run([sys.executable, __file__, "--child", "build", "--db", str(db), "--n", str(n + FEED)]
                                 + flags, check=True, capture_output=True, text=True).stdout
            print_precompute(json.loads(out.strip().splitlines()[-1]))
            out = subprocess.run([sys.executable, __file__, "--child", "cluster", "--db", str(db)] + flags,
                                 check=True, capture_output=True, text=True).stdout
            r = json.loads(out.strip().splitlines()[-1])
            print(f"{n:>7} articles: {r['seconds']:6.1f}s wall ({r['cpu_seconds']:.1f}s CPU, "
                  f"{r['seconds'] / n * 1000:.2f} ms/article), peak RSS {r['peak_rss_mib']:.0f} MiB; "
                  f"then {FEED} more in {r['feed_seconds']:.1f}s; {r['copies']} copies linked; "
                  f"synthetic B-cubed F1 {r['F1']:.3f}, {r['stories']} stories; "
                  + (f"embeddings on ({r['embedded_in_clustering']} embedded while clustering)" if with_embeddings
                     else "embeddings off"), flush=True)


def print_precompute(info: dict) -> None:
    """The ingest-side cost of the embeddings, apart from clustering."""
    if not info:
        return
    rate = info["texts"] / info["seconds"]
    cached = f"; cached, loaded in {info['load_seconds']:.1f}s" if info.get("cached") else ""
    print(f"  embeddings of the {info.get('text', 'summary')} (ingest work, not clustering): "
          f"{info['texts']} texts in {info['seconds']:.1f}s "
          f"on {info['processes']} processes, {rate:.0f} texts/s{cached}", flush=True)


if __name__ == "__main__":
    main()
