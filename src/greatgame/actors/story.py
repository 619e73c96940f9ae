"""Which countries a story is about: how often each is named, the one that dominates, the two it is
between, and the country of its dateline."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..geo import dateline_place, place_country

if TYPE_CHECKING:
    from ..geo import Gazetteer
    from ..nlp import Parsed
    from .coref import Links
    from .resolved import ResolvedMention

__all__ = ["DOMINANT_MIN", "DOMINANT_RATIO", "country_counts", "dateline_country", "dominant_country", "lead_country",
           "two_sides"]

# A dominant country has at least this many mentions, and this many times as many as the next country
# (a story about two countries has none).
DOMINANT_MIN = 3
DOMINANT_RATIO = 2.0


def country_counts(found: list[ResolvedMention], links: Links) -> Counter:
    """How many mentions of the document name each country by their own words."""
    return Counter(rm.country for k, rm in enumerate(found)
                   if rm.country and k not in links.antecedent and rm.source != "pair")


def dominant_country(counts: Counter) -> str | None:
    """The country most mentions name, where it has DOMINANT_MIN of them and DOMINANT_RATIO times the next."""
    if not counts:
        return None
    ranked = counts.most_common(2)
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return top if n >= DOMINANT_MIN and n >= DOMINANT_RATIO * second else None


def two_sides(counts: Counter) -> tuple[str, str] | None:
    """The two countries of a story about two ("Iran and Iraq"): each named DOMINANT_MIN times, with no
    third named half as often as the second, and neither dominant."""
    ranked = counts.most_common(3)
    if len(ranked) < 2 or ranked[1][1] < DOMINANT_MIN or dominant_country(counts):
        return None
    if len(ranked) == 3 and 2 * ranked[2][1] >= ranked[1][1]:
        return None
    return ranked[0][0], ranked[1][0]


def dateline_country(text: str, gazetteer: Gazetteer, date: str | None = None) -> str | None:
    """The country of a dateline's place ("BEIRUT, March 3 -"), where the text opens with one (under a
    byline, if any); on the date, if given ("LENINGRAD" in 1987 is the Soviet Union)."""
    found = dateline_place(text, gazetteer)
    return place_country(found[0], date) if found else None


def lead_country(found: list[ResolvedMention], parsed: Parsed) -> str | None:
    """The country of the lead's subject ("Taiwan announced plans ...", "Swiss banks are holding talks ..."):
    whose story it is, where the text has more sentences than the lead and the first subject of its main
    verb (or of what the lead reports) names one country by its own words. None for a lone sentence or a
    lead of two ("Britain and Japan clashed")."""
    if len(parsed.sentences) < 2 or parsed.sentences[0].index != 0:
        return None
    sdoc = parsed.sentences[0].doc
    for rm in found:
        if rm.sentence != 0 or rm.source == "pair" or rm.is_location or rm.mention.country_from is not None:
            continue
        head = sdoc[rm.head]
        verb = head.head
        # the main verb's, or that of what the lead reports ("The Canadian government is backing down on its
        # plans, Ontario's minister said")
        main = verb.dep_ == "ROOT" or verb.dep_ == "ccomp" and verb.head.dep_ == "ROOT"
        if head.dep_ in ("nsubj", "nsubjpass") and main and not any(c.dep_ == "conj" for c in head.children):
            return rm.country
    return None
