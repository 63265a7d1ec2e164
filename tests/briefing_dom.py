#!/usr/bin/env python3
"""briefing_dom.py — the HTML briefing looked at as a person would: in headless Chromium.

On a database ingested from the development and scraped corpora of ../shared (examples/ when
they are absent), it writes the briefing in English and in French and, for each:
- renders it in Chromium and keeps screenshots (in $QP_SCREENSHOT_DIR when set, else a
  temporary directory), the French one at two window sizes (1280x900 and 420x900): they must
  not be blank;
- asks the DOM for the bounding box of every label of every picture (the timeline strip, the
  map, the alliance graph), after a script the test adds (the page itself has none: its CSP
  forbids them) and fails when two labels overlap, when a label covers a dot or a node of the
  picture, or when a label leaves its picture;
- checks that the blocs the briefing lists are those of `quipu query sides` on the same
  database, and that the title's period leaves the background out (no 1936, no 2023 on the
  scraped corpus).

Usage: briefing_dom.py QUIPU EXAMPLES_DIR
"""
import json, os, re, shutil, subprocess, sys, tempfile

quipu, examples = sys.argv[1], sys.argv[2]
chromium = next((c for c in ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                 if os.access(c, os.X_OK)), None)
if not chromium:
    print("skip: no chromium (tools/setup.sh --tests installs it)")
    sys.exit(77)
shared = os.environ.get("QP_SHARED", "")
failures = []
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]

# Collects the boxes of the pictures' labels and marks; written into the DOM for --dump-dom.
PROBE = r"""
<script>
(function () {
  function box(el) { var r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }
  function meets(a, b, slack) {
    return a[0] < b[2] - slack && b[0] < a[2] - slack && a[1] < b[3] - slack && b[1] < a[3] - slack;
  }
  var out = {pictures: [], problems: []};
  document.querySelectorAll('svg').forEach(function (svg) {
    var kind = svg.getAttribute('class');
    var frame = box(svg);
    var labels = Array.from(svg.querySelectorAll('text')).map(function (t) {
      return {b: box(t), s: t.textContent};
    });
    var marks = Array.from(svg.querySelectorAll('circle')).map(function (c) {
      return {b: box(c), s: (c.parentNode.textContent || '').trim().slice(0, 40)};
    });
    out.pictures.push({kind: kind, labels: labels.length, marks: marks.length});
    for (var i = 0; i < labels.length; i++) {
      var a = labels[i];
      if (a.b[0] < frame[0] - 1 || a.b[2] > frame[2] + 1 || a.b[1] < frame[1] - 1 || a.b[3] > frame[3] + 1)
        out.problems.push(kind + ': label "' + a.s + '" leaves the picture');
      for (var j = i + 1; j < labels.length; j++)
        if (meets(a.b, labels[j].b, 0.5))
          out.problems.push(kind + ': labels "' + a.s + '" and "' + labels[j].s + '" overlap');
      if (kind === 'strip')
        continue; /* a marker's number sits in its own circle */
      for (var k = 0; k < marks.length; k++)
        if (meets(a.b, marks[k].b, 1.0))
          out.problems.push(kind + ': label "' + a.s + '" covers a mark (' + marks[k].s + ')');
    }
  });
  var pre = document.createElement('pre');
  pre.id = 'qp-probe';
  pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def check(cond, what):
    if not cond:
        failures.append(what)
    return cond


def run(*args):
    r = subprocess.run([quipu, *args], capture_output=True, text=True)
    if r.returncode:
        sys.exit("quipu %s: exit %d: %s" % (" ".join(args), r.returncode, r.stderr))
    return r.stdout


def chromium_run(args, tmp, tag):
    profile = os.path.join(tmp, "profile-" + tag)
    r = subprocess.run([chromium, *FLAGS, "--user-data-dir=" + profile, *args], capture_output=True, text=True,
                       timeout=120)
    shutil.rmtree(profile, ignore_errors=True)
    return r


with tempfile.TemporaryDirectory() as tmp:
    shots = os.environ.get("QP_SCREENSHOT_DIR") or tmp
    os.makedirs(shots, exist_ok=True)
    db = os.path.join(tmp, "b.db")
    sources = [p for p in (os.path.join(shared, "corpus", "dev", "docs.jsonl"),
                           os.path.join(shared, "corpus", "fr-syria-scraped")) if shared and os.path.exists(p)]
    scraped = any(p.endswith("fr-syria-scraped") for p in sources)
    subprocess.run([quipu, "ingest", "--quiet", "--db", db, *(sources or [examples])], check=True)

    # the probe itself: a picture whose two labels overlap must be caught
    bad = os.path.join(tmp, "bad.html")
    with open(bad, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html><body><svg class="graph" viewBox="0 0 200 100" width="400">'
                '<circle cx="50" cy="50" r="5"/><text x="40" y="50">Damascus</text><text x="45" y="52">Aleppo</text>'
                '</svg>' + PROBE + '</body></html>')
    r = chromium_run(["--window-size=800,600", "--dump-dom", "file://" + bad], tmp, "self")
    check(r.stdout.count("overlap") >= 1 and "covers a mark" in r.stdout,
          "the probe does not see two labels on top of each other: %s" % r.stdout[-400:])

    # the blocs the briefing lists are those of `quipu query sides`
    sides = json.loads(run("query", "sides", "--db", db, "--format", "json"))
    want = {b["bloc"]: sorted(m["label"] for m in b["members"]) for b in sides["blocs"] if len(b["members"]) > 1}
    md = run("timeline", "--db", db, "-o", "-")
    got = {}
    for m in re.finditer(r"^- \*\*Bloc (\d+)\*\*: (.*)$", md, re.M):
        # names are parted by ", " outside brackets: "French intelligence (DGSE, DGSI)" is one
        got[int(m.group(1))] = sorted(x.replace("\\", "") for x in re.split(r", (?![^()]*\))", m.group(2)))
    check(got == want, "the briefing's blocs differ from query sides:\n  briefing %s\n  query    %s"
          % (sorted(got.items())[:4], sorted(want.items())[:4]))
    title = md.splitlines()[0]
    if scraped:
        check("1936" not in title and "2023" not in title, "the title's period takes in the background: " + title)
    check("## Key developments" in md, "no key developments")

    for lang in ("en", "fr"):
        html = os.path.join(tmp, "brief-%s.html" % lang)
        run("timeline", "--db", db, "--format", "html", "--lang", lang, "-o", html)
        with open(html, encoding="utf-8") as f:
            page = f.read()
        check("<script" not in page and "http-equiv=\"Content-Security-Policy\"" in page,
              "the %s page is not script-free under its CSP" % lang)
        for picture in ("strip", "graph", "map"):
            check('<svg class="%s"' % picture in page, "the %s page has no %s" % (lang, picture))
        # the probe: the page without its CSP, a script added before </body>
        probe = os.path.join(tmp, "probe-%s.html" % lang)
        with open(probe, "w", encoding="utf-8") as f:
            f.write(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
                    .replace("</body>", PROBE + "</body>"))
        # overlaps do not depend on the window (the pictures scale whole): the DOM is asked at
        # one size; the screenshots are taken at two
        for size in (("1280,900", "420,900") if lang == "fr" else ("1280,900",)):
            tag = "%s-%s" % (lang, size.split(",")[0])
            if size != "1280,900":
                png = os.path.join(shots, "briefing-%s.png" % tag)
                chromium_run(["--window-size=" + size, "--screenshot=" + png, "file://" + html], tmp, "shot-" + tag)
                check(os.path.exists(png) and os.path.getsize(png) > 10000, "%s: no screenshot, or a blank one" % png)
                print("%s at %s: screenshot %s" % (lang, size, png))
                continue
            r = chromium_run(["--window-size=" + size, "--dump-dom", "file://" + probe], tmp, "dom-" + tag)
            m = re.search(r'<pre id="qp-probe">(.*?)</pre>', r.stdout, re.S)
            if not check(m, "%s at %s: the probe did not run (%s)" % (lang, size, r.stderr[-300:])):
                continue
            found = json.loads(m.group(1).replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<")
                               .replace("&gt;", ">"))
            kinds = {p["kind"]: p for p in found["pictures"]}
            for picture in ("strip", "graph", "map"):
                check(kinds.get(picture, {}).get("labels", 0) > 0, "%s at %s: the %s has no label" % (lang, size, picture))
            for problem in found["problems"][:20]:
                failures.append("%s at %s: %s" % (lang, size, problem))
            png = os.path.join(shots, "briefing-%s.png" % tag)
            chromium_run(["--window-size=" + size, "--screenshot=" + png, "file://" + html], tmp, "shot-" + tag)
            check(os.path.exists(png) and os.path.getsize(png) > 10000, "%s: no screenshot, or a blank one" % png)
            print("%s at %s: %s; screenshot %s" % (lang, size, ", ".join(
                "%s %d labels" % (k, v["labels"]) for k, v in sorted(kinds.items())), png))

if failures:
    print("\n".join(failures[:60]))
    sys.exit(1)
print("the briefing's pictures have no overlapping label; its blocs are those of query sides")
