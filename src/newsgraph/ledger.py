"""The bookkeeping of one ingest run: its summary, its failures, and what became of each id.

Every input unit is counted once: stored, unchanged or failed. Failures are counted at
once and written to the store in batches; a document whose content id is already in
flight waits for the first one's outcome instead of being skipped.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from newsgraph.ingest import Failure, Notice
from newsgraph.records import RawDocument
from newsgraph.store import Store
from newsgraph.timing import StageTimes


@dataclass
class IngestSummary:
    """What one run did, for the report and the exit code."""

    read: int = 0
    new: int = 0
    reanalysed: int = 0  # stored before, analysed again (--reprocess)
    unchanged: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    failures: list[Failure] = field(default_factory=list)
    warnings: list[Notice] = field(default_factory=list)
    new_ids: list[str] = field(default_factory=list)
    finished: int = 0  # articles an earlier, interrupted run stored but never grouped into stories
    stories: int = 0
    times: StageTimes = field(default_factory=StageTimes)  # seconds per stage, worker stages summed over workers
    languages: Counter[str | None] = field(default_factory=Counter)  # stored, per language (None: too short)

    @property
    def ok(self) -> bool:
        return self.failed == 0


ProgressFn = Callable[[str, object], None]


def noop(event: str, payload: object) -> None:
    return None


FAILURE_BATCH = 500  # failure rows written per transaction: one commit per row costs a disk sync


class FailureLog:
    """Failures of a run, counted at once and written to the store in batches."""

    def __init__(self, store: Store, summary: IngestSummary, on_progress: ProgressFn):
        self.store, self.summary, self.on_progress = store, summary, on_progress
        self.buffer: list[Failure] = []

    def add(self, failure: Failure) -> None:
        self.summary.failed += 1
        self.summary.failures.append(failure)
        self.buffer.append(failure)
        self.on_progress("failed", failure)
        if len(self.buffer) >= FAILURE_BATCH:
            self.flush()

    def flush(self) -> None:
        if self.buffer:
            self.store.record_failures([(f.origin, f.reason) for f in self.buffer])
            self.buffer = []


class RunLedger:
    """Which content ids this run has sent for analysis, and what became of them.

    A second document with the same id waits for the first: if the first is stored the
    second is unchanged; if the first fails, the second is analysed in its own right
    (it may differ in what made the first fail), so no input is skipped because of another.
    """

    def __init__(self) -> None:
        self.state: dict[str, str] = {}  # id -> "pending" | "stored" | "failed"
        self.waiting: dict[str, list[RawDocument]] = {}
        self.again: list[RawDocument] = []

    def admit(self, doc: RawDocument) -> str:
        """"analyse", "wait" or "unchanged" for a document just read."""
        state = self.state.get(doc.id)
        if state == "pending":
            self.waiting.setdefault(doc.id, []).append(doc)
            return "wait"
        if state == "stored":
            return "unchanged"
        self.state[doc.id] = "pending"
        return "analyse"

    def settle(self, doc_id: str | None, stored: bool) -> list[RawDocument]:
        """Record the first document's outcome; return the waiting ones now known unchanged."""
        if doc_id is None:
            return []
        self.state[doc_id] = "stored" if stored else "failed"
        waiting = self.waiting.pop(doc_id, [])
        if stored:
            return waiting
        self.again.extend(waiting)
        return []
