#!/usr/bin/env bash
# e2e_lexicon.sh — `quipu lexicon check` and `lookup`, and a user's overlay folder laid over the
# built-in lexicon by --lexicon DIR and $QUIPU_LEXICON on extract, ingest and lookup: exit codes,
# messages that name the file, line and field, an event made of an actor and a verb the overlay
# adds. Needs $QUIPU (the binary) and $QP_SOURCE_ROOT (for tests/lexicon/).
# Ends with "N passed, M failed"; exit 1 on a failure.
set -u
QUIPU=${QUIPU:?set QUIPU to the quipu binary}
SRC=${QP_SOURCE_ROOT:?set QP_SOURCE_ROOT to the source tree}
OV=$SRC/tests/lexicon/overlay
BROKEN=$SRC/tests/lexicon/broken
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok   - $1"; }
ko() { fail=$((fail + 1)); echo "FAIL - $1"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else ko "$what"; fi; }

tmp=$(mktemp -d /tmp/qp-e2e-lexicon.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
unset QUIPU_LEXICON

run() { "$QUIPU" "$@" >out.txt 2>err.txt; rc=$?; }
has() { grep -qF -- "$1" "$2"; }

# --- check ------------------------------------------------------------------------------------
run lexicon check "$OV"
check "check: a good overlay passes (0)" test "$rc" -eq 0
check "check: an alias taken from a built-in actor is a warning naming both" \
    has "fr/actors.json:4: warning: SAU-COALITION[0]: \"coalition\" was COALITION's" out.txt
check "check: a summary line" has "0 errors, 1 warnings" out.txt
run lexicon check "$BROKEN"
check "check: a broken overlay fails (1)" test "$rc" -eq 1
check "check: a bad id, with file and line" has "broken/actors.json:2: error: actors[0] (zz-bad).id" out.txt
check "check: a bad date names the field" has "actors.json:3: error: actors[1] (PER-NODATE).from: field \"from\"" out.txt
check "check: an unknown country" has "\"XXX\" is no ISO alpha-3 code" out.txt
check "check: an unknown kind" has "\"militia\" is not one of state" out.txt
check "check: a misspelt field, on its line" has "actors.json:5: error: actors[3] (ZZ-LOOP-B).colour: unknown field" out.txt
check "check: a parent loop" has "is its own ancestor" out.txt
check "check: an alias that is a common word" has "fr/actors.json:2: error: ZZ-LOOP-A[1]: \"les\" is a common word" out.txt
check "check: an alias of nobody" has "\"ZZ-NOBODY\" is neither an actor" out.txt
check "check: a category that is not PLOVER's" has "fr/actions.json:2: error: actions[0].code: field \"code\": \"SHOOT\"" out.txt
check "check: a mode of another category" has "\"artillery\" is no mode of ASSAULT" out.txt
check "check: a CAMEO root of another category" has "\"04\" is no CAMEO root" out.txt
check "check: a frame that does not exist" has "\"verb_nothing\" is no frame" out.txt
check "check: a weight out of range" has "actions[1].weight" out.txt
check "check: a file that is no JSON, with line and column" has "en/actions.json:3:0: error: not JSON" out.txt
run lexicon check "$tmp/nowhere"
check "check: no such folder is bad usage (2)" test "$rc" -eq 2
run lexicon check
check "check: no folder is bad usage (2)" test "$rc" -eq 2
run lexicon frobnicate
check "an unknown subcommand is bad usage (2)" test "$rc" -eq 2
run lexicon --help
check "lexicon --help exits 0" test "$rc" -eq 0 -a -s out.txt

# --- lookup -----------------------------------------------------------------------------------
run lexicon lookup Kremlin
check "lookup: a seat of government is its government" has "actor RUS-GOV" out.txt
check "lookup: with its parent chain" has "rolls up to: RUS (Russia, state)" out.txt
run lexicon lookup "Iraqi air force"
check "lookup: a demonym and an agent" has "actor IRQ-AIRFORCE" out.txt
run lexicon lookup Poutine --date 2005-01-01
check "lookup: a person in office acts for the state" has "acts for RUS" out.txt
run lexicon lookup RUS-MIL --date 2016-01-01
check "lookup: an id, with the persons in office on the date" has "PER-SHOIGU" out.txt
run lexicon lookup "Brigade Zéro"
check "lookup: a name the lexicon lacks (1)" test "$rc" -eq 1
run lexicon lookup Kremlin --date 2016-13-01
check "lookup: a bad date is bad usage (2)" test "$rc" -eq 2
run lexicon lookup Kremlin --lang de
check "lookup: a bad language is bad usage (2)" test "$rc" -eq 2
run lexicon lookup
check "lookup: no name is bad usage (2)" test "$rc" -eq 2
run lexicon lookup bombardé --lang en
check "lookup: --lang keeps that language's forms only" test "$rc" -eq 1

# --- the overlay on every command that loads lexicons ------------------------------------------
run --lexicon "$OV" lexicon lookup "Brigade Zéro"
check "--lexicon: a militia one JSON object adds" has "actor ZZ-BRIGADE" out.txt
check "--lexicon: the overlay is named" has "from overlay $OV" out.txt
run lexicon lookup "Amadou Zero" --date 2020-08-01 --lexicon "$OV"
check "--lexicon after the command: a person's other post, for another body" has "acts for MLI-GOV" out.txt
run lexicon lookup "Amadou Zero" --date 2018-08-01 --lexicon "$OV"
check "a person before his office acts for himself" has "out of office" out.txt
QUIPU_LEXICON=$OV run lexicon lookup canardaient
check "\$QUIPU_LEXICON: a new verb, inflected without a rebuild" has "\"canarder\" verb, as impf" out.txt
run --lexicon "$tmp/nowhere" lexicon lookup x
check "--lexicon: no such folder is bad usage (2)" test "$rc" -eq 2
QUIPU_LEXICON=$tmp/nowhere run lexicon lookup Kremlin
check "\$QUIPU_LEXICON: no such folder fails to load (1)" test "$rc" -eq 1
check "\$QUIPU_LEXICON: the folder is named" has "nowhere: no such lexicon folder" err.txt
run --lexicon "$BROKEN" extract </dev/null
check "extract with a broken overlay fails (1) naming the file" test "$rc" -eq 1

cat >art.jsonl <<'EOF'
{"id": "ov-fr", "date": "2022-03-10", "lang": "fr", "text": "La Brigade Zéro a canardé mercredi une patrouille de l'armée malienne près de Tombouctou."}
{"id": "ov-en", "date": "2022-03-10", "lang": "en", "text": "The Zero Brigade strafed a Malian army convoy near Timbuktu on Wednesday."}
EOF
run extract --lexicon "$OV" art.jsonl
check "extract --lexicon: the new militia and verb make an event (fr)" \
    grep -q '"doc": *"ov-fr".*"actor1": *{"id": *"ZZ-BRIGADE".*"code": *"ASSAULT"' out.txt
check "extract --lexicon: the new militia and verb make an event (en)" \
    grep -q '"doc": *"ov-en".*"actor1": *{"id": *"ZZ-BRIGADE".*"code": *"ASSAULT"' out.txt
run extract art.jsonl
check "extract without the overlay knows neither" bash -c '! grep -q ZZ-BRIGADE out.txt'
QUIPU_LEXICON=$OV run ingest --db q.db art.jsonl
check "ingest with \$QUIPU_LEXICON" test "$rc" -eq 0
run events --db q.db --actor ZZ-BRIGADE --format jsonl
check "the stored events carry the overlay's actor" grep -q ZZ-BRIGADE out.txt
run query --db q.db backers "Brigade Zéro"
check "query resolves the overlay's names stored at ingest" test "$rc" -ne 2

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
