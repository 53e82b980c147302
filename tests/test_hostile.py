"""The hostile suite (issue 18): each way a hostile page, name, server or row was seen to stall,
crash or misuse the tool becomes one test here. Sections: text matchers, network, serve, budgets,
rows and indexes. Servers run on 127.0.0.1 inside the test; nothing else is contacted.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detector.lexicons import phrases
from detector.text import find_dates, find_years, occurring, tokens, word_count

# --------------------------------------------------------------------------------------------------
# Text matchers: time stays linear on repetitive input


def _seconds(call: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        call()
        best = min(best, time.perf_counter() - t0)
    return best


MATCHERS: dict[str, Callable[[str], object]] = {
    # a short line that is the whole main text: the boilerplate_ratio case that took 91 s on 300,000 "a"
    "occurring, the text itself": lambda text: occurring({text, text[:3], "never there"}, text),
    "occurring, its lines": lambda text: occurring({text[:n] for n in range(1, 200, 7)} | {"zz"}, text),
    "residue phrases": lambda text: phrases("residue", "vote_strong", "leftover_needles").spans(text.lower()),
    "find_dates": find_dates,
    "find_years": find_years,
    "tokens": tokens,
    "word_count": word_count,
}


@pytest.mark.parametrize("matcher", sorted(MATCHERS))
@settings(max_examples=4, deadline=None)
@given(unit=st.sampled_from(["a", ". ", "ab", "1/", "2024-", "<p>", "x y ", "年月", " "]))
def test_text_matchers_stay_linear_on_repetitive_input(unit: str, matcher: str) -> None:
    """4x the text may cost about 4x the time, never 16x (a quadratic matcher took 0.08 s at 10,000
    characters and 1.3 s at 40,000). The floor absorbs timer noise on tiny times."""
    call = MATCHERS[matcher]
    small, large = (unit * (n // len(unit)) for n in (10_000, 40_000))
    assert _seconds(lambda: call(large)) <= 8 * _seconds(lambda: call(small)) + 0.05


def test_occurring_finds_what_in_finds() -> None:
    text = "Home | News\nThe story of the home team. " + "word " * 30 + "end"
    needles = {"Home", "News", "home team", "Sport", "word " * 20, "word " * 40, "", "end"}
    assert occurring(needles, text) == {n for n in needles if n and n in text}
