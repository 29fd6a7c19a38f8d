"""The main job: read inputs, analyse new articles in parallel, store them, update the corpus.

Only new content is analysed: an article whose content hash is already stored is
counted as unchanged and skipped before any model runs, so a second run over the same
folder is cheap and adds nothing.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from newsgraph.corpus.steps import update_corpus
from newsgraph.ingest import Failure, discover, iter_documents
from newsgraph.ingest.readers import container_format
from newsgraph.pipeline import BATCH_SIZE, analyse_stream, default_workers
from newsgraph.records import ArticleAnalysis, RawDocument
from newsgraph.store import Store
from newsgraph.structure import BoilerplateIndex


@dataclass
class IngestSummary:
    """What one run did, for the report and the exit code."""

    read: int = 0
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)
    stories: int = 0

    @property
    def ok(self) -> bool:
        return self.failed == 0


ProgressFn = Callable[[str, object], None]


def _noop(event: str, payload: object) -> None:
    return None


def count_documents(paths: Iterable[str | Path]) -> int | None:
    """How many documents the inputs hold, cheaply, for a progress bar; None if unknown."""
    total = 0
    for found in discover(paths):
        if isinstance(found, Failure):
            total += 1
            continue
        fmt, gzipped = container_format(found)
        if fmt in ("text", "html"):
            total += 1
        elif fmt == "jsonl" and not gzipped:
            with open(found, "rb") as handle:
                total += sum(1 for line in handle if line.strip())
        else:
            return None
    return total


def ingest_paths(paths: Iterable[str | Path], store: Store, workers: int | None = None,
                 batch_size: int = BATCH_SIZE, on_progress: ProgressFn = _noop,
                 reprocess: bool = False) -> IngestSummary:
    """Ingest every article under ``paths`` into ``store`` and update stories and entities."""
    paths = list(paths)
    workers = workers or default_workers()
    summary = IngestSummary()
    started = time.perf_counter()

    def fresh_documents() -> Iterator[RawDocument]:
        seen: set[str] = set()
        for item in iter_documents(paths):
            summary.read += 1
            if isinstance(item, Failure):
                _fail(item)
                continue
            if item.id in seen or (not reprocess and store.has_article(item.id)):
                summary.unchanged += 1
                on_progress("unchanged", item)
                continue
            seen.add(item.id)
            yield item

    def _fail(failure: Failure) -> None:
        summary.failed += 1
        summary.failures.append(failure)
        store.record_failure(failure.origin, failure.reason)
        on_progress("failed", failure)

    boilerplate = update_boilerplate(store, paths)
    for result in analyse_stream(fresh_documents(), workers=workers, batch_size=batch_size,
                                 boilerplate=boilerplate):
        if isinstance(result, Failure):
            _fail(result)
            continue
        try:
            stored = store.save(result, replace=reprocess)
        except Exception as exc:  # a store error for one article leaves the others intact
            _fail(Failure(result.article.origin, f"store failed: {type(exc).__name__}: {exc}"))
            continue
        if stored:
            summary.new += 1
            summary.new_ids.append(result.article.id)
            summary.words += _words(result)
            on_progress("stored", result)
        else:
            summary.unchanged += 1
            on_progress("unchanged", result)

    if summary.new_ids:
        on_progress("corpus", len(summary.new_ids))
        summary.stories = update_corpus(store, summary.new_ids)
    summary.seconds = time.perf_counter() - started
    return summary


BOILERPLATE_STATE = "boilerplate_lines"


def update_boilerplate(store: Store, paths: list) -> BoilerplateIndex | None:
    """First pass: count recurring lines of new plain-text inputs, added to earlier runs' counts.

    Menus and footers repeat line for line across one outlet's pages; the structure stage
    uses these counts as evidence. Counts persist in the store (as JSON, never pickle:
    a database file must not be able to run code), so later runs build on earlier ones.
    """
    index = BoilerplateIndex()
    saved = store.get_state(BOILERPLATE_STATE)
    if saved:
        state = json.loads(saved)
        index.documents = state["documents"]
        index.counts = Counter({int(k): v for k, v in state["counts"].items()})
    added = 0
    for item in iter_documents(paths):
        if isinstance(item, RawDocument) and item.media_type == "text/plain" and not store.has_article(item.id):
            index.add(item.text)
            added += 1
    if added:
        index.prune()
        state = {"documents": index.documents, "counts": {str(k): v for k, v in index.counts.items()}}
        store.set_state(BOILERPLATE_STATE, json.dumps(state).encode("utf-8"))
    return index if index.documents else None


def _words(analysis: ArticleAnalysis) -> int:
    return len(analysis.article.text.split())
