"""The farm page generator's vocabulary, read once from data/farms/words.json: site-name parts, unrelated
categories, block headings, widget wording and fake bylines in several languages, all written for this
project. Families draw from it through ``common``.

Training-side data lives in data/, the detector's own lexicons in the package. Each list or table is
read as an attribute named as its key in capitals (``words.CHROME`` is "chrome"), so the families read
it as they read Python lists. Two hold pairs: ``spam_keywords`` is [anchor text, kind of host it
points to], ``wire_agencies`` maps a wire's code to [display name, copyright holder].
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "data" / "farms" / "words.json"


@functools.cache
def data() -> dict[str, Any]:
    return json.loads(DATA.read_text("utf-8"))


def __getattr__(name: str) -> Any:
    if name.isupper() and name.lower() in data():
        return data()[name.lower()]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
