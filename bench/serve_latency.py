#!/usr/bin/env python3
"""Save-to-served latency of a running `jingsai serve`, the measuring half of bench/serve.sh.

    serve_latency.py CONTEST_DIR HOST:PORT RUNS NOTICES

For a notice (the middle one of CONTEST_DIR/content/notices/*.md) and for the form override
CONTEST_DIR/forms/registration.typ, writes the file RUNS + 1 times (the first is a warm-up), each time with a
new marker (`BENCH-k`: a line at the top of the notice's body, or the keywords of the PDF), and polls the page
(`/notices/<slug>.html`, `/downloads/registration-form.pdf`) over one keep-alive HTTP connection until the
marker is served. The file is put back as it was afterwards. Prints one Markdown table row per edit:

    | NOTICES | notice (.md) | median | min | p90 | max | 50 |
    | NOTICES | form (.typ) | median | min | p90 | max | 100 |

in milliseconds, the last column being the target. Exits with a message when a marker is not served
within 60 s. Standard library only.
"""
import glob
import http.client
import os
import sys
import time

root, address, runs, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
host, port = address.rsplit(":", 1)
conn = http.client.HTTPConnection(host, int(port), timeout=30)


def get(path):
    """GET `path` over the kept-alive connection (opened again if the server closed it)."""
    global conn
    try:
        conn.request("GET", path)
        r = conn.getresponse()
        return r.status, r.read()
    except (http.client.HTTPException, OSError):
        conn.close()
        conn = http.client.HTTPConnection(host, int(port), timeout=30)
        return get(path)


def measure(path, url, make, marker):
    """Edits `path` RUNS + 1 times with make(original, k) and times until `url` serves marker(k).

    Returns (median, min, p90, max) in ms over the edits after the first."""
    original = open(path, encoding="utf-8").read()
    times = []
    for k in range(runs + 1):                     # the first edit is a warm-up
        text, want = make(original, k), marker(k).encode()
        t0 = time.perf_counter()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        while True:
            status, body = get(url)
            if status == 200 and want in body:
                break
            if time.perf_counter() - t0 > 60:
                sys.exit(f"{url}: {marker(k)} not served within 60 s")
        if k:
            times.append((time.perf_counter() - t0) * 1000)
        time.sleep(0.15)                          # let the watcher settle between edits
    with open(path, "w", encoding="utf-8") as f:
        f.write(original)
    time.sleep(0.5)
    times.sort()
    median = (times[(len(times) - 1) // 2] + times[len(times) // 2]) / 2
    p90 = times[min(len(times) - 1, int(round(0.9 * (len(times) - 1))))]
    return median, times[0], p90, times[-1]


notice = sorted(glob.glob(f"{root}/content/notices/*.md"))[len(glob.glob(f"{root}/content/notices/*.md")) // 2]
slug = os.path.basename(notice)[:-3]
row = measure(notice, f"/notices/{slug}.html",
              lambda t, k: t.replace("\n---\n", f"\n---\n\n基准测试第BENCH-{k}次修改。\n", 1),
              lambda k: f"BENCH-{k}")
print(f"| {n} | notice (.md) | {row[0]:.1f} | {row[1]:.1f} | {row[2]:.1f} | {row[3]:.1f} | 50 |", flush=True)

form = f"{root}/forms/registration.typ"
row = measure(form, "/downloads/registration-form.pdf",
              lambda t, k: t.replace('#form-body(form, attachment)',
                                     f'#set document(keywords: ("BENCH-{k}",))\n#form-body(form, attachment)', 1),
              lambda k: f"BENCH-{k}")
print(f"| {n} | form (.typ) | {row[0]:.1f} | {row[1]:.1f} | {row[2]:.1f} | {row[3]:.1f} | 100 |", flush=True)
