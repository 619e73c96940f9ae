"""GDELT 2.0 and ICEWS layouts (issue 17): read back by their published column lists, every field checked."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from store_records import build, doc, event

from greatgame.export import GDELT_COLUMNS, ICEWS_COLUMNS, export
from greatgame.exports import counts_of, stable_id
from greatgame.model import ActorRef, Location, Span
from greatgame.pipeline import DocResult
from greatgame.store import Store

# The GDELT 2.0 event table's columns and types as the codebook and BigQuery's gdeltv2.events define them.
GDELT_TYPES = {
    "GLOBALEVENTID": "BIGINT", "SQLDATE": "INTEGER", "MonthYear": "INTEGER", "Year": "INTEGER",
    "FractionDate": "DOUBLE", "IsRootEvent": "INTEGER", "QuadClass": "INTEGER", "GoldsteinScale": "DOUBLE",
    "NumMentions": "INTEGER", "NumSources": "INTEGER", "NumArticles": "INTEGER", "AvgTone": "DOUBLE",
    "Actor1Geo_Type": "INTEGER", "Actor2Geo_Type": "INTEGER", "ActionGeo_Type": "INTEGER",
    "Actor1Geo_Lat": "DOUBLE", "Actor1Geo_Long": "DOUBLE", "Actor2Geo_Lat": "DOUBLE", "Actor2Geo_Long": "DOUBLE",
    "ActionGeo_Lat": "DOUBLE", "ActionGeo_Long": "DOUBLE", "DATEADDED": "BIGINT",
}

EMPTY_ACTOR_GEO = {"Type": "0", "FullName": "", "CountryCode": "", "ADM1Code": "", "ADM2Code": "", "Lat": "",
                   "Long": "", "FeatureID": ""}


def _agent(text: str, code: str, country: str | None, sector: str | None, name: str, start: int) -> ActorRef:
    return ActorRef(text, start, start + len(text), code, country, sector, name)


@pytest.fixture
def store(tmp_path: Path):
    # 1: the document's first sentence, in Vladivostok; 2: a later sentence, in Texas; 3: no date, no place
    e1 = replace(event("a", 0, "RUSGOV", "PRKGOV", "042", date="2019-04-25"),
                 source=_agent("Russian officials", "RUSGOV", "RUS", "GOV", "Russia", 0),
                 target=_agent("North Korean envoys", "PRKGOV", "PRK", "GOV", "North Korea", 22),
                 location=Location("Vladivostok", "RUS", 43.1, 131.9))
    e2 = replace(event("a", 1, "USA", "IRN", "112", date="2019-04-26", goldstein=-2.0),
                 source=_agent("Washington", "USA", "USA", None, "United States", 60),
                 target=_agent("Tehran", "IRNGOV", "IRN", "GOV", "Iran", 80),
                 sentence=Span("Washington accused Tehran in Texas.", 60, 95),
                 location=Location("Texas", "USA", 31.0, -99.0))
    e3 = replace(event("b", 0, "IGOAFRAFU", "CHN", "057", date=None, goldstein=3.0),
                 cameo="0251", cameo_root="02", plover="REQUEST",
                 source=_agent("the African Union", "IGOAFRAFU", None, "IGO", "African Union", 4),
                 target=_agent("China", "CHN", "CHN", None, "China", 40),
                 sentence=Span("Then the African Union appealed to China.", 0, 41))
    s = build(tmp_path / "s.duckdb",
              [DocResult(replace(doc("a"), url="https://news.example.org/2019/summit"), events=(e1, e2)),
               DocResult(doc("b", date=None), events=(e3,))])
    yield s
    s.close()


def _ids(store: Store) -> dict[str, str]:
    """Each mention's event, as the layouts number it (stable_id of the event id)."""
    return {m: stable_id(e) for m, e in store.con.execute("SELECT mention_id, event_id FROM mentions").fetchall()}


def _added(store: Store, doc_id: str) -> str:
    (ts,) = store.one("SELECT ingested_at FROM documents WHERE doc_id = ?", [doc_id])
    return ts.strftime("%Y%m%d%H%M%S")


def _actor(n: int, code: str, name: str, country: str, group: str, type1: str) -> dict[str, str]:
    return {f"Actor{n}Code": code, f"Actor{n}Name": name, f"Actor{n}CountryCode": country,
            f"Actor{n}KnownGroupCode": group, f"Actor{n}EthnicCode": "", f"Actor{n}Religion1Code": "",
            f"Actor{n}Religion2Code": "", f"Actor{n}Type1Code": type1, f"Actor{n}Type2Code": "",
            f"Actor{n}Type3Code": ""}


def _geo(prefix: str, values: dict[str, str]) -> dict[str, str]:
    return {f"{prefix}_{k}": v for k, v in values.items()}


def _expected(store: Store) -> list[dict[str, str]]:
    EV = _ids(store)  # noqa: N806
    empty_geos = {**_geo("Actor1Geo", EMPTY_ACTOR_GEO), **_geo("Actor2Geo", EMPTY_ACTOR_GEO)}
    counts = {"NumMentions": "1", "NumSources": "1", "NumArticles": "1", "AvgTone": ""}
    return [
        {"GLOBALEVENTID": str(EV["a-e0"]), "SQLDATE": "20190425", "MonthYear": "201904", "Year": "2019",
         "FractionDate": f"{2019 + (4 * 30 + 25) / 365:.4f}",
         **_actor(1, "RUSGOV", "RUSSIA", "RUS", "", "GOV"), **_actor(2, "PRKGOV", "NORTH KOREA", "PRK", "", "GOV"),
         "IsRootEvent": "1", "EventCode": "042", "EventBaseCode": "042", "EventRootCode": "04", "QuadClass": "1",
         "GoldsteinScale": "3.0", **counts, **empty_geos,
         **_geo("ActionGeo", {"Type": "4", "FullName": "Vladivostok, Russia", "CountryCode": "RS", "ADM1Code": "",
                              "ADM2Code": "", "Lat": "43.1", "Long": "131.9", "FeatureID": "2013348"}),
         "DATEADDED": _added(store, "a"), "SOURCEURL": "https://news.example.org/2019/summit"},
        {"GLOBALEVENTID": str(EV["a-e1"]), "SQLDATE": "20190426", "MonthYear": "201904", "Year": "2019",
         "FractionDate": f"{2019 + (4 * 30 + 26) / 365:.4f}",
         **_actor(1, "USA", "UNITED STATES", "USA", "", ""), **_actor(2, "IRNGOV", "IRAN", "IRN", "", "GOV"),
         "IsRootEvent": "0", "EventCode": "112", "EventBaseCode": "112", "EventRootCode": "11", "QuadClass": "3",
         "GoldsteinScale": "-2.0", **counts, **empty_geos,
         **_geo("ActionGeo", {"Type": "2", "FullName": "Texas, United States", "CountryCode": "US",
                              "ADM1Code": "USTX", "ADM2Code": "", "Lat": "31.0", "Long": "-99.0", "FeatureID": "TX"}),
         "DATEADDED": _added(store, "a"), "SOURCEURL": "https://news.example.org/2019/summit"},
        {"GLOBALEVENTID": str(EV["b-e0"]), "SQLDATE": "", "MonthYear": "", "Year": "", "FractionDate": "",
         **_actor(1, "IGOAFRAFU", "AFRICAN UNION", "", "AFU", "IGO"), **_actor(2, "CHN", "CHINA", "CHN", "", ""),
         "IsRootEvent": "1", "EventCode": "0251", "EventBaseCode": "025", "EventRootCode": "02", "QuadClass": "1",
         "GoldsteinScale": "3.0", **counts, **empty_geos, **_geo("ActionGeo", EMPTY_ACTOR_GEO),
         "DATEADDED": _added(store, "b"), "SOURCEURL": "corpus.jsonl"},
    ]


def test_gdelt_columns_are_the_codebooks_61() -> None:
    assert len(GDELT_COLUMNS) == 61 == len(set(GDELT_COLUMNS))
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:35] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    assert GDELT_COLUMNS[51:] == ("ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode",
                                  "ActionGeo_ADM1Code", "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long",
                                  "ActionGeo_FeatureID", "DATEADDED", "SOURCEURL")


def test_gdelt_export_read_back_by_the_codebook_columns_has_every_field(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.export.CSV"
    assert export(store, "gdelt", out).events == 3
    with out.open(newline="", encoding="utf-8") as fh:
        rows = [dict(zip(GDELT_COLUMNS, r, strict=True)) for r in csv.reader(fh, delimiter="\t")]
    assert rows == _expected(store)  # no header line: three rows, each of 61 fields


def test_gdelt_export_loads_into_duckdb_with_gdelt_types(store: Store, tmp_path: Path) -> None:
    EV = _ids(store)  # noqa: N806
    out = tmp_path / "events.export.CSV"
    export(store, "gdelt", out)
    columns = {c: GDELT_TYPES.get(c, "VARCHAR") for c in GDELT_COLUMNS}
    con = duckdb.connect()
    rel = con.execute("SELECT * FROM read_csv(?, delim='\t', header=false, quote='', columns=?)",
                      [str(out), columns])
    names = [d[0] for d in rel.description]
    got = [dict(zip(names, r, strict=True)) for r in rel.fetchall()]
    assert names == list(GDELT_COLUMNS)
    assert [(r["GLOBALEVENTID"], r["SQLDATE"], r["GoldsteinScale"], r["ActionGeo_Type"], r["ActionGeo_Lat"],
             r["AvgTone"], r["EventCode"]) for r in got] == [
        (EV["a-e0"], 20190425, 3.0, 4, 43.1, None, "042"),
        (EV["a-e1"], 20190426, -2.0, 2, 31.0, None, "112"),
        (EV["b-e0"], None, 3.0, 0, None, None, "0251"),
    ]


def test_gdelt_export_with_header_loads_into_pandas_by_name(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    export(store, "gdelt", out, header=True)
    frame = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False, quoting=csv.QUOTE_NONE)
    assert list(frame.columns) == list(GDELT_COLUMNS)
    assert frame.to_dict("records") == _expected(store)
    headless = tmp_path / "events.export.CSV"
    export(store, "gdelt", headless)
    frame = pd.read_csv(headless, sep="\t", header=None, names=list(GDELT_COLUMNS), dtype=str,
                        keep_default_na=False, quoting=csv.QUOTE_NONE)
    assert frame.to_dict("records") == _expected(store)


def test_icews_export_has_its_20_columns_and_every_field(store: Store, tmp_path: Path) -> None:
    EV = _ids(store)  # noqa: N806
    out = tmp_path / "events.icews.tab"
    assert export(store, "icews", out).events == 3
    with out.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh, delimiter="\t")
        assert tuple(reader.fieldnames or ()) == ICEWS_COLUMNS == (
            "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
            "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
            "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude")
        rows = list(reader)
    common = {"Sentence Number": "", "District": ""}
    assert rows == [
        {"Event ID": str(EV["a-e0"]), "Event Date": "2019-04-25", "Source Name": "Russia",
         "Source Sectors": "Government", "Source Country": "Russian Federation", "Event Text": "Make a visit",
         "CAMEO Code": "042", "Intensity": "3.0", "Target Name": "North Korea", "Target Sectors": "Government",
         "Target Country": "North Korea", "Story ID": str(stable_id("a")), "Publisher": "news.example.org",
         "City": "Vladivostok", "Province": "", "Country": "Russian Federation", "Latitude": "43.1",
         "Longitude": "131.9", **common},
        {"Event ID": str(EV["a-e1"]), "Event Date": "2019-04-26", "Source Name": "United States",
         "Source Sectors": "", "Source Country": "United States", "Event Text": "Accuse",
         "CAMEO Code": "112", "Intensity": "-2.0", "Target Name": "Iran", "Target Sectors": "Government",
         "Target Country": "Iran", "Story ID": str(stable_id("a")), "Publisher": "news.example.org",
         "City": "", "Province": "Texas", "Country": "United States", "Latitude": "31.0", "Longitude": "-99.0",
         **common},
        {"Event ID": str(EV["b-e0"]), "Event Date": "", "Source Name": "African Union",
         "Source Sectors": "International Government Organization", "Source Country": "",
         "Event Text": "Appeal for easing of administrative sanctions", "CAMEO Code": "0251", "Intensity": "3.0",
         "Target Name": "China", "Target Sectors": "", "Target Country": "China", "Story ID": str(stable_id("b")),
         "Publisher": "", "City": "", "Province": "", "Country": "", "Latitude": "", "Longitude": "", **common},
    ]
    frame = pd.read_csv(out, sep="\t", dtype=str, keep_default_na=False, quoting=csv.QUOTE_NONE)
    assert list(frame.columns) == list(ICEWS_COLUMNS) and len(frame) == 3


def test_layouts_of_an_empty_store(tmp_path: Path) -> None:
    with Store.open(tmp_path / "e.duckdb") as s:
        assert export(s, "gdelt", tmp_path / "g.tsv").events == 0
        assert export(s, "icews", tmp_path / "i.tsv").events == 0
    assert (tmp_path / "g.tsv").read_text() == ""
    assert (tmp_path / "i.tsv").read_text().splitlines() == ["\t".join(ICEWS_COLUMNS)]


@pytest.mark.slow  # starts another process: `make test` runs it, `make test-fast` not
def test_export_cli_gdelt_header_flag(store: Store, tmp_path: Path, cli) -> None:
    path = store.path
    store.close()
    out = tmp_path / "h.tsv"
    res = cli("export", "--format", "gdelt", "--header", "--out", str(out), "--db", path)
    assert res.returncode == 0, res.stderr
    lines = out.read_text().splitlines()
    assert lines[0].split("\t") == list(GDELT_COLUMNS) and len(lines) == 4


def test_counts_of_reads_the_stores_counts_where_an_event_has_them() -> None:
    e = event("a", 0)
    assert counts_of(e) == (1, 1, 1)

    class Counted:
        num_mentions, num_sources, num_articles = 7, 3, 5

    assert counts_of(Counted()) == (7, 3, 5)


def test_gdelt_actor_codes_as_gdelt_writes_them() -> None:
    from greatgame.exports.gdelt import gdelt_row

    e = replace(event("c", 0), source=_agent("the government", "---GOV", None, "GOV", None, 0),
                target=_agent("the European Central Bank", "IGOEURBUSECB", None, "IGO", "European Central Bank", 30))
    row = dict(zip(GDELT_COLUMNS, gdelt_row(e, None), strict=True))
    assert {k: row[k] for k in ("Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
                                "Actor1Type1Code", "Actor2Code", "Actor2KnownGroupCode", "Actor2Type1Code",
                                "SOURCEURL")} == {
        "Actor1Code": "GOV", "Actor1Name": "THE GOVERNMENT", "Actor1CountryCode": "", "Actor1KnownGroupCode": "",
        "Actor1Type1Code": "GOV", "Actor2Code": "IGOEURBUSECB", "Actor2KnownGroupCode": "ECB",
        "Actor2Type1Code": "IGO", "SOURCEURL": "c"}
