"""News-agency datelines and credit lines (shared by wire_farm and portal_syndication)."""

from __future__ import annotations

import datetime as _dt
import random
import re

from . import common as C
from . import words as W

# agencies plausible for a given text language
AGENCIES_BY_LANG = {
    "en": ["AP", "AP", "Reuters", "Reuters", "AFP", "dpa", "Xinhua", "Kyodo"],
    "de": ["dpa", "dpa", "AFP", "Reuters"],
    "es": ["EFE", "EFE", "AFP", "Reuters"],
    "fr": ["AFP", "AFP", "Reuters"],
    "ja": ["Kyodo"],
    "zh": ["Xinhua"],
}


def base_lang(lang: str | None) -> str:
    lang = (lang or "en").split("-")[0].lower()
    return lang if lang in AGENCIES_BY_LANG else "en"


def pick_agency(rng: random.Random, lang: str | None) -> str:
    return C.pick(rng, AGENCIES_BY_LANG[base_lang(lang)])


def already_has_dateline(text: str) -> bool:
    return bool(re.match(r"^[A-ZÀ-Ü .,'-]{3,40}(,[^()]{0,25})?\s*\((AP|Reuters|AFP|dpa|EFE|Kyodo|Xinhua)\)", text)) or \
        text.startswith(("【", "新华社"))


def dateline(rng: random.Random, lang: str | None, agency: str, d: _dt.date | None) -> str:
    """A dateline prefix (ends with the separator and a space where the language uses one)."""
    lg = base_lang(lang)
    city = C.pick(rng, W.WIRE_CITIES.get(lg, W.WIRE_CITIES["en"]))
    if lg == "zh":
        mmdd = f"{d.month}月{d.day}日" if d else ""
        return f"新华社{city}{mmdd}电 "
    if lg == "ja":
        return f"【{city}共同】"
    if agency == "Reuters":
        md = f", {W.MONTHS_SHORT[d.month - 1]} {d.day}" if d and C.chance(rng, 0.7) else ""
        return f"{city}{md} (Reuters) - "
    if agency == "AP":
        return f"{city} (AP) {C.pick(rng, ['—', '—', '--', '-'])} "
    if agency == "EFE":
        if lg == "es" and d:
            return f"{city.title()}, {d.day} {W.MONTHS_ES[d.month - 1][:3]} (EFE).- "
        return f"{city} (EFE) - "
    if agency == "Xinhua":
        md = f", {W.MONTHS_EN[d.month - 1]} {d.day}" if d else ""
        return f"{city}{md} (Xinhua) -- "
    if agency == "Kyodo":
        return f"{city} (Kyodo) -- "
    return f"{city} ({agency}) {C.pick(rng, ['-', '–', '—'])} "


def credit(rng: random.Random, lang: str | None, agency: str) -> str:
    lg = base_lang(lang)
    if lg == "zh":
        return C.pick(rng, [f"（记者 {C.person(rng, 'zh')}）", f"（新华社记者 {C.person(rng, 'zh')}、{C.person(rng, 'zh')}）"])
    if lg == "ja":
        return "（共同）"
    name, name2 = C.person(rng), C.person(rng)
    if agency == "AP":
        city = C.pick(rng, W.WIRE_CITIES["en"]).title()
        return C.pick(rng, [
            f"Associated Press writer {name} contributed to this report.",
            f"AP writer {name} in {city} contributed to this report.",
            f"Associated Press writers {name} in {city} and {name2} contributed.",
        ])
    if agency == "Reuters":
        return C.pick(rng, [
            f"Reporting by {name}; Editing by {name2}",
            f"Reporting by {name} in {C.pick(rng, W.WIRE_CITIES['en']).title()}; Additional reporting by {name2}; Editing by {C.person(rng)}",
            f"(Reporting by {name}; Writing by {name2}; Editing by {C.person(rng)})",
        ])
    if agency == "dpa":
        return C.pick(rng, [f"dpa/{C.rand_id(rng, 2, 'abcdefghijklmnopqrstuvwxyz')} {C.rand_id(rng, 2, 'abcdefghijklmnopqrstuvwxyz')}",
                            "© dpa-infocom, dpa:" + f"{rng.randint(200101, 241231)}-99-{rng.randint(100000, 999999)}/{rng.randint(1, 9)}",
                            "(dpa)"])
    if agency == "EFE":
        return C.pick(rng, [f"EFE {C.rand_id(rng, 3, 'abcdefghijklmnopqrstuvwxyz')}/{C.rand_id(rng, 2, 'abcdefghijklmnopqrstuvwxyz')}", "(EFE)"])
    if agency == "AFP":
        if lg == "fr":
            return C.pick(rng, ["(Avec AFP)", f"{C.rand_id(rng, 3, 'abcdefghijklmnopqrstuvwxyz')}/{C.rand_id(rng, 3, 'abcdefghijklmnopqrstuvwxyz')}/{C.rand_id(rng, 2, 'abcdefghijklmnopqrstuvwxyz')}"])
        return C.pick(rng, [f"{C.rand_id(rng, 3, 'abcdefghijklmnopqrstuvwxyz')}/{C.rand_id(rng, 2, 'abcdefghijklmnopqrstuvwxyz')}", "— AFP", f"With AFP. Writing by {name}."])
    if agency == "Xinhua":
        return C.pick(rng, ["Source: Xinhua", f"Editor: {name}"])
    return C.pick(rng, ["(Kyodo)", "==Kyodo"])


def inject(rng: random.Random, paras: list[str], lang: str | None, agency: str, d: _dt.date | None,
           with_dateline: bool, with_credit: bool) -> list[str]:
    out = list(paras)
    if with_dateline and out and not already_has_dateline(out[0]):
        out[0] = dateline(rng, lang, agency, d) + out[0]
    if with_credit and out:
        out.append(credit(rng, lang, agency))
    return out
