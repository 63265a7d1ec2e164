#!/usr/bin/env python3
"""dev_scores.py — the extractor on the development corpus, against the figures it last reached.

Scores ../shared/corpus/dev with ../shared/eval/score-events (the whole corpus, and French and
English apart) and fails when a figure falls more than 0.01 below tests/dev-scores.json: a change
that costs accuracy is seen, whichever sentence it costs. A figure more than 0.01 above is
reported, so that the baseline is raised with the change that earned it:

    tests/dev_scores.py QUIPU --update     # writes the new figures into tests/dev-scores.json

Needs $QP_SHARED (the shared folder); exit 77 (skipped) without it.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BASELINE = os.path.join(HERE, "dev-scores.json")
METRICS = ("strict_f1", "relaxed_f1", "place", "date", "backs_f1")
TOLERANCE = 0.01


def score(shared, quipu, docs, gold):
    r = subprocess.run([sys.executable, os.path.join(shared, "eval", "score-events"), "--quipu", quipu,
                        "--docs", docs, "--gold", gold], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("score-events failed (%d): %s" % (r.returncode, r.stderr[-2000:]))
    line = [l for l in r.stdout.splitlines() if l.startswith("SCORE ")][-1]
    return {k: float(v) for k, v in (kv.split("=") for kv in line.split()[1:])}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    update = "--update" in sys.argv
    if not args:
        sys.exit("usage: dev_scores.py QUIPU [--update]")
    quipu = os.path.abspath(args[0])
    shared = os.environ.get("QP_SHARED", "")
    dev = os.path.join(shared, "corpus", "dev")
    if not shared or not os.path.isfile(os.path.join(dev, "gold.jsonl")):
        print("skip - the development corpus is not here ($QP_SHARED/corpus/dev)")
        return 77
    docs, gold = os.path.join(dev, "docs.jsonl"), os.path.join(dev, "gold.jsonl")
    figures = {"all": score(shared, quipu, docs, gold)}
    golds = [json.loads(l) for l in open(gold, encoding="utf-8") if l.strip()]
    with tempfile.TemporaryDirectory(prefix="qp-dev-scores-") as tmp:
        for lang in ("fr", "en"):
            ids = {g["doc"] for g in golds if g.get("lang") == lang}
            d, g = os.path.join(tmp, lang + ".docs.jsonl"), os.path.join(tmp, lang + ".gold.jsonl")
            with open(d, "w", encoding="utf-8") as f:
                for l in open(docs, encoding="utf-8"):
                    if l.strip() and json.loads(l)["id"] in ids:
                        f.write(l)
            with open(g, "w", encoding="utf-8") as f:
                for x in golds:
                    if x["doc"] in ids:
                        f.write(json.dumps(x, ensure_ascii=False) + "\n")
            figures[lang] = score(shared, quipu, d, g)
    if update:
        with open(BASELINE, "w", encoding="utf-8") as f:
            json.dump(figures, f, indent=2, sort_keys=True)
            f.write("\n")
        print("wrote", BASELINE)
        return 0
    base = json.load(open(BASELINE, encoding="utf-8"))
    worse = better = 0
    for part in ("all", "fr", "en"):
        for m in METRICS:
            now, was = figures[part][m], base[part][m]
            if now < was - TOLERANCE:
                print("FAIL - %s %s %.3f, was %.3f" % (part, m, now, was))
                worse += 1
            elif now > was + TOLERANCE:
                print("up   - %s %s %.3f, was %.3f: raise the baseline (--update)" % (part, m, now, was))
                better += 1
            else:
                print("ok   - %s %s %.3f (baseline %.3f)" % (part, m, now, was))
    return 1 if worse else 0


if __name__ == "__main__":
    sys.exit(main())
