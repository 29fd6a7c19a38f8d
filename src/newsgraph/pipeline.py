"""Per-article work — structure → annotate → extract — in parallel worker processes.

``analyse_batch`` is a pure function of its documents: the same code runs in-process,
in a local process pool, or on Dask workers. It never raises for one bad document; it
returns a ``Failure`` in that document's place. Each batch also signs (MinHash) and embeds
its articles for near-duplicates and stories: per-article work belongs here, not in the
corpus steps that cluster (with a local pool the embedding model runs once, in the main
process, as batches come back: see ``analyse_stream``).

The language gate: the spaCy pipeline and every extractor are English-only, so an article
whose language is known and not English is stored and searchable (title, body, outlet,
dates, MinHash) but gets no entities, quotes, citations, events or story embedding from
the English model. An article too short to tell is read as English.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, Iterable, Iterator

from newsgraph.annotate.nlp import annotate, annotate_one, load_pipeline
from newsgraph.corpus.stories import attach_embeddings, signature_bytes
from newsgraph.extract import extract
from newsgraph.ingest import Failure
from newsgraph.records import Article, ArticleAnalysis, RawDocument
from newsgraph.structure import structure_article
from newsgraph.timing import StageTimes

BATCH_SIZE = 8  # documents a worker task: small enough that the last tasks keep both workers busy
Result = ArticleAnalysis | Failure
MODEL_LANGUAGES = ("en",)  # what the annotate pipeline and the extractors read


def readable_by_model(article: Article) -> bool:
    """English, or too little text to tell: the articles the English model may read."""
    return article.language is None or article.language in MODEL_LANGUAGES


def _reason(stage: str, exc: BaseException) -> str:
    return f"{stage} failed: {type(exc).__name__}: {exc}"


def structure_one(raw: RawDocument, boilerplate: Any = None) -> Article | Failure:
    try:
        article = structure_article(raw, boilerplate)
    except Exception as exc:  # one bad document must not stop the run
        return Failure(raw.origin, _reason("structure", exc), raw.id)
    if not article.text.strip():
        return Failure(raw.origin, "no article text found (everything looked like boilerplate)", raw.id)
    return article


def analyse_batch(raws: list[RawDocument], boilerplate: Any = None, embed: bool = True) -> list[Result]:
    """Structure, parse (one ``nlp.pipe`` call), extract, sign and (``embed``) embed a batch of documents.

    Each analysis carries an equal share of the batch's stage times (``times``).
    """
    times = StageTimes()
    results: list[Result | None] = [None] * len(raws)
    articles: list[tuple[int, Article]] = []
    for i, raw in enumerate(raws):
        with times.timing("structure"):
            structured = structure_one(raw, boilerplate)
        if isinstance(structured, Failure):
            results[i] = structured
        elif not readable_by_model(structured):
            with times.timing("sign"):
                results[i] = ArticleAnalysis(article=structured, minhash=signature_bytes(structured.body))
        else:
            articles.append((i, structured))
    with times.timing("parse"):
        try:
            docs = list(annotate([a.text for _, a in articles]))
        except Exception:
            docs = []  # fall back to one document at a time to find the one that breaks
    for n, (i, article) in enumerate(articles):
        try:
            if docs:
                doc = docs[n]
            else:
                with times.timing("parse"):
                    doc = annotate_one(article.text)
            results[i] = analysis = extract(article, doc, times)
            with times.timing("sign"):
                analysis.minhash = signature_bytes(article.body)
        except Exception as exc:
            results[i] = Failure(article.origin, _reason("analysis", exc), article.id)
        if docs:
            docs[n] = None  # a parsed Doc is the largest thing a batch holds: free it once extracted
    analyses = [r for r in results if isinstance(r, ArticleAnalysis)]
    for analysis in analyses:
        analysis.times = times.share(len(analyses))
    done = [r for r in results if r is not None]
    if embed:
        embed_results(done)
    return done


def embed_results(results: list[Result]) -> None:
    """Attach the story embedding to a batch's analyses (one model call), its seconds shared among them."""
    analyses = [r for r in results if isinstance(r, ArticleAnalysis)]
    started = time.perf_counter()
    attach_embeddings([r for r in analyses if readable_by_model(r.article)])
    seconds = (time.perf_counter() - started) / max(len(analyses), 1)
    for analysis in analyses:
        if analysis.times is not None:
            analysis.times.embed += seconds


def analyse(raw: RawDocument, boilerplate: Any = None) -> Result:
    """One document through every per-article stage."""
    return analyse_batch([raw], boilerplate)[0]


_worker_boilerplate: Any = None


def _init_worker(boilerplate: Any, parent: int) -> None:
    global _worker_boilerplate
    _worker_boilerplate = boilerplate
    watch_parent(parent)
    load_pipeline()  # pay the model load once per worker, not per batch


PARENT_CHECK_SECONDS = 0.5


def watch_parent(parent: int) -> None:
    """Exit this worker as soon as the main process is gone (killed, even by SIGKILL).

    A worker forked from the main process holds its end of the task queue open, so it
    would never see the queue close: a daemon thread watches the parent id instead.
    """
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="newsgraph-parent-watch", daemon=True).start()


def _worker_batch(raws: list[RawDocument]) -> list[Result]:
    return analyse_batch(raws, _worker_boilerplate, embed=False)  # the main process embeds (see analyse_stream)


def batched(items: Iterable[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def default_workers() -> int:
    return max(1, min(4, (os.cpu_count() or 1)))


def analyse_stream(raws: Iterable[RawDocument], workers: int = 1, batch_size: int = BATCH_SIZE,
                   boilerplate: Any = None) -> Iterator[Result]:
    """Analyse documents in input order, with at most ``2 * workers`` batches in flight.

    Bounded in-flight work keeps memory flat however large the input stream is. With
    worker processes, the main process computes the story embeddings of each batch as it
    comes back: the ONNX session holds ~190 MiB, so one copy here costs less than one in
    every worker, and the main process, which mostly waits for results, has the time
    (one model call a batch, ~40 ms an article). On a Dask cluster the workers embed.
    """
    if workers <= 1:
        for batch in batched(raws, batch_size):
            yield from analyse_batch(batch, boilerplate)
        return
    pending: deque[tuple[list[RawDocument], Future]] = deque()
    pool = _new_pool(workers, boilerplate)
    try:
        for batch in batched(raws, batch_size):
            pending.append((batch, pool.submit(_worker_batch, batch)))
            while len(pending) >= 2 * workers:
                results, pool = _collect(pending, pool, workers, boilerplate)
                embed_results(results)
                yield from results
        while pending:
            results, pool = _collect(pending, pool, workers, boilerplate)
            embed_results(results)
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _new_pool(workers: int, boilerplate: Any) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, initializer=_init_worker, initargs=(boilerplate, os.getpid()))


def _collect(pending: deque, pool: ProcessPoolExecutor, workers: int,
             boilerplate: Any) -> tuple[list[Result], ProcessPoolExecutor]:
    """Results of the oldest batch; if a worker died, retry its batch alone, one document at a time.

    A worker can die in native code or run out of memory on one document. The pool is then
    broken for every batch in flight, so it is replaced and the in-flight batches resubmitted;
    the batch that was running is retried document by document to isolate the culprit.
    """
    batch, future = pending.popleft()
    try:
        return future.result(), pool
    except BrokenProcessPool:
        pool.shutdown(wait=False, cancel_futures=True)
    results: list[Result] = []
    for raw in batch:
        pool = _new_pool(1, boilerplate)
        try:
            results.extend(pool.submit(_worker_batch, [raw]).result())
        except BrokenProcessPool as exc:
            results.append(Failure(raw.origin, _reason("worker", exc) + " (the process died on this document)",
                                   raw.id))
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
    pool = _new_pool(workers, boilerplate)
    for i, (other, _) in enumerate(list(pending)):
        pending[i] = (other, pool.submit(_worker_batch, other))
    return results, pool
