"""Reading the Cranfield 1400 collection (shared by cranfield-to-jsonl and eval-ranking).

Files: cran.all.1400 (.I id, .T title, .A author, .B source, .W text), cran.qry (.I ids 001…365
with gaps; the judgements number the queries 1…225 in file order) and cranqrel (query, doc, grade;
grade 1 best … 4 minimal, -1 of no interest).

Our convention (../shared/data/cranfield/NOTICE.md): grades 1–4 are relevant, -1 is not; graded
measures use gain = 5 − grade (grade 1 → 4 … grade 4 → 1; -1 → 0).
"""
from __future__ import annotations

import re
from pathlib import Path

FIELD = re.compile(r"^\.([ITABW])\b ?(.*)$")


def _records(path: Path) -> list[dict[str, str]]:
    """Split a SMART-format file into records of {field letter: text}."""
    records: list[dict[str, str]] = []
    current: dict[str, list[str]] | None = None
    field = None
    for line in path.read_text(encoding="latin-1").splitlines():
        m = FIELD.match(line)
        if m:
            letter, rest = m.groups()
            if letter == "I":
                current = {"I": [rest.strip()]}
                records.append(current)  # type: ignore[arg-type]
                field = None
            elif current is not None:
                field = letter
                current.setdefault(field, [])
                if rest.strip():
                    current[field].append(rest)
            continue
        if current is not None and field is not None:
            current[field].append(line)
    return [{k: " ".join(" ".join(v).split()) for k, v in r.items()} for r in records]  # type: ignore[union-attr]


def documents(src: Path) -> list[dict]:
    """The 1,400 documents as NewsSearch JSONL records (id = the document number as a string)."""
    out = []
    for r in _records(src / "cran.all.1400"):
        out.append({
            "id": str(int(r["I"])),
            "title": r.get("T", ""),
            "body": r.get("W", ""),
            "authors": [r["A"]] if r.get("A") else [],
            "source": "Cranfield",
            "bibliographic_source": r.get("B", ""),
        })
    return out


def queries(src: Path) -> list[tuple[str, str, str]]:
    """(qrels query number 1…225 in file order, original .I id, text)."""
    return [(str(n), r["I"], r.get("W", ""))
            for n, r in enumerate(_records(src / "cran.qry"), start=1)]


def gain(grade: int) -> int:
    """Grades 1..4 → gain 4..1; -1 (of no interest) → 0 (not relevant)."""
    return 5 - grade if 1 <= grade <= 4 else 0


def qrels(src: Path) -> list[tuple[str, str, int]]:
    """(query 1…225, doc id, gain) for every judgement; -1 judgements are kept with gain 0."""
    out = []
    for line in (src / "cranqrel").read_text(encoding="latin-1").splitlines():
        parts = line.split()
        if len(parts) >= 3:
            out.append((str(int(parts[0])), str(int(parts[1])), gain(int(parts[2]))))
    return out
