"""People and the titles beside their names: a title in apposition gives a named person their office, or,
naming another state than the leader tables do, their country."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .resolved import ResolvedMention, actor_code

if TYPE_CHECKING:
    from spacy.tokens import Token

    from ..nlp import Parsed

__all__ = ["titled_elsewhere", "titled_people"]


def _in_apposition(a: Token, b: Token) -> bool:
    """Whether one of two heads is in apposition to the other ("Makoto Kuroda, vice minister ...")."""
    return b.dep_ == "appos" and b.head.i == a.i or a.dep_ == "appos" and a.head.i == b.i


def titled_people(found: list[ResolvedMention], parsed: Parsed) -> None:
    """ "Makoto Kuroda, vice minister of Japan's MITI", "The delegation's leader, Vincent Siew": a person
    named with no office takes the sector of the title in apposition to the name."""
    for k, rm in enumerate(found):
        m = rm.mention
        if m.kind != "person" or m.sector is not None or m.country is None or rm.source == "pair":
            continue
        sdoc = parsed.sentences[rm.sentence].doc
        for other in found:
            t = other.mention
            if other.sentence != rm.sentence or other is rm or t.kind != "person" or t.sector is None \
                    or t.country not in (None, m.country) or (t.code or "").startswith(("IGO", "NGO")):
                continue
            if _in_apposition(sdoc[rm.head], sdoc[other.head]):
                found[k] = replace(rm, mention=replace(m, sector=t.sector, code=actor_code(m.country, t.sector)))
                break


def titled_elsewhere(found: list[ResolvedMention], parsed: Parsed) -> None:
    """ "the Deputy U.S. Trade Representative, Michael Smith": a name of the leader tables whose title in
    apposition, or just before it, names another state is another person of that name, the title's."""
    for k, rm in enumerate(found):
        m = rm.mention
        if m.kind != "person" or m.country is None or rm.source != "dictionary" or m.country_from:
            continue
        sdoc = parsed.sentences[rm.sentence].doc
        for other in found:
            t = other.mention
            if other.sentence != rm.sentence or other is rm or t.kind != "person" or t.sector is None \
                    or t.country in (None, m.country) or other.source != "dictionary" \
                    or any(tok.ent_type_ == "PERSON" for tok in sdoc[other.start:other.end]):
                continue  # (a title that names its holder is another person)
            a, b = sdoc[rm.head], sdoc[other.head]
            # (the parse may join the name to the title it follows as a conjunct: "the X, Michael Smith, and")
            after = a.dep_ == "conj" and a.head.i == b.i and rm.start == other.end + 1 and sdoc[other.end].text == ","
            # (or the title runs into the name, "Deputy U.S. Trade Representative Michael Smith", which the parse
            # may hang on the name or beside it)
            before = rm.start == other.end and b.head.i in (a.i, a.head.i)
            if _in_apposition(a, b) or after or before:
                found[k] = replace(rm, mention=replace(m, country=t.country, sector=t.sector,
                                                       code=actor_code(t.country, t.sector), country_from="context"))
                break
