"""Offices some states do not have: the United States government has secretaries and departments, not
ministers or ministries, so "an Agriculture Ministry official" in a story of Japan and a U.S. visitor
is Japan's, whichever of the two the context first pointed to. Some offices only a few states have: "Congress"
in a story of Japan is not Japan's but, where the story names no state that has one, the United States'. The
words are data (`data/absent_offices.tsv`, `data/named_offices.tsv`, with a source for each)."""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import replace
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from .resolved import FROM_CONTEXT, actor_code

if TYPE_CHECKING:
    from .resolved import ResolvedMention

__all__ = ["absent_offices", "named_offices", "refit_offices"]


@cache
def absent_offices() -> dict[tuple[str, str], frozenset[str]]:
    """(ISO3, sector or "" for any) -> the lowercase words of offices that state does not have."""
    path = resources.files("greatgame.actors") / "data" / "absent_offices.tsv"
    out: dict[tuple[str, str], set[str]] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row.get("source"):
                raise ValueError(f"absent_offices.tsv: no source for {row.get('word')!r}")
            out.setdefault((row["country"], row["sector"] or ""), set()).add(row["word"].lower())
    return {key: frozenset(w) for key, w in out.items()}


@cache
def named_offices() -> dict[str, tuple[str, ...]]:
    """The lowercase words of offices only some states have -> those states, the likeliest first."""
    path = resources.files("greatgame.actors") / "data" / "named_offices.tsv"
    out: dict[str, tuple[str, ...]] = {}
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row.get("source"):
                raise ValueError(f"named_offices.tsv: no source for {row.get('word')!r}")
            out[row["word"].lower()] = tuple(row["countries"].split())
    return out


def _holders(words: set[str]) -> tuple[str, ...] | None:
    """The states that have an office these words name, where only some have it ("congressmen")."""
    table = named_offices()
    return next((table[w] for w in sorted(words) if w in table), None)


def _lacks(country: str, sector: str | None, words: set[str], phrase: bool) -> bool:
    """Whether a mention of these words and sector names an office the country does not have ("the
    President" of Canada's government). An office of one sector counts only bare and where the mention's
    phrase did not give the country: "TSE President" is the Tokyo Stock Exchange's."""
    table = absent_offices()
    if words & table.get((country, ""), frozenset()):
        return True
    holders = _holders(words)
    if holders is not None and country not in holders:
        return True
    bare = words - {"the", "a"}
    return not phrase and bool(bare) and bare <= table.get((country, sector or ""), frozenset())


def refit_offices(found: list[ResolvedMention], counts: Counter) -> None:
    """A mention given a country from context whose words name an office that country does not have
    ("Agriculture Minister Mutsuki Kato" given USA, "the President" given Canada) takes instead the country
    the document names most (at least twice) that may have it, else the likeliest state that has it where
    only some do ("congressmen": the United States), else none."""
    for k, rm in enumerate(found):
        m = rm.mention
        if m.country is None or m.country_from not in FROM_CONTEXT:
            continue
        words = {w.strip(".,'\u2019").lower() for w in m.text.split()}
        phrase = m.country_from == "context"
        if not _lacks(m.country, m.sector, words, phrase):
            continue
        others = [c for c, n in counts.most_common()
                  if n >= 2 and c != m.country and not _lacks(c, m.sector, words, phrase)]
        holders = _holders(words)
        country = others[0] if others else holders[0] if holders else None
        found[k] = replace(rm, mention=replace(m, country=country, code=actor_code(country, m.sector),
                                               country_from="document" if country else None))
