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
- **Resumable.** Rows are appended and flushed one by one; ``resume`` reads the ids already written,
  drops a half-written last line (a killed run) and skips those ids. Parquet, a whole-file format,
  is assembled from a JSONL side file at the end and renamed into place atomically; the side file
  is what a resumed Parquet run continues from.
"""

from __future__ import annotations

import csv
import json
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path
from typing import Any, Protocol, TextIO

from .budget import Budget, WorkerPool
from .inputs import Record

Row = dict[str, Any]
FLAT_COLUMNS = ("id", "url", "origin", "label", "probability", "reasons", "error")
"""The fixed columns of CSV/Parquet rows; one column per signal value follows them."""


class BatchError(RuntimeError):
    """The output cannot be written or resumed (e.g. written by another version with other columns)."""


# --------------------------------------------------------------------------------------------------
# Rows


def verdict_row(record: Record, result: Any) -> Row:
    """The row of a scored page: verdict, the reasons (fired signals with evidence), every signal value."""
    return {
        "id": record.id,
        "url": record.url or result.url,  # where the page was found; else what it says of itself
        "origin": record.origin,
        "label": result.label,
        "probability": round(result.probability, 4),
        "threshold": result.threshold,
        "truncated": result.truncated,
        "reasons": [s.to_dict() for s in result.reasons],
        "signals": {s.name: s.value for s in result.signals},
        "source": result.source.to_dict() if getattr(result, "source", None) else None,
        **({"matches": [m.to_dict() for m in result.matches]} if getattr(result, "matches", None) else {}),
    }


def error_row(record: Record, error: str) -> Row:
    return {"id": record.id, "url": record.url, "origin": record.origin, "error": error}


def score_record(detector: Any, record: Record) -> Row:
    """Score one record; never raises for a bad page (the error row says what went wrong)."""
    from .reading import ReadError

    if record.error is not None or record.content is None:
        return error_row(record, record.error or "no content")
    try:
        return verdict_row(record, detector.score(record.content, record.url, kind=record.kind))
    except ReadError as exc:
        return error_row(record, str(exc))
    except MemoryError:
        raise  # past the memory cap: the worker says so, and is replaced (see detector.budget)
    except Exception as exc:  # noqa: BLE001 - one bad page must not stop a crawl; the row names the bug
        return error_row(record, f"internal error: {type(exc).__name__}: {exc}")


# --------------------------------------------------------------------------------------------------
# Scoring, in process or in a pool

def score_stream(records: Iterable[Record], detector_factory: Callable[[], Any], *, jobs: int = 1,
                 window: int | None = None, detector: Any = None, budget: Budget | None = None) -> Iterator[Row]:
    """Rows for ``records``, in input order. ``detector_factory`` must be picklable (e.g. a
    ``functools.partial(Detector, model_path=...)``) when pages are scored in worker processes:
    always with a ``budget`` (``detector.budget``: the only way to stop a page stuck in C code), and
    when ``jobs`` > 1. Without a budget, a single record or ``jobs`` = 1 is scored in this process
    (``detector`` reuses an instance the caller already built)."""
    records = iter(records)
    head = list(islice(records, 2))
    stream = chain(head, records)
    if budget is None and (jobs <= 1 or len(head) < 2):
        local = detector if detector is not None else detector_factory()
        yield from (score_record(local, r) for r in stream)
        return
    jobs = jobs if len(head) > 1 else 1
    window = window or jobs * 8
    pool = WorkerPool(detector_factory, budget or Budget(None, None), size=jobs)
    threads = ThreadPoolExecutor(jobs)
    pending: deque[Future | Row] = deque()
    try:
        for record in stream:
            pending.append(error_row(record, record.error) if record.error else threads.submit(_score_in, pool, record))
            if len(pending) >= window:
                yield _resolve(pending.popleft())
        while pending:
            yield _resolve(pending.popleft())
    finally:
        threads.shutdown(wait=True, cancel_futures=True)
        pool.close()


def _score_in(pool: WorkerPool, record: Record) -> Row:
    """The row of ``record`` scored in a worker; past the budget, an error row that names it."""
    from .reading import BudgetError

    try:
        return pool.call(score_record, record)
    except BudgetError as exc:
        return error_row(record, str(exc))


def _resolve(item: Future | Row) -> Row:
    return item.result() if isinstance(item, Future) else item


# --------------------------------------------------------------------------------------------------
# Writers: JSONL (nested rows), CSV and Parquet (flat rows)


class Writer(Protocol):
    done: set[str]

    def write(self, row: Row) -> None: ...

    def close(self) -> None: ...


def flat_row(row: Row, signal_names: Iterable[str]) -> Row:
    """A row with scalar columns only: reasons as a JSON string, one column per signal value."""
    flat: Row = {k: row.get(k) for k in FLAT_COLUMNS}
    if "reasons" in row:
        flat["reasons"] = json.dumps(row["reasons"], ensure_ascii=False)
    signals = row.get("signals") or {}
    flat.update({name: signals.get(name) for name in signal_names})
    return flat


def _recover(path: Path, row_id: Callable[[bytes], str]) -> set[str]:
    """Ids of the complete rows in ``path``; cuts the file after the last good line, so that a line
    half-written by a killed run (or anything unreadable after it) is dropped and re-scored."""
    done: set[str] = set()
    good = 0
    with open(path, "rb+") as fh:
        for line in fh:
            if not line.endswith(b"\n"):
                break
            try:
                done.add(row_id(line))
            except (ValueError, KeyError, IndexError, TypeError):
                break
            good += len(line)
        fh.truncate(good)
    return done


def _json_id(line: bytes) -> str:
    return str(json.loads(line)["id"])


class JsonlWriter:
    """One JSON object per line, flushed per row (a killed run loses at most the line being written)."""

    def __init__(self, path: str | Path, *, resume: bool = False) -> None:
        path = Path(path)
        self.done = _recover(path, _json_id) if resume and path.exists() else set()
        self.fh = open(path, "a" if resume else "w", encoding="utf-8")

    def write(self, row: Row) -> None:
        self.fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        self.fh.flush()

    def close(self) -> None:
        self.fh.close()


class CsvWriter:
    """Flat rows as CSV, to a file or a stream (stdout). Newlines inside values become spaces so that
    one row is one line, which is what lets ``resume`` find and drop a half-written row."""

    def __init__(self, fh: TextIO, signal_names: Iterable[str], *, header: bool = True,
                 done: set[str] | None = None) -> None:
        self.fh, self.signal_names, self.done = fh, list(signal_names), done or set()
        self.writer = csv.DictWriter(fh, [*FLAT_COLUMNS, *self.signal_names], lineterminator="\n")
        if header:
            self.writer.writeheader()

    @classmethod
    def to_file(cls, path: str | Path, signal_names: Iterable[str], *, resume: bool = False) -> CsvWriter:
        path, names = Path(path), list(signal_names)
        if not (resume and path.exists() and path.stat().st_size > 0):
            return cls(open(path, "w", encoding="utf-8", newline=""), names)
        with open(path, encoding="utf-8", newline="") as fh:
            header = next(csv.reader(fh), [])
        if header != [*FLAT_COLUMNS, *names]:
            raise BatchError(f"cannot resume {path}: its columns differ from this detector's "
                             f"(written by another version?); write to a new file")
        done = _recover(path, lambda line: next(csv.reader([line.decode("utf-8")]))[0]) - {"id"}
        return cls(open(path, "a", encoding="utf-8", newline=""), names, header=False, done=done)

    def write(self, row: Row) -> None:
        flat = flat_row(row, self.signal_names)
        self.writer.writerow({k: _one_line(v) for k, v in flat.items()})
        self.fh.flush()

    def close(self) -> None:
        if self.fh not in (sys.stdout, sys.__stdout__):
            self.fh.close()


def _one_line(value: Any) -> Any:
    return value.replace("\r", " ").replace("\n", " ") if isinstance(value, str) else value


class ParquetWriter:
    """Flat rows go to a JSONL side file (``OUT.partial.jsonl``, flushed per row, resumable); at the
    end they are streamed into Parquet row groups in a temporary file that is renamed into place."""

    ROW_GROUP = 10_000

    def __init__(self, path: str | Path, signal_names: Iterable[str], *, resume: bool = False) -> None:
        import pyarrow as pa

        self.path = Path(path)
        self.side = self.path.with_name(self.path.name + ".partial.jsonl")
        self.signal_names = list(signal_names)
        self.schema = pa.schema(
            [(c, pa.float64() if c == "probability" else pa.string()) for c in FLAT_COLUMNS]
            + [(n, pa.float64()) for n in self.signal_names]
        )
        if resume and not self.side.exists() and self.path.exists():
            self._seed_side_file()
        self.side_writer = JsonlWriter(self.side, resume=resume)
        self.done = self.side_writer.done

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
        tmp = self.path.with_name(self.path.name + ".tmp")
        with open(self.side, encoding="utf-8") as fh, pq.ParquetWriter(tmp, self.schema) as out:
            lines = (json.loads(line) for line in fh)
            while chunk := list(islice(lines, self.ROW_GROUP)):
                out.write_table(pa.Table.from_pylist(chunk, schema=self.schema))
        os.replace(tmp, self.path)
        self.side.unlink()


def open_writer(out: str | Path, *, resume: bool = False) -> Writer:
    """The writer for ``out``'s extension: .jsonl/.ndjson (default), .csv or .parquet."""
    suffix = Path(out).suffix.lower()
    if suffix in (".jsonl", ".ndjson", ".json"):
        return JsonlWriter(out, resume=resume)
    from .features import FEATURE_NAMES

    if suffix == ".csv":
        return CsvWriter.to_file(out, FEATURE_NAMES, resume=resume)
    if suffix in (".parquet", ".pq"):
        try:
            return ParquetWriter(out, FEATURE_NAMES, resume=resume)
        except ImportError:
            raise BatchError("writing Parquet needs pyarrow (pip install pyarrow)") from None
    raise BatchError(f"unknown output format {suffix or '(no extension)'}: use .jsonl, .csv or .parquet")


# --------------------------------------------------------------------------------------------------
# The run


@dataclass
class Summary:
    scored: int = 0
    failed: int = 0
    skipped: int = 0


def run(records: Iterable[Record], detector_factory: Callable[[], Any], out: str | Path, *, jobs: int = 1,
        resume: bool = False, progress: bool = True, detector: Any = None, budget: Budget | None = None,
        on_row: Callable[[Row], None] | None = None, total: Callable[[], int | None] | None = None) -> Summary:
    """Score ``records`` into ``out`` (format by extension); returns what was done.

    ``progress`` shows a tqdm bar (pages/s) when stderr is a terminal; ``total`` counts the records
    (e.g. ``inputs.count_records``) for its ETA. It is called only when the bar shows, in a thread,
    so a long count never delays the first pages. ``on_row`` sees every new row (the CLI uses it to
    report failed inputs on stderr). ``budget``: see ``score_stream``.
    """
    writer = open_writer(out, resume=resume)
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
        for row in score_stream(todo(), detector_factory, jobs=jobs, detector=detector, budget=budget):
            writer.write(row)
            if "error" in row:
                summary.failed += 1
            else:
                summary.scored += 1
            if on_row is not None:
                # An error row is usually reported on stderr: clear the bar around it, not under it.
                with bar.external_write_mode() if bar is not None and "error" in row else nullcontext():
                    on_row(row)
            if bar is not None:
                bar.update(1)
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


__all__ = ["BatchError", "JsonlWriter", "CsvWriter", "ParquetWriter", "Summary", "error_row", "open_writer",
           "run", "score_record", "score_stream", "verdict_row"]
