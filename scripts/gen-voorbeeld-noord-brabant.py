#!/usr/bin/env python3
"""Generate data/configurations/voorbeeld-noord-brabant.json (contract §6).

Run once, review the diff, commit the JSON. Input: the gemeente→omgevingsdienst table
(columns gm_code,gm_name,prov_code,prov_name,od_code,od_name,basis), e.g.
  python3 scripts/gen-voorbeeld-noord-brabant.py path/to/gemeente_omgevingsdienst.csv
The test `tests/domain_data.rs` checks the result against the bundled geography.
"""
import csv
import json
import os
import sys

CANDIDATES = [
    "data/geo/gemeente_omgevingsdienst.csv",
    "src/geo/data/gemeente_omgevingsdienst.csv",
    "../shared/data/geo/gemeente_omgevingsdienst.csv",
]


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else next((p for p in CANDIDATES if os.path.exists(p)), None)
    if path is None:
        sys.exit("geef het pad naar gemeente_omgevingsdienst.csv")
    rows = [r for r in csv.DictReader(open(path, encoding="utf-8")) if r["prov_code"] == "PV30"]
    rows.sort(key=lambda r: r["gm_code"])
    assert len(rows) == 56, len(rows)
    src_table = "gemeente→omgevingsdienst-tabel (Routewijzer-geografie; domain-research §6.1)"
    entries = []
    for r in rows:
        for act in ["milieubelastende-activiteit", "lozingsactiviteit-riool", "sloopactiviteit"]:
            entries.append({
                "bevoegd_gezag": r["gm_code"],
                "activity": act,
                "behandeldienst": r["od_code"],
                "verzoektype": None,
                "gemeenten": None,
                "bron": f"Contract §6: elke Brabantse gemeente → eigen omgevingsdienst; {r['gm_name']} → {r['od_code']} volgens de {src_table}. Illustratief.",
            })
    by_od = {}
    for r in rows:
        by_od.setdefault(r["od_code"], []).append(r["gm_code"])
    for act in ["milieubelastende-activiteit", "ontgrondingsactiviteit", "omgevingsverordening-activiteit"]:
        for od in sorted(by_od):
            entries.append({
                "bevoegd_gezag": "PV30",
                "activity": act,
                "behandeldienst": od,
                "verzoektype": None,
                "gemeenten": by_od[od],
                "bron": f"Contract §6 en domain-research B5 (1:n): Gedeputeerde Staten van Noord-Brabant → {od} voor de {len(by_od[od])} gemeenten die {od} bedient. Illustratief.",
            })
    entries.append({
        "bevoegd_gezag": "GM0796",
        "activity": "brandveilig-gebruik",
        "behandeldienst": "VR21",
        "verzoektype": "melding",
        "gemeenten": None,
        "bron": "Contract §6 en domain-research §9.4 voorbeeld 5: 's-Hertogenbosch → Veiligheidsregio Brabant-Noord voor meldingen brandveilig gebruik. Illustratief.",
    })
    doc = {
        "format": "routewijzer-configuratie/1",
        "id": "voorbeeld-noord-brabant",
        "name": "Voorbeeld Noord-Brabant",
        "description": "Illustratief voorbeeld, geen echte DSO-configuratie. Echte behandeldienstconfiguraties staan in het DSO en worden gepubliceerd op de implementatiemonitor (pagina I3 Behandeldiensten). Gegenereerd door scripts/gen-voorbeeld-noord-brabant.py.",
        "behandeldiensten": entries,
    }
    out = "data/configurations/voorbeeld-noord-brabant.json"
    with open(out, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")
    print(f"{out}: {len(entries)} entries")


if __name__ == "__main__":
    main()
