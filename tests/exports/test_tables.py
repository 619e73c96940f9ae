"""The country and sector tables behind the GDELT and ICEWS layouts (issue 17): every row's shape, known pairs."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from greatgame.exports.countries import countries, country
from greatgame.exports.icews import event_text, sector_name

SRC = Path(__file__).resolve().parents[2] / "src" / "greatgame"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def test_country_table_every_row_has_its_shape() -> None:
    rows = _rows(SRC / "exports" / "data" / "countries.tsv")
    assert len(rows) > 250
    assert len({r["iso3"] for r in rows}) == len(rows)
    bad = [r["iso3"] for r in rows
           if not re.fullmatch(r"[A-Z]{3}", r["iso3"]) or not re.fullmatch(r"[A-Z]{3}", r["cameo"])
           or not (re.fullmatch(r"[A-Z]{2}", r["fips"]) or (r["fips"] == "" and r["note"]))
           or not r["name"] or not r["icews_name"] or not r["source"]]
    assert bad == []


def test_country_table_known_fips_codes() -> None:
    fips = {iso3: country(iso3).fips for iso3 in ("DEU", "GBR", "CHN", "RUS", "ISR", "USA", "IRN", "IRQ", "PRK",
                                                    "KOR", "JPN", "SUN", "DDR", "AUS", "AUT")}
    assert fips == {"DEU": "GM", "GBR": "UK", "CHN": "CH", "RUS": "RS", "ISR": "IS", "USA": "US", "IRN": "IR",
                    "IRQ": "IZ", "PRK": "KN", "KOR": "KS", "JPN": "JA", "SUN": "UR", "DDR": "GC", "AUS": "AS",
                    "AUT": "AU"}


def test_country_table_names_as_icews_writes_them() -> None:
    names = {iso3: country(iso3).icews_name for iso3 in ("RUS", "PSE", "USA", "IRN", "GBR", "DEU")}
    assert names == {"RUS": "Russian Federation", "PSE": "Occupied Palestinian Territory", "USA": "United States",
                     "IRN": "Iran", "GBR": "United Kingdom", "DEU": "Germany"}
    assert country(None) is None and country("XXX") is None


def test_country_table_holds_every_country_the_actor_tables_code() -> None:
    coded = {r["iso3"] for r in _rows(SRC / "actors" / "data" / "states.tsv")}
    assert sorted(coded - set(countries())) == []
    # historical states without a FIPS 10-4 code on record keep an empty one rather than a guess
    assert country("CSK").fips == "" and country("CSK").cameo == "CSK"


def test_sector_table_names_every_sector_the_actor_tables_use() -> None:
    used = {r["sector"] for r in _rows(SRC / "actors" / "data" / "agents.tsv")} | {"IGO"}
    assert sorted(c for c in used if sector_name(c) == c) == []
    assert (sector_name("GOV"), sector_name(None), sector_name("XYZ")) == ("Government", "", "XYZ")


def test_event_text_is_cameos_name_for_the_code() -> None:
    assert [event_text(c) for c in ("010", "01", "042", "0251", "999")] == [
        "Make statement", "Make public statement", "Make a visit", "Appeal for easing of administrative sanctions",
        ""]
