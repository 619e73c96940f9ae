"""Country codes as other formats write them: CAMEO codes, FIPS 10-4 codes and names (data/countries.tsv)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

__all__ = ["Country", "countries", "country"]

_TABLE = Path(__file__).parent / "data" / "countries.tsv"
_FIELDS = ("iso3", "cameo", "fips", "name", "icews_name", "source", "note")


@dataclass(frozen=True)
class Country:
    """One row of the table: greatgame's ISO 3166-1 alpha-3 code and its other forms."""

    iso3: str
    cameo: str  # the CAMEO country code (GDELT's Actor1CountryCode)
    fips: str  # the FIPS 10-4 country code (GDELT's *Geo_CountryCode); empty where there is none
    name: str
    icews_name: str  # the country's name as ICEWS event files write it


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """Every row of the table by ISO alpha-3 code."""
    with _TABLE.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        if tuple(reader.fieldnames or ()) != _FIELDS:
            raise ValueError(f"{_TABLE}: expected columns {', '.join(_FIELDS)}")
        return {r["iso3"]: Country(r["iso3"], r["cameo"], r["fips"], r["name"], r["icews_name"]) for r in reader}


def country(iso3: str | None) -> Country | None:
    """The row of an ISO alpha-3 code, or None for no code or one the table does not hold."""
    return countries().get(iso3) if iso3 else None
