"""Golden Page fields for every HTML fixture: what the page model reads, field by field.

The signals only see the Page, so a change in how a title, a site name, a byline, a date, the main
text or a link block is read shows here first, by name, before it shows as a feature. After an
intended change, regenerate the expected files and review their diff:

    python -m tests.test_golden_pages        # rewrites tests/golden/*.json
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from detector.page import Page, parse_html
from detector.reading import read

HERE = Path(__file__).parent
FIXTURES = sorted(p for p in (HERE / "fixtures").rglob("*.htm*"))
GOLDEN = HERE / "golden"


def golden_path(fixture: Path) -> Path:
    """tests/fixtures/cli/farm.html -> tests/golden/cli__farm.html.json."""
    return GOLDEN / ("__".join(fixture.relative_to(HERE / "fixtures").parts) + ".json")


def fields(page: Page) -> dict:
    """The Page as plain JSON: every field, dates as ISO strings."""
    return json.loads(json.dumps(dataclasses.asdict(page), default=str, ensure_ascii=False))


def page_of(fixture: Path) -> Page:
    doc = read(fixture.read_bytes())
    return parse_html(doc.text, truncated=doc.truncated)


@pytest.mark.parametrize("fixture", FIXTURES, ids=[golden_path(f).stem for f in FIXTURES])
def test_page_fields_match_the_golden_file(fixture):
    expected = json.loads(golden_path(fixture).read_text("utf-8"))
    got = fields(page_of(fixture))
    for name in expected:  # one field at a time, so that a failure names the field
        assert got[name] == expected[name], name
    assert got.keys() == expected.keys()


def regenerate() -> None:
    GOLDEN.mkdir(exist_ok=True)
    for fixture in FIXTURES:
        text = json.dumps(fields(page_of(fixture)), ensure_ascii=False, indent=1) + "\n"
        golden_path(fixture).write_text(text, "utf-8")
        print(golden_path(fixture))


if __name__ == "__main__":
    regenerate()
