"""outlet_voice: the text speaks as another newsroom, in words that newsroom writes about its own reporting."""

from __future__ import annotations

import pytest

from detector.page import parse_html
from detector.signals.voice import OutletVoice
from detector.text_page import parse_text

STORY = [
    "Floodwaters rose through the night in the river valley, forcing hundreds of families from their homes.",
    "Rescue teams in boats reached villages cut off since Sunday, and the army set up shelters in two schools.",
    "Forecasters expect more rain on Thursday before the weather clears at the weekend, officials said.",
]


def page(line: str, *, url: str = "https://www.valleyupdates24.com/world/floods-2024", title: str = "Floods | Valley Updates 24"):
    body = "".join(f"<p>{p}</p>" for p in [STORY[0], line, *STORY[1:]])
    return parse_html(f"<html><head><title>{title}</title></head><body><header><a href='/'>Valley Updates 24</a></header>"
                      f"<h1>Floods force families from homes</h1><article>{body}</article></body></html>", url)


def dump(line: str):
    return parse_text("Valley Updates 24\nHome | World | Weather\n\nFloods force families from homes\n\n"
                      + "\n\n".join([STORY[0], line, *STORY[1:]]) + "\n\n© 2024 Valley Updates 24\n",
                      "https://www.valleyupdates24.com/world/floods-2024")


@pytest.mark.parametrize("line, value, named", [
    ("Reuters could not independently verify the footage, which circulated widely on social media.", 1.0, "Reuters"),
    ("A local official, who spoke on Monday, told The Associated Press that two bridges had collapsed.", 1.0, "Associated Press"),
    ("Der Landrat sagte der Deutschen Presse-Agentur, die Lage bleibe angespannt.", 1.0, "Presse-Agentur"),
    ("Le préfet a déclaré à l'AFP que les secours étaient mobilisés toute la nuit.", 1.0, "AFP"),
    ("CNN has reached out to the regional government for comment.", 0.8, "CNN"),
    ("The Manchester Evening News has learned that the council will meet on Friday.", 0.8, "Manchester Evening News"),
    ("The water authority did not respond to a request for comment from The Washington Post.", 0.8, "Washington Post"),
])
@pytest.mark.parametrize("build", [page, dump], ids=["html", "text"])
def test_another_newsroom_s_own_words_are_evidence(line, value, named, build):
    signal = OutletVoice().score(build(line))
    assert signal.value == value and named in signal.evidence


@pytest.mark.parametrize("line", [
    "The governor told the Reuters news agency that help was on the way.",  # how other outlets cite a wire
    "The mayor told CNN on Sunday that the town had never seen such a flood.",  # citing a broadcaster's interview
    "Police could not immediately confirm the number of people missing.",
    "Hamas has learned nothing from the last war, the minister said.",
    "I have seen floods before, but nothing like this.",
])
def test_citing_an_outlet_or_anyone_else_s_words_is_no_voice(line):
    assert OutletVoice().score(page(line)).value == 0


@pytest.mark.parametrize("line, url, title", [
    ("CNN has reached out to the regional government for comment.", "https://edition.cnn.com/2024/05/02/world/floods", "Floods | CNN"),
    ("Reuters could not independently verify the footage.", "https://www.reuters.com/world/floods-2024", "Floods | Reuters"),
    ("The Manchester Evening News has learned that the council will meet.", "https://www.manchestereveningnews.co.uk/news/floods",
     "Floods - Manchester Evening News"),
])
def test_a_newsroom_on_its_own_site_is_the_original(line, url, title):
    assert OutletVoice().score(page(line, url=url, title=title)).value == 0
