"""Where an ingest run spends its time: seconds per stage, always on, summed over a run.

A profiler is too heavy to leave on and too detailed to read; a handful of
``perf_counter`` calls a batch cost nothing. Workers time their stages and send the
record back with their results (each article of a batch carries an equal share of the
batch's time); the main process adds its own stages (reading, storing, corpus steps)
and the run's summary holds the sum (``IngestSummary.times``).
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import Iterable, Iterator, TypeVar

T = TypeVar("T")


@dataclass
class StageTimes:
    """Seconds per stage. Worker stages are summed over every worker process."""

    # in the worker processes
    structure: float = 0.0  # boilerplate, byline, dates, outlet, language
    parse: float = 0.0  # spaCy nlp.pipe over the batch
    entities: float = 0.0
    quotes: float = 0.0
    citations: float = 0.0
    events: float = 0.0
    checks: float = 0.0
    sign: float = 0.0  # MinHash signature for near-duplicates
    embed: float = 0.0  # story embeddings, a model call a batch (main process with a local pool, else the workers)
    # in the main process
    read: float = 0.0  # discovering, decoding and hashing inputs, and the boilerplate pass
    store: float = 0.0  # writing articles and their records
    stories: float = 0.0  # corpus steps, after every article is stored
    resolve: float = 0.0
    story_checks: float = 0.0

    def add(self, other: StageTimes | None) -> None:
        """Add another record's seconds to this one."""
        if other is None:
            return
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))

    def share(self, parts: int) -> StageTimes:
        """This record divided evenly among ``parts`` articles."""
        return StageTimes(**{f.name: getattr(self, f.name) / max(parts, 1) for f in fields(self)})

    def as_dict(self) -> dict[str, float]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @contextmanager
    def timing(self, stage: str) -> Iterator[None]:
        """Add the seconds the block takes to ``stage``."""
        started = time.perf_counter()
        try:
            yield
        finally:
            setattr(self, stage, getattr(self, stage) + time.perf_counter() - started)


def timed_iter(items: Iterable[T], times: StageTimes, stage: str) -> Iterator[T]:
    """Yield from ``items``, adding the time spent producing each item to ``stage``."""
    iterator = iter(items)
    while True:
        started = time.perf_counter()
        try:
            item = next(iterator)
        except StopIteration:
            setattr(times, stage, getattr(times, stage) + time.perf_counter() - started)
            return
        setattr(times, stage, getattr(times, stage) + time.perf_counter() - started)
        yield item
