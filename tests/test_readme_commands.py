"""Every command of the README's "Command line" section, run as written against the fixtures: the
exit code, and every row it prints or writes valid against the shipped JSON Schema.

The files the commands name (page.html, pages.jsonl, crawl/, crawl.warc.gz, page.txt) are made from
the fixtures in a scratch folder, and the commands run there in the order the README gives them
(`sites` reads what the crawl command wrote). Commands that fetch a URL need the network and are
only parsed, not run: the test names them so that they are never dropped in silence.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from detector import rows
from test_inputs import WARC_PAGES, write_warc

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
NETWORK = re.compile(r"\bhttps?://\S+")
jsonschema = pytest.importorskip("jsonschema")


def readme_commands() -> list[str]:
    """The lines of the first ```sh block under "## Command line", comments dropped."""
    text = (ROOT / "README.md").read_text("utf-8")
    section = text.split("\n## Command line\n", 1)[1]
    block = section.split("```sh\n", 1)[1].split("```", 1)[0]
    return [line.split("  #", 1)[0].strip() for line in block.splitlines() if line.strip()]


def scratch(folder: Path) -> Path:
    page = (FIXTURES / "cli" / "farm.html").read_text("utf-8")
    (folder / "page.html").write_text(page)
    (folder / "page.txt").write_text((FIXTURES / "original_lynx.txt").read_text("utf-8"))
    with open(folder / "pages.jsonl", "w") as fh:
        for i, name in enumerate(("original_blog_post.html", "farm_aggregator.html")):
            fh.write(json.dumps({"id": f"p{i}", "url": f"https://s{i}.example/story",
                                 "html": (FIXTURES / name).read_text("utf-8")}) + "\n")
    shutil.copytree(FIXTURES / "cli" / "folder", folder / "crawl")
    write_warc(folder / "crawl.warc.gz", WARC_PAGES)
    return folder


def run(command: str, cwd: Path) -> subprocess.CompletedProcess:
    stdin = None
    if command.startswith("cat "):
        cat, command = (part.strip() for part in command.split("|", 1))
        stdin = (cwd / shlex.split(cat)[1]).read_text()
    argv = shlex.split(command)
    assert argv[0] == "detector", command
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "detector", *argv[1:]], cwd=cwd, input=stdin, capture_output=True,
                          text=True, env=env, timeout=600)


def test_every_readme_command_runs_and_its_rows_fit_the_schema(tmp_path):
    commands = readme_commands()
    assert len(commands) >= 6
    folder = scratch(tmp_path)
    schema = rows.shipped_schema()
    offline = [c for c in commands if NETWORK.search(c.split("--url")[0])]
    assert offline == ["detector score https://example.com/story"]  # needs the network: not run here
    for command in commands:
        if command in offline:
            continue
        done = run(command, folder)
        assert done.returncode == 0, (command, done.stderr)
        assert "Traceback" not in done.stderr, command
        printed = done.stdout.strip()
        if " score " in f" {command} " and "-o " not in command:
            found = json.loads(printed) if printed.startswith("[") else [json.loads(x) for x in printed.splitlines()]
            assert found, command
            for row in found:
                jsonschema.validate(row, schema)
        if command.startswith("detector --version"):
            assert re.fullmatch(r"detector \d+\.\d+\.\d+", printed)
    written = [json.loads(line) for line in (folder / "results.jsonl").read_text().splitlines()]
    assert len(written) == 2 + 2  # crawl/: a.html and b.txt (style.css skipped); the WARC's two HTML responses
    for row in written:
        jsonschema.validate(row, schema)
