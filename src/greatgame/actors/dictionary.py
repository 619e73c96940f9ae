"""Actor dictionaries: the package's TSV files, loaded and checked once."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from ..datacache import cached, fingerprint

__all__ = ["ActorDictionary", "DictionaryError", "Entry", "Term", "held_on", "load_dictionary", "pick_term",
           "titlecase_acronym"]

# Types of state_names.tsv that name the government rather than the country as a whole.
GOVERNMENT_TYPES = {"capital", "seat"}
# Seats whose institution is not the executive.
SEAT_SECTORS = {"the Pentagon": "MIL", "Pentagon": "MIL", "Capitol Hill": "LEG", "the Knesset": "LEG",
                "Knesset": "LEG", "the Bundestag": "LEG", "Bundestag": "LEG", "the Duma": "LEG",
                "Duma": "LEG", "the Majlis": "LEG", "Majlis": "LEG", "Congress": "LEG"}


class DictionaryError(ValueError):
    """A dictionary file that does not have the expected shape."""


@dataclass(frozen=True)
class Term:
    """A person's term in an office."""

    name: str
    country: str | None
    sector: str
    role: str
    start: str
    end: str | None
    code: str | None = None  # the body an international official speaks for (offices.tsv): IGOBUSIMF


# A term the tables give no start for (a snapshot of who held an office, with the day it ended) is taken
# to have begun this many years before its end; one with neither date is placed only by the person's other
# terms, never as held on a given date.
UNDATED_TERM_YEARS = 5


def term_start(t: Term) -> str | None:
    """The day a term began, or for one the tables give no start, UNDATED_TERM_YEARS before its end."""
    if t.start:
        return t.start
    if t.end:
        return f"{int(t.end[:4]) - UNDATED_TERM_YEARS:04d}{t.end[4:]}"
    return None


def held_on(t: Term, date: str) -> bool:
    """Whether a term was running on a day (one with no dates never is)."""
    start = term_start(t)
    return start is not None and start <= date and (t.end is None or date <= t.end)


def pick_term(terms: list[Term], date: str | None) -> tuple[Term, str]:
    """The term the date falls in ("current"); else the latest one before it ("former"); else, for a date
    before every term, the first ("before": the person, not yet the office). With no date, the most recent
    term counts as current (the mention then says so: Mention.office_from). A term without a start counts
    from UNDATED_TERM_YEARS before its end (term_start), and one with no dates at all only with no date."""
    terms = sorted(terms, key=lambda t: term_start(t) or "")
    if date is None:
        return terms[-1], "current"
    dated = [(t, term_start(t)) for t in terms]
    for t, start in dated:
        if start is not None and start <= date and (t.end is None or date <= t.end):
            return t, "current"
    before = [t for t, start in dated if start is not None and start <= date]
    return (before[-1], "former") if before else (terms[0], "before")


@dataclass
class Entry:
    """What one surface form may refer to."""

    text: str
    type: str  # state name type, "igo", "ngo", "group", "agent", "leader", "place", "pair"
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    name: str | None = None
    kind: str = "state"
    ambiguity: str = ""
    terms: list[Term] = field(default_factory=list)
    lat: float | None = None
    lon: float | None = None
    case_insensitive: bool = False
    until: str | None = None  # the last day the form names this body (igos.tsv): "EC" until the EU


def _rows(name: str, required: tuple[str, ...]) -> list[dict[str, str]]:
    path = resources.files("greatgame.actors") / "data" / name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise DictionaryError(f"{name}: missing columns {missing}")
        rows = []
        for n, row in enumerate(reader, 2):
            if None in row or any(row.get(c) is None for c in required):
                raise DictionaryError(f"{name}:{n}: wrong number of fields")
            rows.append({k: (v or "").strip() for k, v in row.items()})
        return rows


# Acronyms whose title-case spelling is a common word, not the body: "Plan" (the People's Liberation Army Navy).
_WORDLIKE_ACRONYMS = {"PLAN"}


def titlecase_acronym(text: str) -> str | None:
    """The spelling some papers give an acronym said as a word ("Asean", "Nato", "Opec" for ASEAN, NATO,
    OPEC): for one of four or more capitals that is no common word."""
    if len(text) < 4 or not text.isalpha() or not text.isupper() or text in _WORDLIKE_ACRONYMS:
        return None
    return text[0] + text[1:].lower()


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


class ActorDictionary:
    """Every surface form the recogniser knows, with what it may refer to."""

    def __init__(self) -> None:
        self.forms: dict[str, list[Entry]] = {}
        self.state_names: dict[str, str] = {}
        # "Congress", "the Treasury": bodies whose bare name means one country's unless the text says
        # whose; lowercase name without "the" -> ISO3
        self.home_country: dict[str, str] = {}
        # a state -> (the state whose seats of power its own were, the last day they were), by date
        self.predecessors: dict[str, list[tuple[str, str]]] = {}
        # a company's legal form ("plc", "ag"), lowercase without dots -> the states whose law has it
        self.company_forms: dict[str, tuple[str, ...]] = {}

    def add(self, entry: Entry) -> None:
        key = entry.text.lower() if entry.case_insensitive else entry.text
        self.forms.setdefault(key, []).append(entry)
        if "'" in key:  # news sets apostrophes curly as often as straight
            self.forms.setdefault(key.replace("'", "\u2019"), []).append(entry)

    def lookup(self, text: str) -> list[Entry]:
        """The entries a surface form may refer to; line breaks and runs of spaces count as one space."""
        if "\n" in text or "  " in text:
            text = " ".join(text.split())
        return self.forms.get(text, []) + (self.forms.get(text.lower(), []) if text.lower() != text else [])

    @cached_property
    def _lowercase_forms(self) -> dict[str, list[Entry]]:
        """The case-sensitive forms by their lower case, built on first use: only lowercase documents need it."""
        folded: dict[str, list[Entry]] = {}
        for key, entries in self.forms.items():
            if not entries[0].case_insensitive:
                folded.setdefault(key.lower(), []).extend(entries)
        return folded

    def lookup_lowercase(self, text: str) -> list[Entry]:
        """The case-sensitive entries a form set in lower case may refer to ("world bank"): for text with
        no capitals at all (lowercase.py)."""
        return self._lowercase_forms.get(" ".join(text.split()).lower(), [])

    @cached_property
    def _name_words(self) -> dict[str, frozenset[str]]:
        """The lowercase words of each state's names and official names ("SAU": kingdom, of, saudi, arabia)."""
        words: dict[str, set[str]] = {}
        for entries in self.forms.values():
            for e in entries:
                if e.type in ("name", "official") and e.country and e.kind == "state":
                    words.setdefault(e.country, set()).update(e.text.lower().split())
        return {iso: frozenset(w) for iso, w in words.items()}

    def names_hold(self, iso3: str, word: str) -> bool:
        """Whether one of a state's names holds a word ("kingdom": the Kingdom of Saudi Arabia, not France)."""
        return word in self._name_words.get(iso3, frozenset())

    def _load_states(self) -> None:
        for r in _rows("states.tsv", ("iso3", "name", "kind")):
            self.state_names[r["iso3"]] = r["name"]
        for r in _rows("state_names.tsv", ("iso3", "text", "type", "ambiguity")):
            iso, typ = r["iso3"], r["type"]
            sector = SEAT_SECTORS.get(r["text"], "GOV") if typ in GOVERNMENT_TYPES else None
            code = iso + (sector or "")
            self.add(Entry(r["text"], typ, iso, sector, code, self.state_names.get(iso, r["text"]),
                           "state", r["ambiguity"]))
            # "the Kremlin" and "Kremlin", "the United States" and "United States"
            if r["text"].startswith("the ") and typ != "demonym":
                bare = r["text"][4:]
                if not any(e.country == iso for e in self.forms.get(bare, [])):
                    self.add(Entry(bare, typ, iso, sector, code, self.state_names.get(iso, bare), "state",
                                   r["ambiguity"]))

    def _load_organisations(self) -> None:
        for r in _rows("igos.tsv", ("code", "text", "name", "kind", "country", "sector")):
            kind = r["kind"] if r["kind"] in ("igo", "ngo", "group") else "group"
            until = r.get("until") or None
            self.add(Entry(r["text"], kind, r["country"] or None, r["sector"] or None, r["code"],
                           r["name"], kind, until=until))
            if r["text"].startswith("the "):
                self.add(Entry(r["text"][4:], kind, r["country"] or None, r["sector"] or None, r["code"],
                               r["name"], kind, until=until))
            titled = titlecase_acronym(r["text"])
            if titled and titled not in self.forms:
                self.add(Entry(titled, kind, r["country"] or None, r["sector"] or None, r["code"],
                               r["name"], kind, until=until))

    def _load_agents(self) -> None:
        for r in _rows("agents.tsv", ("text", "sector", "kind")):
            kind = "person" if r["kind"] == "person" else "agent"
            self.add(Entry(r["text"].lower(), "agent", None, r["sector"], None, None, kind,
                           case_insensitive=True))

    def _load_leaders(self) -> None:
        # offices of international bodies: "imf_managing_director" -> IGOBUSIMF
        bodies = {r["role"]: r["code"] for r in _rows("offices.tsv", ("role", "code", "source"))}
        by_form: dict[str, Entry] = {}
        # the hand-checked table first: a form's terms keep that order
        for fname in ("leaders.tsv", "leaders_ref.tsv"):
            for r in _rows(fname, ("name", "aliases", "country", "sector", "role", "start", "end")):
                term = Term(r["name"], r["country"] or None, r["sector"] or "GOV", r["role"], r["start"],
                            r["end"] or None, bodies.get(r["role"]) if not r["country"] else None)
                for form in [r["name"], *_split(r["aliases"])]:
                    e = by_form.get(form)
                    if e is None:
                        e = by_form[form] = Entry(form, "leader", kind="person")
                        self.add(e)
                    e.terms.append(term)

    def _load_institutions(self) -> None:
        for r in _rows("institutions.tsv", ("text", "country", "source")):
            self.home_country[r["text"].lower()] = r["country"]

    def _load_company_forms(self) -> None:
        for r in _rows("company_forms.tsv", ("form", "countries", "source")):
            self.company_forms[r["form"].lower()] = tuple(r["countries"].split())

    def company_form(self, name: str) -> tuple[str, ...]:
        """The states whose company law has the legal form a name ends in ("Siemens AG": DEU, CHE, ...),
        most likely first; empty for a name without one."""
        words = name.split()
        if len(words) < 2:
            return ()
        return self.company_forms.get(words[-1].replace(".", "").rstrip(",").lower(), ())

    def seat_holder(self, iso3: str, date: str | None) -> str:
        """Whose seat of power a capital was on a date: Moscow in 1987 is the Soviet Union's."""
        if date:
            for pred, until in self.predecessors.get(iso3, []):
                if date <= until:
                    return pred
        return iso3

    def _load_successions(self) -> None:
        for r in _rows("successions.tsv", ("iso3", "predecessor", "until", "source")):
            self.predecessors.setdefault(r["iso3"], []).append((r["predecessor"], r["until"]))
        for rows in self.predecessors.values():
            rows.sort(key=lambda x: x[1])

    def load(self) -> ActorDictionary:
        self._load_institutions()
        self._load_company_forms()
        self._load_successions()
        self._load_states()
        self._load_organisations()
        self._load_agents()
        self._load_leaders()
        for phrase in PAIR_PHRASES:
            self.add(Entry(phrase, "pair", kind="state", case_insensitive=True))
        return self


PAIR_PHRASES = ("the two sides", "both sides", "the two countries", "both countries", "the two nations",
                "both nations", "the two governments", "both governments", "the two leaders", "both leaders",
                "the two states", "the two neighbours", "the two neighbors", "the two allies")


def dictionary_key() -> str:
    """What the dictionary is built from: the actor data files and this module."""
    return fingerprint(data=["greatgame.actors"], modules=[__name__])


@lru_cache(maxsize=1)
def load_dictionary() -> ActorDictionary:
    """The package's actor dictionary, loaded once per process (built once, then read from the cache)."""
    return cached("actors", dictionary_key(), lambda: ActorDictionary().load())
