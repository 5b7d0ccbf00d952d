#!/usr/bin/env python3
"""Generate Tests/NewsAnalysisTests/Data/snowball-english.tsv: word<TAB>stem for the whole
Snowball English vocabulary, stemmed by the reference implementation (PyPI `snowballstemmer`).

Run once; the output is tool output and is committed so tests need neither Python nor the network.
    apt-get install snowball-data && pip install snowballstemmer
    python3 scripts/gen-snowball-tsv.py [/usr/share/snowball/data/english/voc.txt]
"""
import pathlib
import sys

import snowballstemmer

vocabulary = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/snowball/data/english/voc.txt")
out = pathlib.Path(__file__).resolve().parent.parent / "Tests/NewsAnalysisTests/Data/snowball-english.tsv"
stemmer = snowballstemmer.stemmer("english")
words = [w for w in vocabulary.read_text(encoding="utf-8").split("\n") if w]
with out.open("w", encoding="utf-8") as f:
    for word in words:
        f.write(f"{word}\t{stemmer.stemWord(word)}\n")
print(f"{len(words)} pairs from {vocabulary} (snowballstemmer {snowballstemmer.__version__ if hasattr(snowballstemmer, '__version__') else '?'}) -> {out}")
