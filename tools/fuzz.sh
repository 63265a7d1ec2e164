#!/usr/bin/env bash
# fuzz.sh — runs each libFuzzer harness of tests/fuzz/ for a while, on its seeds.
#
# Usage: tools/fuzz.sh [--builddir DIR] [SECONDS [HARNESS...]]
#   SECONDS   how long each harness runs (default 60; CI gives 20, a release 1800 or more)
#   HARNESS   fuzz_jsonl fuzz_clean fuzz_sentence fuzz_timex fuzz_extract fuzz_docjson fuzz_parse (default: all)
# Builds nothing: run tools/setup.sh --fuzz first (build-fuzz/, clang, ASan + UBSan). Each
# harness starts from tests/fuzz/seeds/NAME, examples/ (for the text harnesses) and, when
# ../shared is there, its fixtures; what it finds new goes to a scratch corpus under
# $QP_FUZZ_DIR (default /tmp/quipu-fuzz), never into the source tree. A crash, a leak, a
# sanitizer report or an input slower than 10 s stops that harness and fails the run; the
# input is left in $QP_FUZZ_DIR/NAME-crash-* (re-run it: build-fuzz/tests/fuzz/NAME FILE).
# Runs at low priority (nice) on one core, with UBSan halting on its first report.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
builddir=$root/build-fuzz
if [ "${1:-}" = "--builddir" ]; then builddir=$2; shift 2; fi
case "${1:-}" in -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
seconds=${1:-60}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(fuzz_jsonl fuzz_clean fuzz_sentence fuzz_timex fuzz_extract fuzz_docjson fuzz_parse)
work=${QP_FUZZ_DIR:-/tmp/quipu-fuzz}
shared=${QP_SHARED:-$root/../shared}
mkdir -p "$work"
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
# the data build-fuzz does not make (only the harnesses are built there): the inflected forms
# and the parser's models of build/, which quipu refuses to extract without
if [ -z "${QUIPU_DATA:-}" ] && [ -s "$root/build/lexicon/fr/forms.tsv" ]; then
    export QUIPU_DATA=$root/build
fi
failed=0 passed=0
for h in "${harnesses[@]}"; do
    exe=$builddir/tests/fuzz/$h
    if [ ! -x "$exe" ]; then
        echo "fuzz: $exe missing: run tools/setup.sh --fuzz" >&2
        exit 2
    fi
    seeds=("$root/tests/fuzz/seeds/${h#fuzz_}")
    case $h in
        fuzz_clean|fuzz_sentence|fuzz_extract|fuzz_timex|fuzz_parse) seeds+=("$root/examples") ;;
    esac
    [ -d "$shared/fixtures" ] && seeds+=("$shared/fixtures")
    mkdir -p "$work/$h"
    echo "fuzz: $h for $seconds s"
    # -timeout: an input that takes 10 s is a failure (extraction must stay linear);
    # -rss_limit_mb: one that takes 2 GB too; leaks are reported by ASan at each input's end
    if nice "$exe" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
            -artifact_prefix="$work/$h-" "$work/$h" "${seeds[@]}" >"$work/$h.log" 2>&1; then
        passed=$((passed + 1))
        grep -E "^stat::number_of_executed_units|^Done" "$work/$h.log" | tr '\n' ' ' | sed "s/^/fuzz: $h: /"
        echo
    else
        failed=$((failed + 1))
        echo "fuzz: $h FAILED; the end of its log ($work/$h.log):"
        tail -40 "$work/$h.log"
    fi
done
echo "fuzz: $passed passed, $failed failed"
[ $failed -eq 0 ]
