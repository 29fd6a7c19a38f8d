"""Web latency benchmark: p50/p99 time to serve each page type on a store of 10k articles.

The store is synthetic and self-contained (no evaluation data needed): stories of about
six articles from twenty outlets over a year; each article has a headline and ~150 words
drawn from a Zipf-distributed vocabulary of made-up words around its story's topic
words, names a story's key entities and some others (entity popularity is Zipfian too, so
the most named entity is in thousands of articles: the entity page's worst case), and
carries two quotes, a role, a citation and an event. Articles are written through
``Store.save``, the pipeline's own write path, so the full-text indexes fill through their
triggers; stories are assigned directly (clustering is benchmarked by bench_stories.py).
The file is cached under /tmp by size and seed.

Each page type is requested ``--requests`` times with varied parameters (pages, filters,
queries, ids) through the app in-process (FastAPI's TestClient: routing, middleware,
queries, templates; no network), after a warm-up. Figures are wall-clock milliseconds.

    nice -n 10 .venv/bin/python benchmarks/bench_web.py [--articles 10000] [--requests 100]
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

OUTLETS = [f"{a} {b}" for a, b in zip(
    ["Daily", "Morning", "Evening", "Global", "National", "City", "Pacific", "Atlantic", "Northern", "Southern",
     "Capital", "Union", "Free", "Open", "Weekly", "Sunday", "Metro", "Coastal", "Central", "Eastern"],
    ["Herald", "Post", "Times", "Wire", "Observer", "Tribune", "Courier", "Ledger", "Gazette", "Chronicle",
     "Press", "Journal", "Voice", "Record", "Standard", "Mail", "News", "Echo", "Telegraph", "Review"])]
SYLLABLES = ["ka", "lo", "mi", "ra", "ten", "vo", "shi", "par", "dun", "el", "bri", "sto", "nak", "qui", " zor",
             "fen", "gal", "hut", "jas", "ol", "pre", "tum", "vek", "wyn"]
STORY_SIZE = 6
DAYS = 365


def words(n: int, rnd: random.Random) -> list[str]:
    out: set[str] = set()
    while len(out) < n:
        out.add("".join(rnd.choice(SYLLABLES).strip() for _ in range(rnd.randint(2, 3))))
    return sorted(out)


def synthesise(n: int, seed: int = 0) -> list:
    """``n`` ArticleAnalysis records in stories, with entities, quotes, roles, citations and events."""
    from newsgraph.records import Article, ArticleAnalysis, Citation, Entity, Event, Mention, Quote, Role

    rnd = random.Random(seed)
    vocabulary = words(6000, rnd)
    zipf = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(vocabulary))))  # cumulative weights
    people = [(w.title() + " " + v.title(), "PERSON") for w, v in zip(words(400, rnd), reversed(words(400, rnd)))]
    places = [(w.title() + "land", "GPE") for w in words(120, rnd)]
    orgs = [(w.title() + " Council", "ORG") for w in words(120, rnd)]
    entities = people + places + orgs
    rnd.shuffle(entities)
    popularity = list(itertools.accumulate(1 / (rank + 1) ** 0.9 for rank in range(len(entities))))
    analyses = []
    story_of: list[int] = []
    i = 0
    story = 0
    while i < n:
        topic = rnd.choices(vocabulary[200:], k=3)
        keys = rnd.choices(entities, cum_weights=popularity, k=3)
        start = rnd.randrange(DAYS - 10)
        for _ in range(min(n - i, max(1, round(rnd.gauss(STORY_SIZE, 2))))):
            aid = f"w{i:07d}"
            named = list(dict.fromkeys(keys + rnd.choices(entities, cum_weights=popularity, k=5)))
            title = " ".join([*topic, *rnd.choices(vocabulary, cum_weights=zipf, k=5)]).capitalize()
            sentences = []
            for s in range(10):
                body_words = rnd.choices(vocabulary, cum_weights=zipf, k=13) + [rnd.choice(topic)]
                rnd.shuffle(body_words)
                sentences.append(f"{named[s % len(named)][0]} " + " ".join(body_words) + ".")
            day = start + rnd.randrange(5)
            published = time.strftime("%Y-%m-%dT%H:%M:00+00:00", time.gmtime(1704067200 + 86400 * day
                                                                               + rnd.randrange(86400)))
            article = Article(id=aid, origin=f"synthetic:{i}", title=title, paragraphs=[" ".join(sentences)],
                              outlet=rnd.choice(OUTLETS), published=published, published_precision="minute")
            text = article.text
            mentions, found = [], {}
            for name, type_ in named:
                at = text.find(name)
                if at >= 0:
                    mentions.append(Mention(aid, at, at + len(name), name, type_, name))
                    found[name] = (type_, at)
            speakers = [(nm, at) for nm, (tp, at) in found.items() if tp == "PERSON"] or [(None, 0)]
            quotes, roles = [], []
            for q in range(2):
                speaker, at = speakers[q % len(speakers)]
                sentence = sentences[q + 1]
                start_q = text.find(sentence)
                quotes.append(Quote(aid, start_q, start_q + len(sentence), sentence, "indirect", "said", speaker,
                                    None, None, speaker, 0.8))
            ents = []
            for name, (type_, at) in found.items():
                entity_roles = []
                if type_ == "PERSON" and not roles:
                    role = Role(aid, name, f"minister of {rnd.choice(vocabulary)}", at, at + len(name))
                    roles.append(role)
                    entity_roles.append(role)
                ents.append(Entity(name, type_, [], entity_roles))
            citations = [Citation(aid, rnd.choice(OUTLETS), "outlet", "according to", 0, len(title))]
            gpes = [nm for nm, (tp, _) in found.items() if tp == "GPE"]
            events = [Event(aid, gpes[0], "042", "Make a visit", gpes[-1], 0, len(title))] if len(gpes) >= 2 else []
            analyses.append(ArticleAnalysis(article, mentions, ents, quotes, citations, events))
            story_of.append(story)
            i += 1
        story += 1
    return list(zip(analyses, story_of))


def build(path: Path, n: int, seed: int) -> None:
    """Write the synthetic articles through Store.save, then give each its story."""
    from newsgraph.store import Store

    records = synthesise(n, seed)
    with Store(path) as store:
        store.conn.execute("PRAGMA journal_mode = WAL")
        for analysis, _story in records:
            store.save(analysis)
        conn = store.conn
        conn.execute("BEGIN")
        members: dict[int, list] = {}
        for analysis, story in records:
            members.setdefault(story, []).append(analysis)
        for story, group in members.items():
            sid = f"st{story:07d}"
            dates = sorted(a.article.published for a in group)
            keys = sorted({f"{m.type}:{m.entity.lower()}" for a in group[:1] for m in a.mentions[:3]})
            conn.execute("INSERT INTO stories (id, title, first_published, last_published, size, key_entities, "
                         "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                         (sid, group[0].article.title, dates[0], dates[-1], len(group),
                          "[" + ",".join(f'"{k}"' for k in keys) + "]", dates[-1]))
            conn.executemany("UPDATE articles SET story = ? WHERE id = ?", [(sid, a.article.id) for a in group])
        conn.execute("COMMIT")


def samples(conn, rnd: random.Random, count: int) -> dict[str, list[str]]:  # noqa: ANN001
    """``count`` addresses for each page type, with varied parameters."""
    from newsgraph.store import explore, queries

    stories = [s["id"] for s in queries.iter_stories(conn, limit=2000)]
    articles = [a["id"] for a in queries.iter_articles(conn, limit=5000)]
    entities = [e["id"] for e in queries.iter_entities(conn, limit=200)]  # the most named first
    outlets = [o["outlet"] for o in explore.outlets(conn)]
    titles = [a["title"].split() for a in queries.iter_articles(conn, limit=2000)]
    qs = lambda **kw: "?" + urlencode({k: v for k, v in kw.items() if v})  # noqa: E731

    def term() -> str:
        t = rnd.choice(titles)
        return rnd.choice([t[0], f'"{t[0]} {t[1]}"', t[2][:3] + "*", f"{t[0]} {t[4]}", f"{t[1]} OR {t[3]}"])

    def month() -> tuple[str, str]:
        m = rnd.randint(1, 11)
        return f"2024-{m:02d}-01", f"2024-{m + 1:02d}-01"

    pick = {
        "home": lambda: "/" + qs(page=rnd.randint(1, 40)),
        "home, filtered": lambda: "/" + qs(outlet=rnd.choice(outlets), entity=rnd.choice(entities[:50]),
                                           since=month()[0] if rnd.random() < .5 else None),
        "search (articles)": lambda: "/search" + qs(q=term(), outlet=rnd.choice([None, rnd.choice(outlets)])),
        "search (quotes)": lambda: "/search" + qs(q=term(), what="quotes"),
        "story": lambda: f"/story/{rnd.choice(stories)}",
        "article": lambda: f"/article/{rnd.choice(articles)}",
        "entity": lambda: "/entity/" + quote(entities[0] if rnd.random() < .1 else rnd.choice(entities), safe=""),
        "outlet": lambda: "/outlet/" + quote(rnd.choice(outlets), safe="") + qs(page=rnd.randint(1, 5)),
        "events": lambda: "/events" + qs(entity=rnd.choice([None, *entities[:20]]), page=rnd.randint(1, 3)),
        "api search": lambda: "/api/search" + qs(q=term(), limit=20),
        "docs": lambda: "/docs",
    }
    return {name: [make() for _ in range(count)] for name, make in pick.items()}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=100, help="requests per page type")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    from fastapi.testclient import TestClient

    from newsgraph.interfaces.web import create_app
    from newsgraph.store import Store, queries

    path = Path(tempfile.gettempdir()) / f"newsgraph-bench-web-{args.articles}-{args.seed}.db"
    if not path.exists():
        started = time.perf_counter()
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        build(partial, args.articles, args.seed)
        partial.rename(path)
        print(f"built {path} in {time.perf_counter() - started:.0f} s")
    Store(path).close()  # a file cached by an older newsgraph is migrated first
    with Store(path, readonly=True) as store:
        counts = queries.counts(store.conn, ("articles", "stories", "entities", "mentions", "quotes", "events"))
        addresses = samples(store.conn, random.Random(args.seed), args.requests)
    print(f"store: {path.stat().st_size / 2**20:.0f} MiB, " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    client = TestClient(create_app(path), base_url="http://localhost")
    print(f"{'page type':<20} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8}  ({args.requests} requests each, in-process)")
    for name, urls in addresses.items():
        for url in urls[:3]:  # warm-up: templates compiled, pages of the file cached
            client.get(url)
        times = []
        for url in urls:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"{url}: HTTP {response.status_code}: {response.text[:200]}")
        print(f"{name:<20} {statistics.median(times):>8.1f} {percentile(times, 99):>8.1f} {max(times):>8.1f}")


if __name__ == "__main__":
    main()
