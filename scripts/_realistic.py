"""The realistic mode of gen-corpus: articles assembled from Reuters-21578 (not a public library).

Real news text is what the synthetic Zipf words lack: names, numbers, quotes, organisations,
datelines, capitalised headlines. Each article takes a Reuters story's headline, its dateline place
with the generator's date ("SALVADOR, Mar 4 -"), its paragraphs, then paragraphs of other stories
until it reaches a lognormal length (median 1,100 bytes, σ 0.55, clamped 200–20,000: 1.56 KB mean with seed 42).
`actors` lists the people, organisations and places the Reuters editors tagged on the stories used.
The dates, sources, ids, urls and authors come from the generator's own world (see gen-corpus).
Deterministic for a given seed and copy of the data. The text stays in the generated corpus, which
is benchmark input outside the repository (see the data's NOTICE.md).
"""
from __future__ import annotations

import bisect
import importlib.machinery
import importlib.util
import json
import math
import re
from pathlib import Path
from random import Random

from _common import SCRIPTS_DIR, data_dir, display_path

MONTH_ABBREVIATIONS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
PLACE_NAMES = {"usa": "United States", "uk": "United Kingdom", "ussr": "Soviet Union", "uae": "United Arab Emirates"}
DATELINE = re.compile(r"^(.*?),\s+[A-Za-z]+\s+\d{1,2}$")


def _reuters_module():
    """scripts/reuters-to-jsonl as a module: one reading of the SGML for both scripts."""
    path = str(SCRIPTS_DIR / "reuters-to-jsonl")
    loader = importlib.machinery.SourceFileLoader("reuters_to_jsonl", path)
    spec = importlib.util.spec_from_loader("reuters_to_jsonl", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


def place_name(code: str) -> str:
    return PLACE_NAMES.get(code, " ".join(p.capitalize() for p in code.split("-")))


class Stories:
    """The Reuters stories with a body: headline, dateline place, paragraphs, tagged names."""

    def __init__(self, source: str | None) -> None:
        self.folder = data_dir("reuters21578", source)
        files = sorted(self.folder.glob("reut2-*.sgm")) if self.folder.exists() else []
        self.missing = not files
        self.items: list[tuple[str, str, list[str], list[str]]] = []
        if self.missing:
            return
        r2j = _reuters_module()
        for f in files:
            for m in r2j.STORY.finditer(f.read_bytes().decode("latin-1")):
                rec = r2j.convert(m.group(1), m.group(2))
                if not rec["body"] or not rec["title"]:
                    continue
                place = DATELINE.match(rec["dateline"])
                names = rec["actors"] + [place_name(p) for p in rec["places"]]
                self.items.append((rec["title"], place.group(1).strip() if place else "",
                                   rec["body"].split("\n\n"), names))

    def where(self) -> str:
        return display_path(self.folder)


class RealisticGenerator:
    """Articles from the stories, with the world's dates, sources and journalists."""

    def __init__(self, world, stories: Stories, seed: int) -> None:
        self.w, self.stories = world, stories.items
        self.rng = Random(seed * 7919 + 3)
        self.seed = seed
        self.words = 0

    def article(self, index: int) -> dict:
        w, rng, stories = self.w, self.rng, self.stories
        random = rng.random
        target = min(20000, max(200, int(math.exp(math.log(1100) + 0.55 * rng.gauss(0.0, 1.0)))))
        title, place, paragraphs, names = stories[int(random() * len(stories))]
        date = w.days[bisect.bisect(w.day_cum, random() * w.day_cum[-1])]
        body_parts: list[str] = []
        listed = list(names)
        length = 0
        for paragraph in paragraphs:
            if body_parts and length + len(paragraph) > target:
                break
            body_parts.append(paragraph)
            length += len(paragraph) + 2
        while length < target:
            _, _, more, more_names = stories[int(random() * len(stories))]
            for paragraph in more[:1 + int(random() * 3)]:
                body_parts.append(paragraph)
                length += len(paragraph) + 2
            listed += more_names
        if place:
            body_parts[0] = f"{place}, {MONTH_ABBREVIATIONS[int(date[5:7]) - 1]} {int(date[8:])} - {body_parts[0]}"
        body = "\n\n".join(body_parts)
        self.words += body.count(" ") + 1
        source, slug = w.sources[bisect.bisect(w.source_cum, random() * w.source_cum[-1])]
        aid = f"real{self.seed}-{index:07d}"
        return {
            "id": aid, "title": title, "body": body, "date": date, "source": source,
            "url": f"https://{slug}.example/{date[:4]}/{date[5:7]}/{aid}",
            "authors": [w.journalists[int(random() * len(w.journalists))]],
            "actors": list(dict.fromkeys(listed)),
            "_slug": slug,
        }


def json_line(rec: dict) -> str:
    return json.dumps(rec, ensure_ascii=False) + "\n"
