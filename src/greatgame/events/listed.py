"""People named by a list of the states they come from: "the finance ministers of Japan and France",
"delegates from Britain, Japan and France".

Such a phrase stands for each listed state, not for one of them: the coder pairs every one of them with
the verb's other side ("the ministers of Japan and France criticised Iran" is two accusations) and,
when they meet, with each other (a listed meeting is every pair both ways, as the annotation conventions
say). The actor layer gives the head noun at most one country (the first listed, or the story's own for
a bare "delegates"), which is why the list is read here.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..actors.recognize import ResolvedMention

__all__ = ["list_members", "listed_members", "prep_list"]

_PLURAL = {"NNS", "NNPS"}
_FROM = {"of", "from"}


def _items(tok: Token) -> list[Token]:
    """The token and the items of the list it heads: conjuncts, and appositions the parser makes of commas."""
    out = [tok]
    for c in tok.children:
        if c.dep_ in ("conj", "appos"):
            out.extend(_items(c))
    return out


def list_members(head: Token, by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """The actors of the list a token heads ("Britain, Japan and France"), when they are of two countries or
    more; else none."""
    found: list[ResolvedMention] = []
    for item in _items(head):
        m = by_token.get(item.i)
        if m is not None and not m.is_location and all(m is not o for o in found):
            found.append(m)
    return found if len({m.country for m in found if m.country}) >= 2 else []


def prep_list(tok: Token, preps: set[str], by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """The actors of the first list of two countries or more after one of the token's prepositions."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ in preps:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and (found := list_members(pobj, by_token)):
                    return found
    return []


def listed_members(tok: Token, by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """The mentions of the states a plural noun lists with "of" or "from" ("delegates from Britain, Japan
    and France"), when they are of two countries or more; else none."""
    return prep_list(tok, _FROM, by_token) if tok.tag_ in _PLURAL else []
