"""The GDELT 2.0 event table: 61 tab-separated columns in the codebook's order, no header.

Columns as defined by "The GDELT Event Database Data Format Codebook V2.0" (GDELT Project, 2015), the
layout of the *.export.CSV files and of BigQuery's gdelt-bq.gdeltv2.events. Fields greatgame has no
value for are empty, except as noted:

- GLOBALEVENTID: `stable_id(event_id)`, a 60-bit integer from greatgame's event id (see exports/__init__).
- Actor*Code: greatgame's CAMEO-style actor code with its country part in CAMEO country codes;
  Actor*Name in capitals as GDELT writes names; Actor*Type1Code the CAMEO agent (sector) code;
  Actor*KnownGroupCode the group part of an IGO/NGO code ("IGOAFRAFU" -> "AFU"); an actor of unknown
  country is coded by its sector alone ("GOV"), as GDELT does. Ethnic and religion
  codes, Type2/Type3 are empty: greatgame does not code them.
- IsRootEvent: 1 when the event's sentence opens the document (the lead of a wire story), else 0.
- NumMentions/NumSources/NumArticles: `counts_of(event)`.
- AvgTone: empty. greatgame does not measure tone, and 0 would claim a neutral one.
- Actor1Geo_*/Actor2Geo_*: Type 0 and the rest empty (greatgame locates events, not actors), as GDELT
  writes a geography it does not have. ActionGeo_*: the event's location, see exports/places.py.
- DATEADDED: when the document was stored (YYYYMMDDHHMMSS). SOURCEURL: its URL, else its file, else id.
- SQLDATE, MonthYear, Year, FractionDate: the event's date; empty for an event without one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date as Date
from typing import Any

from ..model import ActorRef, Event
from . import DocMeta, counts_of, stable_id
from .countries import country
from .icews import sector_name
from .places import geo_of

__all__ = ["GDELT_COLUMNS", "gdelt_row", "gdelt_rows"]

# The GDELT 2.0 event table, in order (codebook V2.0, "Event table format").
_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in _ACTOR), *(f"Actor2{f}" for f in _ACTOR),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in _GEO), *(f"Actor2Geo_{f}" for f in _GEO), *(f"ActionGeo_{f}" for f in _GEO),
    "DATEADDED", "SOURCEURL",
)

# Prefixes of CAMEO actor codes that name no country; after them come a region, a known group and sectors
# ("IGOAFRAFU", "IGOEURBUSECB", "IGOUNOSCR"). The known group is the first part that is neither.
_GROUP_PREFIXES = ("IGO", "NGO", "IMG", "MNC")
_REGIONS = {"AFR", "ARB", "ASA", "BLK", "CAF", "CAS", "CAU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM",
            "MDT", "MEA", "NAF", "NMR", "PAC", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WST", "DEV"}
# greatgame's code for an actor whose country is unknown starts with "---"; GDELT writes the rest ("GOV").
_NO_COUNTRY = "---"


def _known_group(code: str) -> str:
    if not code.startswith(_GROUP_PREFIXES):
        return ""
    parts = [code[i:i + 3] for i in range(3, len(code), 3)]
    return next((p for p in parts if p not in _REGIONS and sector_name(p) == p), "")


def _date_fields(iso: str | None) -> list[Any]:
    if not iso:
        return ["", "", "", ""]
    d = Date.fromisoformat(iso)
    # FractionDate per the codebook: YYYY + (MONTH * 30 + DAY) / 365, four decimals.
    return [d.strftime("%Y%m%d"), d.strftime("%Y%m"), d.year, f"{d.year + (d.month * 30 + d.day) / 365:.4f}"]


def _actor_fields(a: ActorRef) -> list[Any]:
    c = country(a.country)
    code = a.code or ""
    if c is not None and code.startswith(a.country or "\0"):
        code = c.cameo + code[3:]
    code = code.removeprefix(_NO_COUNTRY)
    group = _known_group(code)
    name = (a.name or a.text or "").upper()
    return [code, name, c.cameo if c else "", group, "", "", "", a.sector or "", "", ""]


def _geo_fields(e: Event) -> list[Any]:
    if e.location is None:
        return [0, "", "", "", "", "", "", ""]
    g = geo_of(e.location)
    return [g.type, g.full_name, g.fips, g.adm1, "", g.lat, g.lon, g.feature_id]


def gdelt_row(e: Event, doc: DocMeta | None) -> list[Any]:
    """One event as the 61 fields of a GDELT 2.0 event row (None or "" for empty)."""
    mentions, sources, articles = counts_of(e)
    base = e.cameo[:3] if len(e.cameo) >= 3 else e.cameo
    added = doc.ingested_at.strftime("%Y%m%d%H%M%S") if doc and doc.ingested_at else ""
    return [
        stable_id(e.event_id), *_date_fields(e.date),
        *_actor_fields(e.source), *_actor_fields(e.target),
        1 if e.sentence.start == 0 else 0, e.cameo, base, e.cameo_root, e.quad, e.goldstein,
        mentions, sources, articles, "",
        0, "", "", "", "", "", "", "",
        0, "", "", "", "", "", "", "",
        *_geo_fields(e),
        added, doc.citation if doc else e.doc_id,
    ]


def gdelt_rows(events: Iterable[Event], docs: Mapping[str, DocMeta]) -> Iterator[list[Any]]:
    """GDELT rows for events whose documents' metadata is in `docs` (by doc id)."""
    for e in events:
        yield gdelt_row(e, docs.get(e.doc_id))
