"""Score a stream of Records with N processes, writing exactly one row per record, resumably.

Why it is built this way:
- **Order is kept.** Rows come out in input order (a bounded window of futures, resolved head
  first), so two runs over the same input give the same file and a diff means a changed verdict.
  A slow page delays the writer by at most its budget: past it, its worker is killed and replaced
  (``detector.budget``), even inside C code.
- **Memory stays flat.** At most ``window`` records are in flight; inputs are generators.
- **One row per record, always.** A page that cannot be read, or that trips a bug, becomes an error
  row (``id, url, origin, error``); so does a page past its time or memory budget, or one whose
  worker died.
- **Resumable, never overwritten.** Rows are appended and flushed one by one; ``resume`` reads the
  ids already written, drops a half-written last line (a killed run), refuses a file damaged in the
  middle, and skips those ids. An output that holds results is replaced only with ``force``. Parquet, a whole-file format,
  is assembled from a JSONL side file at the end and renamed into place atomically; the side file
  is what a resumed Parquet run continues from.
"""

from __future__ import annotations

import csv
import io
import json
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import Any, BinaryIO, Protocol, TextIO

from . import rows
from .budget import Budget, WorkerPool
from .errors import OutputError, OutputRefused
from .files import atomic_write, is_special
from .inputs import Record
from .rows import FLAT_COLUMNS, flat_row

Row = dict[str, Any]


# --------------------------------------------------------------------------------------------------
# Rows


def verdict_row(record: Record, result: Any) -> Row:
    """The row of a scored page (``detector.rows``); the url is where the page was found, else what it says of itself."""
    return rows.result_row(result, id=record.id, origin=record.origin, url=record.url)


def error_row(record: Record, error: str) -> Row:
    return rows.error_row(record.id, record.url, record.origin, error)


def score_record(detector: Any, record: Record) -> Row:
    """Score one record; never raises for a bad page (the error row says what went wrong)."""
    return _scored(detector, record, False)[0]


def _scored(detector: Any, record: Record, prints: bool) -> tuple[Row, dict | None]:
    """The row of one record and, with ``prints``, its page's cross-check print as JSON
    (``detector.crosscheck.Print``; None for an error row or a page too short to match)."""
    from .reading import ReadError

    if record.error is not None or record.content is None:
        return error_row(record, record.error or "no content"), None
    try:
        if not prints:
            return verdict_row(record, detector.score(record.content, record.url, kind=record.kind)), None
        from .crosscheck import fingerprint

        result, page = detector.scored_page(record.content, record.url, kind=record.kind)
        row = verdict_row(record, result)

        p = fingerprint(page, result, id=record.id, url=row["url"])
        return row, p.to_json() if p is not None else None
    except ReadError as exc:
        return error_row(record, str(exc)), None
    except MemoryError:
        raise  # past the memory cap: the worker says so, and is replaced (see detector.budget)
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop a crawl; the row names the bug
        return error_row(record, f"internal error: {type(exc).__name__}: {exc}"), None


# --------------------------------------------------------------------------------------------------
# Scoring, in process or in a pool

def score_stream(records: Iterable[Record], detector_factory: Callable[[], Any], *, jobs: int = 1,
                 window: int | None = None, detector: Any = None, budget: Budget | None = None) -> Iterator[Row]:
    """Rows for ``records``, in input order. ``detector_factory`` must be picklable (e.g. a
    ``functools.partial(Detector, model_path=...)``) when pages are scored in worker processes:
    always with a ``budget`` (``detector.budget``: the only way to stop a page stuck in C code), and
    when ``jobs`` > 1. Without a budget, a single record or ``jobs`` = 1 is scored in this process
    (``detector`` reuses an instance the caller already built)."""
    for row, _ in score_prints(records, detector_factory, jobs=jobs, window=window, detector=detector,
                               budget=budget, prints=False):
        yield row


def score_prints(records: Iterable[Record], detector_factory: Callable[[], Any], *, jobs: int = 1,
                 window: int | None = None, detector: Any = None, budget: Budget | None = None,
                 prints: bool = True) -> Iterator[tuple[Row, dict | None]]:
    """``score_stream``'s rows, each with its page's cross-check print (JSON), made in the worker
    that read the page: the batch cross-check never parses a page twice."""
    records = iter(records)
    head = list(islice(records, 2))
    stream = chain(head, records)
    if budget is None and (jobs <= 1 or len(head) < 2):
        local = detector if detector is not None else detector_factory()
        yield from (_scored(local, r, prints) for r in stream)
        return
    jobs = jobs if len(head) > 1 else 1
    window = window or jobs * 8
    pool = WorkerPool(detector_factory, budget or Budget(None, None), size=jobs)
    threads = ThreadPoolExecutor(jobs)
    pending: deque[Future | tuple[Row, None]] = deque()
    try:
        for record in stream:
            pending.append((error_row(record, record.error), None) if record.error
                           else threads.submit(_score_in, pool, record, prints))
            if len(pending) >= window:
                yield _resolve(pending.popleft())
        while pending:
            yield _resolve(pending.popleft())
    finally:
        threads.shutdown(wait=True, cancel_futures=True)
        pool.close()


def _score_in(pool: WorkerPool, record: Record, prints: bool) -> tuple[Row, dict | None]:
    """The row (and print) of ``record`` scored in a worker; past the budget, an error row that names it."""
    from .reading import BudgetError

    try:
        return pool.call(_scored, record, prints)
    except BudgetError as exc:
        return error_row(record, str(exc)), None


def _resolve(item: Future | tuple[Row, dict | None]) -> tuple[Row, dict | None]:
    return item.result() if isinstance(item, Future) else item


# --------------------------------------------------------------------------------------------------
# Writers: JSONL (nested rows), CSV and Parquet (flat rows)


class Writer(Protocol):
    done: set[str]

    def write(self, row: Row) -> None: ...

    def close(self) -> None: ...


def _jsonl_rows(fh: BinaryIO) -> Iterator[tuple[bytes, bool]]:
    """(line, complete) per line: complete when it ends with a newline."""
    for line in fh:
        yield line, line.endswith(b"\n")


def _csv_rows(fh: BinaryIO) -> Iterator[tuple[bytes, bool]]:
    """(record, complete) per CSV record: a quoted value may hold newlines, so a record ends at a
    newline outside quotes (an even count of quote characters so far)."""
    record = b""
    for line in fh:
        record += line
        if record.count(b'"') % 2 == 0 and record.endswith(b"\n"):
            yield record, True
            record = b""
    if record:
        yield record, False


def _recover(path: Path, rows: Callable[[BinaryIO], Iterator[tuple[bytes, bool]]],
             row_id: Callable[[bytes], str], *, skip: int = 0) -> set[str]:
    """Ids of the rows in ``path`` (after ``skip`` header rows). A last row without its newline was
    half-written by a killed run: it is cut off and re-scored. A complete row that cannot be read is
    damage, not a kill: resuming would drop it (and, before this check, everything after it), so
    it is refused with its line number."""
    done: set[str] = set()
    good = lineno = 0
    with open(path, "rb+") as fh:
        for n, (raw, complete) in enumerate(rows(fh)):
            lineno += 1
            if not complete:
                break
            if n >= skip:
                try:
                    done.add(row_id(raw))
                except (ValueError, KeyError, IndexError, TypeError, csv.Error) as exc:
                    raise OutputError(f"cannot resume {path}: line {lineno} is not a result row ({exc}); "
                                     f"repair or remove that line, or write to a new file") from None
            good += len(raw)
            lineno += raw.count(b"\n") - 1
        fh.truncate(good)
    return done


def _json_id(line: bytes) -> str:
    return str(json.loads(line)["id"])


def _csv_id(columns: int) -> Callable[[bytes], str]:
    """The id of a CSV record that has all ``columns`` (a row cut short is damage, not a row)."""
    def row_id(record: bytes) -> str:
        values = next(csv.reader(io.StringIO(record.decode("utf-8"), newline="")))
        if len(values) != columns:
            raise ValueError(f"{len(values)} columns, not {columns}")
        return values[0]
    return row_id


def _check_target(path: Path, side: Path | None, *, resume: bool, force: bool) -> None:
    """Refuse to replace results (a non-empty file, or a Parquet run's side file) unless asked to."""
    if is_special(path):
        if resume:
            raise OutputRefused(f"cannot resume {path}: not a regular file")
        return
    held = [p for p in (path, side) if p is not None and p.is_file() and p.stat().st_size > 0]
    if held and not resume and not force:
        raise OutputRefused(f"{held[0]} already holds results: --resume continues it, --force replaces it")


class JsonlWriter:
    """One JSON object per line, flushed per row (a killed run loses at most the line being written).
    A symlink is written through and a device (``/dev/stdout``) written to: never replaced."""

    def __init__(self, path: str | Path, *, resume: bool = False, fresh: bool = False) -> None:
        """``fresh``: create the file, failing if anything (a planted symlink) appeared at its name."""
        path = Path(path)
        self.done = _recover(path, _jsonl_rows, _json_id) if resume and path.is_file() else set()
        self.fh = open(path, "a" if resume else "x" if fresh else "w", encoding="utf-8")

    def write(self, row: Row) -> None:
        self.fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.fh.flush()

    def close(self) -> None:
        self.fh.close()


class CsvWriter:
    """Flat rows as CSV, to a file or a stream (stdout). Values keep their newlines inside quotes
    (standard CSV), so an id with a newline is the same id when ``resume`` reads it back."""

    def __init__(self, fh: TextIO, signal_names: Iterable[str], *, header: bool = True,
                 done: set[str] | None = None) -> None:
        self.fh, self.signal_names, self.done = fh, list(signal_names), done or set()
        self.writer = csv.DictWriter(fh, [*FLAT_COLUMNS, *self.signal_names], lineterminator="\n")
        if header:
            self.writer.writeheader()

    @classmethod
    def to_file(cls, path: str | Path, signal_names: Iterable[str], *, resume: bool = False) -> CsvWriter:
        path, names = Path(path), list(signal_names)
        if not (resume and path.is_file() and path.stat().st_size > 0):
            return cls(open(path, "w", encoding="utf-8", newline=""), names)
        with open(path, encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh), [])
        if header != [*FLAT_COLUMNS, *names]:
            raise OutputError(f"cannot resume {path}: its columns differ from this detector's "
                             f"(written by another version?); write to a new file")
        done = _recover(path, _csv_rows, _csv_id(len(header)), skip=1)
        return cls(open(path, "a", encoding="utf-8", newline=""), names, header=False, done=done)

    def write(self, row: Row) -> None:
        self.writer.writerow(flat_row(row, self.signal_names))
        self.fh.flush()

    def close(self) -> None:
        if self.fh not in (sys.stdout, sys.__stdout__):
            self.fh.close()


def _side_writer(side: Path, resume: bool) -> JsonlWriter:
    """The JSONL side file of a whole-file output: continued with ``resume``, else made anew (a side
    file of our own making: whatever sits at its predictable name goes, never followed)."""
    if not resume:
        side.unlink(missing_ok=True)
    return JsonlWriter(side, resume=resume, fresh=not resume)


class ParquetWriter:
    """Flat rows go to a JSONL side file (``OUT.partial.jsonl``, flushed per row, resumable); at the
    end they are streamed into Parquet row groups in a temporary file that is renamed into place."""

    ROW_GROUP = 10_000

    def __init__(self, path: str | Path, signal_names: Iterable[str], *, resume: bool = False) -> None:
        self.path = Path(path)
        self.side = self.side_file(self.path)
        self.signal_names = list(signal_names)
        self.schema = rows.arrow_schema(self.signal_names)
        if resume and not self.side.exists() and self.path.is_file():
            self._seed_side_file()
        self.side_writer = _side_writer(self.side, resume)
        self.done = self.side_writer.done

    @staticmethod
    def side_file(path: Path) -> Path:
        return path.with_name(path.name + ".partial.jsonl")

    def _seed_side_file(self) -> None:
        """Resuming a finished Parquet file: its rows become the side file's first lines."""
        import pyarrow.parquet as pq

        with open(self.side, "w", encoding="utf-8") as fh:
            for batch in pq.ParquetFile(self.path).iter_batches():
                for row in batch.to_pylist():
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")

    def write(self, row: Row) -> None:
        self.side_writer.write(flat_row(row, self.signal_names))

    def close(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.side_writer.close()

        def write(tmp: Path) -> None:
            with open(self.side, encoding="utf-8") as fh, pq.ParquetWriter(tmp, self.schema) as out:
                lines = (json.loads(line) for line in fh)
                while chunk := list(islice(lines, self.ROW_GROUP)):
                    out.write_table(pa.Table.from_pylist(chunk, schema=self.schema))

        atomic_write(self.path, write)
        self.side.unlink()


class CrosscheckWriter:
    """Cross-checked rows: each scored row goes, with its page's print, to a side file
    (``OUT.crosscheck.jsonl``, flushed per row, what ``resume`` continues); ``finish`` cross-checks
    the whole batch (``detector.crosscheck.amended_rows``) and writes ``out`` in one go, through a
    temporary file renamed into place, then drops the side file. Spilled to disk rather than held:
    memory stays the prints' band keys (and no page is parsed twice, as a second pass would).
    Resuming a finished run (no side file) continues it as a plain run: its pages' prints are gone,
    so pages added then are appended without a cross-check (``--force`` redoes the whole batch)."""

    def __init__(self, path: str | Path, *, resume: bool = False) -> None:
        self.path = Path(path)
        self.side = self.side_file(self.path)
        self.side_writer: JsonlWriter | None = None
        self.plain: Writer | None = None
        self.plain_written = False
        if resume and not self.side.exists() and self.path.is_file() and self.path.stat().st_size > 0:
            self.plain = open_writer(self.path, resume=True)
            self.done = self.plain.done
            return
        self.side_writer = _side_writer(self.side, resume)
        self.done = self.side_writer.done

    @staticmethod
    def side_file(path: Path) -> Path:
        return path.with_name(path.name + ".crosscheck.jsonl")

    def write(self, row: Row, print_: dict | None = None) -> None:
        if self.plain is not None:
            if not self.plain_written:
                print(f"detector: {self.path} was finished: pages added to it are not cross-checked "
                      f"(--force cross-checks the whole batch again)", file=sys.stderr)
            self.plain_written = True
            self.plain.write(row)
        else:
            self.side_writer.write({"id": row["id"], "row": row, "print": print_})

    def finish(self) -> None:
        """Cross-check and write ``out`` (a finished run that was resumed is only closed)."""
        from .crosscheck import amended_rows

        if self.side_writer is None:
            return
        self.side_writer.close()

        def spilled() -> Iterator[tuple[Row, dict | None]]:
            with open(self.side, encoding="utf-8") as fh:
                for line in fh:
                    data = json.loads(line)
                    yield data["row"], data["print"]

        fmt = format_of(self.path)
        if fmt == "parquet":
            _write_all(ParquetWriter(self.path, _feature_names()), amended_rows(spilled))
        else:
            def write(tmp: Path) -> None:
                out = JsonlWriter(tmp) if fmt == "jsonl" else CsvWriter.to_file(tmp, _feature_names())
                _write_all(out, amended_rows(spilled))

            atomic_write(self.path, write)
        self.side.unlink()

    def close(self) -> None:
        for writer in (self.side_writer, self.plain):
            if writer is not None:
                writer.close()


def _write_all(writer: Writer, rows: Iterable[Row]) -> None:
    try:
        for row in rows:
            writer.write(row)
    finally:
        writer.close()


def _feature_names() -> list[str]:
    from .features import FEATURE_NAMES

    return list(FEATURE_NAMES)


def crosschecked(pairs: Iterable[tuple[Row, dict | None]]) -> Iterator[Row]:
    """Rows cross-checked as one batch, for a stream (stdout): the pairs wait in a temporary file
    until the last one, then come out amended (``CrosscheckWriter`` does the same for ``-o``)."""
    import tempfile

    from .crosscheck import amended_rows

    with tempfile.TemporaryFile("w+", encoding="utf-8", prefix="detector-rows-") as fh:
        for row, print_ in pairs:
            fh.write(json.dumps([row, print_], ensure_ascii=False) + "\n")

        def spilled() -> Iterator[tuple[Row, dict | None]]:
            fh.seek(0)
            for line in fh:
                row, print_ = json.loads(line)
                yield row, print_

        yield from amended_rows(spilled)


FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}
"""Output file suffix -> format."""


def format_of(out: str | Path) -> str | None:
    """The format ``out``'s suffix asks for; None when it names none."""
    return FORMATS.get(Path(out).suffix.lower())


def check_output(out: str | Path, *, resume: bool = False, force: bool = False, crosscheck: bool = False) -> None:
    """Raise ``OutputRefused`` for an output that cannot be written as asked: an unknown format, a
    file that already holds results (unless ``resume`` continues it or ``force`` replaces it: a
    rerun must never silently turn 1,300 rows into 325), or a device given for a whole-file format."""
    out = Path(out)
    fmt = format_of(out)
    if fmt is None:
        raise OutputRefused(f"unknown output format {out.suffix or '(no extension)'}: use .jsonl (one JSON row per "
                            f"line), .csv or .parquet")
    parquet = fmt == "parquet"
    if parquet and is_special(out):
        raise OutputRefused(f"{out}: Parquet is written as a whole file; give a regular file, not a device or FIFO")
    _check_target(out, ParquetWriter.side_file(out) if parquet else None, resume=resume, force=force)
    if crosscheck:
        _check_target(out, CrosscheckWriter.side_file(out), resume=resume, force=force)


def open_writer(out: str | Path, *, resume: bool = False, force: bool = False, crosscheck: bool = False) -> Writer:
    """The writer for ``out``'s extension: .jsonl/.ndjson (default), .csv or .parquet (``check_output``
    first); with ``crosscheck``, a ``CrosscheckWriter`` that writes that format when the batch is done."""
    check_output(out, resume=resume, force=force, crosscheck=crosscheck)
    fmt = format_of(out)
    if crosscheck:
        return CrosscheckWriter(out, resume=resume)
    if fmt == "jsonl":
        return JsonlWriter(out, resume=resume)
    if fmt == "csv":
        return CsvWriter.to_file(out, _feature_names(), resume=resume)
    return ParquetWriter(out, _feature_names(), resume=resume)  # without pyarrow: ImportError, which the CLI names


# --------------------------------------------------------------------------------------------------
# The run


@dataclass
class Summary:
    scored: int = 0
    failed: int = 0
    skipped: int = 0


@contextmanager
def _uninterrupted() -> Iterator[None]:
    """Ctrl-C waits while a row is written and counted, then lands: the message's count is the file's rows.
    (Between the write and the count, it made the message one row short.) Only the main thread gets SIGINT."""
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class Interrupted(KeyboardInterrupt):
    """Ctrl-C during ``run``, with how many new rows had reached the output: counted with each write
    (``_uninterrupted``), not in ``on_row``, where an interrupt between the two made the message one row short."""

    def __init__(self, rows: int) -> None:
        super().__init__(rows)
        self.rows = rows


def run(records: Iterable[Record], detector_factory: Callable[[], Any], out: str | Path, *, jobs: int = 1,
        resume: bool = False, force: bool = False, progress: bool = True, detector: Any = None,
        budget: Budget | None = None, crosscheck: bool = False,
        on_row: Callable[[Row], None] | None = None, total: Callable[[], int | None] | None = None) -> Summary:
    """Score ``records`` into ``out`` (format by extension); returns what was done.

    ``progress`` shows a tqdm bar (pages/s) when stderr is a terminal; ``total`` counts the records
    (e.g. ``inputs.count_records``) for its ETA. It is called only when the bar shows, in a thread,
    so a long count never delays the first pages. ``on_row`` sees every new row (the CLI uses it to
    report failed inputs on stderr). ``resume`` continues ``out``, ``force`` replaces it; without
    either an ``out`` that holds results raises ``OutputRefused``. ``budget``: see ``score_stream``.
    ``crosscheck``: find the pages that copy each other in the batch (``CrosscheckWriter``); ``out``
    is then written when the last page is scored (``on_row`` still sees each row as it is scored,
    before the cross-check).
    """
    writer = open_writer(out, resume=resume, force=force, crosscheck=crosscheck)
    summary = Summary()

    def todo() -> Iterator[Record]:
        for record in records:
            if record.id in writer.done:
                summary.skipped += 1
            else:
                yield record

    bar = _progress_bar(progress)
    if bar is not None and total is not None:
        threading.Thread(target=_set_total, args=(bar, total, len(writer.done)), daemon=True).start()
    try:
        for row, print_ in score_prints(todo(), detector_factory, jobs=jobs, detector=detector, budget=budget,
                                        prints=crosscheck):
            with _uninterrupted():
                if crosscheck:
                    writer.write(row, print_)
                else:
                    writer.write(row)
                if row.get("error"):
                    summary.failed += 1
                else:
                    summary.scored += 1
            if on_row is not None:
                # An error row is usually reported on stderr: clear the bar around it, not under it.
                with bar.external_write_mode() if bar is not None and row.get("error") else nullcontext():
                    on_row(row)
            if bar is not None:
                bar.update(1)
        if isinstance(writer, CrosscheckWriter):
            writer.finish()
    except KeyboardInterrupt:
        raise Interrupted(summary.scored + summary.failed) from None
    finally:
        if bar is not None:
            bar.close()
        writer.close()
    return summary


def _set_total(bar: Any, count: Callable[[], int | None], done: int) -> None:
    try:
        n = count()
    except Exception:  # noqa: BLE001 - a bar without its total is no reason to disturb the run
        return
    if n is not None and not bar.disable:
        bar.total = max(n - done, bar.n)  # resumed: the ids already written are not redone
        bar.refresh()


def _progress_bar(enabled: bool):
    if not enabled or not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(unit="page", dynamic_ncols=True, smoothing=0.1)


__all__ = ["OutputError", "OutputRefused", "check_output", "CrosscheckWriter", "JsonlWriter", "crosschecked", "CsvWriter", "ParquetWriter", "Summary", "error_row", "open_writer",
           "run", "score_prints", "score_record", "score_stream", "verdict_row"]
