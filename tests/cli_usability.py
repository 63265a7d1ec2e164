#!/usr/bin/env python3
"""cli_usability.py — what a new user meets at the terminal.

- `quipu --help` names every query `quipu query --help` lists;
- `quipu timex` detects the language as `quipu ingest` does (English found without --lang);
- `quipu extract` given plain text says it reads JSON Lines and where plain text goes;
- a command that runs past its threshold shows a progress line on a terminal's stderr (a pty
  through script(1); $QUIPU_PROGRESS_AFTER=0 makes every command "long"), and none when stderr
  is a file;
- the demo's "Next:" commands work as printed.

Usage: cli_usability.py QUIPU EXAMPLES_DIR
"""
import os, re, shlex, shutil, subprocess, sys, tempfile

quipu, examples = os.path.abspath(sys.argv[1]), sys.argv[2]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
    return cond


def run(args, stdin=None, env=None, cwd=None):
    return subprocess.run(args, input=stdin, capture_output=True, text=True, env=env, cwd=cwd)


# ---- the top-level help names every query ----
queries = []
in_queries = False
for line in run([quipu, "query", "--help"]).stdout.splitlines():
    if line.startswith("Queries:"):
        in_queries = True
    elif in_queries and line.startswith("  "):
        queries.append(line.split()[0])
    elif in_queries and not line.strip():
        break
top = run([quipu, "--help"]).stdout
qline = next((l for l in top.splitlines() if l.strip().startswith("query ")), "")
check(len(queries) >= 8, "quipu query --help lists %d queries" % len(queries))
for q in queries:
    check(re.search(r"\b%s\b" % re.escape(q), qline), "quipu --help does not name the query %s: %s" % (q, qline))
for cmd in ("events", "export", "timeline"):
    check(re.search(r"^\s+%s\s" % cmd, top, re.M), "quipu --help does not list %s" % cmd)
check("GeoJSON" in top and "PLOVER" in top, "quipu --help does not say what events and export write")

# ---- timex detects the language ----
en = run([quipu, "timex", "--dct", "2017-11-02"],
         stdin="Yesterday, Russian aircraft struck rebel positions in Idlib province, the ministry said on Tuesday.\n")
check(en.returncode == 0 and '"text":"Yesterday"' in en.stdout, "timex does not read English by itself: %s %s"
      % (en.stdout, en.stderr))
fr = run([quipu, "timex", "--dct", "2017-11-02"],
         stdin="Hier, l'aviation russe a frappé des positions rebelles dans la province d'Idleb, selon le ministère.\n")
check(fr.returncode == 0 and '"text":"Hier"' in fr.stdout, "timex does not read French by itself: %s" % fr.stdout)

# ---- extract given plain text ----
ex = run([quipu, "extract"], stdin="Hier, la Russie a frappé Idleb.\nDeuxième ligne.\n")
check("JSON Lines" in ex.stderr and "quipu ingest" in ex.stderr, "extract on plain text does not say what it "
      "reads: %s" % ex.stderr)
check(ex.stderr.count("reads as plain text") == 1, "extract repeats its advice: %s" % ex.stderr)

with tempfile.TemporaryDirectory() as tmp:
    # ---- the demo's Next: commands, as printed ----
    demo = run([quipu, "demo", "--out", os.path.join(tmp, "out")], cwd=tmp)
    check(demo.returncode == 0, "demo failed: %s" % demo.stderr[-300:])
    nxt = demo.stdout.split("Next:", 1)[1].strip().splitlines() if "Next:" in demo.stdout else []
    check(len(nxt) >= 2, "the demo prints no Next: commands")
    for line in nxt:
        r = run(shlex.split(line), cwd=tmp)
        check(r.returncode == 0 and (r.stdout or os.listdir(os.path.join(tmp, "out"))),
              "the demo's next command fails as printed: %s (%d: %s)" % (line, r.returncode, r.stderr[-200:]))
    db = os.path.join(tmp, "out", "quipu.db")

    # ---- progress on a terminal, none in a file ----
    script = shutil.which("script")
    env = dict(os.environ, QUIPU_PROGRESS_AFTER="0")
    for args in (["timeline", "--db", db, "--format", "html", "-o", os.path.join(tmp, "b.html")],
                 ["export", "gexf", "--db", db, "-o", os.path.join(tmp, "g.gexf")],
                 ["query", "sides", "--db", db]):
        quiet = run([quipu, *args], env=env)
        check(quiet.returncode == 0 and "\r" not in quiet.stderr, "quipu %s writes progress into a file: %r"
              % (args[0], quiet.stderr[:200]))
        if not script:
            continue
        # a pty for stdout and stderr; a slow machine is not needed: the threshold is 0
        tty = run([script, "-qfec", " ".join(shlex.quote(a) for a in [quipu, *args]), "/dev/null"], env=env)
        shown = re.search(r"quipu %s: [^\r\n]*\u2026 \d+\.\d s" % args[0], tty.stdout)
        check(shown, "quipu %s shows no progress on a terminal: %r" % (args[0], tty.stdout[-300:]))
        check(tty.stdout.rstrip().endswith("\x1b[K") or "\x1b[K" in tty.stdout,
              "quipu %s leaves its progress line behind" % args[0])

if failures:
    print("\n".join(failures))
    sys.exit(1)
print("help, timex, extract, progress and the demo behave at the terminal")
