"""A local S3-compatible server for the tests: moto's server mode on 127.0.0.1, on a port the OS
picks, with made-up credentials in the environment (the Spark job's executors inherit them) and
the instance-metadata lookup off, so that nothing leaves the machine. Skips without moto[server]."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

BUCKET = "crawls"
FAKE_AWS = {"AWS_ACCESS_KEY_ID": "test", "AWS_SECRET_ACCESS_KEY": "test", "AWS_DEFAULT_REGION": "us-east-1",
            "AWS_EC2_METADATA_DISABLED": "true"}
"""Made-up credentials, and no lookup of the cloud's instance metadata (which would leave the machine)."""


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    server_mod = pytest.importorskip("moto.server", reason="moto[server] is not installed")
    pafs = pytest.importorskip("pyarrow.fs")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one log line per request otherwise
    server = server_mod.ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    with pytest.MonkeyPatch.context() as mp:
        for key, value in FAKE_AWS.items():
            mp.setenv(key, value)
        pafs.S3FileSystem(endpoint_override=endpoint, region="us-east-1", allow_bucket_creation=True).create_dir(BUCKET)
        try:
            yield endpoint
        finally:
            server.stop()


def upload(endpoint: str, folder: Path, prefix: str) -> str:
    """Copy every file under ``folder`` to ``s3://BUCKET/prefix/``; returns that URI."""
    import pyarrow.fs as pafs

    s3 = pafs.S3FileSystem(endpoint_override=endpoint, region="us-east-1")
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        with s3.open_output_stream(f"{BUCKET}/{prefix}/{path.relative_to(folder).as_posix()}",
                                    compression=None) as out:  # as is: no gzip added by suffix
            out.write(path.read_bytes())
    return f"s3://{BUCKET}/{prefix}/"
