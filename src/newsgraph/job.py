"""The main job: read inputs, analyse new articles in parallel, store them, update the corpus.

Only new content is analysed: an article whose content hash is already stored is
counted as unchanged and skipped before any model runs, so a second run over the same
folder is cheap and adds nothing. Articles are stored a batch per transaction (one disk
sync a batch; a batch that fails is written again one article at a time, so one bad
article costs only itself) and the corpus steps in one more transaction; articles a
killed run left without a story are picked up by the next run, so a kill or a full disk
loses no work that a re-run cannot finish. ``IngestSummary.times`` says where the time
went, stage by stage (``newsgraph.timing``).
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

from newsgraph.corpus.steps import update_corpus
from newsgraph.ingest import Failure, Notice, container_format, discover, iter_documents
from newsgraph.ledger import FailureLog, IngestSummary, ProgressFn, RunLedger, noop
from newsgraph.pipeline import BATCH_SIZE, Result, analyse_stream, default_workers
from newsgraph.records import ArticleAnalysis, RawDocument
from newsgraph.store import Store, StoreError, classify
from newsgraph.structure import BoilerplateIndex
from newsgraph.timing import timed_iter


def count_documents(paths: Iterable[str | Path]) -> int | None:
    """How many documents the inputs hold, cheaply, for a progress bar; None if unknown."""
    total = 0
    for found in discover(paths):
        if isinstance(found, Notice):
            continue
        if isinstance(found, Failure):
            total += 1
            continue
        fmt, gzipped = container_format(found)
        if fmt in ("text", "html"):
            total += 1
        elif fmt == "jsonl" and not gzipped:
            try:
                with open(found, "rb") as handle:
                    total += sum(1 for line in handle if line.strip()) or 1
            except OSError:
                total += 1  # the reader will name the problem
        else:
            return None
    return total


def ingest_paths(paths: Iterable[str | Path], store: Store, workers: int | None = None,
                 batch_size: int = BATCH_SIZE, on_progress: ProgressFn = noop,
                 reprocess: bool = False, cluster: str | None = None) -> IngestSummary:
    """Ingest every article under ``paths`` into ``store`` and update stories and entities.

    The corpus steps also run for articles an interrupted earlier run stored without them
    (``story IS NULL``), so after a kill or a full disk the next run finishes the work.
    ``cluster`` (``tcp://host:port`` or ``local:N``) runs the per-article work on Dask
    workers instead of local processes; results are written here either way.
    """
    if batch_size < 1:
        raise ValueError(f"batch size must be at least 1 (got {batch_size})")
    paths = list(paths)
    workers = workers or default_workers()
    summary = IngestSummary()
    failures = FailureLog(store, summary, on_progress)
    ledger = RunLedger()
    started = time.perf_counter()

    def fresh_documents(items: Iterable) -> Iterator[RawDocument]:
        for item in items:
            if isinstance(item, Notice):
                summary.warnings.append(item)
                on_progress("warning", item)
                continue
            summary.read += 1
            if isinstance(item, Failure):
                failures.add(item)
                continue
            yield from _admit(item)

    def _admit(doc: RawDocument) -> Iterator[RawDocument]:
        verdict = ledger.admit(doc)
        if verdict == "analyse" and not reprocess and store.has_article(doc.id):
            ledger.settle(doc.id, stored=True)
            verdict = "unchanged"
        if verdict == "unchanged":
            summary.unchanged += 1
            on_progress("unchanged", doc)
        elif verdict == "analyse":
            yield doc

    def _unchanged(docs: list[RawDocument]) -> None:
        for doc in docs:
            summary.unchanged += 1
            on_progress("unchanged", doc)

    def store_batch(batch: list[ArticleAnalysis]) -> None:
        """Write a batch in one transaction; if that fails, one article at a time to isolate the failure."""
        existed = {a.article.id for a in batch if reprocess and store.has_article(a.article.id)}
        try:
            outcomes: list[bool | Exception] = list(store.save_batch(batch, replace=reprocess))
        except StoreError:
            raise  # the disk is full or the file unwritable: stop, say so
        except Exception:
            outcomes = [_save_alone(store, analysis, reprocess) for analysis in batch]
        for result, outcome in zip(batch, outcomes):
            article = result.article
            if isinstance(outcome, Exception):  # a store error for one article leaves the others intact
                failures.add(Failure(article.origin, f"store failed: {type(outcome).__name__}: {outcome}", article.id))
                _unchanged(ledger.settle(article.id, stored=False))
                continue
            _unchanged(ledger.settle(article.id, stored=True))
            if outcome:
                if article.id in existed:
                    summary.reanalysed += 1
                else:
                    summary.new += 1
                summary.new_ids.append(article.id)  # corpus steps run on re-analysed articles too
                summary.words += _words(result)
                summary.languages[article.language] += 1
                on_progress("reanalysed" if article.id in existed else "stored", result)
            else:
                summary.unchanged += 1
                on_progress("unchanged", result)

    times = summary.times
    try:
        with times.timing("read"):
            boilerplate = update_boilerplate(store, paths)
        stream: Iterator[RawDocument] = timed_iter(fresh_documents(iter_documents(paths)), times, "read")
        with analyser(cluster, workers, batch_size, boilerplate) as analyse:
            while True:
                waiting: list[ArticleAnalysis] = []
                for result in analyse(stream):
                    if isinstance(result, Failure):
                        failures.add(result)
                        _unchanged(ledger.settle(result.document, stored=False))
                        continue
                    times.add(result.times)
                    waiting.append(result)
                    if len(waiting) >= batch_size:
                        with times.timing("store"):
                            store_batch(waiting)
                        waiting = []
                with times.timing("store"):
                    store_batch(waiting)
                if not ledger.again:
                    break
                again, ledger.again = ledger.again, []
                stream = timed_iter((doc for item in again for doc in _admit(item)), times, "read")
        failures.flush()
        finish_corpus(store, summary, on_progress)
    finally:
        summary.seconds = time.perf_counter() - started
    return summary


def _save_alone(store: Store, analysis: ArticleAnalysis, replace: bool) -> bool | Exception:
    """Save one article in its own transaction: True, False (already stored) or the error that stopped it."""
    try:
        return store.save(analysis, replace=replace)
    except StoreError:
        raise
    except Exception as exc:
        return exc


@contextmanager
def analyser(cluster: str | None, workers: int, batch_size: int,
             boilerplate: BoilerplateIndex | None) -> Iterator[Callable[[Iterable[RawDocument]], Iterator[Result]]]:
    """Documents → results, in input order: on a Dask cluster, or in a local process pool."""
    if cluster:
        from newsgraph.cluster import analyse_on_cluster, cluster_client

        with cluster_client(cluster) as client:
            yield lambda docs: analyse_on_cluster(docs, client, batch_size, boilerplate)
        return
    yield lambda docs: analyse_stream(docs, workers=workers, batch_size=batch_size, boilerplate=boilerplate)


def finish_corpus(store: Store, summary: IngestSummary, on_progress: ProgressFn = noop) -> None:
    """Run the corpus steps for this run's articles and any an interrupted run left without them."""
    new = set(summary.new_ids)
    left = [aid for aid in store.articles_without_story() if aid not in new]
    summary.finished = len(left)
    todo = summary.new_ids + left
    if todo:
        on_progress("corpus", len(todo))
        try:
            summary.stories = update_corpus(store, todo, summary.times)
        except sqlite3.Error as exc:
            raise classify(exc, store.path) or exc


BOILERPLATE_STATE = "boilerplate_lines"


def update_boilerplate(store: Store, paths: list) -> BoilerplateIndex | None:
    """First pass: count recurring lines of new plain-text inputs, added to earlier runs' counts.

    Menus and footers repeat line for line across one outlet's pages; the structure stage
    uses these counts as evidence. Counts persist in the store (as JSON, never pickle:
    a database file must not be able to run code), so later runs build on earlier ones;
    each document is counted once, even when a killed run is run again.
    """
    index = BoilerplateIndex()
    saved = store.get_state(BOILERPLATE_STATE)
    if saved:
        state = json.loads(saved)
        index.documents = state["documents"]
        index.counts = Counter({int(k): v for k, v in state["counts"].items()})
    added: dict[str, None] = {}
    for item in iter_documents(paths):
        if (isinstance(item, RawDocument) and item.media_type == "text/plain" and item.id not in added
                and not store.has_article(item.id) and not store.boilerplate_counted(item.id)):
            index.add(item.text)
            added[item.id] = None
    if added:
        index.prune()
        state = {"documents": index.documents, "counts": {str(k): v for k, v in index.counts.items()}}
        store.save_boilerplate(BOILERPLATE_STATE, json.dumps(state).encode("utf-8"), list(added))
    return index if index.documents else None


def _words(analysis: ArticleAnalysis) -> int:
    return len(analysis.article.text.split())
