#!/usr/bin/env python3
"""graph_readers.py — the exported graph files open in networkx and igraph as they should.

On a database ingested from the development corpus (../shared) or, without it, from
examples/, this checks what an analyst loading `quipu export graphml|gexf` would rely on:

- networkx reads the GraphML file and both GEXF versions (1.2draft for networkx before 3.0,
  1.3 when the installed networkx knows it); igraph reads the GraphML file, directed;
- the nodes are the actors `quipu query actors` lists that have a tie (isolated actors only
  with --isolated), with their label, kind, bloc and a position;
- each edge goes the way its relation does: `s:t:backs` goes from backer to backed (as
  `quipu query backed-by s` says), symmetric relations are written once per pair, from the
  smaller id to the larger, with mutual = true; weights are what `query` counts;
- blocs are those of `quipu query sides` (numbered the same way, from 1);
- each GEXF edge's spells do not overlap (Gephi drops overlapping ones);
- the files validate against the GraphML XSD and the GEXF 1.3 RNG (../shared/schemas).

Debian's python3-networkx and python3-igraph: when the interpreter running this lacks them, the
script runs itself again with /usr/bin/python3; without them there, it skips (exit 77).

Usage: graph_readers.py QUIPU EXAMPLES_DIR
"""
import json, os, subprocess, sys, tempfile

try:
    import networkx as nx
    import igraph
except ImportError:
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    print("skip: python3-networkx and python3-igraph are not installed (tools/setup.sh --tests)")
    sys.exit(77)

quipu, examples = sys.argv[1], sys.argv[2]
shared = os.environ.get("QP_SHARED", "")
corpus = os.path.join(shared, "corpus", "dev", "docs.jsonl")
SYMMETRIC = {"fights", "cooperates"}
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return cond


def run(*args):
    r = subprocess.run([quipu, *args], capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit("quipu %s failed (%d): %s" % (" ".join(args), r.returncode, r.stderr))
    return r.stdout


def validate(path, how, schema):
    schema_path = os.path.join(shared, "schemas", schema)
    if not os.path.exists(schema_path):
        return
    r = subprocess.run(["xmllint", "--noout", "--nonet", how, schema_path, path], capture_output=True, text=True)
    check(r.returncode == 0, "%s does not validate against %s: %s" % (path, schema, r.stderr[-500:]))


def nx_gexf_versions():
    """The GEXF versions the installed networkx reads."""
    return set(getattr(nx.readwrite.gexf.GEXF, "versions", {}).keys())


with tempfile.TemporaryDirectory() as tmp:
    db = os.path.join(tmp, "g.db")
    source = corpus if os.path.exists(corpus) else examples
    subprocess.run([quipu, "ingest", "--quiet", "--db", db, source], check=True)
    actors = json.loads(run("query", "actors", "--db", db, "--top", "100000", "--format", "json"))["actors"]
    tied = {a["id"]: a for a in actors if a["degree"] > 0}
    sides = json.loads(run("query", "sides", "--db", db, "--format", "json"))
    bloc_of = {m["id"]: b["bloc"] for b in sides["blocs"] for m in b["members"]}

    gm = os.path.join(tmp, "g.graphml")
    gx13 = os.path.join(tmp, "g.gexf")
    gx12 = os.path.join(tmp, "g12.gexf")
    run("export", "graphml", "--db", db, "-o", gm)
    run("export", "gexf", "--db", db, "-o", gx13)
    run("export", "gexf", "--gexf-version", "1.2", "--db", db, "-o", gx12)
    validate(gm, "--schema", "graphml/graphml.xsd")
    validate(gx13, "--relaxng", "gexf-1.3/gexf.rng")

    # ---- networkx, GraphML ----
    G = nx.read_graphml(gm)
    check(G.is_directed(), "networkx reads the GraphML file as undirected")
    check(set(G.nodes) == set(tied), "GraphML nodes are not the tied actors of `query actors`: only in file %s, "
          "only in query %s" % (sorted(set(G.nodes) - set(tied))[:10], sorted(set(tied) - set(G.nodes))[:10]))
    for n, d in G.nodes(data=True):
        check(d.get("label"), "node %s has no label" % n)
        check("x" in d and "y" in d, "node %s has no position" % n)
        check(d.get("bloc") == bloc_of.get(n), "node %s: bloc %s in GraphML, %s in query sides"
              % (n, d.get("bloc"), bloc_of.get(n)))
    backed = {}
    edges = list(G.edges(data=True, keys=True)) if G.is_multigraph() else [(u, v, None, d) for u, v, d in G.edges(data=True)]
    for u, v, _, d in edges:
        rel = d.get("relation")
        check(d.get("mutual") == (rel in SYMMETRIC), "edge %s %s %s: mutual is %r" % (u, rel, v, d.get("mutual")))
        check(d.get("weight", 0) > 0, "edge %s %s %s has weight %r" % (u, rel, v, d.get("weight")))
        if rel in SYMMETRIC:
            check(u < v, "symmetric edge %s %s %s is not written from the smaller id" % (u, rel, v))
            check(not G.has_edge(v, u) or all(x.get("relation") != rel for x in
                  (G.get_edge_data(v, u) or {}).values()), "symmetric %s between %s and %s written twice" % (rel, u, v))
        if rel == "backs":
            backed.setdefault(u, {})[v] = d["weight"]
    for src, targets in sorted(backed.items())[:40]:
        ans = json.loads(run("query", "backed-by", src, "--db", db, "--format", "json"))
        got = {r["id"]: r["events"] for r in ans["results"] if r["via"] is None}
        for dst, w in targets.items():
            check(got.get(dst) == w, "GraphML: %s backs %s (weight %s); query backed-by %s says %s"
                  % (src, dst, w, src, got.get(dst)))
    n_graphml_edges = len(edges)

    # ---- igraph, GraphML ----
    I = igraph.Graph.Read_GraphML(gm)
    check(I.is_directed(), "igraph reads the GraphML file as undirected")
    check(I.vcount() == len(tied) and I.ecount() == n_graphml_edges,
          "igraph: %d nodes, %d edges; networkx %d, %d" % (I.vcount(), I.ecount(), len(tied), n_graphml_edges))
    for e in I.es:
        s, t = I.vs[e.source]["id"], I.vs[e.target]["id"]
        check(e["id"] == "%s:%s:%s" % (s, t, e["relation"]), "igraph edge %s runs %s -> %s" % (e["id"], s, t))
        check(bool(e["mutual"]) == (e["relation"] in SYMMETRIC), "igraph edge %s: mutual %r" % (e["id"], e["mutual"]))
    for v in I.vs:
        check(v["label"] and v["kind"] is not None, "igraph node %s lacks label or kind" % v["id"])

    # ---- networkx, GEXF ----
    versions = nx_gexf_versions()
    for path, version in ((gx12, "1.2draft"), (gx13, "1.3")):
        if version not in versions:
            print("networkx %s does not read GEXF %s: not checked with it" % (nx.__version__, version))
            continue
        X = nx.read_gexf(path)
        check(X.is_directed(), "networkx reads GEXF %s as undirected" % version)
        check(set(X.nodes) == set(tied), "GEXF %s nodes differ from the tied actors" % version)
        check(X.number_of_edges() == n_graphml_edges, "GEXF %s has %d edges, GraphML %d"
              % (version, X.number_of_edges(), n_graphml_edges))
        for n, d in X.nodes(data=True):
            check(d.get("bloc") == bloc_of.get(n), "GEXF %s node %s: bloc %s, query sides %s"
                  % (version, n, d.get("bloc"), bloc_of.get(n)))
            check("viz" in d and "position" in d["viz"], "GEXF %s node %s has no viz:position" % (version, n))
        for u, v, d in X.edges(data=True):
            check(d.get("mutual") == (d.get("relation") in SYMMETRIC), "GEXF %s edge %s: mutual" % (version, d.get("id")))
            spells = sorted(d.get("spells", []))
            for (a0, a1), (b0, b1) in zip(spells, spells[1:]):
                check(a0 <= a1 and a1 < b0, "GEXF %s edge %s: spells %s..%s and %s..%s overlap"
                      % (version, d.get("id"), a0, a1, b0, b1))
        print("networkx %s read GEXF %s: %d nodes, %d edges" % (nx.__version__, version, X.number_of_nodes(),
                                                                X.number_of_edges()))

    # ---- isolated actors when asked ----
    gi = os.path.join(tmp, "iso.graphml")
    run("export", "graphml", "--isolated", "--db", db, "-o", gi)
    check(set(nx.read_graphml(gi).nodes) == {a["id"] for a in actors}, "--isolated does not write every actor")
    print("GraphML: %d nodes (%d actors without a tie left out), %d edges; networkx %s, igraph %s"
          % (len(tied), len(actors) - len(tied), n_graphml_edges, nx.__version__, igraph.__version__))

if failures:
    print("\n".join(failures[:50]))
    sys.exit(1)
print("networkx and igraph read the exports as quipu query sees the graph")
