"""The command line: ``detector score``, ``sites``, ``report`` and ``serve`` (more subcommands plug into COMMANDS).

A subcommand is a name, a help line, a function that adds its arguments and a function that runs it
and returns the exit code: 0 success, 1 when any input failed (the others are still scored and
printed), 2 for a usage error. Failures are one line each on stderr, "detector: INPUT: reason".
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from itertools import chain, islice
from typing import Any, TextIO

from .budget import DEFAULT_MAX_MEMORY_MB, Budget
from .errors import DetectorError
from .reading import DEFAULT_MAX_BYTES, DEFAULT_MAX_PARSE_SECONDS

PROG = "detector"


@dataclass(frozen=True)
class Command:
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help: return it instead
        return int(exc.code or 0)
    try:
        return COMMANDS[args.command].run(args)
    except BrokenPipeError:  # `detector score … | head`: the reader left, which is not an error
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:  # Ctrl-C outside a run's own handler (e.g. while the model loads)
        fail("interrupted")
        return 130
    except ImportError as exc:  # an optional module (matplotlib, flask, pyarrow…): its extra, in one line
        from .extras import missing_extra

        message = missing_extra(exc)
        if message is None:
            raise
        fail(message)
        return 1


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(prog=PROG, description="Tell a publisher's original page from a republished copy, with the reasons.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in COMMANDS.items():
        command.add_arguments(sub.add_parser(name, help=command.help, description=command.help))
    return parser


def fail(message: str) -> None:
    """One line on stderr for one failed input or setting."""
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)


def usage_error(args: argparse.Namespace, message: str) -> int:
    print(f"usage: {PROG} {args.command} …\n{PROG} {args.command}: error: {message}", file=sys.stderr)
    return 2


# --------------------------------------------------------------------------------------------------
# score


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


_UNITS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "KIB": 2**10, "MIB": 2**20, "GIB": 2**30}


def _size(text: str) -> int:
    """A byte count, plain or with a unit: 8000000, 8MB, 8 MB, 512KiB (KB = 1000 bytes, KiB = 1024)."""
    import re

    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([KMG]i?B|B)?\s*", text, re.I)
    if not m:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 8MB, 512KiB or 8000000)")
    value = int(float(m.group(1)) * _UNITS[(m.group(2) or "").upper()])
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 byte, not {text!r}")
    return value


def _probability(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {value}")
    return value


def score_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="PATH|URL|-",
                   help="HTML/text files (.gz too), folders, .jsonl, .warc(.gz), http(s) URLs, or - for stdin")
    p.add_argument("--url", help="the page's address, when scoring a single file or stdin")
    p.add_argument("--format", choices=("table", "json", "jsonl", "csv"),
                   help="stdout format (default: table on a terminal, jsonl otherwise)")
    p.add_argument("-o", "--output", metavar="FILE", help="write rows to FILE (.jsonl, .csv or .parquet): batch mode")
    p.add_argument("--wide", action="store_true", help="table: show evidence in full, not cut at 100 characters")
    p.add_argument("--model", metavar="PATH", help="a model file (with its .json manifest) instead of the shipped one")
    p.add_argument("--threshold", type=_probability, help="decision threshold (default: the model's)")
    reference_argument(p)
    p.add_argument("--kind", choices=("html", "text"), help="treat every input as HTML or as a plain-text dump")
    jobs_argument(p, "worker processes")
    p.add_argument("--resume", action="store_true", help="with -o: continue FILE, skipping the ids already in it")
    p.add_argument("--force", action="store_true", help="with -o: replace FILE even if it holds results")
    p.add_argument("--no-crosscheck", dest="crosscheck", action="store_false",
                   help="do not look for pages of the batch that copy each other (rows then stream out as scored)")
    p.add_argument("--max-bytes", type=_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                   help=f"cut pages larger than this: bytes, or 8MB, 512KiB… (default: {DEFAULT_MAX_BYTES // 10**6}MB)")
    budget_arguments(p)
    allow_private_argument(p)


def reference_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--reference", metavar="INDEX",
                   help="a reference index of originals: add the best matches (detector index build)")


def jobs_argument(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--jobs", type=_positive_int, default=os.cpu_count() or 1, help=f"{what} (default: all cores)")


def budget_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--max-parse-seconds", type=float, default=DEFAULT_MAX_PARSE_SECONDS, metavar="S",
                   help=f"give up on a page after S seconds with an error row; 0: no limit (default: {DEFAULT_MAX_PARSE_SECONDS:g})")
    p.add_argument("--max-memory-mb", type=int, default=DEFAULT_MAX_MEMORY_MB, metavar="MB",
                   help=f"give up on a page that needs more memory, with an error row; 0: no cap (default: {DEFAULT_MAX_MEMORY_MB})")


def allow_private_argument(p: argparse.ArgumentParser) -> None:
    p.add_argument("--allow-private-addresses", action="store_true",
                   help="let URLs reach loopback, private and link-local addresses (refused by default)")


def run_score(args: argparse.Namespace) -> int:
    from . import batch
    from .budget import WorkerError, WorkerPool, hand_on_pages, new_detector, start_fork_server
    from .inputs import count_records, iter_records

    budget = _budget(args)
    if budget is not None or args.jobs > 1:  # pages go to workers: their fork server starts importing now
        start_fork_server()
        hand_on_pages()
    if args.url and (len(args.inputs) != 1 or os.path.isdir(args.inputs[0])):
        return usage_error(args, "--url names one page: give a single file (or -)")
    if (args.resume or args.force) and not args.output:
        return usage_error(args, f"{'--resume' if args.resume else '--force'} needs -o FILE")
    if args.resume and args.force:
        return usage_error(args, "--resume continues FILE and --force replaces it: give one")
    if args.output:
        from .files import same_file

        if any(same_file(args.output, spec) for spec in args.inputs):
            return usage_error(args, f"-o {args.output} is one of the inputs: writing it would destroy it")
        try:
            batch.check_output(args.output, resume=args.resume, force=args.force, crosscheck=args.crosscheck)
        except batch.OutputRefused as exc:
            return usage_error(args, str(exc))
    if args.output and args.format and args.format != batch.format_of(args.output):
        return usage_error(args, f"--format {args.format} and -o {args.output} disagree: -o takes its format "
                                 f"from the file's extension (.jsonl, .csv or .parquet)")
    factory = partial(new_detector, args.model, threshold=args.threshold, max_bytes=args.max_bytes,
                      reference=args.reference, max_parse_seconds=args.max_parse_seconds or None)
    detector = None
    try:  # fail here, once, rather than in every worker
        if budget is None and args.jobs == 1:
            detector = factory()
        else:  # the workers load the model; the parent stays small and does not import the scoring code
            checker = WorkerPool(factory, budget or Budget(None, None))
            try:
                checker.start()
            finally:
                checker.close()
    except WorkerError as exc:
        fail(str(exc.__cause__ or exc))
        return 1
    except DetectorError as exc:  # ModelError, ReferenceIndexError
        fail(str(exc))
        return 1
    skipped: Counter[str] = Counter()
    records = iter_records(args.inputs, url=args.url, max_bytes=args.max_bytes,
                           allow_private=args.allow_private_addresses, skipped=skipped)
    if args.kind:
        records = (replace(r, kind=args.kind) for r in records)
    failed = written = 0

    def report(row: dict) -> None:
        nonlocal failed, written
        written += 1
        if row.get("error"):
            failed += 1
            fail(f"{row['origin']}: {row['error']}")

    if args.output:
        try:
            summary = batch.run(records, factory, args.output, jobs=args.jobs, resume=args.resume, force=args.force,
                                budget=budget, crosscheck=args.crosscheck,
                                detector=detector, on_row=report, total=partial(count_records, args.inputs))
        except KeyboardInterrupt as exc:
            rows = exc.rows if isinstance(exc, batch.Interrupted) else written
            fail(f"interrupted after {rows} rows; rerun with --resume")
            return 130
        except (batch.OutputError, OSError) as exc:
            fail(str(exc))
            return 1
        say_skipped(skipped)
        print(f"{PROG}: {summary.scored} scored, {summary.failed} failed, {summary.skipped} already done "
              f"-> {args.output}", file=sys.stderr)
        return 1 if failed else 0
    records = iter(records)
    head = list(islice(records, 2))
    scored = batch.score_prints(chain(head, records), factory, jobs=args.jobs, detector=detector, budget=budget,
                                prints=args.crosscheck and len(head) > 1)  # one page has nothing to cross-check
    rows = _tap(batch.crosschecked(scored) if args.crosscheck and len(head) > 1 else (row for row, _ in scored), report)
    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    printer = partial(print_table, wide=args.wide) if fmt == "table" else PRINTERS[fmt]
    try:
        printer(rows, sys.stdout)
    except KeyboardInterrupt:
        fail(f"interrupted after {written} rows")
        return 130
    say_skipped(skipped)
    return 1 if failed else 0


def _budget(args: argparse.Namespace) -> Budget | None:
    """The hard per-page budget (scoring in killable workers), unless both limits are off."""
    seconds, memory = args.max_parse_seconds or None, args.max_memory_mb or None
    return Budget(seconds, memory) if seconds or memory else None


def say_skipped(skipped: Counter[str]) -> None:
    """One stderr line per reason for what the inputs held that is not a page (nothing skipped in silence)."""
    for reason, n in sorted(skipped.items(), key=lambda kv: -kv[1]):
        fail(f"skipped {n} {'input' if n == 1 else 'inputs'}: {reason}")


def _tap(rows: Iterable[dict], see: Callable[[dict], None]) -> Iterator[dict]:
    for row in rows:
        see(row)
        yield row


def print_jsonl(rows: Iterable[dict], out: TextIO) -> None:
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        out.flush()


def print_json(rows: Iterable[dict], out: TextIO) -> None:
    """One JSON document: always an array of rows, for one page as for many (one shape to parse)."""
    json.dump(list(rows), out, ensure_ascii=False, indent=2)
    out.write("\n")


def print_csv(rows: Iterable[dict], out: TextIO) -> None:
    from .batch import CsvWriter
    from .features import FEATURE_NAMES

    writer = CsvWriter(out, FEATURE_NAMES)
    for row in rows:
        writer.write(row)


def print_table(rows: Iterable[dict], out: TextIO, *, wide: bool = False) -> None:
    """Per page: the verdict and probability, what makes the verdict shaky (a cut page, too little
    text), then the evidence of republishing and of an original, each with what it saw and where.
    Evidence is cut at ``EVIDENCE_WIDTH`` characters unless ``wide``."""
    for i, row in enumerate(rows):
        out.write("\n" if i else "")
        out.write(row["origin"] + (f"  (id {row['id']})" if row["id"] != row["origin"] else "") + "\n")
        if row.get("error"):
            out.write(f"  ERROR  {row['error']}\n")
            continue
        out.write(f"  {row['label'].upper():<12} probability {row['probability']:.2f}"
                  f"  (threshold {row['threshold']:.2f})\n")
        words = _words(row)
        if words is not None and words < MIN_WORDS:
            out.write(f"  note         too little text to judge ({words} words of main text)\n")
        if row.get("truncated"):
            out.write("  note         truncated: the page was larger than --max-bytes and was cut\n")
        if row.get("url"):
            out.write(f"  url          {row['url']}\n")
        if row.get("source"):
            src = row["source"]
            out.write(f"  source       {src['kind']}: {' '.join(x for x in (src['name'], src['url']) if x)}\n")
        for m in row.get("matches") or []:
            out.write(f"  match        {m['url'] or m['id']}  containment {m['containment']:.2f}  jaccard {m['jaccard']:.2f}\n")
        for title, found in (("republished", row.get("reasons") or []), ("original", row.get("original_evidence") or [])):
            if not found:
                continue
            out.write(f"  evidence of {title}:\n")
            width = max(len(r["name"]) for r in found)
            for r in found:
                where = f"  @ {r['locator']}" if r.get("locator") else ""
                evidence = " ".join(str(r["evidence"]).split())
                out.write(f"    {r['name']:<{width}}  {r['value']:.2f}  "
                          f"{(evidence if wide else _cut(evidence, EVIDENCE_WIDTH))!r}{where}\n")
        if not row.get("reasons") and not row.get("original_evidence"):
            out.write("  no evidence either way\n")
        out.flush()


EVIDENCE_WIDTH = 100
MIN_WORDS = 50
"""Under this many words of main text the verdict rests on very little: the table says so."""


def _words(row: dict) -> int | None:
    """Words of main text, from the log-scaled ``main_text_words`` signal (1.0 at 3,000 words)."""
    import math

    value = (row.get("signals") or {}).get("main_text_words")
    return None if value is None else round(math.expm1(value * math.log1p(3000)))


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


PRINTERS: dict[str, Callable[[Iterable[dict], TextIO], None]] = {
    "table": print_table, "json": print_json, "jsonl": print_jsonl, "csv": print_csv,
}


# --------------------------------------------------------------------------------------------------
# What kind of file was given: results or pages (report and sites read results only)

RESULTS, PAGES_JSONL, RESULTS_CSV, PARQUET, OTHER = "results", "pages", "results-csv", "parquet", "other"
_KINDS = {PAGES_JSONL: "a JSONL of pages to score", RESULTS_CSV: "a results CSV", PARQUET: "a Parquet file",
          OTHER: "not JSONL"}
RESULTS_HINT = "the JSONL rows of `detector score … -o results.jsonl`"


def file_kind(path: str) -> str:
    """Sniff a local file's first line: result rows (JSONL), pages to score (JSONL), a results CSV,
    Parquet, or anything else. Only the first 64 KB are read (a page line can be megabytes)."""
    import gzip
    import re

    try:
        with (gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")) as fh:
            head = fh.read(65536)
    except (OSError, EOFError):
        return OTHER
    if head.startswith(b"PAR1"):
        return PARQUET
    first = head.lstrip().split(b"\n", 1)[0]
    if first.startswith(b"id,url,origin,"):
        return RESULTS_CSV
    if not first.startswith(b"{"):
        return OTHER
    try:
        keys = set(json.loads(first))
    except ValueError:  # cut at 64 KB: read the keys that are there
        keys = {m.decode() for m in re.findall(rb'"(label|error|html|text)"\s*:', first)}
    if keys & {"label", "error"}:
        return RESULTS
    return PAGES_JSONL if keys & {"html", "text"} else OTHER


def not_results(args: argparse.Namespace, path: str, kind: str) -> int:
    """The usage error for a file that is not result rows, saying what was expected."""
    hint = f": score it first, `detector score {path} -o results.jsonl`" if kind == PAGES_JSONL else ""
    return usage_error(args, f"{path} is {_KINDS[kind]}; {args.command} reads {RESULTS_HINT}{hint}")


# --------------------------------------------------------------------------------------------------
# sites


def sites_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("results", metavar="RESULTS.jsonl", help="rows written by `detector score` (- for stdin)")
    p.add_argument("--format", choices=("table", "json", "csv"), default="table")
    p.add_argument("--top", type=_positive_int, default=3, help="how many signals to list per host")


def run_sites(args: argparse.Namespace) -> int:
    from .sites import aggregate, read_rows

    if args.results != "-" and os.path.isfile(args.results) and (kind := file_kind(args.results)) != RESULTS:
        return not_results(args, args.results, kind)
    bad = 0

    def skip(n: int, reason: str) -> None:
        nonlocal bad
        bad += 1
        if bad <= 5:
            fail(f"{args.results}:line {n}: skipped, {reason}")

    try:
        fh = sys.stdin if args.results == "-" else open(args.results, encoding="utf-8", errors="replace")
    except OSError as exc:
        fail(f"{args.results}: {exc.strerror or exc}")
        return 1
    with fh:
        table = [site.to_dict(args.top) for site in aggregate(read_rows(fh, skip))]
    if bad > 5:
        fail(f"{args.results}: {bad} lines skipped in all")
    if args.format == "json":
        json.dump(table, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        flat = [{**s, "top_signals": ", ".join(f"{t['name']} ({t['pages']})" for t in s["top_signals"])} for s in table]
        (_write_csv if args.format == "csv" else _write_table)(flat, sys.stdout)
    return 1 if bad else 0


def _write_csv(rows: list[dict], out: TextIO) -> None:
    if rows:
        writer = csv.DictWriter(out, list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def _write_table(rows: list[dict], out: TextIO) -> None:
    """Plain aligned columns; numbers right-aligned, the last column left free to run long."""
    if not rows:
        out.write("no results\n")
        return
    headers = list(rows[0])
    cells = [[_cell(r[h]) for h in headers] for r in rows]
    widths = [max(len(h), *(len(c[i]) for c in cells)) for i, h in enumerate(headers)]
    numeric = [isinstance(rows[0][h], (int, float)) for h in headers]
    for line in [headers, *cells]:
        parts = [c.rjust(w) if num else c.ljust(w) for c, w, num in zip(line, widths, numeric)]
        out.write("  ".join(parts).rstrip() + "\n")


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}" if isinstance(value, float) else str(value)


# --------------------------------------------------------------------------------------------------
# report, serve


def report_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", metavar="PAGE|URL|RESULTS.jsonl",
                   help="one page (file, http(s) URL or -) for a page report; a .jsonl of `score` rows for a summary")
    p.add_argument("-o", "--output", metavar="FILE", required=True, help="the HTML file to write")
    p.add_argument("--url", help="the page's address, when reporting on a file or stdin")
    p.add_argument("--kind", choices=("html", "text"), help="treat the page as HTML or as a plain-text dump")
    p.add_argument("--model", metavar="PATH", help="a model file (with its .json manifest) instead of the shipped one")
    p.add_argument("--threshold", type=_probability, help="decision threshold (default: the model's)")
    p.add_argument("--top", type=_positive_int, default=15, help="summary: how many signals to chart")
    reference_argument(p)
    budget_arguments(p)
    allow_private_argument(p)


def run_report(args: argparse.Namespace) -> int:
    kind = file_kind(args.input) if os.path.isfile(args.input) else OTHER
    if kind in (PAGES_JSONL, RESULTS_CSV, PARQUET):
        return not_results(args, args.input, kind)
    if kind == RESULTS:
        import gzip

        from .report.summary import summary_report

        try:
            opener = gzip.open if args.input.endswith(".gz") else open
            with opener(args.input, "rt", encoding="utf-8", errors="replace") as fh:  # a bad byte spoils one line
                body, batch = summary_report(fh, name=os.path.basename(args.input), top=args.top)
        except OSError as exc:
            fail(f"{args.input}: {exc.strerror or exc}")
            return 1
        for problem in batch.bad_lines:
            fail(f"{args.input}:{problem}: skipped")
        if not batch.rows and not batch.failed:
            fail(f"{args.input}: no result rows (write them with `detector score … -o results.jsonl`)")
            return 1
        note = f"{len(batch.rows)} results"
    else:
        from .budget import WorkerError, WorkerPool, new_detector, start_fork_server
        from .inputs import iter_records
        from .reading import ReadError

        start_fork_server()  # the worker's code loads while the page is read (or fetched)
        record = next(iter(iter_records([args.input], url=args.url, allow_private=args.allow_private_addresses)), None)
        if record is None or record.error is not None or record.content is None:
            fail(f"{args.input}: {record.error if record else 'no page'}")
            return 1
        pool = WorkerPool(partial(new_detector, args.model, threshold=args.threshold, reference=args.reference,
                                  max_parse_seconds=args.max_parse_seconds or None), _budget(args) or Budget(None))
        try:  # in a worker: a page past the budget is stopped even inside C code (detector.budget)
            body, result = pool.call(_page_report, record.content, url=record.url, kind=args.kind or record.kind,
                                     name=record.origin or args.input)
        except WorkerError as exc:  # the model does not load
            fail(str(exc.__cause__ or exc))
            return 1
        except ReadError as exc:
            fail(f"{args.input}: {exc}")
            return 1
        finally:
            pool.close()
        note = f"{result.label} ({result.probability:.2f})"
    try:
        from .files import atomic_write_text

        atomic_write_text(args.output, body)  # a killed run leaves no half-written report
    except OSError as exc:
        fail(f"{args.output}: {exc.strerror or exc}")
        return 1
    print(f"{PROG}: {note} -> {args.output}", file=sys.stderr)
    return 0


def _page_report(detector: Any, *args: Any, **kwargs: Any) -> tuple[str, Any]:
    """``report.page_report`` imported in the worker that runs it, not in the parent."""
    from .report import page_report

    return page_report(detector, *args, **kwargs)


def serve_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default: 8000)")
    p.add_argument("--model", metavar="PATH", help="a model file (with its .json manifest) instead of the shipped one")
    p.add_argument("--threshold", type=_probability, help="decision threshold (default: the model's)")
    p.add_argument("--workers", type=_positive_int, default=2, help="pages scored at once, each in its own process (default: 2)")
    p.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                   help="answer to this Host name too (default: localhost names only; repeatable)")
    reference_argument(p)
    budget_arguments(p)
    allow_private_argument(p)


def run_serve(args: argparse.Namespace) -> int:
    from .budget import start_fork_server

    start_fork_server()  # its workers' code loads while this process loads the model to check it
    from .api import Detector
    from .model import ModelError

    import socket

    from .serve import HOST, serve  # without flask: main() names the web extra
    try:
        detector = Detector(args.model, threshold=args.threshold, reference=args.reference)
    except (ModelError, ValueError) as exc:  # ValueError: not a reference index
        fail(str(exc))
        return 1
    with socket.socket() as probe:  # say "in use" before "serving on", not after it
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself does
        try:
            probe.bind((HOST, args.port))
        except OSError as exc:
            fail(f"cannot serve on {HOST}:{args.port}: {exc.strerror or exc} (another program uses it? try --port)")
            return 1
    print(f"{PROG}: serving on http://{HOST}:{args.port}/ (Ctrl-C stops)", file=sys.stderr, flush=True)
    factory = partial(Detector, args.model, threshold=args.threshold, reference=args.reference,
                      max_parse_seconds=args.max_parse_seconds or None)
    serve(detector, port=args.port, factory=factory, budget=_budget(args), workers=args.workers,
          allow_private=args.allow_private_addresses, allowed_hosts=args.allowed_host)
    return 0


# --------------------------------------------------------------------------------------------------

COMMANDS: dict[str, Command] = {
    "score": Command("score pages: original or republished, with the reasons", score_arguments, run_score),
    "sites": Command("aggregate page verdicts per host", sites_arguments, run_sites),
    "report": Command("write an HTML report: one page with its reasons highlighted, or a results summary",
                      report_arguments, run_report),
    "serve": Command("a local web page and JSON API on 127.0.0.1 that scores pasted pages, files or URLs",
                     serve_arguments, run_serve),
}


# --------------------------------------------------------------------------------------------------
# index, find-copies: the reference index of known originals (detector.provenance)


def _start_workers_early(args: argparse.Namespace) -> None:
    """Pages are read in workers (``provenance.page_texts``) with a budget or ``--jobs``: start their fork server now."""
    if _budget(args) is not None or getattr(args, "jobs", 1) > 1:
        from .budget import start_fork_server

        start_fork_server()


def index_arguments(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="action", required=True, metavar="ACTION")
    build = sub.add_parser("build", help="index originals (onto INDEX when it exists)",
                           description="Index the main text of known originals: a folder, JSONL, WARC, files or URLs.")
    build.add_argument("originals", nargs="+", metavar="ORIGINALS")
    build.add_argument("-o", "--output", metavar="INDEX", required=True, help="the index folder")
    build.add_argument("--storage", metavar="redis://HOST:PORT/DB",
                       help="keep the LSH in Redis, shared by many workers (new index only; default: in the folder)")
    add = sub.add_parser("add", help="add originals to an existing index", description="Add originals to an existing index.")
    add.add_argument("output", metavar="INDEX")
    add.add_argument("originals", nargs="+", metavar="ORIGINALS")
    for q in (build, add):
        q.add_argument("--kind", choices=("html", "text"), help="treat every input as HTML or as a plain-text dump")
        budget_arguments(q)


def run_index(args: argparse.Namespace) -> int:
    from .inputs import iter_records
    from .provenance import ReferenceIndex, ReferenceIndexError, Settings, documents

    _start_workers_early(args)
    failed = 0

    def on_error(record, reason: str) -> None:
        nonlocal failed
        failed += 1
        fail(f"{record.origin or record.id}: {reason}")

    try:
        if args.action == "add":
            index = ReferenceIndex.open(args.output)
        else:
            index = ReferenceIndex.open_or_create(args.output, Settings(storage=args.storage))
        skipped: Counter[str] = Counter()
        records = iter_records(args.originals, skipped=skipped)
        if args.kind:
            records = (replace(r, kind=args.kind) for r in records)
        before = len(index)
        added = index.add(documents(records, on_error, budget=_budget(args)))
        say_skipped(skipped)
    except (ReferenceIndexError, OSError) as exc:
        fail(str(exc))
        return 1
    print(f"{PROG}: {added} originals added ({before} before, {failed} failed; already indexed or "
          f"too short are skipped) -> {args.output}", file=sys.stderr)
    return 1 if failed else 0


def find_copies_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="CRAWL", help="files, folders, .jsonl, .warc(.gz), URLs or -")
    p.add_argument("--reference", metavar="INDEX", required=True, help="an index built by `detector index build`")
    p.add_argument("--min-containment", type=_probability,
                   help="share of a page's main text that must be in an original (default: the index's, 0.5)")
    p.add_argument("--top", type=_positive_int, default=3, help="originals listed per page")
    p.add_argument("--format", choices=("table", "jsonl", "json"), help="default: table on a terminal, jsonl otherwise")
    p.add_argument("-o", "--output", metavar="FILE.jsonl", help="write the rows to FILE (JSONL) instead of stdout")
    p.add_argument("--force", action="store_true", help="with -o: replace FILE even if it holds rows")
    p.add_argument("--kind", choices=("html", "text"), help="treat every input as HTML or as a plain-text dump")
    jobs_argument(p, "worker processes reading pages")
    budget_arguments(p)


def run_find_copies(args: argparse.Namespace) -> int:
    """One row per crawl page that copies an indexed original on another site (the page itself, or
    its own site's pages, are not copies)."""
    from .batch import JsonlWriter, check_output, format_of
    from .errors import OutputRefused
    from .inputs import iter_records
    from .page import registrable_domain
    from .provenance import ReferenceIndex, ReferenceIndexError, page_texts

    _start_workers_early(args)
    if args.output:
        if format_of(args.output) != "jsonl" or (args.format or "jsonl") != "jsonl":
            return usage_error(args, f"-o writes JSONL: name it .jsonl (not {args.output}) and leave --format out")
        try:
            check_output(args.output, force=args.force)
        except OutputRefused as exc:
            return usage_error(args, str(exc).replace("--resume continues it, ", ""))
    try:
        index = ReferenceIndex.open(args.reference)
    except ReferenceIndexError as exc:
        fail(str(exc))
        return 1
    floor = index.settings.copy if args.min_containment is None else args.min_containment
    failed = read = found = 0
    skipped: Counter[str] = Counter()

    def rows() -> Iterator[dict]:
        nonlocal failed, read, found
        for record, texts in page_texts(iter_records(args.inputs, skipped=skipped), _budget(args), args.kind,
                                        jobs=args.jobs):
            read += 1
            if isinstance(texts, str):  # why the page could not be read
                failed += 1
                fail(f"{record.origin}: {texts}")
                continue
            page_url, _, main_text = texts
            url = record.url or page_url
            domain = registrable_domain(url)
            matches = [m for m in index.query(main_text, top=args.top + 2, min_containment=floor)
                       if m.id != record.id and not (m.url and m.url == url) and not (domain and m.domain == domain)]
            if matches:
                found += 1
                yield {"id": record.id, "url": url, "origin": record.origin,
                       "matches": [m.to_dict() for m in matches[: args.top]]}

    fmt = args.format or ("table" if sys.stdout.isatty() else "jsonl")
    if args.output:
        writer = JsonlWriter(args.output)
        try:
            for row in rows():
                writer.write(row)
        finally:
            writer.close()
    elif fmt == "table":
        for row in rows():
            out = sys.stdout
            out.write(f"{row['url'] or row['origin']}\n")
            for m in row["matches"]:
                out.write(f"  copies {m['url'] or m['id']}  containment {m['containment']:.2f}  jaccard {m['jaccard']:.2f}\n")
            out.flush()
    else:
        PRINTERS[fmt](rows(), sys.stdout)
    say_skipped(skipped)
    print(f"{PROG}: {found} of {read} pages copy an indexed original (containment >= {floor:g})"
          + (f", {failed} failed" if failed else "") + (f" -> {args.output}" if args.output else ""), file=sys.stderr)
    return 1 if failed else 0


COMMANDS["index"] = Command("build or extend a reference index of known originals (MinHash LSH)", index_arguments, run_index)
COMMANDS["find-copies"] = Command("list the pages of a crawl that copy an indexed original", find_copies_arguments,
                                  run_find_copies)
