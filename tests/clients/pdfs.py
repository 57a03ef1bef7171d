#!/usr/bin/env python3
"""Checks the PDFs of a built site with PDF readers no one here wrote.

For every PDF under SITE/downloads and every PDF inside SITE/downloads/*.zip:
  - `qpdf --check` exits 0 and reports no warning;
  - `pdffonts`: every font is embedded (emb = yes) and has a ToUnicode map (uni = yes);
  - `pdftotext -enc UTF-8`: the text is extractable and in Chinese (at least 50 CJK characters and the
    words 技能大赛), with no U+FFFD replacement characters;
  - pypdf reads the file; a form (registration-form.pdf, judge-form.pdf, the PDFs in the ZIP) has fillable
    fields; every text field is filled with Chinese text and every checkbox is ticked with pypdf, the
    result is written, passes `qpdf --check` and pypdf reads the values back.

Usage: pdfs.py SITE_DIR...   Prints one line per file; exit status 1 on any failure.
"""

import io
import pathlib
import re
import subprocess
import sys
import tempfile
import zipfile

import logging

import pypdf
from pypdf.generic import NameObject

logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings about CFF fonts it cannot parse for appearances
CJK = re.compile(r"[\u4e00-\u9fff]")
failures = 0


def fail(name, msg):
    global failures
    failures += 1
    print(f"  FAIL {name}: {msg}")


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, **kw)


def qpdf_check(name, path):
    r = run(["qpdf", "--check", str(path)])
    # qpdf exits 3 for warnings, 2 for errors.
    if r.returncode != 0 or "WARNING" in (r.stdout + r.stderr).upper():
        fail(name, f"qpdf --check exit {r.returncode}: {(r.stdout + r.stderr).strip()[-400:]}")


def check_fonts(name, path):
    r = run(["pdffonts", str(path)])
    if r.returncode != 0:
        fail(name, f"pdffonts exit {r.returncode}: {r.stderr.strip()}")
        return 0
    lines = r.stdout.splitlines()[2:]
    for line in lines:
        # name type encoding emb sub uni object ID: the flags are the last five columns before the id.
        cols = line.split()
        emb, _sub, uni = cols[-5], cols[-4], cols[-3]
        if emb != "yes":
            fail(name, f"font not embedded: {line}")
        if uni != "yes":
            fail(name, f"font without ToUnicode: {line}")
    if not lines:
        fail(name, "no fonts at all")
    return len(lines)


def check_text(name, path):
    r = run(["pdftotext", "-enc", "UTF-8", str(path), "-"])
    if r.returncode != 0:
        fail(name, f"pdftotext exit {r.returncode}: {r.stderr.strip()}")
        return
    text = r.stdout
    cjk = len(CJK.findall(text))
    if cjk < 50:
        fail(name, f"only {cjk} Chinese characters extracted")
    if "技能大赛" not in re.sub(r"\s+", "", text):
        fail(name, "the words 技能大赛 are not in the extracted text")
    if "\ufffd" in text:
        fail(name, "the extracted text has U+FFFD replacement characters")
    return cjk


def check_form(name, path, must_be_form):
    reader = pypdf.PdfReader(str(path))
    fields = reader.get_fields() or {}
    if not fields:
        if must_be_form:
            fail(name, "no fillable fields")
        return 0
    writer = pypdf.PdfWriter(clone_from=reader)
    text_values = {}
    checks = {}
    for fname, f in fields.items():
        ft = f.get("/FT")
        if ft == "/Tx":
            text_values[fname] = f"测试{len(text_values)}"
        elif ft == "/Btn":
            states = [s for s in (f.get("/_States_") or []) if s != "/Off"]
            if states:
                checks[fname] = states[0]
    for page in writer.pages:
        writer.update_page_form_field_values(page, {**text_values, **checks}, auto_regenerate=False)
    writer.set_need_appearances_writer(True)
    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as tmp:
        writer.write(tmp)
        filled = pathlib.Path(tmp.name)
    try:
        qpdf_check(f"{name} (filled by pypdf)", filled)
        back = pypdf.PdfReader(str(filled)).get_fields() or {}
        for fname, value in text_values.items():
            got = back.get(fname, {}).get("/V")
            if got != value:
                fail(name, f"field {fname}: wrote {value!r}, read back {got!r}")
        for fname, value in checks.items():
            got = back.get(fname, {}).get("/V")
            if str(got) != str(value):
                fail(name, f"checkbox {fname}: ticked {value!r}, read back {got!r}")
    finally:
        filled.unlink()
    if not text_values:
        fail(name, "no text fields")
    return len(fields)


def check_pdf(name, path, must_be_form):
    before = failures
    qpdf_check(name, path)
    fonts = check_fonts(name, path)
    cjk = check_text(name, path)
    try:
        nfields = check_form(name, path, must_be_form)
    except Exception as e:  # pypdf cannot read or fill it
        fail(name, f"pypdf: {type(e).__name__}: {e}")
        nfields = "?"
    status = "ok" if failures == before else "FAILED"
    print(f"  {status} {name}: {fonts} fonts embedded, {cjk} Chinese characters, {nfields} fields")


def main():
    checked = 0
    for site in map(pathlib.Path, sys.argv[1:]):
        downloads = site / "downloads"
        pdfs = sorted(downloads.glob("*.pdf"))
        if not pdfs:
            fail(str(site), "no PDFs under downloads/")
        for pdf in pdfs:
            check_pdf(str(pdf), pdf, must_be_form=pdf.name.endswith("-form.pdf"))
            checked += 1
        for z in sorted(downloads.glob("*.zip")):
            with zipfile.ZipFile(z) as zf:
                bad = zf.testzip()
                if bad:
                    fail(str(z), f"corrupt member {bad}")
                members = [m for m in zf.namelist() if m.lower().endswith(".pdf")]
                if not members:
                    fail(str(z), "no PDFs in the ZIP")
                with tempfile.TemporaryDirectory() as tmp:
                    for m in members:
                        if m.startswith("/") or ".." in pathlib.PurePosixPath(m).parts:
                            fail(str(z), f"unsafe member name {m!r}")
                            continue
                        out = pathlib.Path(tmp) / pathlib.PurePosixPath(m).name
                        out.write_bytes(zf.read(m))
                        check_pdf(f"{z}!{m}", out, must_be_form=True)
                        checked += 1
    print(f"pdfs: {checked} PDFs checked, {failures} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
