#!/usr/bin/env python3
"""Reads an ODT with odfpy, a real ODF parser, and prints what a reader would see as JSON:
the title, every paragraph and heading as text, the number of tables. Used by the native
test (tests/werkafspraken.rs) and the end-to-end test (tests/e2e/werkafspraken.test.mjs)."""
import json
import sys

from odf import opendocument, teletype, text, table, dc


def main(path):
    doc = opendocument.load(path)
    if doc.getMediaType() != "application/vnd.oasis.opendocument.text":
        raise SystemExit(f"not an ODT: {doc.getMediaType()}")
    paragraphs = [teletype.extractText(p) for p in doc.getElementsByType(text.P)]
    headings = [teletype.extractText(h) for h in doc.getElementsByType(text.H)]
    titles = doc.meta.getElementsByType(dc.Title)
    print(json.dumps({
        "title": teletype.extractText(titles[0]) if titles else None,
        "headings": headings,
        "paragraphs": paragraphs,
        "tables": len(doc.getElementsByType(table.Table)),
    }, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
