#!/usr/bin/env bash
# e2e_ingest.sh — the quipu binary on real input: the seed article's clutter, the 228 scraped
# articles (twice), exit codes, refused databases (corrupt, newer, locked), JSONL on stdin.
# Needs $QUIPU (the binary); the parts on ../shared are skipped when $QP_SHARED is absent.
# Ends with "N passed, M failed" (", K skipped"); exit 1 on a failure, 77 when nothing ran.
set -u
QUIPU=${QUIPU:?set QUIPU to the quipu binary}
SHARED=${QP_SHARED:-}
pass=0 fail=0 skip=0
ok() { pass=$((pass + 1)); echo "ok   - $1"; }
ko() { fail=$((fail + 1)); echo "FAIL - $1"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else ko "$what"; fi; }
skipped() { skip=$((skip + 1)); echo "skip - $1"; }

tmp=$(mktemp -d /tmp/qp-e2e-ingest.XXXXXX)
locker=
cleanup() { [ -n "$locker" ] && kill "$locker" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
cd "$tmp" || exit 1

# Runs quipu, keeping stdout, stderr and the exit status.
run() { "$QUIPU" "$@" >out.txt 2>err.txt; rc=$?; }
has() { grep -qF -- "$1" "$2"; }

cat >fr.txt <<'TXT'
L'armée irakienne a lancé jeudi une offensive pour reprendre al-Qaïm, le dernier bastion du groupe Etat islamique dans le pays.
Les forces gouvernementales sont appuyées par la coalition internationale emmenée par les Etats-Unis.
TXT

# --- usage and exit codes, no shared data needed -------------------------------------------
run ingest
check "no PATH is bad usage (2)" test "$rc" -eq 2
run ingest --no-such-option fr.txt
check "unknown option is bad usage (2)" test "$rc" -eq 2
run ingest --lang xx fr.txt
check "bad --lang is bad usage (2)" test "$rc" -eq 2
run ingest --date 2017-13-45 fr.txt
check "bad --date is bad usage (2)" test "$rc" -eq 2
run ingest --help
check "ingest --help exits 0 and documents exit codes" test "$rc" -eq 0 -a -s out.txt
check "ingest --help names exit status 3" has "3 some inputs skipped" out.txt
run documents --format xml
check "documents --format xml is bad usage (2)" test "$rc" -eq 2

run documents --db typo.db
check "documents on a missing database: exit 1, no file left behind" test "$rc" -eq 1 -a ! -e typo.db
check "documents on a missing database: says so" has "typo.db: no such database" err.txt
run events --db typo.db
check "events on a missing database: exit 1, no file left behind" test "$rc" -eq 1 -a ! -e typo.db

run ingest --db ok.db fr.txt
check "one good article: exit 0" test "$rc" -eq 0
check "one good article: summary says stored" has "1 documents read, 1 stored" err.txt

printf 'Premi\xc3\xa8re ligne.\nDeuxi\xe8me ligne.\n' >latin1.txt
run ingest --db ok.db latin1.txt fr.txt
check "a skipped input gives exit 3" test "$rc" -eq 3
check "the invalid UTF-8 file is named with its byte and line" has "latin1.txt: skipped: invalid UTF-8 at byte 22 (line 2)" err.txt
check "the good article of the same run is already stored" has "1 already stored" err.txt

head -c 8192 /dev/urandom >corrupt.db
printf 'SQLite format 3\0' | dd of=corrupt.db conv=notrunc status=none
run ingest --db corrupt.db fr.txt
check "corrupt database: exit 1" test "$rc" -eq 1
check "corrupt database: the message names the file" has "corrupt.db" err.txt
check "corrupt database: no crash (no signal)" test "$rc" -lt 128
run documents --db corrupt.db
check "documents on a corrupt database: exit 1 naming it" test "$rc" -eq 1 -a -s err.txt
has "corrupt.db" err.txt || ko "documents names the corrupt file"

cp ok.db newer.db
sqlite3 newer.db 'PRAGMA user_version = 999' 2>/dev/null ||
    python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("PRAGMA user_version = 999"); c.commit()' newer.db
run ingest --db newer.db fr.txt
check "newer database refused: exit 1" test "$rc" -eq 1
check "newer database refused: says 'newer quipu'" has "newer quipu" err.txt

# A writer holding the lock: quipu waits its busy timeout, then says so, without crashing.
if command -v sqlite3 >/dev/null; then
    mkfifo lockin
    sqlite3 ok.db <lockin >/dev/null 2>&1 &
    locker=$!
    exec 9>lockin
    printf 'BEGIN EXCLUSIVE;\nDELETE FROM clutter;\n' >&9
    sleep 1
    printf 'Le régime syrien a bombardé Homs pendant toute la nuit de mardi, selon des militants.\n' >homs.txt
    start=$(date +%s)
    run ingest --db ok.db homs.txt
    took=$(($(date +%s) - start))
    check "locked database: exit 1" test "$rc" -eq 1
    check "locked database: a clear message naming the file" has "ok.db" err.txt
    check "locked database: the message says it is locked" grep -qi "locked" err.txt
    check "locked database: the message says what to do" has "try again" err.txt
    check "locked database: waited the busy timeout (>= 4 s, took $took s)" test "$took" -ge 4
    exec 9>&-
    wait "$locker" 2>/dev/null
    locker=
    run ingest --db ok.db homs.txt
    check "lock released: the same article now stores (exit 0)" test "$rc" -eq 0
else
    skipped "locked database (no sqlite3 CLI)"
fi

# JSONL on standard input
printf '%s\n' '{"id": "stdin-1", "date": "2017-11-02", "text": "Iraqi forces launched an offensive on Thursday to retake the town of al-Qaim, the prime minister said."}' \
    '{"id": "stdin-2", "text": "broken' \
    '{"id": "stdin-3", "lang": "fr", "text": "Les rebelles syriens ont pris le contrôle d'"'"'un poste frontière avec la Turquie."}' >in.jsonl
"$QUIPU" ingest --db stdin.db - <in.jsonl >out.txt 2>err.txt
rc=$?
check "stdin JSONL: exit 3 (one broken line)" test "$rc" -eq 3
check "stdin JSONL: the broken line is named stdin:2" has "stdin:2: skipped: broken JSON line" err.txt
run documents --db stdin.db --format jsonl
check "stdin JSONL: ids kept as document names" test "$(grep -c '"doc":"stdin-[13]"' out.txt)" -eq 2
check "stdin JSONL: date kept" has '"date":"2017-11-02"' out.txt
printf 'Le régime syrien a bombardé Homs pendant toute la nuit de mardi, selon des militants.\n' |
    "$QUIPU" ingest --db stdin.db - >out.txt 2>err.txt
rc=$?
check "stdin plain text: exit 0" test "$rc" -eq 0
: | "$QUIPU" ingest --db stdin.db - >out.txt 2>err.txt
rc=$?
check "empty stdin: exit 3, said so" test "$rc" -eq 3 -a -s err.txt

# --- the seed article ----------------------------------------------------------------------
if [ -n "$SHARED" ] && [ -f "$SHARED/fixtures/seed-alqaim.txt" ]; then
    run ingest --db seed.db --verbose "$SHARED/fixtures/seed-alqaim.txt"
    check "seed: exit 0" test "$rc" -eq 0
    check "seed: 11 'removed line' entries" test "$(grep -c '^  removed line ' err.txt)" -eq 11
    check "seed: 'A LIRE AUSSI.' removed" has "removed line 9: A LIRE AUSSI." err.txt
    check "seed: the ad prompt removed" has "Envie d'afficher votre publicité ?" err.txt
    check "seed: the comment prompt removed" has "removed line 19: Connectez-vous ou créez un compte" err.txt
    run documents --db seed.db --format jsonl
    check "seed: documents shows clutter_lines 11" has '"clutter_lines":11' out.txt
    check "seed: stored as French" has '"lang":"fr"' out.txt
    check "seed: 8 sentences" has '"sentences":8' out.txt
    check "seed: the stored text has no clutter" test "$(sqlite3 seed.db "SELECT instr(text, 'LIRE AUSSI') + instr(text, 'Connectez') FROM documents" 2>/dev/null || echo 0)" = 0
else
    skipped "seed article (no \$QP_SHARED/fixtures)"
fi

# --- the 228 scraped articles --------------------------------------------------------------
corpus=$SHARED/corpus/fr-syria-scraped
if [ -n "$SHARED" ] && [ -d "$corpus" ]; then
    n=$(find "$corpus" -name '*.txt' | wc -l)
    run ingest --db corpus.db "$corpus"
    check "corpus: exit 0 (nothing skipped)" test "$rc" -eq 0
    check "corpus: all $n stored" has "$n documents read, $n stored, 0 already stored, 0 skipped" err.txt
    check "corpus: no 'not extracted' (all French)" test "$(grep -c 'not extracted' err.txt)" -eq 0
    run documents --db corpus.db --format jsonl
    check "corpus: $n documents listed" test "$(wc -l <out.txt)" -eq "$n"
    check "corpus: every document French" test "$(grep -c '"lang":"fr"' out.txt)" -eq "$n"
    check "corpus: every document dated from its name" test "$(grep -c '"date":"20[0-9][0-9]-' out.txt)" -eq "$n"
    check "corpus: 'Publié le … Mis à jour le' stamps left no trace" \
        test "$(sqlite3 corpus.db "SELECT count(*) FROM documents WHERE text GLOB '*Mis à jour le *[0-9][0-9]h[0-9][0-9]*'" 2>/dev/null || echo 0)" = 0
    run ingest --db corpus.db "$corpus"
    check "corpus again: exit 0" test "$rc" -eq 0
    check "corpus again: 0 stored, $n already stored" has "$n documents read, 0 stored, $n already stored" err.txt
    run events --db corpus.db --format jsonl
    check "events on the corpus: exit 0" test "$rc" -eq 0
else
    skipped "scraped corpus (no \$QP_SHARED/corpus/fr-syria-scraped)"
fi

echo
if [ $skip -gt 0 ]; then
    echo "$pass passed, $fail failed, $skip skipped"
else
    echo "$pass passed, $fail failed"
fi
[ $fail -gt 0 ] && exit 1
[ $pass -eq 0 ] && exit 77
exit 0
