"""Extracts the rule and source tables of domain-research.md into data/rules.json.

Run once when the research changes; the output is committed, so the build never needs the
research file:  python3 scripts/data/gen_rules.py ../shared/spec/domain-research.md
"""

import json
import re
import sys

RULE = re.compile(r"^\| (?P<id>(?:L|R|SP|C|B|T)\d+) \| (?P<rest>.*)\|\s*$")
SOURCE = re.compile(r"^\| (?P<id>S\d+) \| (?P<text>.*)\|\s*$")
MARK = re.compile(r"\[(D-ind|D|I|\?)\]")
SOURCE_REF = re.compile(r"\bS(\d+)\b")
URL = re.compile(r"https?://[^\s;)]+")
MARKS = {
    "D": "gedocumenteerd: een primaire of officiële bron zegt het",
    "D-ind": "indirect gedocumenteerd: een secundaire of praktijkbron zegt het",
    "I": "afgeleid: een redenering uit de bronnen, nergens zo vastgelegd",
    "?": "open: de bronnen zwijgen of spreken elkaar tegen; daarom instelbaar",
}


# Findings that rest on a section of the research rather than a numbered rule.
SECTIONS = [
    {
        "id": "§6.1",
        "text": "Noord-Brabant gemeenten by omgevingsdienst (ODBN 10, ODZOB 21, OMWB 25), derived from the GR texts and the merger history; outside Noord-Brabant the bundled table is partly unverified or empty.",
        "basis": "S27, S29, S30 [D-ind] / [I]",
        "mark": "D-ind",
        "sources": ["S27", "S29", "S30"],
    },
    {
        "id": "§6.2",
        "text": "Veiligheidsregio's in Noord-Brabant: VR Brabant-Noord is the ODBN gemeenten plus Heusden, so for Heusden the omgevingsdienst is OMWB but the veiligheidsregio is VRBN: the OD and VR regions do not coincide there.",
        "basis": "S28 [D] / [I] for post-merger",
        "mark": "I",
        "sources": ["S28"],
    },
]


def cells(rest):
    return [c.strip() for c in rest.split(" | ")]


def main(path):
    rules, sources = [], []
    for line in open(path, encoding="utf-8"):
        if m := SOURCE.match(line):
            text = m["text"].strip()
            sources.append({"id": m["id"], "title": URL.sub("", text).strip(" —;,"), "urls": URL.findall(text)})
        elif m := RULE.match(line):
            parts = cells(m["rest"])
            text = parts[0]
            tail = " ".join(parts[1:])
            marks = [("D-ind" if x == "D-ind" else x) for x in MARK.findall(tail)]
            rules.append({
                "id": m["id"],
                "text": text.replace("**", ""),
                "basis": tail.replace("**", ""),
                "mark": marks[0] if marks else "I",
                "sources": sorted({f"S{n}" for n in SOURCE_REF.findall(tail + " " + text)}, key=lambda s: int(s[1:])),
            })
    rules.extend(SECTIONS)
    out = {
        "format": "routewijzer-rules/1",
        "origin": "domain-research.md (Routewijzer), paraphrased from public sources",
        "marks": MARKS,
        "rules": rules,
        "sources": sources,
    }
    json.dump(out, open("data/rules.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    print(f"{len(rules)} rules, {len(sources)} sources")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/spec/domain-research.md")
