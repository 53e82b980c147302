"""Small text helpers shared by the page builders and the signals: words and dates."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import date
from collections.abc import Iterable
from functools import lru_cache

from .lexicons import load
from .phrases import Phrases

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# The words of ``_WORD`` of three characters or more: a match starts only where a word does (a shorter word's
# tails are shorter still), so these are its longer words, without a str made for each short one.
_LONG_WORD = re.compile(r"[^\W_]{3,}")

MONTHS = {
    # English, German, French, Spanish month names and abbreviations -> number
    **{m: i for i, m in enumerate(
        "january february march april may june july august september october november december".split(), 1)},
    **{m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)},
    "sept": 9,
    **{m: i for i, m in enumerate(
        "januar februar märz april mai juni juli august september oktober november dezember".split(), 1)},
    **{m: i for i, m in enumerate(
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(), 1)},
    **{m: i for i, m in enumerate(
        "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(), 1)},
}
YEAR = r"(?:19|20)\d\d"  # a year as the date and line patterns write it (text dumps, copyright lines)
_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATE_PATTERNS = (
    # 2024-03-05, 2024/3/5, 2024.03.05, 2024年3月5日
    (re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)"), "ymd"),
    # 05.03.2024, 5/3/2024 (day first, as most of the world writes it)
    (re.compile(r"(?<!\d)(\d{1,2})[./](\d{1,2})[./]((?:19|20)\d\d)(?!\d)"), "dmy"),
    # March 5, 2024 / Mar. 5 2024. The look-ahead (letters, then a number: month names are letters only) spares
    # the other words the ~60 case-insensitive names: a third of the time, the same matches.
    (re.compile(rf"(?i)\b(?=[^\W\d_]+\.?\s+\d)({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b"),
     "mdy_name"),
    # 5 March 2024 / 5. März 2024 / 5 de marzo de 2024
    (re.compile(rf"(?i)\b(\d{{1,2}})\.?\s+(?:de\s+)?({_MONTH_ALT})\.?\s+(?:de\s+)?((?:19|20)\d\d)\b"), "dmy_name"),
)
_YEAR = re.compile(r"(?<![\d/.-])((?:19[5-9]|20[0-4])\d)(?![\d/.-])")


def normalize(text: str) -> str:
    """Collapse white space and unify compatibility characters (full-width, ligatures)."""
    # ASCII is its own NFKC form; str.split's white space is the \s of a str pattern (both Py_UNICODE_ISSPACE).
    text = text if text.isascii() else unicodedata.normalize("NFKC", text)
    # Every white space character but the space is unprintable (checked over all of Unicode, tests/test_text.py),
    # so a printable text with single inner spaces is its own result: over half the characters given here are
    # (lines and parts of lines), and these tests make no list of words.
    if text[:1] != " " and text[-1:] != " " and "  " not in text and text.isprintable():
        return text
    return " ".join(text.split())


def cjk_share(text: str) -> float:
    if not text or text.isascii():
        return 0.0
    return len(_CJK.findall(text)) / len(text)


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; CJK text becomes overlapping character bigrams, since it has no spaces."""
    low = text.lower()
    if low.isascii() or not _CJK.search(low):  # no CJK word: the same filter, without a search per word
        return [w for w in _LONG_WORD.findall(low) if not w.isdigit()]
    out: list[str] = []
    for word in _WORD.findall(low):
        if not word.isascii() and _CJK.search(word):
            chars = [c for c in word]
            out.extend(a + b for a, b in zip(chars, chars[1:])) if len(chars) > 1 else out.append(word)
        elif len(word) > 2 and not word.isdigit():
            out.append(word)
    return out


# An ASCII character of a word (``_WORD``: a letter or a digit) as "a", any other as a space.
_ASCII_WORD_MARKS = bytes(ord("a") if i < 128 and chr(i).isalnum() else ord(" ") for i in range(256))


def word_count(text: str) -> int:
    """Words, counting every two CJK characters as one word so that CJK and Latin text compare."""
    if text.isascii():  # no CJK to count apart: count word starts, with no list of the words (a tenth of the time)
        marks = text.encode("ascii").translate(_ASCII_WORD_MARKS)
        return marks.count(b" a") + marks.startswith(b"a")
    spaced, cjk = _CJK.subn(" ", text)  # one pass counts the CJK characters and spaces them out
    return len(_WORD.findall(spaced)) + cjk // 2


_SCRIPTS = (  # (language or script, character class); kana before Han: Japanese mixes both
    ("ja", re.compile(r"[\u3040-\u30ff]")), ("ko", re.compile(r"[\uac00-\ud7af]")), ("zh", _CJK),
    ("cyrillic", re.compile(r"[\u0400-\u04ff]")), ("arabic", re.compile(r"[\u0600-\u06ff]")),
    ("greek", re.compile(r"[\u0370-\u03ff]")), ("hebrew", re.compile(r"[\u0590-\u05ff]")),
    ("thai", re.compile(r"[\u0e00-\u0e7f]")), ("devanagari", re.compile(r"[\u0900-\u097f]")),
)
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LETTERS = re.compile(r"[^\W\d_]+")  # a word of letters, as the function words are
_OTHER_SCRIPT = re.compile(r"[\u0370-\u07ff\u0900-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")


@lru_cache(maxsize=1)
def _function_words() -> dict[str, frozenset[str]]:
    return {lang: frozenset(words) for lang, words in load("languages")["function_words"].items()}


@lru_cache(maxsize=1)
def _languages_of_word() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for lang, words in _function_words().items():
        for word in words:
            out.setdefault(word, []).append(lang)
    return {w: tuple(langs) for w, langs in out.items()}


def language_of(text: str, min_hits: int = 3) -> str | None:
    """A rough guess: the script when it is not Latin ("zh", "ja", "ko", "cyrillic", ...), else the
    Latin-script language whose function words the text uses most; None when unsure."""
    text = text.replace("\u00ad", "")  # soft hyphens split words
    if not text.isascii() and _OTHER_SCRIPT.search(text):  # else Latin only: skip the script counts
        letters = len(_LATIN_LETTER.findall(text))
        counts = {lang: len(chars.findall(text)) for lang, chars in _SCRIPTS}
        if counts["ja"] >= 3:
            counts["ja"] += counts["zh"]
        for lang, n in counts.items():  # in _SCRIPTS order
            if n > max(letters / 2, 1):
                return lang
        if not letters:
            return None
    hits = dict.fromkeys(_function_words(), 0)
    langs_of = _languages_of_word()
    counts = Counter(_LETTERS.findall(text.lower()))  # each word once: a text repeats its function words
    for word in counts.keys() & langs_of.keys():
        for lang in langs_of[word]:
            hits[lang] += counts[word]
    (best, lang), (second, _) = sorted(((n, lang) for lang, n in hits.items()), reverse=True)[:2]
    return lang if best >= min_hits and best >= 2 * second else None


_HEAD_CHARS_PER_WORD = 12  # prose has a word every 5-7 characters: n words are in a long text's first 12n


def fewer_words(text: str, n: int) -> bool:
    """``word_count(text) < n``, answered by the length of a short ASCII text (n words need 2n - 1 characters),
    or by the head of a long one: a text's first characters hold no more words, nor CJK characters, than all of it."""
    if text.isascii() and len(text) < 2 * n - 1:
        return True
    head = text[:_HEAD_CHARS_PER_WORD * n]
    if len(head) < len(text) and word_count(head) >= n:
        return False
    return word_count(text) < n


def is_headline(text: str) -> bool:
    """Looks like a headline: a few words, not a one-word menu item."""
    n = word_count(text)
    return 4 <= n <= 40 or (len(text) >= 25 and n <= 40)


@lru_cache(maxsize=4096)
def _parse(kind: str, a: str, b: str, c: str) -> date | None:
    try:
        if kind == "ymd":
            return date(int(a), int(b), int(c))
        if kind == "dmy":
            return date(int(c), int(b), int(a))
        if kind == "mdy_name":
            return date(int(c), MONTHS[a.lower()], int(b))
        if kind == "dmy_name":
            return date(int(c), MONTHS[b.lower()], int(a))
    except (ValueError, KeyError):
        return None
    return None


_ANY_YEAR = re.compile(YEAR)  # every date pattern holds one; most text has none


def find_dates(text: str) -> list[date]:
    """Every full calendar date written in ``text``, in order of appearance."""
    if not _ANY_YEAR.search(text):
        return []
    found: list[tuple[int, date]] = []
    for pattern, kind in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            d = _parse(kind, *m.groups())
            if d is not None and 1950 <= d.year <= 2100:
                found.append((m.start(), d))
    return [d for _, d in sorted(found, key=lambda x: x[0])]


def parse_date(text: str) -> date | None:
    """The first full date in ``text`` (ISO timestamps included), or None."""
    dates = find_dates(text[:200])
    return dates[0] if dates else None


def find_years(text: str) -> list[int]:
    """Four-digit years (1950-2049) that stand alone or inside a date."""
    years = [int(y) for y in _YEAR.findall(text)]
    years.extend(d.year for d in find_dates(text))
    return years


def shorten(text: str, limit: int = 160) -> str:
    text = normalize(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_AUTOMATON_DEPTH = 64
"""Longest needle ``occurring`` gives to Aho-Corasick. One page-long needle over repetitive text (a line of
300,000 "a", or of ". ") cost pyahocorasick the square of its length, inside one C call no time budget can
interrupt; any automaton's size, and its overlapping matches' count, grow with the needles' lengths."""


def occurring(needles: Iterable[str], text: str) -> set[str]:
    """Which of ``needles`` occur in ``text`` (as written), in time linear in the text.

    Needles up to ``_AUTOMATON_DEPTH`` characters are found in one Aho-Corasick pass; longer ones
    (rare: a line of few words is short) with ``in``, whose two-way search is linear in the text.
    """
    needles = {n for n in needles if n and len(n) <= len(text)}
    long = {n for n in needles if len(n) > _AUTOMATON_DEPTH}
    return Phrases(needles - long, as_written=True, kept=False).found(text) | {n for n in long if n in text}

