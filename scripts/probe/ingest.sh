# Ingestion cases of issue 14: what one article can cost, and articles that are ordinary somewhere.

# json_count FILE: the "total" of a search --json answer (0 when absent).
json_total() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("total", 0))' "$1" 2>/dev/null || echo 0; }

probe_ingest_big_article() {
    local dir="$work/big"; mkdir -p "$dir"
    python3 - "$dir/big.jsonl" <<'PY'
import json, sys, random
random.seed(5)
words = ["harbour", "strike", "talks", "union", "crane", "pilots", "roster", "kelby", "minister", "tariff"]
body = " ".join(random.choice(words) for _ in range(6_500_000))  # ~50 MB on one line
with open(sys.argv[1], "w") as f:
    f.write(json.dumps({"id": "big", "title": "An enormous record", "body": body + " zanzibarite"}) + "\n")
    f.write(json.dumps({"id": "small", "title": "Crane pilots agree roster", "body": "The crane pilots agreed a new roster."}) + "\n")
PY
    local size_mb=$(( $(stat -c %s "$dir/big.jsonl") >> 20 ))
    timed "$SEARCH_BIN" index --quiet --index "$dir/i.sqlite" "$dir/big.jsonl" > "$dir/out.txt" 2>&1
    local index_s=$elapsed index_mb=$peak_mb index_code=$code
    timed "$SEARCH_BIN" --index "$dir/i.sqlite" --json crane pilots > "$dir/q.json" 2>&1
    local query_s=$elapsed query_mb=$peak_mb total; total=$(json_total "$dir/q.json")
    if [ "$index_code" = 0 ] && grep -q "body cut to its first 1.0 MB" "$dir/out.txt" && [ "$total" = 2 ] \
        && [ "$index_mb" -lt 600 ] && [ "$query_mb" -lt 200 ] && python3 -c "import sys; sys.exit(0 if $query_s < 1 else 1)"; then
        report ok ingest-50mb-article "${size_mb} MB record: index ${index_s} s ${index_mb} MB peak; query ${query_s} s ${query_mb} MB; cut to 1 MB with a note"
    else
        report fail ingest-50mb-article "exit $index_code, index ${index_s} s ${index_mb} MB, query ${query_s} s ${query_mb} MB, total $total; $(head -c 300 "$dir/out.txt")"
    fi
}

probe_ingest_enormous_word() {
    local dir="$work/word"; mkdir -p "$dir"
    { echo "One word"; echo; head -c 20000000 /dev/zero | tr '\0' 'x'; echo; } > "$dir/word.txt"
    timed "$SEARCH_BIN" index --quiet --index "$dir/i.sqlite" "$dir/word.txt" > "$dir/out.txt" 2>&1
    local index_s=$elapsed index_mb=$peak_mb index_code=$code
    timed "$SEARCH_BIN" --index "$dir/i.sqlite" --json "one word" > "$dir/q.json" 2>&1
    local total; total=$(json_total "$dir/q.json")
    if [ "$index_code" = 0 ] && [ "$total" = 1 ] && [ "$index_mb" -lt 600 ] && python3 -c "import sys; sys.exit(0 if $index_s < 20 and $elapsed < 1 else 1)"; then
        report ok ingest-20mb-word "index ${index_s} s ${index_mb} MB peak; query ${elapsed} s ${peak_mb} MB"
    else
        report fail ingest-20mb-word "exit $index_code, index ${index_s} s ${index_mb} MB, query ${elapsed} s, total $total; $(head -c 300 "$dir/out.txt")"
    fi
}

probe_ingest_line_ends_and_encodings() {
    local dir="$work/enc"; mkdir -p "$dir/c"
    printf 'CRLF headline\r\n\r\nFirst paragraph of quillfeather.\r\n\r\nSecond.\r\n' > "$dir/c/crlf.txt"
    printf 'CR headline\r\rFirst paragraph of quillfeather.\r\rSecond.\r' > "$dir/c/cr.txt"
    printf -- '---\r\ntitle: Front matter headline\r\ndate: 2025-01-02\r\n---\r\nBody of quillfeather.\r\n' > "$dir/c/fm.md"
    python3 -c "import sys; open(sys.argv[1],'wb').write(b'\xff\xfe'+'UTF-16 headline\r\n\r\nBody of quillfeather.\r\n'.encode('utf-16-le'))" "$dir/c/u16.txt"
    python3 -c "import sys; open(sys.argv[1],'wb').write('UTF-16BE headline\n\nBody of quillfeather.\n'.encode('utf-16-be'))" "$dir/c/u16be.txt"
    "$SEARCH_BIN" index --quiet --index "$dir/i.sqlite" "$dir/c" > "$dir/out.txt" 2>&1
    "$SEARCH_BIN" --index "$dir/i.sqlite" --json --limit 10 quillfeather > "$dir/q.json" 2>&1
    local titles; titles=$(python3 -c 'import json,sys; print("|".join(sorted(h["title"] for h in json.load(open(sys.argv[1]))["hits"])))' "$dir/q.json" 2>/dev/null)
    if [ "$titles" = "CR headline|CRLF headline|Front matter headline|UTF-16 headline|UTF-16BE headline" ]; then
        report ok ingest-line-ends-encodings "5 of 5 files (CR LF, CR, CR LF front matter, UTF-16LE+BOM, UTF-16BE) titled right"
    else
        report fail ingest-line-ends-encodings "titles: $titles; $(head -c 300 "$dir/out.txt")"
    fi
}

probe_ingest_nul_and_dates() {
    local dir="$work/nul"; mkdir -p "$dir"
    python3 - "$dir/d.jsonl" <<'PY'
import json, sys
rows = [
    {"id": "nul\u0000id", "title": "NUL in id", "body": "quillfeather one"},
    {"id": "t", "title": "NUL\u0000 in title", "body": "quillfeather two"},
    {"id": "b", "title": "NUL in body", "body": "quillfeather\u0000 three and the rest"},
    {"id": "feb30", "title": "Feb 30", "body": "quillfeather four", "date": "2025-02-30"},
    {"id": "zero", "title": "Zero date", "body": "quillfeather five", "date": "0000-00-00"},
]
with open(sys.argv[1], "w") as f:
    for row in rows: f.write(json.dumps(row) + "\n")
PY
    "$SEARCH_BIN" index --quiet --index "$dir/i.sqlite" "$dir/d.jsonl" > "$dir/out.txt" 2>&1
    "$SEARCH_BIN" --index "$dir/i.sqlite" --json --limit 10 quillfeather > "$dir/q.json" 2>&1
    local total notes rest
    total=$(json_total "$dir/q.json"); notes=$(grep -c "^  note " "$dir/out.txt")
    rest=$("$SEARCH_BIN" --index "$dir/i.sqlite" --json "rest" 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
    if [ "$total" = 5 ] && [ "$notes" = 5 ] && [ "$rest" = 1 ]; then
        report ok ingest-nul-impossible-dates "5 of 5 records indexed, 5 notes, text after a NUL searchable"
    else
        report fail ingest-nul-impossible-dates "$total of 5 indexed, $notes notes, after-NUL hits $rest"
    fi
}

probe_ingest_extract_matches_index() {
    local dir="$work/same"; mkdir -p "$dir"
    cp -r "$root/Sources/search/Resources/SampleCorpus" "$dir/corpus"
    "$SEARCH_BIN" index --quiet --index "$dir/ix/s.sqlite" "$dir/corpus" > /dev/null 2>&1
    "$SEARCH_BIN" reindex --quiet --index "$dir/ix/s.sqlite" > /dev/null 2>&1
    local checked=0 differing=0 file id
    while IFS= read -r file; do
        id="${file#"$dir/corpus/"}"
        "$SEARCH_BIN" show --json --index "$dir/ix/s.sqlite" "$id" > "$dir/show.json" 2>/dev/null || continue
        "$SEARCH_BIN" extract --json --index "$dir/ix/s.sqlite" "$file" > "$dir/extract.json" 2>/dev/null
        checked=$((checked + 1))
        python3 - "$dir/show.json" "$dir/extract.json" <<'PY' || differing=$((differing + 1))
import json, sys
shown, extracted = (json.load(open(p)) for p in sys.argv[1:3])
same = shown["title"] == extracted["title"] and shown["body"] == extracted["body"] and shown["source"] == extracted["source"]
same = same and sorted(a["name"] for a in shown["actors"]) == sorted(a["name"] for a in extracted["actors"])
sys.exit(0 if same else 1)
PY
    done < <(find "$dir/corpus" -name '*.md' -o -name '*.txt' -o -name '*.html' | sort)
    if [ "$checked" -gt 10 ] && [ "$differing" = 0 ]; then
        report ok ingest-extract-equals-index "$checked sample articles: extract --index = stored title, body, source, actors"
    else
        report fail ingest-extract-equals-index "$differing of $checked sample articles differ between extract and show"
    fi
}
