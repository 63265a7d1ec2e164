#!/usr/bin/env bash
# e2e_store.sh — issue 14 on the binary: document identity across folders and shards, missing
# data files, reextract, ingest --events, merge, ingest -j, and kills (-9) in the middle of a
# merge or a reextract. Needs $QUIPU; the parts on ../shared skip when $QP_SHARED is absent.
# `tests/e2e_store.sh PART…` runs some parts (names at the end). Ends with "N passed, M failed".
set -u
QUIPU=${QUIPU:?set QUIPU to the quipu binary}
SHARED=${QP_SHARED:-}
SCRAPED=$SHARED/corpus/fr-syria-scraped
pass=0 fail=0 skip=0
ok() { pass=$((pass + 1)); echo "ok   - $1"; }
ko() { fail=$((fail + 1)); echo "FAIL - $1"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else ko "$what"; fi; }
skipped() { skip=$((skip + 1)); echo "skip - $1"; }
have_scraped() { [ -n "$SHARED" ] && [ -d "$SCRAPED" ]; }

tmp=$(mktemp -d /tmp/qp-e2e-store.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
run() { "$QUIPU" "$@" >out.txt 2>err.txt; rc=$?; }
has() { grep -qF -- "$1" "$2"; }
# the number a one-value SQL query gives on a database
sql() { sqlite3 "$1" "$2"; }
# what a database holds, by identity: documents by hash, events by hash, sentence and content
dump() {
    sqlite3 -separator '|' "$1" "SELECT d.hash, e.sentence, e.actor1, e.action, e.actor2, e.place_id, e.time_start,
        e.evidence_start, e.evidence_end, e.flags, printf('%.3f', e.confidence) FROM events e JOIN documents d
        ON d.id = e.document_id ORDER BY 1, 2, 8, 3, 4, 5" | md5sum
}
docs_dump() { sqlite3 "$1" "SELECT hash, lang, published, status FROM documents ORDER BY hash" | md5sum; }

# --- same-named files in two folders: both stored, every event kept ------------------------
same_names() {
    mkdir -p a b
    printf "L'armée irakienne a lancé jeudi une offensive contre l'Etat islamique à al-Qaïm.\n" >a/2017-11-02_x.txt
    printf "Les forces russes ont bombardé Alep, selon l'OSDH.\n" >b/2017-11-02_x.txt
    run ingest --db same.db a b
    check "same-named files: exit 0" test "$rc" -eq 0
    check "same-named files: both stored" test "$(sql same.db 'SELECT count(*) FROM documents')" -eq 2
    check "same-named files: the second is named apart" \
        test "$(sql same.db "SELECT count(*) FROM documents WHERE name LIKE '2017-11-02_x~%'")" -eq 1
    check "same-named files: event ids follow the stored name" \
        test "$(sql same.db "SELECT count(*) FROM events e JOIN documents d ON d.id = e.document_id
              WHERE e.uid NOT LIKE d.name || '#%'")" -eq 0
    # the folder is no part of the article: a statement in the first person read from a folder
    # named after a country is not that country's (the path was once taken for the issuer)
    mkdir -p syria plain
    printf "Nous condamnons fermement le bombardement de Homs.\n" >syria/2012-07-06_cns.txt
    cp syria/2012-07-06_cns.txt plain/
    "$QUIPU" ingest --quiet --db in_syria.db syria >/dev/null 2>&1
    "$QUIPU" ingest --quiet --db in_plain.db plain >/dev/null 2>&1
    check "the same text in two folders: the same events" \
        test "$(sql in_syria.db 'SELECT actor1, action, actor2 FROM events ORDER BY 1, 2, 3')" = \
             "$(sql in_plain.db 'SELECT actor1, action, actor2 FROM events ORDER BY 1, 2, 3')"
    check "a folder named syria: no event of Syria's" \
        test "$(sql in_syria.db "SELECT count(*) FROM events WHERE actor1 = 'SYR'")" -eq 0
    if have_scraped; then
        mkdir -p c
        for f in "$SCRAPED"/*.txt; do { cat "$f"; printf '\nCopie numéro deux.\n'; } >"c/$(basename "$f")"; done
        run ingest --db scraped.db "$SCRAPED" c
        check "228 scraped articles and 228 same-named copies: exit 0" test "$rc" -eq 0
        check "228 scraped articles and 228 same-named copies: 456 documents" \
            test "$(sql scraped.db 'SELECT count(*) FROM documents')" -eq 456
    else
        skipped "same-named copies of the scraped corpus (no ../shared)"
    fi
}

# --- missing or unreadable data: exit 1, the path named, nothing stored ----------------------
missing_data() {
    printf "Les forces russes ont bombardé Alep jeudi.\n" >alep.txt
    QUIPU_GAZETTEER=$tmp/none.qpg run ingest --db nogaz.db alep.txt
    check "no gazetteer: ingest exits 1" test "$rc" -eq 1
    check "no gazetteer: the path is named" has "$tmp/none.qpg: not found" err.txt
    check "no gazetteer: no database left behind" test ! -e nogaz.db
    # a data directory whose forms file is unreadable (a directory in its place) comes first
    mkdir -p data/lexicon/fr/forms.tsv
    QUIPU_DATA=$tmp/data run ingest --db noforms.db alep.txt
    check "unreadable inflected forms: exit 1" test "$rc" -eq 1
    check "unreadable inflected forms: the path is named" has "$tmp/data/lexicon/fr/forms.tsv" err.txt
}

# --- an installed quipu works with its checkout moved away --------------------------------
# `meson install` into a staging folder, then the checkout hidden under an empty tmpfs (root:
# unshare -m; elsewhere skipped): the installed binary must read only its own prefix.
installed() {
    local build=${QP_BUILD_ROOT:-}
    if [ -z "$build" ] || [ "$(id -u)" -ne 0 ] || ! command -v unshare >/dev/null; then
        skipped "installed quipu with the checkout moved (needs root and QP_BUILD_ROOT)"
        return
    fi
    DESTDIR=$tmp/stage meson install -C "$build" --quiet --no-rebuild >install.log 2>&1
    check "meson install: exit 0" test $? -eq 0
    local prefix
    prefix=$(dirname "$(dirname "$(find "$tmp/stage" -path '*/bin/quipu' | head -1)")")
    check "meson install: binary, lexicons, forms, gazetteer and examples" test -x "$prefix/bin/quipu" \
        -a -s "$prefix/share/quipu/lexicon/fr/actions.json" -a -s "$prefix/share/quipu/lexicon/en/forms.tsv" \
        -a -s "$prefix/share/quipu/data/gazetteer.qpg" -a -d "$prefix/share/quipu/examples"
    # the prefix moved too: its share/quipu is found beside its bin/
    mv "$prefix" "$tmp/moved"
    local src=${QP_SOURCE_ROOT:?}
    unshare -m sh -c "mount -t tmpfs none '$src' && [ ! -e '$src/lexicon' ] &&
        '$tmp/moved/bin/quipu' ingest --db '$tmp/inst.db' '$tmp/moved/share/quipu/examples'" >out.txt 2>err.txt
    rc=$?
    check "installed quipu, checkout hidden: ingest exits 0" test "$rc" -eq 0
    check "installed quipu, checkout hidden: events extracted" \
        test "$(sqlite3 inst.db 'SELECT count(*) FROM events')" -gt 20
}

# the scraped corpus stored once the ordinary way: what the other parts are held against
reference() {
    [ -e ref.db ] || "$QUIPU" ingest --quiet --db ref.db "$SCRAPED" >/dev/null 2>&1
}

# --- extract --documents | ingest --events, and -j 2, give the database one ingest gives --------
events_and_jobs() {
    if ! have_scraped; then skipped "ingest --events and -j (no ../shared)"; return; fi
    reference
    run extract --documents "$SCRAPED"
    check "extract --documents: exit 0" test "$rc" -eq 0
    check "extract --documents: one line per article" test "$(wc -l <out.txt)" -eq 228
    mv out.txt docs.jsonl
    run ingest --db ev.db --events docs.jsonl
    check "ingest --events: exit 0" test "$rc" -eq 0
    check "ingest --events: the same events as an ingest" test "$(dump ev.db)" = "$(dump ref.db)"
    check "ingest --events: the same documents as an ingest" test "$(docs_dump ev.db)" = "$(docs_dump ref.db)"
    # a document whose text was changed after extraction is refused, named by its line
    sed '3s/"text":"/"text":"X/' docs.jsonl >tampered.jsonl
    run ingest --db tampered.db --events tampered.jsonl
    check "ingest --events: a text that is not its hash's: exit 3" test "$rc" -eq 3
    check "ingest --events: ... named by file and line" has "tampered.jsonl:3: skipped: document.hash" err.txt
    check "ingest --events: ... the others stored" test "$(sql tampered.db 'SELECT count(*) FROM documents')" -eq 227
    run ingest -j 2 --db j2.db "$SCRAPED"
    check "ingest -j 2: exit 0" test "$rc" -eq 0
    check "ingest -j 2: the same events as one thread" test "$(dump j2.db)" = "$(dump ref.db)"
    check "ingest -j 2: rows in the same order as one thread" test \
        "$(sql j2.db 'SELECT group_concat(uid) FROM events')" = "$(sql ref.db 'SELECT group_concat(uid) FROM events')"
    run ingest -j 0 --db j0.db "$SCRAPED"
    check "ingest -j 0 is bad usage (2)" test "$rc" -eq 2
}

# --- merge: shards folded give the database of one ingest; a kill leaves each input whole or absent
merge() {
    if ! have_scraped; then skipped "merge (no ../shared)"; return; fi
    reference
    mkdir -p s1 s2
    local i=0
    for f in "$SCRAPED"/*.txt; do
        i=$((i + 1))
        if [ $((i % 2)) -eq 0 ]; then ln -s "$f" s1/; else ln -s "$f" s2/; fi
    done
    # the same article in both shards, and one shard twice: stored once
    ln -s "$(ls "$SCRAPED"/*.txt | head -1)" s1/ 2>/dev/null || true
    "$QUIPU" ingest --quiet --db s1.db s1 >/dev/null 2>&1
    "$QUIPU" ingest --quiet --db s2.db s2 >/dev/null 2>&1
    run merge m.db s1.db s2.db s2.db
    check "merge: exit 0" test "$rc" -eq 0
    check "merge: equal to one ingest (events)" test "$(dump m.db)" = "$(dump ref.db)"
    check "merge: equal to one ingest (documents)" test "$(docs_dump m.db)" = "$(docs_dump ref.db)"
    check "merge: equal to one ingest (actors)" test \
        "$(sql m.db 'SELECT * FROM actors ORDER BY id' | md5sum)" = "$(sql ref.db 'SELECT * FROM actors ORDER BY id' | md5sum)"
    run merge m.db m.db
    check "merge into itself: refused (exit 1)" test "$rc" -eq 1
    run merge m.db nothere.db s1.db
    check "merge of a missing input: exit 3, named" test "$rc" -eq 3 -a -n "$(grep -F nothere.db err.txt)"
    # kill -9: a synthetic shard large enough to be caught in the middle
    "${BENCH_MKDB:-}" --events 150000 big.db >/dev/null 2>&1 || { skipped "kill -9 during merge (no bench_mkdb)"; return; }
    local n
    n=$(sql big.db 'SELECT count(*) FROM documents')
    for delay in 0.3 0.8 1.5; do
        rm -f k.db k.db-wal k.db-shm
        "$QUIPU" ingest --quiet --db k.db /dev/null >/dev/null 2>&1
        "$QUIPU" merge --quiet k.db big.db & local pid=$!
        sleep "$delay"
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        local got
        got=$(sql k.db 'SELECT count(*) FROM documents')
        check "kill -9 after ${delay}s of a merge: the database is whole ($(sql k.db 'PRAGMA integrity_check'))" \
            test "$(sql k.db 'PRAGMA integrity_check')" = ok
        check "kill -9 after ${delay}s of a merge: as it was or complete ($got of $n documents)" \
            test "$got" -eq 0 -o "$got" -eq "$n"
        "$QUIPU" merge --quiet k.db big.db >/dev/null 2>&1
        check "kill -9 after ${delay}s of a merge: run again, complete" \
            test "$(sql k.db 'SELECT count(*) FROM events')" -eq "$(sql big.db 'SELECT count(*) FROM events')"
    done
}

# --- reextract: a changed lexicon's version; a kill leaves each document old or new, never mixed
reextract() {
    if ! have_scraped; then skipped "reextract (no ../shared)"; return; fi
    reference
    local data=${QP_SOURCE_ROOT:?} build=${QP_BUILD_ROOT:?}
    # the same data under another fingerprint: a lexicon file with a blank line more
    mkdir -p newdata/lexicon
    cp -r "$data/lexicon/." newdata/lexicon/
    cp "$build/lexicon/fr/forms.tsv" newdata/lexicon/fr/ && cp "$build/lexicon/en/forms.tsv" newdata/lexicon/en/
    echo >>newdata/lexicon/places.json
    cp ref.db old.db
    local before
    before=$(sql old.db 'SELECT version FROM extractors')
    QUIPU_DATA=$tmp/newdata run reextract --db old.db --doc "$(sql old.db 'SELECT name FROM documents LIMIT 1')"
    check "reextract --doc: exit 0, one document" test "$rc" -eq 0 -a -n "$(grep -F '1 documents extracted again' err.txt)"
    check "reextract: a new extractor version recorded" test "$(sql old.db 'SELECT count(*) FROM extractors')" -eq 2
    check "reextract: the same events for the same lexicon" test "$(dump old.db)" = "$(dump ref.db)"
    for delay in 0.3 0.9; do
        cp ref.db kr.db
        QUIPU_DATA=$tmp/newdata "$QUIPU" reextract --quiet --db kr.db & local pid=$!
        sleep "$delay"
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
        local redone
        redone=$(sql kr.db "SELECT count(*) FROM documents d JOIN extractors x ON x.id = d.extractor WHERE x.version <> '$before'")
        check "kill -9 after ${delay}s of a reextract ($redone of 228 documents redone): the database is whole" \
            test "$(sql kr.db 'PRAGMA integrity_check')" = ok
        check "kill -9 after ${delay}s of a reextract: no document holds events of two versions" \
            test "$(sql kr.db 'SELECT count(*) FROM events e JOIN documents d ON d.id = e.document_id
                             WHERE e.extractor IS NOT d.extractor')" -eq 0
        check "kill -9 after ${delay}s of a reextract: every event still there" test "$(dump kr.db)" = "$(dump ref.db)"
        QUIPU_DATA=$tmp/newdata "$QUIPU" reextract --quiet --stale --db kr.db >/dev/null 2>&1
        check "kill -9 after ${delay}s of a reextract: --stale completes it" test \
            "$(sql kr.db "SELECT count(*) FROM documents d JOIN extractors x ON x.id = d.extractor WHERE x.version = '$before'")" -eq 0
    done
}

# --- Dask: a LocalCluster of 2 workers over the 228 articles equals one ingest -------------------
dask() {
    if ! have_scraped; then skipped "Dask (no ../shared)"; return; fi
    if ! /usr/bin/python3 -c 'import distributed' 2>/dev/null; then
        skipped "Dask (python3-distributed is not installed: tools/setup.sh --tests)"
        return
    fi
    reference
    /usr/bin/python3 "${QP_SOURCE_ROOT:?}/tools/quipu-dask" --quipu "$QUIPU" --workers 2 --db dask.db "$SCRAPED" \
        >out.txt 2>err.txt
    rc=$?
    check "quipu-dask on 2 local workers: exit 0" test "$rc" -eq 0
    check "quipu-dask on 2 local workers: equal to one ingest (events)" test "$(dump dask.db)" = "$(dump ref.db)"
    check "quipu-dask on 2 local workers: equal to one ingest (documents)" test "$(docs_dump dask.db)" = "$(docs_dump ref.db)"
    check "quipu-dask: the shards are removed" test ! -e dask.db.shards
}

parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(same_names missing_data installed events_and_jobs merge reextract dask)
for p in "${parts[@]}"; do "$p"; done
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ] || exit 1
[ "$pass" -gt 0 ] || exit 77
