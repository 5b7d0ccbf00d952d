#!/usr/bin/env bash
# Builds the libFuzzer target for the query parser and runs it.
#
#   scripts/fuzz-query-parser.sh [SECONDS]        # default 600
#   FUZZ_CORPUS=/tmp/x scripts/fuzz-query-parser.sh 60
#
# The fuzzer feeds arbitrary bytes to QueryParser().parse and checks that every compiled MATCH text
# passes MatchExpressionValidator (see Sources/Tools/fuzz-query-parser). A crash leaves a reproducer
# (crash-*) in the artifact folder; replay it with an ordinary build:
#   swift build --product fuzz-query-parser && .build/debug/fuzz-query-parser /tmp/…/crash-…
# The fuzz build uses its own build folder so it never disturbs the normal .build.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
corpus="${FUZZ_CORPUS:-/tmp/newssearch-fuzz-query/corpus}"
artifacts="${FUZZ_ARTIFACTS:-/tmp/newssearch-fuzz-query/artifacts}"
build="${FUZZ_BUILD:-.build-fuzz}"
mkdir -p "$corpus" "$artifacts"

# A few seeds so the fuzzer starts from real syntax rather than from nothing.
seed() { printf '%s' "$2" > "$corpus/seed-$1"; }
seed 1 'defense industrial'
seed 2 '"defense industrial" -china OR japan'
seed 3 'title:(nato OR "north atlantic") body:nat* source:"Japan Times" actor:Rutte'
seed 4 'date:2025-04..2025-06 after:2025-04-01 before:2025-06 date:..2025 date:2025..'
seed 5 '((a AND b) OR NOT c) -(d e) NEAR/3 ^x : * - OR AND'
seed 6 '“curly quotes” „low” «guillemets» ＂fullwidth＂ 😀 日本の防衛 Čapek'

swift build -c debug --build-path "$build" --product fuzz-query-parser \
    -Xswiftc -DFUZZING -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library >&2

# Swift's own crash handler would trip AddressSanitizer after a fatalError; let libFuzzer report it.
export SWIFT_BACKTRACE=enable=no
exec "$build/debug/fuzz-query-parser" "$corpus" \
    -max_total_time="$seconds" -artifact_prefix="$artifacts/" -max_len=4096 -timeout=10 -print_final_stats=1
