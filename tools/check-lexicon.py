#!/usr/bin/env python3
"""check-lexicon.py — consistency checks of quipu's actor, country and agent lexicons.

Usage: check-lexicon.py LEXICON_DIR

Every *.json under LEXICON_DIR must parse. actors.json, countries.json and the fr/ and en/
actors, countries and agents files are then checked against the formats of lexicon/README.md:
unique ids, well-formed ISO codes, known kinds, parents that exist and do not loop, persons
with office and dates, alias keys that exist, no alias or agent phrase that two ids share
(fr and en together, since quipu matches both languages in every article) unless AMBIGUOUS
below says why, and none that is a bare number. Exits 1 when anything is wrong, listing
every problem.
Standard library only, so that it runs wherever meson does.
"""
import datetime
import json
import os
import re
import sys
import unicodedata

KINDS = {"state", "government", "military", "paramilitary", "police", "armed group", "coalition",
         "igo", "ngo", "party", "opposition", "person", "civilians", "media"}
LANGS = ("fr", "en")
ID_RE = re.compile(r"^[A-Z0-9]+(-[A-Z0-9]+)*$")
ISO3_RE = re.compile(r"^[A-Z]{3}$")
ISO2_RE = re.compile(r"^[A-Z]{2}$")
FR_DEM = ("{dem}", "{dem_f}", "{dem_mp}", "{dem_fp}")

# Folded forms that two ids may share in one language, with the reason. The extractor has to
# pick by context (the article's country, the date); everything else must be unique.
AMBIGUOUS = {
    "congolese": "both Congos (COD, COG) share the demonym",
    "congolais": "both Congos (COD, COG) share the demonym",
    "congolaise": "both Congos (COD, COG) share the demonym",
    "congolaises": "both Congos (COD, COG) share the demonym",
}

# Words so common that an alias folding to one of them must be an all-caps acronym, which
# the matcher only takes in capitals ("US", "IS", "EI").
STOPWORDS = {"a", "an", "as", "at", "au", "aux", "by", "de", "des", "du", "en", "et", "il", "in",
             "is", "it", "la", "le", "les", "of", "on", "or", "ou", "the", "to", "un", "une", "us",
             "we", "who", "ce", "se", "sa", "son", "pas", "par", "pour", "sur", "may", "can"}


def fold(s):
    """The matcher's folded form (see src/fold.h): case folded, marks removed, every run of
    non-alphanumerics one space."""
    s = unicodedata.normalize("NFKD", s.casefold())
    s = "".join(c for c in s if not unicodedata.combining(c))
    return " ".join("".join(c if c.isalnum() else " " for c in s).split())


def is_acronym(s):
    letters = [c for c in s if c.isalpha()]
    return 0 < len(letters) <= 5 and all(c.isupper() for c in letters) and \
        all(c.isalpha() or c in ".-" for c in s)


def match_key(s):
    # An acronym matches only in capitals, so "US" and a word "us" would not collide.
    return (fold(s), s.replace(".", "") if is_acronym(s) else None)


def is_date(s):
    try:
        datetime.date.fromisoformat(s)
        return re.fullmatch(r"\d{4}-\d{2}-\d{2}", s) is not None
    except (TypeError, ValueError):
        return False


class Checker:
    def __init__(self, root):
        self.root = root
        self.errors = []

    def err(self, where, msg):
        self.errors.append("%s: %s" % (where, msg))

    def load(self, rel):
        path = os.path.join(self.root, rel)
        try:
            with open(path, encoding="utf-8") as fp:
                return json.load(fp)
        except FileNotFoundError:
            self.err(rel, "missing")
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            self.err(rel, "invalid JSON: %s" % e)
        return None

    def strings(self, where, lst):
        if not isinstance(lst, list):
            self.err(where, "not a list")
            return []
        out = []
        for s in lst:
            if not isinstance(s, str) or not s.strip():
                self.err(where, "empty or non-string entry %r" % (s,))
            elif s != s.strip() or "  " in s:
                self.err(where, "stray spaces in %r" % s)
            else:
                if fold(s) in STOPWORDS and not is_acronym(s):
                    self.err(where, "%r folds to a common word; write it in capitals if it "
                             "is an acronym" % s)
                out.append(s)
        if len(set(out)) != len(out):
            self.err(where, "duplicate entries")
        return out

    def all_json(self):
        for dirpath, _, files in os.walk(self.root):
            for f in sorted(files):
                if f.endswith(".json"):
                    self.load(os.path.relpath(os.path.join(dirpath, f), self.root))

    def countries(self):
        doc = self.load("countries.json")
        self.iso3 = {}
        if not isinstance(doc, dict) or not isinstance(doc.get("countries"), list):
            self.err("countries.json", "no \"countries\" list")
            return
        iso2 = set()
        for c in doc["countries"]:
            where = "countries.json %s" % c.get("iso3")
            if not ISO3_RE.match(str(c.get("iso3", ""))):
                self.err(where, "bad iso3")
                continue
            if c["iso3"] in self.iso3:
                self.err(where, "duplicate iso3")
            self.iso3[c["iso3"]] = c
            if not ISO2_RE.match(str(c.get("iso2", ""))) or c["iso2"] in iso2:
                self.err(where, "bad or duplicate iso2 %r" % c.get("iso2"))
            iso2.add(c.get("iso2"))
            gn = c.get("geonames")
            if gn is not None and (not isinstance(gn, int) or gn <= 0):
                self.err(where, "geonames must be a positive integer or null")
            for k in ("label", "label_fr"):
                if not isinstance(c.get(k), str) or not c[k]:
                    self.err(where, "no %s" % k)
            lat, lon = c.get("lat"), c.get("lon")
            if not isinstance(lat, (int, float)) or not -90 <= lat <= 90 or \
                    not isinstance(lon, (int, float)) or not -180 <= lon <= 180:
                self.err(where, "lat/lon out of range")
        gns = [c["geonames"] for c in self.iso3.values() if c.get("geonames")]
        if len(gns) != len(set(gns)):
            self.err("countries.json", "a GeoNames id is given to two countries")
        self.cwords = {}
        for lang in LANGS:
            rel = "%s/countries.json" % lang
            m = self.load(rel)
            if not isinstance(m, dict):
                continue
            self.cwords[lang] = m
            for k, v in m.items():
                where = "%s %s" % (rel, k)
                if k not in self.iso3:
                    self.err(where, "not an iso3 of countries.json")
                if not isinstance(v, dict):
                    self.err(where, "not an object")
                    continue
                for f in ("names", "demonyms", "capitals"):
                    self.strings(where + " " + f, v.get(f, []))
                if not v.get("names"):
                    self.err(where, "no names")
                forms = v.get("demonym_forms")
                if forms is not None:
                    if set(forms) != {"m", "f", "mp", "fp"}:
                        self.err(where, "demonym_forms needs m, f, mp, fp")
                    elif not set(forms.values()) <= set(v.get("demonyms", [])):
                        self.err(where, "demonym_forms not among demonyms")
                elif lang == "fr" and v.get("demonyms"):
                    self.err(where, "French demonyms without demonym_forms")
            for k in self.iso3:
                if k not in m:
                    self.err(rel, "%s has no entry" % k)

    def actors(self):
        doc = self.load("actors.json")
        self.ids = {}
        if not isinstance(doc, dict) or not isinstance(doc.get("actors"), list):
            self.err("actors.json", "no \"actors\" list")
            return
        for a in doc["actors"]:
            aid = a.get("id")
            where = "actors.json %s" % aid
            if not isinstance(aid, str) or not ID_RE.match(aid):
                self.err(where, "bad id")
                continue
            if aid in self.ids:
                self.err(where, "duplicate id")
            if aid in self.iso3:
                self.err(where, "id is a country's iso3: states live in countries.json")
            self.ids[aid] = a
            if a.get("kind") not in KINDS:
                self.err(where, "unknown kind %r" % a.get("kind"))
            for k in ("label", "label_fr"):
                if not isinstance(a.get(k), str) or not a[k]:
                    self.err(where, "no %s" % k)
            if a.get("country") is not None and a["country"] not in self.iso3:
                self.err(where, "unknown country %r" % a["country"])
            if a.get("kind") == "person":
                if not isinstance(a.get("office"), str) or not a["office"]:
                    self.err(where, "person without office")
                if not is_date(a.get("from")):
                    self.err(where, "person without a valid from date")
                if a.get("to") is not None and not is_date(a["to"]):
                    self.err(where, "bad to date")
                if is_date(a.get("from")) and a.get("to") and a["to"] < a["from"]:
                    self.err(where, "to before from")
                for po in a.get("posts", []):
                    if not isinstance(po, dict) or not isinstance(po.get("office"), str) or \
                            not is_date(po.get("from")) or \
                            (po.get("to") is not None and not is_date(po["to"])) or \
                            (po.get("to") and po["to"] < po["from"]):
                        self.err(where, "bad post %r" % (po,))
                    elif po.get("parent") is None:
                        self.err(where, "post %r without the parent it acts for" % po.get("office"))
                for t in a.get("terms", []):
                    if not isinstance(t, list) or len(t) != 2 or not is_date(t[0]) or \
                            (t[1] is not None and not is_date(t[1])) or (t[1] and t[1] < t[0]):
                        self.err(where, "bad term %r" % (t,))
                    elif t[0] < a.get("from", "") or \
                            (a.get("to") and (t[1] is None or t[1] > a["to"])):
                        self.err(where, "term %r outside from/to" % (t,))
            elif "office" in a or "from" in a or "posts" in a:
                self.err(where, "office/from/posts on a non-person")
        for aid, a in self.ids.items():
            p = a.get("parent")
            if p is not None and p not in self.ids and p not in self.iso3:
                self.err("actors.json %s" % aid, "unknown parent %r" % p)
            for po in a.get("posts", []) if isinstance(a.get("posts"), list) else []:
                pp = po.get("parent") if isinstance(po, dict) else None
                if pp is not None and pp not in self.ids and pp not in self.iso3:
                    self.err("actors.json %s" % aid, "post with unknown parent %r" % pp)
            seen, cur = {aid}, p
            while cur in self.ids:
                if cur in seen:
                    self.err("actors.json %s" % aid, "parent loop")
                    break
                seen.add(cur)
                cur = self.ids[cur].get("parent")

    def aliases(self):
        self.alias = {}
        for lang in LANGS:
            rel = "%s/actors.json" % lang
            m = self.load(rel)
            if not isinstance(m, dict):
                continue
            self.alias[lang] = m
            for k, v in m.items():
                if k not in self.ids and k not in self.iso3:
                    self.err(rel, "key %s is neither an actor nor a country" % k)
                self.strings("%s %s" % (rel, k), v)
        for aid, a in self.ids.items():
            if not any(self.alias.get(lang, {}).get(aid) for lang in LANGS):
                self.err("actors.json %s" % aid, "no alias in any language")

    def agents(self):
        codes = {}
        self.agents_by_lang = codes
        for lang in LANGS:
            rel = "%s/agents.json" % lang
            doc = self.load(rel)
            if not isinstance(doc, dict) or not isinstance(doc.get("agents"), list):
                self.err(rel, "no \"agents\" list")
                continue
            mine = {}
            for ag in doc["agents"]:
                code = ag.get("code")
                where = "%s %s" % (rel, code)
                if not isinstance(code, str) or not re.fullmatch(r"[A-Z]+", code):
                    self.err(where, "bad code")
                    continue
                if code in mine:
                    self.err(where, "duplicate code")
                mine[code] = ag
                if ag.get("kind") not in KINDS:
                    self.err(where, "unknown kind %r" % ag.get("kind"))
                if "{Dem}" not in str(ag.get("label", "")):
                    self.err(where, "label lacks {Dem}")
                if not any(p in str(ag.get("label_fr", "")) for p in FR_DEM):
                    self.err(where, "label_fr lacks a {dem…} placeholder")
                if not self.strings(where + " phrases", ag.get("phrases", [])):
                    self.err(where, "no phrases")
                for pat in self.strings(where + " patterns", ag.get("patterns", [])):
                    if "{dem" not in pat.lower():
                        self.err(where, "pattern %r lacks {dem}" % pat)
            for code, ag in mine.items():
                p = ag.get("parent")
                if p is not None and p != "STATE" and p not in mine:
                    self.err("%s %s" % (rel, code), "unknown parent %r" % p)
            codes[lang] = mine
        self.agents_by_lang = codes
        if len(codes) == 2:
            fr, en = codes["fr"], codes["en"]
            if set(fr) != set(en):
                self.err("agents", "fr and en codes differ: %s" % sorted(set(fr) ^ set(en)))
            for c in set(fr) & set(en):
                for k in ("kind", "parent", "label", "label_fr"):
                    if fr[c].get(k) != en[c].get(k):
                        self.err("agents %s" % c, "%s differs between fr and en" % k)
            self.agent_codes = fr
            self.agent_actors()

    def agent_actors(self):
        """An actor named ISO3-CODE stands for that agent of that state: same country, same
        kind, and the parent the agent's parent code gives."""
        for aid, a in self.ids.items():
            iso, _, code = aid.partition("-")
            if iso not in self.iso3 or code not in self.agent_codes:
                continue
            ag = self.agent_codes[code]
            where = "actors.json %s" % aid
            if a.get("country") != iso:
                self.err(where, "country should be %s" % iso)
            if a.get("kind") != ag["kind"]:
                self.err(where, "kind %r but agent %s is %r" % (a.get("kind"), code, ag["kind"]))
            want = iso if ag["parent"] == "STATE" else \
                None if ag["parent"] is None else "%s-%s" % (iso, ag["parent"])
            if ag["parent"] is not None and a.get("parent") != want:
                self.err(where, "parent %r, the agent says %r" % (a.get("parent"), want))

    def ambiguity(self):
        """quipu matches the names of both languages in every article (English names turn up
        in French text), so a folded form may belong to one id only across fr and en."""
        used = set()
        owners, dem, phrases = {}, {}, {}
        for lang in LANGS:
            for aid, lst in self.alias.get(lang, {}).items():
                for s in lst:
                    owners.setdefault(match_key(s), set()).add(aid)
            for iso, v in self.cwords.get(lang, {}).items():
                for f in ("names", "capitals"):
                    for s in v.get(f, []):
                        owners.setdefault(match_key(s), set()).add(iso)
                for s in v.get("demonyms", []):
                    dem.setdefault(match_key(s), set()).add(iso)
            for code, ag in self.agents_by_lang.get(lang, {}).items():
                for s in ag.get("phrases", []):
                    phrases.setdefault(match_key(s), set()).add(code)
        for table, what in ((owners, "alias"), (dem, "demonym"), (phrases, "agent phrase")):
            for (k, _), ids in sorted(table.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
                bare = re.sub(r"^(?:(?:the|le|la|les|l) )+", "", k)
                if bare.replace(" ", "").isdigit():
                    self.err(what, "%r matches a bare number (%s)" % (k, ", ".join(sorted(ids))))
                if len(ids) > 1 and k in AMBIGUOUS:
                    used.add(k)
                elif len(ids) > 1:
                    self.err(what, "%r claimed by %s" % (k, ", ".join(sorted(ids))))
        for k in sorted(set(AMBIGUOUS) - used):
            # A stale excuse would let a future collision on that word pass unnoticed.
            self.err("AMBIGUOUS", "%r is no longer shared: remove it from the list" % k)

    def run(self):
        self.all_json()
        self.countries()
        self.actors()
        self.aliases()
        self.agents()
        self.ambiguity()
        persons = sum(1 for a in self.ids.values() if a.get("kind") == "person")
        counts = ", ".join("%s %d aliases" % (lang, sum(len(v) for v in self.alias.get(lang, {}).values()))
                           for lang in LANGS)
        print("lexicon: %d countries, %d actors (%d persons), %s" %
              (len(self.iso3), len(self.ids), persons, counts))
        for e in self.errors:
            print("error: " + e)
        print("%d problems" % len(self.errors))
        return 1 if self.errors else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write("usage: check-lexicon.py LEXICON_DIR\n")
        sys.exit(2)
    sys.exit(Checker(sys.argv[1]).run())
