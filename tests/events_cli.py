#!/usr/bin/env python3
"""events_cli.py — `quipu events` filters say no, tables and CSV behave.

On a database ingested from examples/ plus a few articles written here (wide characters and
line breaks in the evidence):
- names resolve as `quipu query` resolves them (id, English or French name): --actor Russia,
  Russie and RUS give the same events, and Russia takes in the Russian armed forces;
- an unknown actor, action, place, country or mode is refused with suggestions (exit 2):
  --action ATTACK suggests ASSAULT;
- --country, --mode, --min-confidence and partial dates (--since 2017-10) filter as documented;
- the table's rows are one line each, no wider than the columns, cut with an ellipsis;
- `events --format csv` and `timeline --format csv` share one header; dates are ISO days,
  numbers are written as written (no 0.84999999999999998); lat/lon are numbers;
- --format plover gives PLOVER's field names, contexts as PLOVER spells them, alpha-3 countries.

Usage: events_cli.py QUIPU EXAMPLES_DIR
"""
import csv, datetime, io, json, os, re, subprocess, sys, tempfile, unicodedata

quipu, examples = sys.argv[1], sys.argv[2]
failures = []

PLOVER_CONTEXTS = {
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights", "rights_freedoms",
    "repression", "human_security", "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic",
    "territory", "peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource",
    "environment", "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption",
    "illegal_drugs", "trafficking", "humanitarian"}


def check(cond, what):
    if not cond:
        failures.append(what)
    return cond


def run(*args, code=0):
    r = subprocess.run([quipu, *args], capture_output=True, text=True)
    check(r.returncode == code, "quipu %s: exit %d, wanted %d (%s)" % (" ".join(args), r.returncode, code,
                                                                     r.stderr.strip()[:300]))
    return r


def width(s):
    w = 0
    for ch in s:
        if unicodedata.combining(ch):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return w


articles = [
    {"id": "wide-1", "date": "2017-11-05", "lang": "en", "title": "Wide words", "url": "https://example.org/w/1",
     "source": "Example Wire",
     "text": "Russia, 俄罗斯支持叙利亚政府俄罗斯支持叙利亚政府俄罗斯支持叙利亚政府 in the words of state media, "
             "backed the Syrian government in Deir ez-Zor on Sunday."},
]

with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "e.db")
    extra = os.path.join(tmp, "extra.jsonl")
    with open(extra, "w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    subprocess.run([quipu, "ingest", "--quiet", "--db", db, examples, extra], check=True)

    def rows(*args):
        r = run("events", "--db", db, "--format", "csv", *args)
        return list(csv.DictReader(io.StringIO(r.stdout)))

    # ---- names resolve as query resolves them ----
    rus = rows("--actor", "Russia")
    check(len(rus) > 0, "--actor Russia finds nothing")
    check([r["id"] for r in rus] == [r["id"] for r in rows("--actor", "Russie")], "--actor Russie differs from Russia")
    check([r["id"] for r in rus] == [r["id"] for r in rows("--actor", "RUS")], "--actor RUS differs from Russia")
    check(any(r["actor1"] == "RUS-MIL" or r["actor2"] == "RUS-MIL" for r in rus),
          "--actor Russia leaves out the Russian armed forces")
    for r in rus:
        check("RUS" in (r["actor1_country"], r["actor2_country"]), "--actor Russia gave %s" % r["id"])

    # ---- refusals with suggestions ----
    r = run("events", "--db", db, "--action", "ATTACK", code=2)
    check("ASSAULT" in r.stderr, "--action ATTACK does not suggest ASSAULT: %s" % r.stderr)
    check(rows("--action", "assault") and all(x["action"] == "ASSAULT" for x in rows("--action", "assault")),
          "--action assault (lower case) is not ASSAULT")
    r = run("events", "--db", db, "--actor", "Rusia", code=2)
    check("RUS" in r.stderr, "--actor Rusia does not suggest RUS: %s" % r.stderr)
    run("events", "--db", db, "--actor", "Atlantis", code=2)
    r = run("events", "--db", db, "--place", "Rakka", code=2)
    check("Raqqa" in r.stderr, "--place Rakka does not suggest Raqqa: %s" % r.stderr)
    r = run("events", "--db", db, "--country", "Sirya", code=2)
    check("SYR" in r.stderr, "--country Sirya does not suggest SYR: %s" % r.stderr)
    r = run("events", "--db", db, "--mode", "aerail", code=2)
    check("aerial" in r.stderr, "--mode aerail does not suggest aerial: %s" % r.stderr)
    run("events", "--db", db, "--since", "2017-13", code=2)
    run("events", "--db", db, "--since", "2017-11", "--until", "2017-10", code=2)
    run("events", "--db", db, "--min-confidence", "2", code=2)

    # ---- filters ----
    syr = rows("--country", "Syrie")
    check(syr and all(x["place_country"] == "SYR" for x in syr), "--country Syrie gives events outside Syria")
    check([x["id"] for x in syr] == [x["id"] for x in rows("--country", "SY")], "--country SY differs from Syrie")
    check(rows("--place", "Raqqa") == rows("--place", "raqqa"), "--place is case-sensitive")
    octo = rows("--since", "2017-10", "--until", "2017-10")
    check(octo and all(x["date"].startswith("2017-10") for x in octo), "--since/--until 2017-10 is not October")
    sure = rows("--min-confidence", "0.8")
    check(sure and all(float(x["confidence"]) >= 0.8 for x in sure), "--min-confidence 0.8 lets less through")
    check(len(sure) < len(rows()), "--min-confidence 0.8 keeps everything")
    aerial = rows("--mode", "aerial")
    check(all(x["mode"] == "aerial" for x in aerial), "--mode aerial gives other modes")

    # ---- the table ----
    r = run("events", "--db", db)
    lines = r.stdout.rstrip("\n").split("\n")
    check(len(lines) == len(rows()) + 1, "the table has %d lines for %d events" % (len(lines), len(rows())))
    widest = 10 + 1 + 22 + 1 + 10 + 1 + 22 + 1 + 18 + 1 + 60
    for line in lines:
        check(width(line) <= widest, "a table line is %d columns wide: %s" % (width(line), line))
    check(any("\u2026" in line for line in lines), "no table cell is cut with an ellipsis")
    check(any(re.search("[\u4e00-\u9fff]", line) for line in lines), "the wide characters do not reach the table")

    docs = run("documents", "--db", db).stdout.rstrip("\n").split("\n")
    for line in docs:
        check(width(line) <= 28 + 1 + 10 + 1 + 4 + 18 + 2 + 10 + 1 + 60, "a documents line is too wide: %s" % line)

    # ---- one CSV layout, numbers as written ----
    ev = run("events", "--db", db, "--format", "csv").stdout
    tl = run("timeline", "--db", db, "--format", "csv", "-o", "-").stdout
    check(ev.splitlines()[0] == tl.splitlines()[0], "events and timeline CSV headers differ")
    check(not re.search(r"\d\.\d*9999999|\d\.\d*0000000\d", ev), "a CSV number is not as written")
    for x in csv.DictReader(io.StringIO(ev)):
        check(len(x) == 32, "a CSV row has %d fields" % len(x))
        if x["date"]:
            datetime.date.fromisoformat(x["date"])
            datetime.date.fromisoformat(x["end_date"])
            check(x["end_date"] >= x["date"], "end_date before date in %s" % x["id"])
        if x["place"].startswith("geonames:"):
            float(x["lat"]), float(x["lon"])
        check("\n" not in x["evidence"], "a line break in the evidence of %s" % x["id"])
        check(not x["outlet"].startswith("/") and ".txt" not in x["outlet"], "a local path as outlet: %s" % x["outlet"])
    jl = run("events", "--db", db, "--format", "jsonl").stdout
    check(not re.search(r"\d\.\d*9999999|\d\.\d*0000000\d", jl), "a JSONL number is not as written")

    # ---- PLOVER ----
    pl = [json.loads(line) for line in run("events", "--db", db, "--format", "plover").stdout.splitlines()]
    check(len(pl) == len(rows()), "PLOVER has %d records for %d events" % (len(pl), len(rows())))
    for p in pl:
        for key in ("id", "date", "actor", "recipient", "event", "mode", "context", "cite_info"):
            check(key in p, "PLOVER record %s has no %s" % (p.get("id"), key))
        for c in p["context"]:
            check(c in PLOVER_CONTEXTS, "PLOVER context %r is not PLOVER's" % c)
        loc = p.get("event_loc")
        if loc and "geonameid" in loc:
            check(isinstance(loc["geonameid"], int) and isinstance(loc["lat"], float), "event_loc numbers")
            check(loc.get("country_code") is None or re.fullmatch("[A-Z]{3}", loc["country_code"]),
                  "event_loc country_code %r is not alpha-3" % loc.get("country_code"))
        ci = p["cite_info"]
        check(set(("url", "title", "language")) <= set(ci), "cite_info lacks url/title/language")
    wide = [p for p in pl if p["id"].startswith("wide-1")]
    check(wide and wide[0]["cite_info"]["url"] == "https://example.org/w/1" and wide[0]["cite_info"]["language"] == "en",
          "PLOVER cite_info of wide-1: %s" % (wide[0]["cite_info"] if wide else None))

    # ---- GeoJSON: the same events as points ----
    gj = os.path.join(tmp, "e.geojson")
    run("export", "geojson", "--db", db, "--country", "Syria", "-o", gj)
    with open(gj, encoding="utf-8") as f:
        fc = json.load(f)
    check(fc.get("type") == "FeatureCollection" and "crs" not in fc, "not an RFC 7946 FeatureCollection")
    located = {x["id"]: x for x in rows("--country", "Syria") if x["place"].startswith("geonames:")}
    check(len(fc["features"]) == len(located), "GeoJSON has %d features for %d located events"
          % (len(fc["features"]), len(located)))
    for ft in fc["features"]:
        g = ft["geometry"]
        check(ft["type"] == "Feature" and g["type"] == "Point" and len(g["coordinates"]) == 2, "a Feature is not a Point")
        lon, lat = g["coordinates"]
        x = located.get(ft["id"], {})
        check(abs(lon - float(x.get("lon", 999))) < 1e-5 and abs(lat - float(x.get("lat", 999))) < 1e-5,
              "Feature %s: coordinates %s are not [lon, lat] of its event" % (ft["id"], g["coordinates"]))
        check(-180 <= lon <= 180 and -90 <= lat <= 90, "Feature %s out of range" % ft["id"])
        check(ft["properties"]["action"] == x.get("action") and ft["properties"]["place_country"] == "SYR",
              "Feature %s properties differ from its CSV row" % ft["id"])
    run("export", "geojson", "--db", db, "--action", "ATTACK", "-o", gj, code=2)
    run("export", "graphml", "--db", db, "--actor", "Russia", "-o", os.path.join(tmp, "x.graphml"), code=2)

if failures:
    print("\n".join(failures[:40]))
    sys.exit(1)
print("quipu events: names resolve, refusals suggest, filters filter, tables and CSV behave")
