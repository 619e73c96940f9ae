"""A body its own phrase calls "domestic" ("leading domestic semiconductor makers") is of the story's own
country, where one clearly dominates the document; the rounds give bodies outside the state's sectors no
country from the document, since "banks" or "makers" in a story about Japan are often other states'."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .resolved import ResolvedMention, actor_code
from .story import dominant_country

if TYPE_CHECKING:
    from collections import Counter

    from ..nlp import Parsed

__all__ = ["domestic_bodies"]


def domestic_bodies(found: list[ResolvedMention], parsed: Parsed, counts: Counter, linked: set[int]) -> None:
    """Give a body of no country that "domestic" modifies the document's dominant country."""
    home = dominant_country(counts)
    if home is None:
        return
    for k, rm in enumerate(found):
        m = rm.mention
        if m.kind != "agent" or m.country is not None or m.sector is None or k in linked or rm.is_location:
            continue
        sdoc = parsed.sentences[rm.sentence].doc
        head = sdoc[rm.head]
        words = [*sdoc[rm.start:rm.end], *(c for c in head.lefts if c.dep_ in ("amod", "compound"))]
        if any(t.lower_ == "domestic" for t in words):
            found[k] = replace(rm, mention=replace(m, country=home, code=actor_code(home, m.sector),
                                                   country_from="document"))
