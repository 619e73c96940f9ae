"""Acronyms a document defines for itself: "Ceylon Petroleum Corp (CPC)" makes every "CPC" of that story
the Sri Lankan company, not the body the dictionary knows by those letters (the Communist Party of
China). The redefined mentions take the country and sector the expansion's own words give, or no code."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .resolved import ResolvedMention, actor_code
from .spans import acronym_of

if TYPE_CHECKING:
    from ..nlp import Parsed
    from .dictionary import ActorDictionary

__all__ = ["redefined_acronyms"]

_DEFINED = re.compile(r"\(([A-Z]{2,6})\)")
# Abbreviated heads of organisations' names, as the agents table spells them.
_ABBREVIATIONS = {"corp": "corporation", "co": "company", "cos": "companies", "inc": "company", "ltd": "company",
                  "assn": "association", "dept": "department"}
# Words a run of names spelling an acronym may hold uncapitalised: "Bank of Japan".
_SMALL = {"of", "and", "for", "the", "&"}


def _expansion(text: str, at: int, acronym: str) -> tuple[int, str] | None:
    """The words right before a bracketed acronym whose capitals spell it, and where they start."""
    words = list(re.finditer(r"\S+", text[max(0, at - 120):at]))
    base = max(0, at - 120)
    for n in range(2, min(len(words), len(acronym) + 4) + 1):
        run = words[-n:]
        if run[0].group()[:1].isupper() and run[0].group().lower() not in _SMALL \
                and acronym_of(" ".join(w.group() for w in run)) == acronym:
            return base + run[0].start(), " ".join(w.group() for w in run)
    return None


def _code_of(found: list[ResolvedMention], start: int, end: int, name: str,
             dictionary: ActorDictionary) -> tuple[str | None, str | None]:
    """The country a state named among the expansion's words gives, and the sector of its head word."""
    countries = {o.country for o in found if start <= o.mention.start and o.mention.end <= end and o.country
                 and o.mention.kind == "state"}
    head = name.split()[-1].replace(".", "").rstrip(",").lower()
    sectors = {e.sector for e in dictionary.lookup(_ABBREVIATIONS.get(head, head)) if e.type == "agent" and e.sector}
    return (countries.pop() if len(countries) == 1 else None), (sectors.pop() if len(sectors) == 1 else None)


def redefined_acronyms(found: list[ResolvedMention], parsed: Parsed, dictionary: ActorDictionary) -> None:
    """Mentions of an acronym the document spells out as another name than the dictionary's body take
    the code of that name's own words."""
    text = parsed.doc.text
    for match in _DEFINED.finditer(text):
        acronym = match.group(1)
        known = {e.code for e in dictionary.lookup(acronym) if e.code}
        spelled = _expansion(text, match.start(), acronym)
        if not known or spelled is None:
            continue
        start, name = spelled
        # the dictionary's own body, spelled out (or spelled another way: "Organisation of Petroleum ...")
        own = {w.lower() for e in dictionary.lookup(acronym) for w in (e.name or "").split() if len(w) > 3}
        if any(e.code in known for e in dictionary.lookup(name)) or own & {w.lower() for w in name.split()} or any(
                o.mention.code in known and o.mention.start < match.start() and o.mention.end > start for o in found):
            continue
        country, sector = _code_of(found, start, match.start(), name, dictionary)
        for k, rm in enumerate(found):
            m = rm.mention
            if rm.source == "pair" or not any(m.code and m.code.startswith(c) for c in known) \
                    or acronym not in m.text.replace(".", "").split():
                continue
            found[k] = replace(rm, mention=replace(m, country=country, code=actor_code(country, sector),
                                                   sector=sector, name=name, kind="group"))
