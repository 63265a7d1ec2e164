#!/usr/bin/env python3
"""check-actions.py — validates lexicon/{fr,en}/actions.json (see lexicon/README.md).

    tools/check-actions.py lexicon/fr/actions.json lexicon/en/actions.json

Checks every entry's fields, that codes are PLOVER categories (or LEAD), that modes and
contexts are the codebook's (PLOVER 0.8 tables, plus the few extra names the Alliance's
CAMEO2PLOVER table uses), that the CAMEO root agrees with the category, that a "frame" is one
of lexicon/<lang>/frames.json (the file beside actions.json), "need" a boolean, "forms" an
object of forms.tsv tags, and that no lemma is listed twice for the same category once folded.
With --stats, also prints the entries per category, mode and part of speech.
Exits 1 with one line per problem.
"""
import collections
import os
import json
import sys
import unicodedata

# Modes per category: PLOVER 0.8 codebook, tables 3.1-3.11; "return", "ban", "assassinate",
# "massacre", "cleansing" come from CAMEO2PLOVER-2021.
MODES = {
    "AGREE": set(), "SUPPORT": set(), "CONCEDE": set(), "COOPERATE": set(), "AID": set(),
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign", "return"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence", "ban"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport",
               "withhold", "misinformation", "cyber", "ban"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive",
                "firearms", "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons",
                "crowd-control", "unconventional", "assassinate", "massacre", "cleansing"},
    "LEAD": set(),
}

# Contexts: codebook chapter 4 (spaces written as underscores, as CAMEO2PLOVER does), plus
# CAMEO2PLOVER's "humanitarian" and "democracy".
CONTEXTS = {
    "military", "intelligence", "executive", "legislative", "election",
    "political_institutions", "pro_democracy", "pro_autocracy", "economic", "legal",
    "reparations", "human_rights", "rights_freedoms", "repression", "human_security", "gender",
    "lgbt", "religion_ethnicity", "inequality", "diplomatic", "territory", "peacekeeping",
    "health", "asylum", "migration", "disasters", "natural_resource", "environment",
    "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption",
    "illegal_drugs", "trafficking", "humanitarian", "democracy",
}

# CAMEO root → the PLOVER categories CAMEO2PLOVER sends its codes to.
CAMEO_ROOTS = {
    "01": {"AGREE", "SUPPORT"}, "02": {"REQUEST"}, "03": {"AGREE"}, "04": {"CONSULT"},
    "05": {"SUPPORT"}, "06": {"COOPERATE"}, "07": {"AID"}, "08": {"CONCEDE", "RETREAT"},
    "09": {"ACCUSE"}, "10": {"REQUEST"}, "11": {"ACCUSE"}, "12": {"REJECT"},
    "13": {"THREATEN"}, "14": {"PROTEST"}, "15": {"MOBILIZE"},
    "16": {"SANCTION", "COERCE"}, "17": {"COERCE", "ASSAULT"}, "18": {"ASSAULT"},
    "19": {"ASSAULT", "COERCE"}, "20": {"ASSAULT"},
}
# (191 blockade and 192 occupation sit under root 19 and are COERCE in CAMEO2PLOVER.)

TAGS = {"inf", "pres", "impf", "past", "fut", "cond", "subj", "ppas", "ppre", "noun_sg", "noun_pl"}

KEYS = {"lemma", "pos", "code", "mode", "context", "cameo", "object", "preps", "place_preps",
        "weight", "light", "frame", "need", "forms"}


def fold(s):
    """Approximates qp_fold: lower case, no accents, non-alphanumerics to one space."""
    s = s.replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae").replace("Æ", "ae")
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(c if c.isalnum() else " " for c in s if not unicodedata.combining(c))
    return " ".join(s.split())


def check_entry(where, e, problems, frames=None):
    def bad(msg):
        problems.append(f"{where}: {msg}")

    if not isinstance(e, dict):
        return bad("not an object")
    for k in e:
        if k not in KEYS:
            bad(f"unknown field {k!r}")
    lemma = e.get("lemma")
    if not isinstance(lemma, str) or not lemma.strip() or lemma != lemma.strip():
        bad("lemma must be a non-empty string without outer spaces")
    if e.get("pos") not in ("verb", "noun"):
        bad(f"pos must be verb or noun, not {e.get('pos')!r}")
    if e.get("object", "recipient") not in ("recipient", "place", "none"):
        bad(f"object must be recipient, place or none, not {e.get('object')!r}")
    for k in ("preps", "place_preps"):
        v = e.get(k, [])
        if not isinstance(v, list) or not all(isinstance(p, str) and p for p in v):
            bad(f"{k} must be a list of strings")
    if "frame" in e and e["frame"] is not None and (not isinstance(e["frame"], str) or
                                                    (frames is not None and e["frame"] not in frames)):
        bad(f"frame {e['frame']!r} is not a frame of frames.json ({', '.join(sorted(frames or []))})")
    if "need" in e and not isinstance(e["need"], bool):
        bad("need must be true or false")
    if "forms" in e:
        f = e["forms"]
        if not isinstance(f, dict) or not all(isinstance(v, list) and all(isinstance(x, str) and x for x in v)
                                               for v in f.values()):
            bad("forms must be an object of tag -> list of forms")
        else:
            for t in f:
                if t not in TAGS:
                    bad(f"forms: {t!r} is not a tag of forms.tsv")
                elif t.startswith("noun") != (e.get("pos") == "noun"):
                    bad(f"forms: {t!r} does not fit a {e.get('pos')}")
    w = e.get("weight")
    if not isinstance(w, (int, float)) or isinstance(w, bool) or not 0 <= w <= 1:
        bad(f"weight must be a number in 0..1, not {w!r}")
    if e.get("light", False) is not False:
        if e.get("light") is not True:
            bad("light must be true or absent")
        if e.get("pos") != "verb":
            bad("only verbs are light")
        for k in ("code", "mode", "context", "cameo"):
            if e.get(k) is not None:
                bad(f"a light verb has no {k}")
        return
    code = e.get("code")
    if code not in MODES:
        return bad(f"code {code!r} is not a PLOVER category or LEAD")
    mode = e.get("mode")
    if mode is not None and mode not in MODES[code]:
        bad(f"mode {mode!r} is not one of {code}'s: {sorted(MODES[code]) or 'none'}")
    ctx = e.get("context")
    if ctx is not None and ctx not in CONTEXTS:
        bad(f"context {ctx!r} is not a PLOVER context")
    cameo = e.get("cameo")
    if code == "LEAD" and cameo is None:
        return
    if not isinstance(cameo, str) or cameo not in CAMEO_ROOTS:
        bad(f"cameo must be a 2-digit CAMEO root string, not {cameo!r}")
    elif code not in CAMEO_ROOTS[cameo]:
        bad(f"CAMEO root {cameo} does not map to {code}")


def load_frames(path):
    """The frame names of frames.json beside an actions.json, or None when there is none."""
    fpath = os.path.join(os.path.dirname(path), "frames.json")
    try:
        with open(fpath, encoding="utf-8") as f:
            return set(json.load(f).get("frames", {}))
    except (OSError, ValueError):
        return None


def check_file(path, stats=None):
    problems = []
    try:
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError) as err:
        return [f"{path}: {err}"], 0
    acts = doc.get("actions") if isinstance(doc, dict) else None
    if not isinstance(acts, list) or not acts:
        return [f"{path}: expected {{\"actions\": [...]}} with entries"], 0
    seen = {}
    frames = load_frames(path)
    for i, e in enumerate(acts):
        where = f"{path}: entry {i} ({e.get('lemma') if isinstance(e, dict) else '?'})"
        check_entry(where, e, problems, frames)
        if stats is not None and isinstance(e, dict):
            stats[(e.get("code") or "light", e.get("mode") or "-", e.get("pos"))] += 1
        if isinstance(e, dict) and isinstance(e.get("lemma"), str):
            key = (fold(e["lemma"]), e.get("pos"), e.get("code"), bool(e.get("light")))
            if key in seen:
                problems.append(f"{where}: same folded lemma, pos and code as entry {seen[key]}")
            seen.setdefault(key, i)
    return problems, len(acts)


def main(argv):
    want_stats = "--stats" in argv
    argv = [a for a in argv if a != "--stats"]
    if len(argv) < 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    problems = []
    for path in argv[1:]:
        stats = collections.Counter() if want_stats else None
        p, n = check_file(path, stats)
        problems += p
        print(f"{path}: {n} entries")
        if stats:
            by_code = collections.Counter()
            for (code, mode, pos), k in stats.items():
                by_code[code] += k
            for code in sorted(by_code):
                modes = ", ".join(f"{m} {pos} {k}" for (c, m, pos), k in sorted(stats.items()) if c == code)
                print(f"  {code:10} {by_code[code]:4}  ({modes})")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
