#!/usr/bin/env bash
# bench_store.sh — the store at scale (issue 14): the reads of `quipu events`, `query backers`,
# `query sides` for one year and `export graphml` on synthetic databases of 1 M and 10 M events
# over 20,000 actors (made by bench_mkdb, kept in DIR between runs), with each command's CPU
# time, wall time and peak memory (GNU time), and how each grows from 1 M to 10 M.
#
# Usage: bench/bench_store.sh [--quipu PATH] [--dir DIR] [--sizes "1000000 10000000"] [--runs N]
#                             [--only "events events_state backers sides export"]
#   defaults: build/quipu, /tmp/quipu-bench-store, both sizes, 3 runs (the median is printed),
#   every command
# Making the 10 M database takes a while (bench_mkdb loads rows, then builds the indexes).
# Targets at 10 M: events < 100 ms, backers < 1 s, sides (one year) < 5 s, export < 10 s,
# each under 500 MB.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
quipu=$root/build/quipu
dir=/tmp/quipu-bench-store
sizes="1000000 10000000"
runs=3
only="events events_state backers sides export"
while [ $# -gt 0 ]; do
    case "$1" in
        --quipu) quipu=$2; shift 2 ;;
        --dir) dir=$2; shift 2 ;;
        --sizes) sizes=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --only) only=$2; shift 2 ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench_store: unknown argument $1" >&2; exit 2 ;;
    esac
done
mkdb=$(dirname "$quipu")/bench/bench_mkdb
[ -x /usr/bin/time ] || { echo "bench_store: needs GNU time (apt-get install time)" >&2; exit 1; }
mkdir -p "$dir"

# The median of runs of a command: "cpu wall maxrss_mb"
measure() {
    local out
    out=$(for _ in $(seq "$runs"); do
        /usr/bin/time -f "%U %S %e %M" "$@" 2>&1 >/dev/null | tail -1
    done | awk '{printf "%.3f %.3f %.1f\n", $1 + $2, $3, $4 / 1024}' | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
    echo "$out"
}

declare -A fig
for n in $sizes; do
    db=$dir/synthetic-$n.db
    if [ ! -s "$db" ]; then
        echo "making $db ..." >&2
        "$mkdb" --events "$n" "$db" >&2 || exit 1
    fi
    # the busiest state, an army unit, and one year in the middle of the ten
    actor=AAX
    unit=$(sqlite3 "$db" "SELECT actor1 FROM events WHERE actor1 LIKE '%-U%' GROUP BY actor1 ORDER BY count(*) DESC LIMIT 1")
    echo "== $n events ($(du -mL "$db" | cut -f1) MB): $db"
    printf "%-52s %9s %9s %9s\n" "command" "CPU s" "wall s" "peak MB"
    while IFS='|' read -r key label cmd; do
        case " $only " in *" $key "*) ;; *) continue ;; esac
        # shellcheck disable=SC2086
        r=$(measure $quipu $cmd --db "$db")
        fig[$key,$n]=$r
        printf "%-52s %9s %9s %9s\n" "$label" $r
    done <<CMDS
events|events --actor $unit (one quarter)|events --actor $unit --since 2015-01-01 --until 2015-03-31 --format jsonl
events_state|events --actor $actor (one quarter)|events --actor $actor --since 2015-01-01 --until 2015-03-31 --format jsonl
backers|query backers $actor|query backers $actor
sides|query sides (2015)|query sides --since 2015-01-01 --until 2015-12-31
export|export graphml (all)|export graphml -o /dev/null
CMDS
done
set -- $sizes
if [ $# -ge 2 ]; then
    echo "== growth from $1 to $2 events (CPU time ratio, peak memory ratio)"
    for key in $only; do
        read -r c1 _ m1 <<<"${fig[$key,$1]}"
        read -r c2 _ m2 <<<"${fig[$key,$2]}"
        awk -v k="$key" -v c1="$c1" -v c2="$c2" -v m1="$m1" -v m2="$m2" \
            'BEGIN { printf "%-14s CPU x%.1f  memory x%.1f\n", k, (c1 > 0 ? c2 / c1 : 0), (m1 > 0 ? m2 / m1 : 0) }'
    done
fi
