"""Per-article work on a Dask cluster: the same ``analyse_batch``, on other machines.

``--cluster tcp://scheduler:8786`` sends batches to a running ``dask.distributed``
scheduler; ``--cluster local:N`` starts a LocalCluster of N single-threaded worker
processes on this machine. Results stream back in input order and the client writes
them, one transaction an article, exactly as with the local process pool.

Memory stays bounded: at most ``2 × workers`` batches are in flight, whatever the input
size. A worker that dies has its batch rescheduled by the scheduler; a batch that kills
workers repeatedly (``KilledWorker``) is retried one document at a time, so the culprit
fails with its own reason and the rest of the batch is stored.
"""

from __future__ import annotations

from collections import deque
from contextlib import contextmanager
from typing import Any, Iterable, Iterator

from newsgraph.ingest import Failure
from newsgraph.pipeline import BATCH_SIZE, Result, analyse_batch, batched
from newsgraph.records import RawDocument

RETRIES = 2  # extra tries a batch gets on another worker after an error there


def _distributed():
    try:
        import distributed
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise RuntimeError("a Dask cluster needs dask.distributed: pip install 'newsgraph[scale]'") from exc
    return distributed


def parse_address(address: str) -> tuple[str, int | None]:
    """("local", N) for ``local:N``, or (the scheduler address, None)."""
    if address.startswith("local"):
        _, _, n = address.partition(":")
        if not n:
            return "local", 2
        if not n.isdigit() or int(n) < 1:
            raise ValueError(f"--cluster {address}: expected local:N with N ≥ 1 workers")
        return "local", int(n)
    if "://" not in address:
        raise ValueError(f"--cluster {address}: expected tcp://host:port or local:N")
    return address, None


@contextmanager
def cluster_client(address: str) -> Iterator[Any]:
    """A ``distributed.Client`` for the address, with its LocalCluster if it started one."""
    distributed = _distributed()
    where, workers = parse_address(address)
    if where == "local":
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           dashboard_address=None, silence_logs=40)
        client = distributed.Client(cluster)
        try:
            yield client
        finally:
            client.close()
            cluster.close()
    else:
        client = distributed.Client(where, timeout="30s")
        try:
            yield client
        finally:
            client.close()


def worker_count(client: Any) -> int:
    return max(1, len(client.scheduler_info().get("workers", {})))


def analyse_on_cluster(raws: Iterable[RawDocument], client: Any, batch_size: int = BATCH_SIZE,
                       boilerplate: Any = None) -> Iterator[Result]:
    """Analyse documents on the cluster's workers, yielding results in input order."""
    distributed = _distributed()
    shared = client.scatter(boilerplate, broadcast=True) if boilerplate is not None else None
    in_flight = 2 * worker_count(client)
    pending: deque[tuple[list[RawDocument], Any]] = deque()
    for batch in batched(raws, batch_size):
        pending.append((batch, client.submit(analyse_batch, batch, shared, retries=RETRIES, pure=False)))
        while len(pending) >= in_flight:
            yield from _collect(pending.popleft(), client, shared, distributed)
    while pending:
        yield from _collect(pending.popleft(), client, shared, distributed)


def _collect(item: tuple[list[RawDocument], Any], client: Any, shared: Any, distributed: Any) -> list[Result]:
    batch, future = item
    try:
        return future.result()
    except distributed.KilledWorker:
        pass  # the batch took a worker down more than once: find the document that does it
    except Exception as exc:  # the batch raised on every try: say so for each document
        return [Failure(raw.origin, f"cluster failed: {type(exc).__name__}: {exc}") for raw in batch]
    results: list[Result] = []
    for raw in batch:
        try:
            results.extend(client.submit(analyse_batch, [raw], shared, pure=False).result())
        except distributed.KilledWorker as exc:
            results.append(Failure(raw.origin, f"worker died on this document ({exc})"))
        except Exception as exc:
            results.append(Failure(raw.origin, f"cluster failed: {type(exc).__name__}: {exc}"))
    return results
