"""Persons' names as later text may shorten them: "Dilson Funaro" is then "Funaro", "Chung In-yong" "Chung"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .resolved import ResolvedMention

__all__ = ["HONORIFICS", "PARTICLES", "surname_keys"]

HONORIFICS = {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "lord", "lady",
              "madame", "mme", "mme.", "senator", "sen.", "rep.", "gen.", "general", "col.", "colonel",
              "maj.", "adm.", "admiral", "lt.", "prof.", "professor", "rev.", "sheikh", "president", "premier",
              "chancellor", "minister", "secretary", "governor", "judge", "ambassador", "king", "queen"}
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
# A romanised Korean or Chinese given name, after the family name: "In-yong", "Chi-cheng".
_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+")
# Lowercase particles that belong to the family name after them: "Paul de Keersmaeker" is "de Keersmaeker".
PARTICLES = {"de", "da", "di", "do", "dos", "du", "del", "della", "des", "la", "le", "van", "von", "der", "den",
             "ter", "ten", "zu", "bin", "ibn"}


def _name_words(rm: ResolvedMention) -> list[str]:
    m = rm.mention
    if m.kind != "person" or not m.name:
        return []
    words = [w for w in m.name.split() if w.lower() not in HONORIFICS]
    while words and words[-1].lower().strip(",") in _SUFFIXES:
        words.pop()
    return words


def surname_keys(rm: ResolvedMention) -> list[str]:
    """The shorter forms that may later stand for a person named in full: "Funaro", "Paz Estenssoro"."""
    words = _name_words(rm)
    if len(words) < 2:
        return []
    keys = [words[-1]]
    if _GIVEN_NAME.fullmatch(words[-1]):  # "Chung In-yong" is Mr. Chung: the family name comes first
        keys.append(words[-2])
    if len(words) >= 3:  # "Victor Paz Estenssoro" is also "Paz Estenssoro" and "Paz"
        keys += [" ".join(words[-2:]), words[-2]] if words[-2][:1].isupper() else []
        # "Paul de Keersmaeker" is "de Keersmaeker" ("De Keersmaeker" opening a sentence), "Hans van den
        # Broek" "van den Broek"
        lead = len(words) - 1
        while lead > 1 and words[lead - 1] in PARTICLES:
            lead -= 1
        if lead < len(words) - 1:
            tail = " ".join(words[lead:])
            keys += [tail, tail[:1].upper() + tail[1:]]
    return keys
