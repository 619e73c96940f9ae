"""The actors a noun phrase stands for, shared by the candidate finders of reach.py and speech.py."""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.recognize import ResolvedMention
from .extract import _find_mentions

__all__ = ["MOD_DEPS", "PROXY_NOUNS", "RELATIVE", "actors", "phrase_mentions"]

# Relative pronouns: they name no actor themselves.
RELATIVE = {"who", "which", "that", "whom"}
# Nouns that stand for the body they come from: "representatives from Lloyds Bank", "members of Congress".
PROXY_NOUNS = {"representative", "official", "member", "delegate", "delegation", "envoy", "executive",
               "spokesman", "spokeswoman", "negotiator", "minister", "leader", "head", "chief", "team"}
MOD_DEPS = ("compound", "amod", "nmod", "poss")


def actors(ms: list[ResolvedMention]) -> list[ResolvedMention]:
    """The mentions that name one actor ("the two sides" names a dyad and is left out)."""
    return [m for m in ms if m.source != "pair"]


def phrase_mentions(tok: Token, by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """The mentions a phrase stands for, reaching through stand-in nouns: "Rhodes and representatives
    from Lloyds Bank" stands for Rhodes and Lloyds Bank."""
    out = list(_find_mentions(tok, by_token))
    for t in [tok, *[c for c in tok.subtree if c.dep_ == "conj" and c.head.i in {x.i for x in tok.subtree}]]:
        if t.i in by_token or t.lemma_.lower() not in PROXY_NOUNS:
            continue
        for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "at")):
            for g in prep.subtree:
                m = by_token.get(g.i)
                if m is not None and g.i == m.head and all(m is not o for o in out):
                    out.append(m)
    return out
