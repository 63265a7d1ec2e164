#!/usr/bin/env python3
"""check-layout.py ROOT — the rules of the house that the build alone does not enforce.

- SQL and the sqlite3 handle stay in src/store/: no other file of src/, bench/ or tools/ names
  sqlite3 (tests may read a database back through a connection of their own, tests/test_sql.h).
- A store's internals (store_int.h) are included only inside src/store/ and by the store's own test.
- Every C file starts with a comment that names it and says what it is: "/* name.c — ... */".
(Includes that run back up the flow are refused by the build itself: each stage's library is
given only the include folders of the stages before it, src/meson.build.)
"""
import os, re, sys

root = sys.argv[1] if len(sys.argv) > 1 else "."
problems = []
for top in ("src", "bench", "tools", "tests"):
    for dirpath, _, files in os.walk(os.path.join(root, top)):
        for f in sorted(files):
            if not f.endswith((".c", ".h")):
                continue
            path = os.path.join(dirpath, f)
            rel = os.path.relpath(path, root)
            text = open(path, encoding="utf-8", errors="replace").read()
            in_store = rel.startswith(os.path.join("src", "store") + os.sep)
            if top != "tests" and not in_store and re.search(r"\bsqlite3", text):
                problems.append("%s: names sqlite3 outside src/store/" % rel)
            if not in_store and rel != os.path.join("tests", "test_store.c") and '#include "store_int.h"' in text:
                problems.append("%s: includes the store's internals" % rel)
            first = text.split("\n", 1)[0]
            if not first.startswith("/* %s " % f):
                problems.append("%s: the first line should be '/* %s — what it is */', not %r" % (rel, f, first[:60]))
for p in problems:
    print(p)
print("layout: %d problem(s)" % len(problems))
sys.exit(1 if problems else 0)
