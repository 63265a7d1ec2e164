#!/usr/bin/env python3
"""same_graph.py — `quipu query`, `quipu export graphml` and `quipu export gexf` see one graph.

The three used to build the graph from the store each their own way, and the copies disagreed:
in the country view the export named the US node `USA` where `query sides` said `USA-GOV`. Now
they share one loader; this test holds them to it. On a database ingested from examples/, for
the actor and the country view, it checks that the nodes (ids, events, degree) of
`query actors --format json` that have a tie are those of both export files (actors without
one are left out of the files unless --isolated), and that every backs and fights
edge of the GraphML file (with its weight) is what `query backed-by` / `query enemies` answer.

Usage: same_graph.py QUIPU EXAMPLES_DIR
"""
import json, os, re, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

quipu, examples = sys.argv[1], sys.argv[2]
G = "{http://graphml.graphdrawing.org/xmlns}"
X = "{http://gexf.net/1.3}"


def run(*args):
    r = subprocess.run([quipu, *args], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("quipu %s failed (%d): %s" % (" ".join(args), r.returncode, r.stderr))
    return r.stdout


def graphml(path):
    root = ET.parse(path).getroot()
    nodes, edges = {}, {}
    for n in root.iter(G + "node"):
        d = {e.get("key"): e.text for e in n.iter(G + "data")}
        nodes[n.get("id")] = (int(d["event_count"]), int(d["degree"]))
    for e in root.iter(G + "edge"):
        d = {x.get("key"): x.text for x in e.iter(G + "data")}
        edges[(e.get("source"), e.get("target"), d["relation"])] = int(d["weight"])
    return nodes, edges


def gexf(path):
    root = ET.parse(path).getroot()
    nodes = {}
    for n in root.iter(X + "node"):
        d = {a.get("for"): a.get("value") for a in n.iter(X + "attvalue")}
        nodes[n.get("id")] = (int(d["event_count"]), int(d["degree"]))
    return nodes


failures = []
with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "q.db")
    subprocess.run([quipu, "ingest", "--quiet", "--db", db, examples], check=True)
    for by in ("actor", "country"):
        q = json.loads(run("query", "actors", "--db", db, "--by", by, "--top", "100000", "--format", "json"))
        qnodes = {a["id"]: (a["events"], a["degree"]) for a in q["actors"] if a["degree"] > 0}
        gm = os.path.join(tmp, by + ".graphml")
        gx = os.path.join(tmp, by + ".gexf")
        run("export", "graphml", "--db", db, "--by", by, "-o", gm)
        run("export", "gexf", "--db", db, "--by", by, "-o", gx)
        mnodes, medges = graphml(gm)
        xnodes = gexf(gx)
        for name, other in (("graphml", mnodes), ("gexf", xnodes)):
            if other != qnodes:
                failures.append("%s view: query actors and export %s differ:\n  only in query: %s\n  only in %s: %s"
                                % (by, name, sorted(set(qnodes.items()) - set(other.items())), name,
                                   sorted(set(other.items()) - set(qnodes.items()))))
        for (src, dst, rel), w in sorted(medges.items()):
            if rel not in ("backs", "fights"):
                continue
            asked = "backed-by" if rel == "backs" else "enemies"
            ans = json.loads(run("query", asked, src, "--db", db, "--by", by, "--format", "json"))
            got = {r["id"]: r["events"] for r in ans["results"] if r["via"] is None}
            if got.get(dst) != w:
                failures.append("%s view: export has %s %s %s (weight %d), query %s %s says %s"
                                % (by, src, rel, dst, w, asked, src, got.get(dst)))
        print("%s view: %d nodes, %d edges compared" % (by, len(qnodes), len(medges)))
if failures:
    print("\n".join(failures))
    sys.exit(1)
print("query and both exports agree")
