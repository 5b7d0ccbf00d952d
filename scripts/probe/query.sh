# Query-side cases of scripts/probe-reliability: bounded time and memory whatever the query holds,
# numeric options at their limits, and no control sequence from an article reaching the terminal.
# Each case uses one small index, built on first use from a generated corpus plus one hostile article.

query_index() {
    local index="$work/query/index.sqlite"
    if [ ! -f "$index" ]; then
        mkdir -p "$work/query/corpus"
        python3 "$root/scripts/gen-corpus" 2000 7 --out "$work/query/corpus" --format jsonl >/dev/null 2>&1
        printf '{"id": "evil", "title": "Harbour \\u001b[31mred\\u001b]0;pwned\\u0007 \\u202eevil", "body": "The harbour \\u001b[2J report.", "source": "Evil \\u001b[5m Wire"}\n' \
            > "$work/query/corpus/evil.jsonl"
        "$SEARCH_BIN" index --quiet --index "$index" "$work/query/corpus" >/dev/null 2>"$work/query/index.err" \
            || echo "query_index: indexing failed: $(head -c 300 "$work/query/index.err")" >&2
    fi
    echo "$index"
}

# probe_query_word NAME LENGTH: one unmatched word of LENGTH characters must answer in < 1 s.
query_long_word() {
    local name="$1" length="$2" index
    index=$(query_index)
    head -c "$length" /dev/zero | tr '\0' 'q' > "$work/query/word-$length"
    timed "$SEARCH_BIN" "$(cat "$work/query/word-$length")" --index "$index" --json --no-facets >/dev/null
    if [ "$code" -eq 0 ] && awk "BEGIN{exit !($elapsed < 1)}" && [ "$peak_mb" -lt 200 ]; then
        report ok "$name" "${elapsed}s ${peak_mb}MB"
    else
        report fail "$name" "${elapsed}s ${peak_mb}MB exit $code"
    fi
}

probe_query_word_10k() { query_long_word query_word_10k 10000; }
probe_query_word_100k() { query_long_word query_word_100k 100000; }

probe_query_words_100k() {
    local index
    index=$(query_index)
    python3 -c "import random; random.seed(3); print(' '.join(''.join(random.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(random.randint(3, 12))) for _ in range(13000))[:100000])" \
        > "$work/query/words-100k"
    timed "$SEARCH_BIN" "$(cat "$work/query/words-100k")" --index "$index" --json --no-facets >"$work/query/words.out"
    if [ "$code" -eq 0 ] && awk "BEGIN{exit !($elapsed < 1)}" && grep -q '"warnings":\[".' "$work/query/words.out"; then
        report ok query_words_100k "${elapsed}s ${peak_mb}MB (warned)"
    else
        report fail query_words_100k "${elapsed}s ${peak_mb}MB exit $code"
    fi
}

probe_query_analyze_10mb() {
    mkdir -p "$work/query"
    head -c 10000000 /dev/zero | tr '\0' 'y' > "$work/query/analyze-10mb"
    timed "$SEARCH_BIN" analyze - < "$work/query/analyze-10mb" >/dev/null 2>"$work/query/analyze.err"
    if [ "$code" -eq 0 ] && awk "BEGIN{exit !($elapsed < 2)}" && [ "$peak_mb" -lt 300 ] \
        && grep -q "only its first 1000000" "$work/query/analyze.err"; then
        report ok query_analyze_10mb "${elapsed}s ${peak_mb}MB (cut at 1 MB, said so)"
    else
        report fail query_analyze_10mb "${elapsed}s ${peak_mb}MB exit $code"
    fi
}

probe_query_int_max_paging() {
    local index max=9223372036854775807 codes=""
    index=$(query_index)
    for args in "--offset $max" "--limit $max" "--offset $max --limit $max" "--facet-limit $max"; do
        # shellcheck disable=SC2086
        timed "$SEARCH_BIN" harbour --index "$index" $args >/dev/null 2>"$work/query/paging.err"
        codes="$codes$code "
    done
    if [ "$codes" = "0 0 0 0 " ]; then report ok query_int_max_paging "exit codes $codes"
    else report fail query_int_max_paging "exit codes $codes $(head -c 200 "$work/query/paging.err")"; fi
}

probe_query_terminal_injection() {
    local index raw
    index=$(query_index)
    "$SEARCH_BIN" harbour --index "$index" --limit 50 --color always > "$work/query/evil.out" 2>&1
    # Our own colours are ESC[<digits;>m with the codes Style writes; anything else is injected.
    raw=$(grep -aoP '\x1b(?!\[(0|1|2|1;33|1;36)m)' "$work/query/evil.out" | wc -l)
    if grep -aq 'Harbour \\x1b\[31mred' "$work/query/evil.out" && [ "$raw" -eq 0 ]; then
        report ok query_terminal_injection "title shown escaped, 0 raw ESC"
    else
        report fail query_terminal_injection "$raw raw ESC sequences"
    fi
}
