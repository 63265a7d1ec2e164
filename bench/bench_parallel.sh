#!/usr/bin/env bash
# bench_parallel.sh — ingest on several cores (issue 14): `quipu ingest` with 1 and 2 extraction
# threads, and tools/quipu-dask on a LocalCluster of 1 and 2 workers, on the 228 scraped articles
# and the dev documents repeated to MB megabytes (each copy made a document of its own by a
# line naming it). Prints wall and CPU time, the speed-ups, and the share of the CPU time the
# store took (the rest is reading and extraction); checks the databases hold the same events.
#
# Usage: bench/bench_parallel.sh [MB] (default 8). Corpus from $QP_SHARED, else ../shared.
# Targets: ingest -j 2 >= 1.8x one thread on 2 cores; Dask on 2 workers >= 1.6x one.
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
quipu=${QUIPU:-$root/build/quipu}
shared=${QP_SHARED:-$root/../shared}
mb=${1:-8}
tmp=$(mktemp -d /tmp/quipu-bench-parallel.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 - "$shared" "$mb" "$tmp/corpus.jsonl" <<'PY'
import json, os, sys
shared, mb, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
arts = []
d = os.path.join(shared, "corpus", "fr-syria-scraped")
for name in sorted(os.listdir(d)):
    if name.endswith(".txt"):
        arts.append({"id": name[:-4], "date": name[:10], "text": open(os.path.join(d, name), encoding="utf-8").read()})
for line in open(os.path.join(shared, "corpus", "dev", "docs.jsonl"), encoding="utf-8"):
    o = json.loads(line)
    arts.append({"id": o.get("id"), "date": (o.get("date") or "")[:10] or None, "text": o["text"]})
size = sum(len(a["text"].encode()) for a in arts)
rounds = int(mb * 1e6 / size) + 1
with open(out, "w", encoding="utf-8") as f:
    for r in range(rounds):
        for a in arts:
            b = dict(a, id="%s-copy%d" % (a["id"], r), text=a["text"] + "\n\nCopie numéro %d de ce texte.\n" % r)
            f.write(json.dumps(b, ensure_ascii=False) + "\n")
print("corpus: %d articles, %.1f MB" % (rounds * len(arts), rounds * size / 1e6), file=sys.stderr)
PY
timed() { /usr/bin/time -f "%e %U %S" "$@" 2>&1 >/dev/null | tail -1; }
dump() { sqlite3 "$1" "SELECT d.hash, e.sentence, e.actor1, e.action, e.actor2, e.evidence_start FROM events e
                       JOIN documents d ON d.id = e.document_id ORDER BY 1, 2, 6, 3, 4, 5" | md5sum; }
declare -A wall
for j in 1 2; do
    out=$( { /usr/bin/time -f "TIME %e %U %S" "$quipu" ingest --verbose -j "$j" --db "$tmp/j$j.db" "$tmp/corpus.jsonl" \
             2>&1 >/dev/null; } | grep -E "^TIME|CPU .* storing")
    read -r _ w u s <<<"$(grep ^TIME <<<"$out")"
    wall[j$j]=$w
    printf "ingest -j %d: %6.1f s wall, %6.1f s CPU; %s\n" "$j" "$w" "$(awk -v a="$u" -v b="$s" 'BEGIN { print a + b }')" \
        "$(grep storing <<<"$out" | sed 's/^quipu ingest: //')"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
echo "ingest -j 2 speed-up: $(ratio "${wall[j1]}" "${wall[j2]}")x; same events: $([ "$(dump "$tmp/j1.db")" = "$(dump "$tmp/j2.db")" ] && echo yes || echo NO)"
if /usr/bin/python3 -c 'import distributed' 2>/dev/null; then
    for w in 1 2; do
        read -r e u s <<<"$(timed /usr/bin/python3 "$root/tools/quipu-dask" --quipu "$quipu" --workers "$w" \
                              --db "$tmp/d$w.db" "$tmp/corpus.jsonl")"
        wall[d$w]=$e
        printf "quipu-dask, %d worker(s): %6.1f s wall (the cluster's start included)\n" "$w" "$e"
    done
    echo "Dask 2 workers speed-up: $(ratio "${wall[d1]}" "${wall[d2]}")x; same events as ingest: $([ "$(dump "$tmp/d2.db")" = "$(dump "$tmp/j1.db")" ] && echo yes || echo NO)"
else
    echo "quipu-dask: skipped (apt-get install python3-distributed)"
fi
