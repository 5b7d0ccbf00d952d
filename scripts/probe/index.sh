# Issue 14 (index side): nothing lost, nothing shown wrong. Sourced by scripts/probe-reliability,
# which provides $SEARCH_BIN, $work, $root, report and timed.

# The number of articles an index holds, from `search stats --json`.
_index_documents() {
    "$SEARCH_BIN" stats --json --index "$1" 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["documents"])' 2>/dev/null || echo "?"
}

# Ids held more than once (there is a UNIQUE constraint, so this checks that nothing bypassed it) and
# records of the dump whose id the index lacks.
_index_duplicates() {
    sqlite3 "$1" "SELECT COUNT(*) - COUNT(DISTINCT external_id) FROM documents" 2>/dev/null || echo "?"
}

# A 50,000-line JSON Lines dump killed with SIGKILL at 10 random moments, one kill per run, each run
# restarting on what the one before committed; then a run to completion. Every record must be in
# the index once.
probe_index_dump_killed_10_times() {
    local dir="$work/index-dump" corpus lines full kills=0 landed=0
    mkdir -p "$dir"
    "$root/scripts/gen-corpus" 50000 7 --out "$dir/corpus" --format jsonl >/dev/null || { report fail index_dump_killed "gen-corpus failed"; return; }
    corpus="$dir/corpus/corpus.jsonl"
    lines=$(wc -l < "$corpus")
    # How long a whole run takes here, so the kills are spread over a run.
    timed "$SEARCH_BIN" index --quiet --index "$dir/reference.sqlite" "$corpus" >/dev/null
    full=$elapsed
    rm -f "$dir"/reference.sqlite*
    # The machine is shared, so a run's length varies too much to draw kill times from: a kill either
    # waits for the run's next commit and then a random 0-0.5 s (landing inside the next batch), or,
    # one time in three, comes at a random 0.1-1 s (while the run goes through what is committed).
    # Commits of 2 MB (about 1,100 articles) leave work for all ten kills even on a quiet machine,
    # where a whole run takes ten seconds.
    local committed=0
    for round in 1 2 3 4 5 6 7 8 9 10; do
        local started moment how
        started=$(date +%s.%N)
        "$SEARCH_BIN" index --quiet --dump-chunk-bytes 2000000 --index "$dir/search.sqlite" "$corpus" >/dev/null 2>&1 &
        local pid=$!
        if [ $((RANDOM % 3)) = 0 ]; then
            how="early"
            sleep "$(python3 -c 'import random; print(round(random.uniform(0.1, 1), 2))')"
        else
            how="after a commit"
            while kill -0 "$pid" 2>/dev/null; do
                local now_committed
                now_committed=$(sqlite3 "$dir/search.sqlite" "SELECT COUNT(*) FROM documents" 2>/dev/null || echo 0)
                [ "${now_committed:-0}" -gt "$committed" ] && break
                sleep 0.2
            done
            sleep "$(python3 -c 'import random; print(round(random.uniform(0, 0.5), 2))')"
        fi
        moment=$(python3 -c "print(round($(date +%s.%N) - $started, 2))")
        if kill -9 "$pid" 2>/dev/null; then landed=$((landed + 1)); fi
        wait "$pid" 2>/dev/null
        kills=$((kills + 1))
        committed=$(_index_documents "$dir/search.sqlite"); [[ "$committed" =~ ^[0-9]+$ ]] || committed=0
        echo "  kill $round at ${moment}s ($how): $committed articles committed" >&2
    done
    timed "$SEARCH_BIN" index --quiet --index "$dir/search.sqlite" "$corpus" >/dev/null
    local final_code=$code final_elapsed=$elapsed
    local documents duplicates again
    documents=$(_index_documents "$dir/search.sqlite")
    duplicates=$(_index_duplicates "$dir/search.sqlite")
    again=$("$SEARCH_BIN" index --quiet --index "$dir/search.sqlite" "$corpus" 2>&1 | head -n 1)
    local figure="$documents articles / $lines lines, duplicates $duplicates, $landed of $kills kills landed mid-run (a whole run ${full}s; the last run ${final_elapsed}s); a run after it: ${again#*: }"
    if [ "$final_code" = 0 ] && [ "$documents" = "$lines" ] && [ "$duplicates" = 0 ] && [[ "$again" == *"0 added, 0 updated, 0 removed, $lines unchanged"* ]]; then
        report ok index_dump_killed_10_times "$figure"
    else
        report fail index_dump_killed_10_times "$figure"
    fi
}

# `search index A B` with A/x.md and B/x.md: two articles, and naming B alone later changes nothing.
probe_index_two_folders_same_name() {
    local dir="$work/index-two"
    mkdir -p "$dir/A" "$dir/B"
    printf -- '---\ntitle: Harbour A\n---\nThe harbour in A.\n' > "$dir/A/x.md"
    printf -- '---\ntitle: Harbour B\n---\nThe harbour in B.\n' > "$dir/B/x.md"
    local first second
    first=$("$SEARCH_BIN" index --quiet --index "$dir/search.sqlite" "$dir/A" "$dir/B" 2>&1 | head -n 1)
    second=$(cd "$dir" && "$SEARCH_BIN" index --quiet --index "$dir/search.sqlite" B 2>&1 | head -n 1)
    local documents ids
    documents=$(_index_documents "$dir/search.sqlite")
    ids=$(sqlite3 "$dir/search.sqlite" "SELECT group_concat(external_id, ' ') FROM documents" 2>/dev/null)
    local figure="$documents articles (ids: $ids); first run ${first#*: }"
    if [ "$documents" = 2 ] && [[ "$second" == *"0 added, 0 updated, 0 removed, 1 unchanged"* ]]; then
        report ok index_two_folders_same_name "$figure"
    else
        report fail index_two_folders_same_name "$figure; B alone: ${second#*: }"
    fi
}

# The same id in two dumps: one article with a warning; deleting one dump keeps it, from the other.
probe_index_duplicate_id() {
    local dir="$work/index-dup"
    mkdir -p "$dir/d"
    printf '{"id": "dup", "title": "Harbour from a", "body": "Text in a."}\n' > "$dir/d/a.jsonl"
    printf '{"id": "dup", "title": "Harbour from b", "body": "Text in b."}\n' > "$dir/d/b.jsonl"
    local first warning after title
    first=$("$SEARCH_BIN" index --quiet --index "$dir/search.sqlite" "$dir/d" 2>&1)
    warning=$(printf '%s\n' "$first" | grep -c '^  warning')
    rm "$dir/d/a.jsonl"
    after=$("$SEARCH_BIN" index --quiet --index "$dir/search.sqlite" "$dir/d" 2>&1 | head -n 1)
    title=$("$SEARCH_BIN" show dup --json --index "$dir/search.sqlite" 2>/dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["title"])' 2>/dev/null)
    local figure="$warning warning on the first run; after deleting a.jsonl: $(_index_documents "$dir/search.sqlite") article, title \"$title\" (${after#*: })"
    if [ "$warning" -ge 1 ] && [ "$title" = "Harbour from b" ]; then
        report ok index_duplicate_id "$figure"
    else
        report fail index_duplicate_id "$figure"
    fi
}

# A folder the indexing user may not list (chmod 000, search run as nobody): its articles stay, with
# a warning naming it; a vanished root is an error that removes nothing.
probe_index_unreadable_folder() {
    if [ "$(id -u)" != 0 ] || ! command -v setpriv >/dev/null; then
        report ok index_unreadable_folder "skipped: needs root and setpriv to run search as nobody"
        return
    fi
    local dir="$work/index-unreadable"
    mkdir -p "$dir/news/alpha" "$dir/news/beta" "$dir/index"
    chmod 755 "$dir" "$work"
    for n in 1 2 3; do printf -- '---\ntitle: Harbour %s\n---\nHarbour text %s.\n' "$n" "$n" > "$dir/news/alpha/$n.md"; done
    for n in 4 5; do printf -- '---\ntitle: Harbour %s\n---\nHarbour text %s.\n' "$n" "$n" > "$dir/news/beta/$n.md"; done
    chown nobody "$dir/index"
    local as_nobody=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
    if ! "${as_nobody[@]}" "$SEARCH_BIN" --help >/dev/null 2>&1; then
        report ok index_unreadable_folder "skipped: nobody cannot run $SEARCH_BIN (a folder on its path is closed to it)"
        return
    fi
    "${as_nobody[@]}" "$SEARCH_BIN" index --quiet --index "$dir/index/search.sqlite" "$dir/news" >/dev/null 2>&1
    chmod 000 "$dir/news/beta"
    local run missing
    run=$("${as_nobody[@]}" "$SEARCH_BIN" index --quiet --index "$dir/index/search.sqlite" "$dir/news" 2>&1); code=$?
    chmod 755 "$dir/news/beta"
    local kept
    kept=$(_index_documents "$dir/index/search.sqlite")
    mv "$dir/news" "$dir/news-moved"
    missing=$("$SEARCH_BIN" index --quiet --index "$dir/index/search.sqlite" "$dir/news" 2>&1); local missing_code=$?
    local after_missing
    after_missing=$(_index_documents "$dir/index/search.sqlite")
    local figure="unlisted folder: exit $code, $kept/5 articles kept, \"$(printf '%s\n' "$run" | grep '^  warning' | head -n 1 | sed 's/^ *//')\"; vanished root: exit $missing_code, $after_missing/5 kept"
    if [ "$code" = 0 ] && [ "$kept" = 5 ] && [[ "$run" == *"warning $dir/news/beta"* ]] && [ "$missing_code" = 2 ] && [ "$after_missing" = 5 ]; then
        report ok index_unreadable_folder "$figure"
    else
        report fail index_unreadable_folder "$figure ($missing)"
    fi
}

# Another program's SQLite database named as the index: every command refuses it (exit 2, one line)
# and the file keeps its bytes.
probe_index_foreign_sqlite() {
    local dir="$work/index-foreign" failures=0 summary=""
    mkdir -p "$dir/news"
    printf -- '---\ntitle: Harbour\n---\nHarbour text.\n' > "$dir/news/a.md"
    python3 -c "import sqlite3; c = sqlite3.connect('$dir/app.sqlite'); c.execute('CREATE TABLE invoices(id INTEGER PRIMARY KEY, total REAL)'); c.execute('INSERT INTO invoices(total) VALUES (12.5)'); c.commit()"
    local before
    before=$(sha256sum < "$dir/app.sqlite")
    local command
    for command in "index --quiet $dir/news" "index --quiet --rebuild $dir/news" "harbour" "stats" "show x" "reindex --quiet"; do
        local out lines
        # shellcheck disable=SC2086
        out=$("$SEARCH_BIN" $command --index "$dir/app.sqlite" 2>&1); code=$?
        lines=$(printf '%s\n' "$out" | wc -l)
        if [ "$code" != 2 ] || [ "$lines" != 1 ] || [ "$(sha256sum < "$dir/app.sqlite")" != "$before" ]; then
            failures=$((failures + 1)); summary="$summary; ${command%% *}: exit $code, $lines lines"
        fi
    done
    local message
    message=$("$SEARCH_BIN" stats --index "$dir/app.sqlite" 2>&1)
    if [ "$failures" = 0 ] && [ ! -e "$dir/app.sqlite-wal" ]; then
        report ok index_foreign_sqlite "6 commands refused, exit 2, file unchanged: \"$message\""
    else
        report fail index_foreign_sqlite "$failures commands wrote or answered badly$summary"
    fi
}

# A disk that fills up mid-run (simulated with a file size limit, SIGXFSZ ignored so the write fails
# as on a full disk): one line, exit 1, the index sound at its last commit, and a re-run completes.
probe_index_full_disk() {
    local dir="$work/index-full"
    mkdir -p "$dir"
    python3 - "$dir/d.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(20000):
        f.write(json.dumps({"id": f"r{i}", "title": f"Harbour {i}", "body": f"Harbour ledger {i} lists cargo volume and shipping notes. " * 6}) + "\n")
PY
    local out
    out=$(bash -c 'trap "" XFSZ; ulimit -f 4000; exec "$0" index --quiet --index "$1" --dump-chunk-bytes 500000 "$2"' \
        "$SEARCH_BIN" "$dir/search.sqlite" "$dir/d.jsonl" 2>&1); code=$?
    local verify documents final rerun_code
    verify=$("$SEARCH_BIN" stats --verify --index "$dir/search.sqlite" >/dev/null 2>&1 && echo sound || echo damaged)
    documents=$(_index_documents "$dir/search.sqlite")
    final=$("$SEARCH_BIN" index --quiet --index "$dir/search.sqlite" --dump-chunk-bytes 500000 "$dir/d.jsonl" 2>&1 | head -n 1); rerun_code=$?
    local after
    after=$(_index_documents "$dir/search.sqlite")
    local figure="exit $code \"$out\", index $verify with $documents committed; re-run: $after/20000"
    if [ "$code" = 1 ] && [ "$(printf '%s\n' "$out" | wc -l)" = 1 ] && [ "$verify" = sound ] && [ "$after" = 20000 ]; then
        report ok index_full_disk "$figure"
    else
        report fail index_full_disk "$figure ($final)"
    fi
}
