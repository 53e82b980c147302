"""Evidence points where a user can look: a CSS path into an HTML page, "line N" of a text dump.

The farm page below is a DedeCMS article template as site-group farms run it: the vote box's label and
count sit in separate <div>s (so its text spans several visible lines), and the template repeats
id="box" on its list boxes (so that id names no one element).
"""

from __future__ import annotations

import html
import re

import pytest
from bs4 import BeautifulSoup
from located import holds

from detector import Detector
from detector.cli import main
from detector.report import page_report

PARAGRAPHS = [
    "BRASILIA (AP) — Chinese Premier Li Qiang arrived in Brasilia on Monday for a three-day state visit, the first "
    "by a Chinese head of government in eleven years, with trade in soybeans and iron ore high on the agenda.",
    "Li was met at the airport by Brazil's foreign minister and is due to hold talks with President Luiz Inacio Lula "
    "da Silva on Tuesday, officials from both governments said.",
    "China is Brazil's largest trading partner, buying more than a third of its exports last year, most of them "
    "farm goods and minerals shipped from ports in the south and the north-east of the country.",
    "The two sides are expected to sign agreements on agriculture, energy and satellite cooperation, a Brazilian "
    "diplomat told reporters, speaking on condition of anonymity because the texts were not final.",
    "Associated Press writer Mauricio Savarese in Sao Paulo contributed to this report.",
]
RELATED = ["How to whiten teeth at home in 2016", "Dental implants: what they cost in 2019",
           "Five foods that stain your teeth", "Braces for adults: a 2013 guide"]
RANKING = ["Bitcoin price today", "Best roofing companies 2021", "Cheap flights to Bali", "Yoga for beginners 2014"]


def _list(items: list[str], path: str) -> str:
    return "".join(f'<li><a href="/{path}/{i}.html">{t}</a></li>' for i, t in enumerate(items, 1000))


FARM = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Chinese premier begins state visit to Brazil - Sunrise Dental Clinic</title>
<link rel="canonical" href="https://www.sunrisedentalclinic.com/news/2024/0611/20931.html">
<script>var _hmt = _hmt || []; (function() {{ var hm = document.createElement("script"); }})();</script>
</head>
<body class="articleview">
<div class="header"><div class="top w960"><a href="/" class="logo"><img src="/templets/images/logo.png" alt="Sunrise Dental Clinic"></a>
<ul class="nav"><li><a href="/">Home</a></li><li><a href="/whitening/">Teeth Whitening</a></li><li><a href="/implants/">Implants</a></li></ul></div></div>
<div class="w960 place">Current position: <a href="/">Home</a> &gt; <a href="/whitening/">Teeth Whitening</a> &gt; Content</div>
<div class="w960 main">
 <div class="pleft">
  <div class="viewbox">
   <div class="title"><h2>Chinese premier begins state visit to Brazil</h2></div>
   <div class="info"><small>Time:</small>2024-06-11 09:12 <small>Source:</small>Internet <small>Author:</small>admin <small>Hits:</small>1,024</div>
   <div class="content">{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}</div>
   <div class="newdigg">
    <div class="diggbox digg_good"><div class="digg_act">good!</div><div class="digg_num">(348)</div></div>
    <div class="diggbox digg_bad"><div class="digg_act">bad!</div><div class="digg_num">(2)</div></div>
   </div>
   <div class="boxoff"><strong>------分隔线----------------------------</strong></div>
  </div>
  <div id="box" class="related"><h3>Related Articles</h3><ul>{_list(RELATED, "whitening")}</ul></div>
 </div>
 <div class="pright">
  <div id="box" class="ranking"><h3>Hot Ranking</h3><ul>{_list(RANKING, "hot")}</ul></div>
 </div>
</div>
<div class="footer w960"><p>Copyright &copy; 2015-2024 Sunrise Dental Clinic. All Rights Reserved.</p></div>
</body></html>"""

DUMP = """Chinese premier begins state visit to Brazil - Sunrise Dental Clinic
Sunrise Dental Clinic
Home | Teeth Whitening | Implants
Current position: Home > Teeth Whitening > Content
Chinese premier begins state visit to Brazil
Time: 2024-06-11 09:12 Source: Internet Author: admin Hits: 1,024
{paragraphs}
good!
(348)
bad!
(2)
Related Articles
{related}
Copyright © 2015-2024 Sunrise Dental Clinic. All Rights Reserved.
""".format(paragraphs="\n".join(PARAGRAPHS), related="\n".join(f"* {t}" for t in RELATED))


@pytest.fixture(scope="module")
def detector() -> Detector:
    return Detector()


def _quoted(evidence: str) -> str:
    """The page's own words in an evidence text: 'vote widget "good! (348)"' -> 'good! (348)'."""
    return re.search(r'"(.+)"', evidence).group(1)


def test_html_evidence_is_a_css_path_to_the_element_that_holds_it(detector):
    result = detector.score(FARM)
    fired = {s.name: s for s in [*result.reasons, *result.original_evidence]}
    vote = fired["vote_widget"]
    assert vote.locator.startswith("body > div.w960:nth-of-type(3) > ")  # not "line 27" of text a browser never shows
    soup = BeautifulSoup(FARM, "lxml")  # another parse than the detector's, as a user's tool would make
    assert holds(soup, vote.locator, _quoted(vote.evidence))  # "good!" and "(348)": the box, not one label
    assert soup.select_one(vote.locator)["class"] == "diggbox digg_good".split()
    assert holds(soup, fired["view_counter"].locator, "Hits:1,024")
    assert holds(soup, fired["wire_dateline"].locator, "BRASILIA (AP) —")
    for s in fired.values():  # every locator names one element: the repeated id="box" is not used
        assert s.locator is None or len(soup.select(s.locator)) == 1, (s.name, s.locator)


def test_a_text_dump_keeps_line_numbers(detector):
    page = detector.page(DUMP, kind="text")
    result = detector.score(DUMP, kind="text")
    vote = next(s for s in result.reasons if s.name == "vote_widget")
    n = int(re.fullmatch(r"line (\d+)", vote.locator).group(1))
    assert page.lines[n - 1] == "good!"


def test_the_table_and_the_page_report_show_the_css_path(detector, tmp_path, capsys):
    path = tmp_path / "20931.html"
    path.write_text(FARM, "utf-8")
    assert main(["score", str(path), "--format", "table"]) == 0
    locator = next(s.locator for s in detector.score(FARM).reasons if s.name == "vote_widget")
    assert f"@ {locator}" in capsys.readouterr().out
    report, _ = page_report(detector, FARM.encode())
    assert f'<span class="placed">highlighted</span> <code>{html.escape(locator)}</code>' in report
