#!/usr/bin/env bash
# Raw analyzer throughput, outside SQLite (issue 3). Converts the Reuters-21578 stories to plain
# text in a temporary file (never committed), builds bench-analysis in release mode and runs it.
#
#   scripts/bench-analyzer.sh [SECONDS]          # default 5
#   REUTERS=/path/to/reuters21578 scripts/bench-analyzer.sh
#
# Prints wall-clock and this thread's CPU-time throughput; on a shared machine the CPU figure is
# the one-core number.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-5}"
reuters="${REUTERS:-../shared/data/reuters21578}"
text="${TMPDIR:-/tmp}/newssearch-reuters.txt"

if [[ ! -s "$text" ]]; then
    [[ -d "$reuters" ]] || { echo "bench-analyzer: no Reuters-21578 at $reuters (set REUTERS=...)" >&2; exit 1; }
    python3 - "$reuters" "$text" <<'PY'
import glob, html, re, sys
src, out = sys.argv[1], sys.argv[2]
stories = []
for path in sorted(glob.glob(f"{src}/reut2-*.sgm")):
    sgml = open(path, encoding="latin-1").read()
    for story in re.finditer(r"<REUTERS.*?</REUTERS>", sgml, re.S):
        title = re.search(r"<TITLE>(.*?)</TITLE>", story.group(0), re.S)
        body = re.search(r"<BODY>(.*?)</BODY>", story.group(0), re.S)
        text = (title.group(1) + "\n" if title else "") + (body.group(1) if body else "")
        text = re.sub(r"\n\s*\n+", "\n", html.unescape(text).replace("\x03", "").strip())
        if text:
            stories.append(text)
open(out, "w", encoding="utf-8").write("\n\n".join(stories) + "\n")
print(f"bench-analyzer: {len(stories)} stories -> {out}", file=sys.stderr)
PY
fi

swift build -c release --product bench-analysis >&2
.build/release/bench-analysis "$text" --seconds 0 | sed 's/^/first pass (cold cache): /'
.build/release/bench-analysis "$text" --seconds "$seconds"
