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

parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(same_names missing_data installed)
for p in "${parts[@]}"; do "$p"; done
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ] || exit 1
[ "$pass" -gt 0 ] || exit 77
