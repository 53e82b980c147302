"""Another newsroom's voice: copied reporting keeps the words that an outlet writes about its own work.

A newsroom reports in its own name: 'Reuters could not independently verify the footage', 'CNN has reached
out to the ministry', 'the minister told The Associated Press'. Another outlet citing that work writes
'told the Reuters news agency' or 'according to CNN', so only the newsroom's own forms count, and never on
its own site.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import load, pattern
from ..page import Page
from .attribution import credit_segments, credit_words, names_this_site, voice_cues, wire_alternation, wire_in, wire_site
from .base import Facts, Signal, SignalUnit

_PROSE_CHARS = 40  # the shortest of the forms with a name around it ('CNN has reached out to the ministry.')
_NAME = r"(?:[Tt]he\s+)?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|de|la|del)){0,4}"  # 'the Manchester Evening News'


@lru_cache(maxsize=1)
def _voices() -> list[re.Pattern[str]]:
    """The outlet's and the wire's forms, the name (where the form has one) in the group 'name'."""
    lex = load("attribution")
    outlet = [t.replace("{outlet}", f"(?P<name>{_NAME})") for t in lex["outlet_voice"]]
    wire = [t.replace("{wire}", f"(?P<name>{wire_alternation()})") for t in lex["wire_voice"]]
    return [re.compile(t) for t in outlet + wire]


def _looks_like_outlet(name: str) -> bool:
    """'The Manchester Evening News', 'CNN', 'Reuters'; not 'Hamas', 'Police' or 'I'."""
    return bool(wire_in(name) or pattern("attribution", "outlet_words", whole_words=True).search(name)
                or pattern("attribution", "broadcaster_codes", whole_words=True, ignore_case=False).search(name))


def _own(name: str, page: Page) -> bool:
    """The outlet is the site itself ('The Daily News has learned' on nydailynews.com), or the page is a wire's."""
    return wire_site(page) or names_this_site(re.sub(r"^[Tt]he\s+", "", name), page)


class OutletVoice(SignalUnit):
    name = "outlet_voice"
    description = ("The text speaks as another newsroom ('Reuters could not independently verify', 'CNN has reached out', "
                   "'told The Associated Press', 'sagte der Deutschen Presse-Agentur'): that outlet's reporting, copied.")

    def score(self, page: Page) -> Signal:
        # Reporting is prose (a text dump's or a missed main text's too), not a menu's or a teaser's short lines.
        # The words that one of the forms needs, as written (a form's verbs are lower case): a cheap test before them.
        cues = voice_cues()
        for (text, where), words in zip(credit_segments(page), credit_words(page)):
            if len(text) < _PROSE_CHARS or words.isdisjoint(cues):
                continue
            for voice in _voices():
                for m in voice.finditer(text):
                    name = (m.groupdict().get("name") or wire_in(m.group(0)) or "").rstrip(".'’-")
                    wire = wire_in(name)
                    if not name or _own(name, page) or not (wire or _looks_like_outlet(name)):
                        continue
                    shown = text[max(0, m.start() - 40): m.end() + 60].strip()
                    return self.found(1.0 if wire else 0.8, f'the text speaks as {name}: "{shown}"', where(),
                                      Facts(wire=wire) if wire else Facts(name=name))
        return self.nothing()


SIGNALS: list[SignalUnit] = [OutletVoice()]
