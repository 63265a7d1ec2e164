#!/usr/bin/env bash
# e2e_parse.sh — `quipu parse` as a user runs it: exit codes, errors with file and line, text
# and CoNLL-U in, what score-conllu needs out, and the dev treebanks scored against their
# targets when ../shared is there. Needs $QUIPU; ends with "N passed, M failed".
set -u
QUIPU=${QUIPU:?set QUIPU to the quipu binary}
SHARED=${QP_SHARED:-}
pass=0 fail=0 skip=0
ok() { pass=$((pass + 1)); echo "ok   - $1"; }
ko() { fail=$((fail + 1)); echo "FAIL - $1"; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else ko "$what"; fi; }
skipped() { skip=$((skip + 1)); echo "skip - $1"; }

tmp=$(mktemp -d /tmp/qp-e2e-parse.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
run() { "$QUIPU" "$@" >out.txt 2>err.txt; rc=$?; }
has() { grep -qF -- "$1" "$2"; }

run parse --help
check "parse --help exits 0 and tells about --conllu" bash -c "test $rc -eq 0 && grep -q -- --conllu out.txt"
run parse --lang xx
check "bad --lang is bad usage (2)" test "$rc" -eq 2
run parse a.txt b.txt
check "two inputs is bad usage (2)" test "$rc" -eq 2
run parse --lang fr /nonexistent/file.txt
check "unreadable input fails (1) and is named" bash -c "test $rc -eq 1 && grep -q /nonexistent/file.txt err.txt"
printf 'Bonjour\n\377\376 la ville\n' >bad.txt
run parse --lang fr bad.txt
check "invalid UTF-8 fails (1) naming file and line" bash -c "test $rc -eq 1 && grep -q 'bad.txt:2' err.txt"
printf '1\ta\t_\tX\t_\t_\t0\troot\t_\t_\n2\tb\t_\n\n' >bad.conllu
run parse --lang en --conllu bad.conllu
check "malformed CoNLL-U fails (1) naming file and line" bash -c "test $rc -eq 1 && grep -q 'bad.conllu:2' err.txt"

echo "Les rebelles ont pris la ville aux jihadistes. Le convoi a été attaqué par l'armée du régime." >fr.txt
run parse --lang fr fr.txt
check "French text: two sentences with ids and text" bash -c "test $rc -eq 0 && test \$(grep -c '^# sent_id' out.txt) -eq 2 && grep -q '^# text = Les rebelles' out.txt"
check "French contraction: a multiword token line and its words" bash -c "grep -qP '^\d+-\d+\taux\t' out.txt && grep -qP '^\d+\tà\tà\tADP' out.txt"
check "French passive: nsubj:pass and obl:agent" bash -c "grep -qP '\tconvoi\t.*\tnsubj:pass\t' out.txt && grep -qP '\tarmée\t.*\tobl:agent\t' out.txt"
echo "The convoy was attacked by rebels, officials said." | "$QUIPU" parse --lang en - >en.conllu 2>err.txt
check "English from standard input" bash -c "grep -qP '\tconvoy\t.*\tnsubj:pass\t' en.conllu && grep -qP '\tofficials\t.*\tnsubj\t' en.conllu"
echo "Les rebelles ont pris la ville." | "$QUIPU" parse >auto.conllu 2>err.txt
check "the language is detected without --lang" grep -qP '\tprendre\tVERB' auto.conllu

# the parser's own output read back with --conllu: same words, same number of sentences
run parse --lang fr --conllu "$tmp/out.txt"
check "--conllu reads quipu's own CoNLL-U back" bash -c "test $rc -eq 0 && diff <(grep -vP '^#' $tmp/out.txt | cut -f1,2) <(grep -vP '^#' out.txt | cut -f1,2) >/dev/null"

if [ -n "$SHARED" ] && [ -x "$SHARED/eval/score-conllu" ] && [ -f "$SHARED/ud/fr_sequoia-ud-dev.conllu" ]; then
    score() { "$SHARED/eval/score-conllu" --gold "$SHARED/ud/$1-ud-dev.conllu" --quipu "$QUIPU" --lang "$2" | sed -n 's/^SCORE //p'; }
    s=$(score fr_sequoia fr); echo "  Sequoia dev: $s"
    check "Sequoia dev: UPOS >= 0.97 and LAS >= 0.84" python3 -c "
d=dict(kv.split('=') for kv in '$s'.split()); exit(not (float(d['upos'])>=0.97 and float(d['las'])>=0.84))"
    s=$(score en_ewt en); echo "  EWT dev: $s"
    check "EWT dev: UPOS >= 0.95 and LAS >= 0.80" python3 -c "
d=dict(kv.split('=') for kv in '$s'.split()); exit(not (float(d['upos'])>=0.95 and float(d['las'])>=0.80))"
else
    skipped "dev treebanks: \$QP_SHARED/ud absent"
fi

echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ] || exit 1
[ "$pass" -gt 0 ] || exit 77
