"""The event lexicon: verb and noun patterns to CAMEO codes, from the package's data files."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from ..datacache import cached, fingerprint
from .ontology import cameo_table

__all__ = ["Lexicon", "LexiconHit", "ModalityCue", "load_lexicon", "object_keys"]


@dataclass(frozen=True)
class LexiconHit:
    cameo: str
    pattern: str  # the row that matched, for --explain
    specificity: int  # 0 bare lemma … 3 lemma+particle+prep+object


@dataclass(frozen=True)
class ModalityCue:
    cue: str
    kind: str
    modality: str
    scope: str


def object_keys(noun: Token) -> list[str]:
    """The lexicon's object keys for an object noun: its lemma, after the lemma joined to each noun compound
    before it ("warning shots" is a warning-shot, a show of force, before it is a shot)."""
    lemma = noun.lemma_.lower()
    return [f"{c.lemma_.lower()}-{lemma}" for c in noun.children
            if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < noun.i] + [lemma]


def _read(name: str) -> list[dict[str, str]]:
    path = resources.files("greatgame.events") / "data" / name
    if not path.is_file():
        return []
    with path.open(encoding="utf-8") as f:
        return [{k: (v or "").strip() for k, v in r.items() if k} for r in
                csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _alts(cell: str) -> list[str]:
    return [a.strip().lower() for a in cell.split("|") if a.strip()] or [""]


class Lexicon:
    """Verb rows keyed by (lemma, particle, prep, object); noun rows keyed by (noun, prep)."""

    def __init__(self) -> None:
        self.verbs: dict[tuple[str, str, str, str], str] = {}
        self.verb_lemmas: set[str] = set()
        self.nouns: dict[tuple[str, str], str] = {}
        self.noun_lemmas: set[str] = set()
        self.modality: list[ModalityCue] = []

    def load(self) -> Lexicon:
        codes = cameo_table()
        for r in _read("verbs.tsv"):
            if r.get("cameo") not in codes:
                continue
            for lemma in _alts(r["lemma"]):
                for prt in _alts(r.get("particle", "")):
                    for prep in _alts(r.get("prep", "")):
                        for obj in _alts(r.get("object", "")):
                            self.verbs.setdefault((lemma, prt, prep, obj), r["cameo"])
                self.verb_lemmas.add(lemma)
        for r in _read("nouns.tsv"):
            if r.get("cameo") not in codes:
                continue
            for noun in _alts(r["noun"]):
                for prep in _alts(r.get("prep", "")):
                    self.nouns.setdefault((noun, prep), r["cameo"])
                self.noun_lemmas.add(noun)
        for r in _read("modality.tsv"):
            self.modality.append(ModalityCue(r["cue"].lower(), r.get("kind", ""), r.get("modality", ""),
                                             r.get("scope", "")))
        return self

    def verb(self, lemma: str, particle: str, preps: list[str], objects: list[str]) -> LexiconHit | None:
        """The most specific verb row for a verb with its particle, prepositions and object nouns."""
        preps = [p for p in preps if p] + [""]
        objects = [o for o in objects if o] + [""]
        prts = [particle, ""] if particle else [""]
        best: LexiconHit | None = None
        for prt in prts:
            for prep in preps:
                for obj in objects:
                    code = self.verbs.get((lemma, prt, prep, obj))
                    if code is None:
                        continue
                    spec = (prt != "") * 2 + (obj != "") * 2 + (prep != "")
                    if best is None or spec > best.specificity:
                        pattern = " ".join(x for x in (lemma, prt, prep and f"[{prep}]", obj and f"<{obj}>") if x)
                        best = LexiconHit(code, pattern, spec)
        return best

    def noun(self, lemma: str, preps: list[str]) -> LexiconHit | None:
        """The row for an event noun with the preposition that links it to its target."""
        for prep in [p for p in preps if p] + [""]:
            code = self.nouns.get((lemma, prep))
            if code is not None:
                return LexiconHit(code, f"{lemma} {prep}".strip(), 1 + (prep != ""))
        return None


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The package's event lexicon, loaded once per process (built once, then read from the cache)."""
    key = fingerprint(data=["greatgame.events"], modules=[__name__, "greatgame.events.ontology"])
    return cached("lexicon", key, lambda: Lexicon().load())
