"""Language identification against the corpus's declared languages, as ``link_block_language`` uses it.

    python benchmarks/bench_language.py [--corpus ../shared/corpus] [--sample 600] [--candidates]

Pages that declare a language (manifest ``lang``, compared by base code: "de-DE" -> "de"): a random
``--sample`` of the English and German ones, and every page in another language. Each page is parsed
and scored by the real signal, whose calls to the identifier are recorded: its first call reads the
article (headline and main text), the others the headlines of each link block. Reported per identifier:
how many of those answers name the declared language, how many say "unsure" (None), the time per
call, and on how many pages the signal fires (all corpus pages are originals, so fewer is better).
A script name ("cyrillic", "arabic", ...) counts as right for the languages written in it.

``--candidates`` also measures the maintained identifiers tried for issue 16 when they are installed
(py3langid, pycld2), through the same calls.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import detector.signals.link_blocks as link_blocks  # noqa: E402
from detector.page import Page, parse_html  # noqa: E402
from detector.reading import read  # noqa: E402
from detector.text import language_of  # noqa: E402
from training.corpus import default_corpus_dir, load_manifest, read_raw  # noqa: E402

Identifier = Callable[..., "str | None"]
SCRIPTS = {"cyrillic": {"ru", "uk", "bg", "sr", "be", "mk", "kk"}, "arabic": {"ar", "fa", "ur"}, "greek": {"el"},
           "hebrew": {"he", "iw"}, "thai": {"th"}, "devanagari": {"hi", "mr", "ne"}}
SAME = {"nb": "no", "nn": "no"}


def base(code: str) -> str:
    code = code.replace("_", "-").split("-")[0].lower()
    return SAME.get(code, code)


def right(guess: str, declared: str) -> bool:
    return base(guess) == declared or declared in SCRIPTS.get(guess, ())


def candidates() -> dict[str, Identifier]:
    found: dict[str, Identifier] = {}
    try:
        from py3langid.langid import MODEL_FILE, LanguageIdentifier
    except ImportError:
        pass
    else:
        model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

        def py3langid(text: str, min_hits: int = 3) -> str | None:
            lang, p = model.classify(text[:600])
            return lang if p >= 0.8 else None
        found["py3langid (p >= 0.8, first 600 chars)"] = py3langid
    try:
        import pycld2
    except ImportError:
        pass
    else:
        def cld2(text: str, min_hits: int = 3) -> str | None:
            try:
                reliable, _, details = pycld2.detect(text)
            except pycld2.error:
                return None
            code = details[0][1]
            return None if code == "un" or not reliable else code
        found["pycld2 (reliable)"] = cld2
    return found


def measure(name: str, identify: Identifier, pages: list[tuple[str, Page]]) -> None:
    calls: list[tuple[str, str, str | None]] = []  # (article|blocks, declared, guess)
    seconds = 0.0
    fired = 0
    for declared, page in pages:
        first = [True]

        def recorded(text: str, min_hits: int = 3) -> str | None:
            nonlocal seconds
            t0 = time.perf_counter()
            guess = identify(text, min_hits=min_hits)
            seconds += time.perf_counter() - t0
            calls.append(("article" if first[0] else "blocks", declared, guess))
            first[0] = False
            return guess
        link_blocks.language_of = recorded
        fired += link_blocks.LinkBlockLanguage().score(page).fired
    link_blocks.language_of = language_of
    print(f"{name}: fires on {fired} of {len(pages)} original pages; {1000 * seconds / max(len(calls), 1):.2f} ms a call")
    for part in ("article", "blocks"):
        mine = [(d, g) for p, d, g in calls if p == part]
        ok = sum(1 for d, g in mine if g is not None and right(g, d))
        unsure = sum(1 for _, g in mine if g is None)
        wrong = Counter((d, g) for d, g in mine if g is not None and not right(g, d))
        print(f"  {part}: {len(mine)} calls, right {ok} ({ok / max(len(mine), 1):.3f}), unsure {unsure}, "
              f"wrong {len(mine) - ok - unsure}; most often: {wrong.most_common(4)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=default_corpus_dir())
    ap.add_argument("--sample", type=int, default=600, help="English and German pages drawn (the rest are all read)")
    ap.add_argument("--candidates", action="store_true", help="also measure py3langid and pycld2 if installed")
    args = ap.parse_args()
    rows = [r for r in load_manifest(args.corpus) if r.get("lang")]
    common = [r for r in rows if base(r["lang"]) in ("en", "de")]
    rows = random.Random(16).sample(common, min(args.sample, len(common))) + [r for r in rows if r not in common]
    pages = []
    for r in rows:
        doc = read(read_raw(r))
        if doc.kind == "html":
            pages.append((base(r["lang"]), parse_html(doc.text, r.get("url"))))
    print(f"{len(pages)} pages that declare a language ({sum(d not in ('en', 'de') for d, _ in pages)} "
          f"neither English nor German)")
    measure("detector.text.language_of (function words)", language_of, pages)
    if args.candidates:
        for name, identify in candidates().items():
            measure(name, identify, pages)


if __name__ == "__main__":
    main()
