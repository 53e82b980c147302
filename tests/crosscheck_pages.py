"""Hand-written pages for the batch cross-check: one local story on its publisher's site, a clone of
it on another host, a spun copy, a text dump of the clone, a wire story on two farms, and an
unrelated story."""

from __future__ import annotations

import random
import re

STORY = [
    "The county commission voted 4-1 on Tuesday night to close the Elm Street bridge for eleven weeks "
    "this summer, after inspectors found corrosion in two of the steel girders that carry the deck over Mill Creek.",
    "Engineers from the state transportation department told commissioners that the bridge, built in 1962, "
    "remains safe for cars for now but cannot carry loaded trucks, which will be detoured through Harmon Road.",
    "Commissioner Dana Whitfield, who cast the only vote against the plan, said the detour would add twenty "
    "minutes to school bus routes and asked staff to look at doing the work during the winter break instead.",
    "Public works director Luis Ortega said cold weather would slow the concrete work and raise the cost by "
    "roughly a third, and that the contractor, Bayline Construction, had already ordered replacement girders.",
    "Owners of the four shops on the east side of the bridge said they were worried about losing walk-in "
    "customers, and the commission agreed to pay for signs pointing drivers to the businesses during the closure.",
    "The repair is expected to cost $2.3 million, with eighty percent paid by a federal bridge program and "
    "the rest from the county road fund, which voters renewed in November by a wide margin.",
    "A public meeting on the detour plan will be held at the Riverside Library on March 28 at 6 p.m., and "
    "residents can send comments to the public works office until the end of April.",
    "Work is scheduled to begin on June 3, the week after school lets out, and the bridge should reopen to "
    "traffic by the third week of August if the weather cooperates, Ortega said.",
]

WIRE_STORY = [
    "WASHINGTON (AP) — The Senate on Thursday passed a bill that would extend funding for rural broadband "
    "grants through 2027, sending the measure to the House after weeks of negotiations over its cost.",
    "The bill, approved 71-27, would provide $4 billion a year for projects that bring high-speed internet "
    "to areas where fewer than a quarter of homes have access, according to the Congressional Budget Office.",
    "Supporters said the program had connected more than a million households since it began, while critics "
    "argued that many of the grants went to places that already had service from private providers.",
    "The House is expected to take up the bill next month, and leaders of both parties said they expected it "
    "to pass with changes to how the grants are awarded and how coverage maps are drawn.",
    "Several governors wrote to congressional leaders last week urging quick action, saying construction "
    "crews would otherwise be idle during the summer building season when most fiber is laid.",
    "The White House said in a statement that the president would sign the measure if it reached his desk "
    "in its current form, calling rural broadband one of the administration's top priorities.",
]

OTHER_STORY = [
    "The Hillview Orchestra will open its fiftieth season in October with a program of works by local "
    "composers, music director Anna Kowalski announced at a reception at the concert hall on Sunday.",
    "The season includes eight concerts, two of them free performances in city parks, and a collaboration "
    "with the high school choir on a new piece commissioned for the anniversary.",
    "Kowalski, who joined the orchestra in 2016, said ticket sales had recovered to their level before the "
    "pandemic and that the number of subscribers under thirty had doubled in three years.",
    "The orchestra also plans to replace the seats in the balcony over the winter, paid for by a donation "
    "from the family of a longtime violinist who died last spring at the age of ninety-one.",
    "Subscriptions go on sale on the first of May at the box office and on the orchestra's website, with "
    "discounts for students, teachers and anyone who brings a child to the family matinees.",
]


def article(url: str, site: str, title: str, paragraphs: list[str], *, byline: str, date: str,
            canonical: str | None = None, assets: str | None = None, extra: str = "") -> str:
    """A news article page: header with the site's name, headline, byline, date, story, footer."""
    host = re.match(r"https?://[^/]+", url).group(0)
    assets = assets or host
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>
<link rel="canonical" href="{canonical or url}">
<meta property="og:site_name" content="{site}"><meta property="og:title" content="{title}">
<meta property="article:published_time" content="{date}T08:30:00Z">
<link rel="stylesheet" href="{assets}/static/css/main.css"><script src="{assets}/static/js/site.js"></script>
</head><body>
<header><a href="{host}/"><img src="{assets}/static/img/logo.png" alt="{site}"></a>
<nav><a href="{host}/news/">News</a> <a href="{host}/sports/">Sports</a> <a href="{host}/opinion/">Opinion</a></nav></header>
<main><article><h1>{title}</h1>
<p class="byline">{byline}</p><time datetime="{date}">{date}</time>
<figure><img src="{assets}/uploads/2024/03/bridge.jpg" alt="The Elm Street bridge"></figure>
{body}
{extra}
</article></main>
<footer><p>© 2024 {site}. All rights reserved.</p><a href="{host}/about/">About us</a> <a href="{host}/contact/">Contact</a></footer>
</body></html>"""


ORIGINAL_URL = "https://www.riversidecourier.com/news/2024/03/12/elm-street-bridge-closure"
TITLE = "Elm Street bridge to close for eleven weeks of repairs"


def original() -> tuple[str, str]:
    return article(ORIGINAL_URL, "Riverside Courier", TITLE, STORY, byline="By Maria Lopez", date="2024-03-12"), ORIGINAL_URL


def clone() -> tuple[str, str]:
    """The publisher's own markup and text on another host, its images still loaded from the original."""
    url = "https://dailynewsmirror.xyz/news/2024/03/12/elm-street-bridge-closure"
    html = article(url, "Riverside Courier", TITLE, STORY, byline="By Maria Lopez", date="2024-03-12",
                   assets="https://www.riversidecourier.com")
    return html, url


def spun_copy() -> tuple[str, str]:
    """About 15% of the words swapped, a made-up staff writer, two days later."""
    rng = random.Random(3)
    spun = []
    for p in STORY:
        words = p.split()
        for i in range(len(words)):
            if rng.random() < 0.15 and words[i].isalpha():
                words[i] = rng.choice(["also", "indeed", "locally", "reportedly", "now", "further"])
        spun.append(" ".join(words))
    url = "https://trendbuzzhub.com/elm-street-bridge-closing-repairs/"
    return article(url, "TrendBuzz Hub", "Elm Street Bridge Will Close For Repairs", spun,
                   byline="By Editorial Team", date="2024-03-14"), url


def clone_dump() -> tuple[str, str]:
    """What a browser's "select all, copy" gives on the clone: the original's text and name."""
    text = "\n\n".join(["Riverside Courier", "News  Sports  Opinion", TITLE, "By Maria Lopez", "March 12, 2024",
                        *STORY, "© 2024 Riverside Courier. All rights reserved.", "About us  Contact"])
    return text, "https://newsfeed-archive.net/2024/elm-street-bridge.txt"


def wire_farms() -> list[tuple[str, str]]:
    """One AP story on two farms: the source is the wire, neither farm is the other's original."""
    pages = []
    for host, site, date in (("https://www.dailyheadlines24.com", "Daily Headlines 24", "2024-05-02"),
                             ("https://newsnowportal.net", "News Now Portal", "2024-05-03")):
        url = f"{host}/politics/senate-passes-rural-broadband-bill"
        pages.append((article(url, site, "Senate passes rural broadband bill", WIRE_STORY,
                              byline="Staff", date=date), url))
    return pages


def unrelated() -> tuple[str, str]:
    url = "https://www.hillviewgazette.com/arts/orchestra-fiftieth-season"
    return article(url, "Hillview Gazette", "Orchestra opens fiftieth season with local composers", OTHER_STORY,
                   byline="By Tom Reyes", date="2024-03-10"), url


def batch() -> dict[str, tuple[str, str]]:
    """Every page above by name, in a shuffled-looking order."""
    farm_a, farm_b = wire_farms()
    return {"spun": spun_copy(), "wire_a": farm_a, "unrelated": unrelated(), "original": original(),
            "dump": clone_dump(), "wire_b": farm_b, "clone": clone()}
