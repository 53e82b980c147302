"""The hard per-page budget: time and memory that no page can escape, even inside C code.

``reading.time_budget`` (SIGALRM) stops Python code within milliseconds, but not one long C call: a
regex or an Aho-Corasick pass over a hostile megabyte holds the interpreter until it returns, and a
thread cannot interrupt it either. So pages are scored in persistent worker processes: the parent
waits up to the budget plus a grace second, then kills the worker, answers with an error that names
the budget, and starts a fresh worker. Each worker also caps its own address space (RLIMIT_AS) at
its size after loading the model plus ``memory_mb``: a page that needs more fails with MemoryError
(or the worker dies), and the error names the cap. A worker serves page after page, so the cost
per page is one pipe round trip, not a process start.
"""

from __future__ import annotations

import bisect
import itertools
import multiprocessing
import os
import resource
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from .errors import BudgetError, DetectorError

GRACE_SECONDS = 0.25
"""How long past its time budget a page may run before its worker is killed: the SIGALRM budget
inside the worker normally ends it first, with the same message. Kept short because every part of
it is time a user waits; a worker killed for want of grace costs only its replacement (50-70 ms)."""
DEFAULT_MAX_MEMORY_MB = 300
"""Address space a worker may add to what it holds after loading the model, for one page."""


@dataclass(frozen=True)
class Budget:
    """Per page: ``seconds`` of wall-clock time (None: no limit) and ``memory_mb`` of address space
    above the worker's baseline (None: no cap)."""

    seconds: float | None
    memory_mb: int | None = DEFAULT_MAX_MEMORY_MB

    def time_message(self) -> str:
        return (f"page took longer than the {self.seconds:g} s time budget to read and score (--max-parse-seconds); "
                "its worker was stopped")

    def memory_message(self) -> str:
        return f"page needed more than the {self.memory_mb} MB memory cap (--max-memory-mb); its worker was replaced"

    def death_message(self) -> str:
        cap = f"past the {self.memory_mb} MB memory cap (--max-memory-mb) or " if self.memory_mb else ""
        return f"the worker scoring this page died ({cap}a crash in C code); it was replaced"


def _worker_main(conn: Any, factory: Callable[[], Any], memory_mb: int | None) -> None:
    """A worker process: build the Detector once, cap the address space, then answer calls until EOF.

    Ctrl-C is the parent's to handle (it says how far the run got); a parent that died, even by
    ``kill -9``, closes the pipe, and the EOF ends the worker."""
    from threadpoolctl import threadpool_limits

    signal.signal(signal.SIGINT, signal.SIG_IGN)

    threadpool_limits(limits=1)  # one thread per worker: the workers already use the cores
    try:
        detector = factory()
    except Exception as exc:  # noqa: BLE001 - the parent shows it; a worker that cannot start is fatal
        conn.send(("failed", exc))
        return
    if memory_mb is not None:
        limit = _address_space() + memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, resource.getrlimit(resource.RLIMIT_AS)[1]))
    conn.send(("ready", None))
    trim = _malloc_trim()
    while True:
        try:
            func, args, kwargs = conn.recv()
        except EOFError:
            return
        try:
            conn.send(("ok", func(detector, *args, **kwargs)))
            trim()
        except MemoryError:
            conn.send(("memory", None))
            return  # a process that ran out of memory may be in any state: the parent starts another
        except Exception as exc:  # noqa: BLE001 - the caller's exception, raised again in the parent
            conn.send(("raised", exc))


def _malloc_trim() -> Callable[[], Any]:
    """glibc's ``malloc_trim(0)``, which a worker calls after each page, once the parent has its
    answer: a page's tree is freed in scattered pieces that the heap keeps resident, so a worker
    otherwise stays at the size of the largest page it has read, and two workers can both sit
    there while a third page is being read. About 1 ms a page (measured on 400 crawl pages: 0.85
    ms). Elsewhere than glibc, nothing."""
    import ctypes
    from functools import partial

    try:
        return partial(ctypes.CDLL(None).malloc_trim, 0)
    except (OSError, AttributeError):
        return lambda: None


def _address_space() -> int:
    """This process's virtual size in bytes (what RLIMIT_AS limits)."""
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[0]) * resource.getpagesize()


def worker_context() -> multiprocessing.context.BaseContext:
    """Workers start from a fresh process, never a fork of this one: a fork taken after OpenMP has
    run here (scikit-learn's trees use it) deadlocks in the child."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    # The fork server imports the scoring code once and warms it (no model, no OpenMP run there), so
    # that a worker that replaces a killed one starts in milliseconds instead of re-importing for a
    # second or more, and no worker's first page pays for compiling patterns (``detector.preload``).
    context.set_forkserver_preload(["detector.api", "detector.preload"])
    return context


def start_fork_server() -> None:
    """Start the fork server now, without waiting for it: it imports the scoring code while this
    process parses its arguments and opens its inputs, instead of after (the command's start-up is
    part of the time a user waits on a page past its budget)."""
    if worker_context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        # Neither the fork server nor its workers write to stdout: started holding it, they kept a
        # pipe reading the command (`detector score … | jq`) open until the fork server had exited too.
        sys.stdout.flush()
        saved, devnull = os.dup(1), os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 1)
            forkserver.ensure_running()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
            os.close(devnull)


_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter


def hand_on_pages() -> None:
    """Make this process, which only hands pages to its workers, give back each page's memory when
    it frees it. glibc serves allocations from 128 KB with mmap, returned on free, until one such
    block is freed: then the threshold rises to its size (up to 32 MB), later pages come from the
    heap, and the heap's holes stay resident. With a crawl's pages of 1-6 MB (their JSON text and
    the pickles sent down the pipe) the parent of ``score --jobs 2`` reached 77 MB RSS on 2,000
    pages, 45 MB with the threshold held. Only here: a worker's many large parse buffers would each
    cost an mmap and its page faults. Elsewhere than glibc this does nothing."""
    import ctypes

    try:
        ctypes.CDLL(None).mallopt(_M_MMAP_THRESHOLD, 128 * 1024)
    except (OSError, AttributeError):
        pass


def new_detector(*args: Any, **kwargs: Any) -> Any:
    """``Detector(*args, **kwargs)``, imported where it is built: a picklable factory (with
    ``functools.partial``) that lets a parent process hand the model to its workers without
    importing the scoring code itself."""
    from .api import Detector

    return Detector(*args, **kwargs)


class WorkerError(DetectorError, RuntimeError):
    """A worker could not start (e.g. the model does not load): the run cannot go on."""


class Worker:
    """One persistent scoring process; ``call`` runs one function on its Detector within the budget."""

    def __init__(self, factory: Callable[[], Any], budget: Budget, context: multiprocessing.context.BaseContext) -> None:
        self.factory, self.budget, self.context = factory, budget, context
        self.process: Any = None
        self.conn: Any = None

    def start(self) -> None:
        self.conn, child = self.context.Pipe()
        self.process = self.context.Process(target=_worker_main, args=(child, self.factory, self.budget.memory_mb),
                                            daemon=True)
        self.process.start()
        child.close()
        try:
            status, value = self.conn.recv()
        except EOFError:
            status, value = "failed", f"exit code {self.process.exitcode}"
        if status != "ready":
            self.stop()
            cause = value if isinstance(value, BaseException) else None  # e.g. the ModelError, for one line
            raise WorkerError(f"a scoring worker could not start: {value}") from cause

    def call(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``func(detector, *args, **kwargs)`` in the worker. Raises what it raised, or ``BudgetError`` when the
        page ran past the time budget or the memory cap (the worker is then replaced)."""
        if self.process is None or not self.process.is_alive():
            self.start()
        try:
            self.conn.send((func, args, kwargs))
        except OSError:  # the worker died since its last page: a fresh one takes this one
            self.stop()
            self.start()
            self.conn.send((func, args, kwargs))
        timeout = None if self.budget.seconds is None else self.budget.seconds + GRACE_SECONDS
        if not self.conn.poll(timeout):
            self.stop()
            raise BudgetError(self.budget.time_message())
        try:
            status, value = self.conn.recv()
        except EOFError:  # killed by the kernel (out of memory) or crashed in C
            self.stop()
            raise BudgetError(self.budget.death_message()) from None
        if status == "memory":
            self.stop()
            raise BudgetError(self.budget.memory_message())
        if status == "raised":
            raise value
        return value

    def stop(self) -> None:
        if self.process is not None and self.process.pid is not None:  # started
            self.process.kill()
            self.process.join()
        if self.conn is not None:
            self.conn.close()
        self.process = self.conn = None


SMALL_PAGE_BYTES = 256 * 1024
"""A page up to this size is "of normal size" for the pools' lanes: nine in ten pages of the shared
corpus are (median 85 KB), and a page this small is read and scored in about two seconds at worst
(a 256 KB ``a<br>`` page, the slowest kind seen)."""


class _Lanes:
    """Admission and order for calls on ``slots`` (workers, or seats on one Detector).

    A flood must not hold memory or threads, nor keep a normal page waiting behind hostile ones:
    - calls wait smallest first (``cost``: the page's size), so a normal page goes ahead of big ones;
    - calls costing more than ``small_bytes`` may hold at most ``len(slots) - reserved`` slots, so
      ``reserved`` slots are always left to pages of normal size;
    - each class admits only as many calls as it may run plus ``queue_limit`` waiting (None: no
      limit); past that ``Busy`` at once, so that a flood of big pages never turns small ones away.
    A steady stream of small pages can keep a big one waiting; the queue limit still bounds them all.
    """

    def __init__(self, slots: list[Any], queue_limit: int | None, *, reserved: int = 0,
                 small_bytes: int = SMALL_PAGE_BYTES) -> None:
        if not 0 <= reserved < len(slots):
            raise ValueError(f"reserved must leave big pages at least one of the {len(slots)} slots, not {reserved}")
        self.idle, self.size, self.large_limit = list(slots), len(slots), len(slots) - reserved
        self.queue_limit, self.small_bytes = queue_limit, small_bytes
        self.admitted = {False: 0, True: 0}  # running and waiting, per class (large or not)
        self.large_running = 0
        self.waiting: list[tuple[int, int, bool]] = []  # (cost, arrival, large), kept sorted
        self.arrivals = itertools.count()
        self.changed = threading.Condition()

    @contextmanager
    def slot(self, cost: int) -> Iterator[Any]:
        """A free slot for one call of ``cost``, when its turn comes; ``Busy`` if its class is full."""
        large = cost > self.small_bytes
        with self.changed:
            limit = None if self.queue_limit is None else (self.large_limit if large else self.size) + self.queue_limit
            if limit is not None and self.admitted[large] >= limit:
                raise Busy("busy scoring other pages; try again in a moment")
            self.admitted[large] += 1
            ticket = (cost, next(self.arrivals), large)
            bisect.insort(self.waiting, ticket)
            try:
                while self._next() != ticket:
                    self.changed.wait()
            except BaseException:  # Ctrl-C while waiting: leave the queue as it was
                self.waiting.remove(ticket)
                self.admitted[large] -= 1
                self.changed.notify_all()
                raise
            self.waiting.remove(ticket)
            slot = self.idle.pop()
            self.large_running += large
            self.changed.notify_all()  # the next in line may fit another free slot
        try:
            yield slot
        finally:
            with self.changed:
                self.idle.append(slot)
                self.large_running -= large
                self.admitted[large] -= 1
                self.changed.notify_all()

    def _next(self) -> tuple[int, int, bool] | None:
        """The waiting call that takes the next free slot: the smallest one allowed to run."""
        if not self.idle:
            return None
        return next((t for t in self.waiting if not t[2] or self.large_running < self.large_limit), None)


class WorkerPool:
    """``size`` workers shared by any number of threads, in the lanes of ``_Lanes`` (``queue_limit``,
    ``reserved``: see there)."""

    def __init__(self, factory: Callable[[], Any], budget: Budget, *, size: int = 1,
                 queue_limit: int | None = None, reserved: int = 0,
                 context: multiprocessing.context.BaseContext | None = None) -> None:
        context = context or worker_context()
        self.workers = [Worker(factory, budget, context) for _ in range(size)]
        self.lanes = _Lanes(self.workers, queue_limit, reserved=reserved)

    def call(self, func: Callable[..., Any], *args: Any, cost: int = 0, **kwargs: Any) -> Any:
        """``func(detector, *args, **kwargs)`` in a worker, in its turn for a page of ``cost`` bytes
        (see ``Worker.call``)."""
        with self.lanes.slot(cost) as worker:
            return worker.call(func, *args, **kwargs)

    def start(self) -> None:
        """Start every worker now (a model that does not load fails here, not on the first page)."""
        for worker in self.workers:
            worker.start()

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()


class LocalPool:
    """The same calls on a Detector in this process, in the same lanes, but only the soft time
    budget (``reading.time_budget``): for library callers that hand over a Detector, not a factory."""

    def __init__(self, detector: Any, *, size: int = 1, queue_limit: int | None = None, reserved: int = 0) -> None:
        self.detector = detector
        self.lanes = _Lanes([detector] * size, queue_limit, reserved=reserved)

    def call(self, func: Callable[..., Any], *args: Any, cost: int = 0, **kwargs: Any) -> Any:
        with self.lanes.slot(cost) as detector:
            return func(detector, *args, **kwargs)

    def start(self) -> None:
        pass  # the Detector is built already

    def close(self) -> None:
        pass


def in_order(func: Callable[[Any], Any], items: Iterable[Any], threads: int) -> Iterator[Any]:
    """``func`` of each item, run in ``threads`` threads (each waiting on a worker of a pool), yielded
    in input order with at most 4 x ``threads`` items in flight, so that memory stays flat."""
    if threads <= 1:
        yield from map(func, items)
        return
    pending: deque[Future[Any]] = deque()
    with ThreadPoolExecutor(threads) as executor:
        try:
            for item in items:
                pending.append(executor.submit(func, item))
                if len(pending) >= 4 * threads:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:
            for future in pending:
                future.cancel()


class Busy(DetectorError, RuntimeError):
    """Every worker is busy and the queue is full."""


__all__ = ["Budget", "Busy", "DEFAULT_MAX_MEMORY_MB", "LocalPool", "SMALL_PAGE_BYTES", "hand_on_pages", "in_order", "new_detector", "start_fork_server", "WorkerError", "WorkerPool", "worker_context"]
