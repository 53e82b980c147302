"""Page tables (JSONL, Parquet) and remote stores as inputs, without Spark: the same records from a
Parquet table as from JSONL, from S3 (a local moto server) as from disk, and URIs listed on the
driver without a file being opened there."""

from __future__ import annotations

import gzip
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from crawl_files import crawl_pages, table_rows, write_jsonl_gz, write_parquet, write_warc
from s3_server import BUCKET, FAKE_AWS, s3_endpoint, upload  # noqa: F401 - pytest fixture

from detector import spark
from detector.inputs import count_records, records_from

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


def test_parquet_page_table_gives_the_records_of_the_same_jsonl(tmp_path):
    rows = table_rows()
    write_jsonl_gz(tmp_path / "pages.jsonl.gz", rows)
    write_parquet(tmp_path / "pages.parquet", rows)
    from_jsonl = list(records_from(str(tmp_path / "pages.jsonl.gz")))
    from_parquet = list(records_from(str(tmp_path / "pages.parquet")))
    assert len(from_parquet) == len(rows) == count_records([str(tmp_path / "pages.parquet")])
    for n, (a, b) in enumerate(zip(from_jsonl, from_parquet), 1):
        assert b.origin == f"{tmp_path / 'pages.parquet'}:row {n}"
        if rows[n - 1]["id"] is None:  # the id defaults to the origin, in each format its own
            assert (a.id, b.id) == (a.origin, b.origin)
        assert (b.url, b.content, b.kind, b.error) == (a.url, a.content, a.kind, a.error)
    assert {r.kind for r in from_parquet} == {"html", "text", None}
    assert from_parquet[-1].error and from_parquet[-1].id == "empty"


def test_parquet_html_may_be_bytes_and_a_table_without_pages_is_one_error(tmp_path):
    pq.write_table(pa.table({"url": ["https://a.example/"], "html": pa.array([b"<p>caf\xe9</p>"], pa.binary())}),
                   tmp_path / "bytes.parquet")
    pq.write_table(pa.table({"id": ["x", "y"], "body": ["<p>a</p>", "<p>b</p>"]}), tmp_path / "other.parquet")
    (tmp_path / "broken.parquet").write_bytes(b"PAR1 not really")
    (page,) = records_from(str(tmp_path / "bytes.parquet"))
    assert page.content == b"<p>caf\xe9</p>" and page.kind == "html" and page.id.endswith("bytes.parquet:row 1")
    (other,) = records_from(str(tmp_path / "other.parquet"))
    assert other.error == 'no "html" or "text" column'
    (broken,) = records_from(str(tmp_path / "broken.parquet"))
    assert broken.error.startswith("cannot read Parquet: ")


def test_parquet_without_pyarrow_is_an_error_row_with_the_install_hint(tmp_path, monkeypatch):
    write_parquet(tmp_path / "pages.parquet", table_rows())
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    (rec,) = records_from(str(tmp_path / "pages.parquet"))
    assert rec.error.startswith("reading Parquet files needs pyarrow: pip install") and "[parquet]" in rec.error


class _ListOnly:
    """A filesystem that can list but not open: expand() must never read a file on the driver."""

    def __init__(self, fs):
        self.get_file_info = fs.get_file_info


def crawl_tree(folder: Path) -> list[str]:
    (folder / "sub").mkdir(parents=True)
    names = ["a.warc.gz", "b.jsonl", "c.parquet", "notes.txt", "sub/d.warc.gz", "sub/e f%20\u00e9.ndjson.gz"]
    for name in names:
        (folder / name).write_bytes(gzip.compress(b'{"text": "hello"}\n'))
    return [f"file://{folder}/{n}" for n in names]


def test_uris_are_listed_on_the_driver_without_opening_a_file(tmp_path, monkeypatch):
    real = spark._filesystem
    monkeypatch.setattr(spark, "_filesystem", lambda uri, ep: (_ListOnly(real(uri, ep)[0]), real(uri, ep)[1]))
    a, b, c, notes, d, e = crawl_tree(tmp_path / "crawl")
    base = f"file://{tmp_path}/crawl"
    assert spark.expand([base]) == spark.expand([base + "/"]) == [a, b, c, d, e]  # notes.txt is no input
    assert spark.expand([base + "/*.warc.gz"]) == [a]  # * stays within one folder, as in glob
    assert spark.expand([base + "/*/*.warc.gz", base + "/[ab].*"]) == [d, a, b]
    assert spark.expand([notes]) == [notes]  # a file named on its own is kept (it becomes an error row)
    assert spark.expand([base + "/none/*.warc.gz"]) == [base + "/none/*.warc.gz"]
    with pytest.raises(ValueError, match="only s3://, gs://, hdfs:// and file://"):
        spark.expand(["ftp://example.org/crawl.warc.gz"])
    monkeypatch.undo()  # the executor's side may open files
    assert [r.content for r in spark.file_records(e)] == ["hello"]  # a name as it is, not URL-encoded


def test_uri_file_that_cannot_be_opened_is_one_error_record(tmp_path):
    (rec,) = spark.file_records(f"file://{tmp_path}/gone.warc.gz")
    assert rec.origin == f"file://{tmp_path}/gone.warc.gz" and rec.error.startswith("cannot open: ")
    assert "\n" not in rec.error


@pytest.mark.parametrize("reader", ["fastwarc", "warcio"])
def test_a_warc_streamed_through_pyarrow_gives_the_records_read_from_disk(tmp_path, monkeypatch, reader):
    pytest.importorskip(reader)
    if reader == "warcio":
        monkeypatch.setitem(sys.modules, "fastwarc", None)  # inputs falls back to warcio
    write_warc(tmp_path / "x.warc.gz", crawl_pages(12))
    local, uri = str(tmp_path / "x.warc.gz"), f"file://{tmp_path}/x.warc.gz"
    expected = [replace(r, origin=r.origin.replace(local, uri, 1)) for r in records_from(local)]
    got = list(spark.file_records(uri))
    assert got == expected and len(got) == 12 and not any(r.error for r in got)
    assert [int(r.origin.rsplit("@", 1)[1]) for r in got] == sorted({int(r.origin.rsplit("@", 1)[1]) for r in got})


def local_crawl(folder: Path) -> Path:
    folder.mkdir()
    write_warc(folder / "x.warc.gz", crawl_pages(12))
    write_jsonl_gz(folder / "pages.jsonl.gz", table_rows())
    (folder / "tables").mkdir()
    write_parquet(folder / "tables" / "part-0.parquet", table_rows())
    return folder


def test_s3_gives_the_records_of_the_same_files_on_disk(tmp_path, s3_endpoint):  # noqa: F811
    disk = local_crawl(tmp_path / "crawl")
    uri = upload(s3_endpoint, disk, "rec")
    listed = spark.expand([uri], s3_endpoint)
    assert listed == [f"{uri}pages.jsonl.gz", f"{uri}tables/part-0.parquet", f"{uri}x.warc.gz"]
    for remote in listed:
        local = str(disk / remote.removeprefix(uri))
        expected = [replace(r, origin=r.origin.replace(local, remote, 1),
                            id=r.id.replace(local, remote, 1)) for r in records_from(local)]
        got = list(spark.file_records(remote, s3_endpoint=s3_endpoint))
        assert got == expected and len(got) >= 8
    warc = list(spark.file_records(f"{uri}x.warc.gz", s3_endpoint=s3_endpoint))
    assert len({r.origin for r in warc}) == len(warc) == 12  # offsets in the .gz, the image skipped


def test_missing_s3_object_is_one_error_record(s3_endpoint):  # noqa: F811
    (rec,) = spark.file_records(f"s3://{BUCKET}/rec/none.warc.gz", s3_endpoint=s3_endpoint)
    assert rec.error.startswith("cannot open: ") and "\n" not in rec.error


def test_job_refuses_a_store_it_cannot_list_before_spark_starts(tmp_path, monkeypatch, capsys):
    for key, value in FAKE_AWS.items():
        monkeypatch.setenv(key, value)
    with pytest.raises(SystemExit) as stop:  # port 1 on this machine: nothing listens there
        spark.main(["--input", "s3://crawls/x/", "--s3-endpoint", "http://127.0.0.1:1",
                    "--output", str(tmp_path / "out.parquet")])
    assert stop.value.code == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]
    assert last.startswith("python -m detector.spark: error: cannot list s3://crawls/x/: ") and "connect" in last
    assert not (tmp_path / "out.parquet").exists()
