#!/usr/bin/env python3
"""Turns a copy of a contest folder (with content/results.csv) into a hostile one: a contact, a notice and
results rows whose names and text are script, event-handler and javascript: payloads, and a notice with
raw HTML. The built site must show all of it as text (checked in Chromium by browser.mjs hostile).

Usage: hostile.py CONTEST_DIR
"""

import csv
import io
import pathlib
import sys

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(2)>',
    "'><svg onload=alert(3)>",
    "javascript:alert(4)",
    "</title><script>alert(5)</script>",
    "{{ 7*7 }}{% raw %}",
]

root = pathlib.Path(sys.argv[1])
content = root / "content"

# A contact with hostile name and organisation (shown on every page's footer and on contacts.html).
yaml_path = content / "contest.yaml"
y = yaml_path.read_text(encoding="utf-8")
old = "  - name: 李莉\n    organisation: 天津职业技术师范大学电子工程学院\n"
assert old in y, "contact block not found"
y = y.replace(old, f"  - name: '李莉{PAYLOADS[0]}'\n    organisation: '{PAYLOADS[1].replace(chr(39), chr(39) * 2)}'\n")
yaml_path.write_text(y, encoding="utf-8")

# Notices: hostile front matter, raw HTML, hostile links.
(content / "notices" / "2025-10-20-evil.md").write_text(
    "---\n"
    f"title: '{PAYLOADS[4]}'\n"
    "date: 2025-10-20\n"
    f"source: '{PAYLOADS[1]}'\n"
    "---\n\n"
    f"{PAYLOADS[0]}\n\n"
    "<div onclick=\"alert(6)\">raw block</div>\n\n"
    f"文字 {PAYLOADS[1]} {PAYLOADS[2]}\n\n"
    "[a](javascript:alert(7)) [b](JAVASCRIPT:alert(8)) [c]( javascript:alert(9)) [d](vbscript:x) "
    "[e](data:text/html,<script>alert(10)</script>) ![f](javascript:alert(11))\n\n"
    "<iframe src=\"javascript:alert(12)\"></iframe>\n\n"
    f"## {PAYLOADS[0]}\n\n"
    "## 报名 {tabindex=0 autofocus onfocus=alert(14)}\n\n"
    "## 时间 {#x .y onclick=alert(15)}\n\n"
    "[ref][r] <javascript:alert(16)> [ent](&#106;avascript:alert(17))\n\n"
    "[r]: javascript:alert(18)\n\n"
    f"| {PAYLOADS[2]} | b |\n|---|---|\n| {PAYLOADS[5]} | [x](javascript:alert(13)) |\n",
    encoding="utf-8",
)

# Results: hostile names and units in the first rows.
csv_path = content / "results.csv"
raw = csv_path.read_bytes()
text = raw.decode("utf-8-sig")
rows = list(csv.reader(io.StringIO(text)))
header_at = next(i for i, r in enumerate(rows) if "姓名" in r)
name_col = rows[header_at].index("姓名")
unit_col = rows[header_at].index("参赛单位")
for k, row in enumerate(rows[header_at + 1 : header_at + 1 + len(PAYLOADS)]):
    row[name_col] = row[name_col] + PAYLOADS[k]
    row[unit_col] = PAYLOADS[(k + 1) % len(PAYLOADS)] + row[unit_col]
out = io.StringIO()
csv.writer(out, lineterminator="\n").writerows(rows)
csv_path.write_text(out.getvalue(), encoding="utf-8")
print(f"hostile: {len(PAYLOADS)} payloads in a contact, a notice and {len(PAYLOADS)} results rows")
