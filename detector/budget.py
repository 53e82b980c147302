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

import multiprocessing
import queue
import resource
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .errors import BudgetError, DetectorError

GRACE_SECONDS = 1.0
"""How long past its time budget a page may run before its worker is killed: the SIGALRM budget
inside the worker normally ends it first, with the same message."""
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
    while True:
        try:
            func, args, kwargs = conn.recv()
        except EOFError:
            return
        try:
            conn.send(("ok", func(detector, *args, **kwargs)))
        except MemoryError:
            conn.send(("memory", None))
            return  # a process that ran out of memory may be in any state: the parent starts another
        except Exception as exc:  # noqa: BLE001 - the caller's exception, raised again in the parent
            conn.send(("raised", exc))


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
    # The fork server imports the scoring code once (no model, no OpenMP run there), so that a worker
    # that replaces a killed one starts in milliseconds instead of re-importing for a second or more.
    context.set_forkserver_preload(["detector.api"])
    return context


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
            raise WorkerError(f"a scoring worker could not start: {value}")

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


class _Seats:
    """At most ``size`` calls at once and ``queue_limit`` more waiting (None: no limit); beyond that,
    ``Busy`` at once, so that a flood of requests holds neither memory nor threads."""

    def __init__(self, size: int, queue_limit: int | None) -> None:
        self.seats = threading.BoundedSemaphore(size + queue_limit) if queue_limit is not None else None

    def _take(self) -> None:
        if self.seats is not None and not self.seats.acquire(blocking=False):
            raise Busy("busy scoring other pages; try again in a moment")

    def _give(self) -> None:
        if self.seats is not None:
            self.seats.release()


class WorkerPool(_Seats):
    """``size`` workers shared by any number of threads (see ``_Seats`` for the queue)."""

    def __init__(self, factory: Callable[[], Any], budget: Budget, *, size: int = 1,
                 queue_limit: int | None = None, context: multiprocessing.context.BaseContext | None = None) -> None:
        super().__init__(size, queue_limit)
        context = context or worker_context()
        self.workers = [Worker(factory, budget, context) for _ in range(size)]
        self.idle: queue.Queue[Worker] = queue.Queue()
        for worker in self.workers:
            self.idle.put(worker)

    def call(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``func(detector, *args, **kwargs)`` in the next free worker (see ``Worker.call``)."""
        self._take()
        try:
            worker = self.idle.get()
            try:
                return worker.call(func, *args, **kwargs)
            finally:
                self.idle.put(worker)
        finally:
            self._give()

    def start(self) -> None:
        """Start every worker now (a model that does not load fails here, not on the first page)."""
        for worker in self.workers:
            worker.start()

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()


class LocalPool(_Seats):
    """The same calls on a Detector in this process: a bounded queue, but only the soft time budget
    (``reading.time_budget``), for library callers that hand over a Detector instead of a factory."""

    def __init__(self, detector: Any, *, size: int = 1, queue_limit: int | None = None) -> None:
        super().__init__(size, queue_limit)
        self.detector, self.running = detector, threading.BoundedSemaphore(size)

    def call(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        self._take()
        try:
            with self.running:
                return func(self.detector, *args, **kwargs)
        finally:
            self._give()

    def close(self) -> None:
        pass


class Busy(DetectorError, RuntimeError):
    """Every worker is busy and the queue is full."""


__all__ = ["Budget", "Busy", "DEFAULT_MAX_MEMORY_MB", "LocalPool", "WorkerError", "WorkerPool", "worker_context"]
