"""The ICEWS coded-event layout: tab-separated, with ICEWS's twenty named columns as the header.

Columns as in the ICEWS Coded Event Data files (Boschee et al., Harvard Dataverse doi:10.7910/DVN/28075):

- Event ID and Story ID: `stable_id` of greatgame's event id and document id (ICEWS's ids are integers).
- Event Date: YYYY-MM-DD. Event Text: CAMEO's name for the code. CAMEO Code: the code. Intensity: the
  code's Goldstein score (ICEWS's intensity is the same −10…+10 scale).
- Source/Target Name: the actor's name; Sectors: the CAMEO agent (sector) of the actor in words, from
  data/sectors.tsv; Country: the actor's country as ICEWS names it (data/countries.tsv).
- Sentence Number: empty. The store keeps a sentence's offsets, not its number in the story.
- Publisher: the host of the document's URL, else empty.
- City, District, Province, Country, Latitude, Longitude: the event's location (exports/places.py);
  District is always empty (greatgame knows no second-level divisions).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ..events.ontology import cameo_table
from ..model import ActorRef, Event
from . import DocMeta, stable_id
from .countries import country
from .places import geo_of

__all__ = ["ICEWS_COLUMNS", "event_text", "icews_row", "icews_rows", "sector_name"]

ICEWS_COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number",
    "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
)


@lru_cache(maxsize=1)
def _sectors() -> dict[str, str]:
    with (Path(__file__).parent / "data" / "sectors.tsv").open(encoding="utf-8", newline="") as fh:
        return {r["code"]: r["name"] for r in csv.DictReader(fh, delimiter="\t")}


def sector_name(code: str | None) -> str:
    """A CAMEO agent code in words ("GOV" -> "Government"); an unknown code is written as it is."""
    return _sectors().get(code, code) if code else ""


def event_text(cameo: str) -> str:
    """CAMEO's name for a code, as a phrase ("Make statement", "Express intent to cooperate")."""
    code = cameo_table().get(cameo)
    if code is None:
        return ""
    name = code.name.removesuffix(", not specified below")
    return name.capitalize() if name.isupper() else name


def _actor(a: ActorRef) -> list[str]:
    c = country(a.country)
    return [a.name or a.text or "", sector_name(a.sector), c.icews_name if c else ""]


def icews_row(e: Event, doc: DocMeta | None) -> list[Any]:
    """One event as the twenty fields of an ICEWS event row."""
    publisher = (urlsplit(doc.url).hostname or "") if doc and doc.url else ""
    city = province = country_name = ""
    lat = lon = None
    if e.location is not None:
        g = geo_of(e.location)
        city, province, country_name, lat, lon = g.city, g.province, g.country_name, g.lat, g.lon
    src, tgt = _actor(e.source), _actor(e.target)
    return [
        stable_id(e.event_id), e.date or "", src[0], src[1], src[2], event_text(e.cameo), e.cameo,
        e.goldstein, tgt[0], tgt[1], tgt[2], stable_id(e.doc_id), "", publisher,
        city, "", province, country_name, lat, lon,
    ]


def icews_rows(events: Iterable[Event], docs: Mapping[str, DocMeta]) -> Iterator[list[Any]]:
    """ICEWS rows for events whose documents' metadata is in `docs` (by doc id)."""
    for e in events:
        yield icews_row(e, docs.get(e.doc_id))
