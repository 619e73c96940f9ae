"""International bodies named by less than their name. Members named by their office: "Foreign
Ministers of the Association of South-east Asian Nations (ASEAN)" speak for ASEAN, not for one state,
and so does "the ministers" that takes them up later in the story. And a body the story names, named
again by the last word of one of its names ("the 17-man Commission" of the European Commission, "the
12-nation Community") or by its acronym inside a longer name the model took ("the E.C. Charges")."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from .resolved import ResolvedMention, actor_code, sector_only, uncoded_group

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from ..nlp import Parsed
    from .dictionary import ActorDictionary

__all__ = ["igo_members", "igo_words"]

_IGO_KINDS = ("igo", "ngo")


def _body_of(found: list[ResolvedMention], rm: ResolvedMention, sdoc: Doc) -> str | None:
    """The international body an of-phrase on the mention's head names: "Ministers of the ASEAN"."""
    head = sdoc[rm.head]
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        inside = {t.i for p in prep.children if p.dep_ == "pobj" for t in p.subtree}
        for other in found:
            o = other.mention
            if other.sentence == rm.sentence and other.head in inside and o.kind in ("igo", "ngo") \
                    and o.code and o.country is None:
                return o.code
    return None


def _bare(rm: ResolvedMention, sdoc: Doc) -> bool:
    """ "the ministers": a determiner and a plural head, nothing else."""
    toks = [t for t in sdoc[rm.start:rm.end] if not t.is_space]
    return len(toks) == 2 and toks[0].lower_ == "the" and toks[1].tag_ == "NNS"


def igo_members(found: list[ResolvedMention], parsed: Parsed) -> None:
    """Sector-only mentions whose phrase makes them an international body's ("Foreign Ministers of
    ASEAN") take its code with their sector; a later bare "the ministers" takes the same while the last
    mention with that head word was such a body's."""
    last: dict[str, str | None] = {}  # head word -> the body of the last mention with it, if any
    for k, rm in enumerate(found):
        sdoc = parsed.sentences[rm.sentence].doc
        word = sdoc[rm.head].lower_
        if not sector_only(rm):
            m = rm.mention
            last[word] = m.code if m.kind in _IGO_KINDS and m.code and m.country is None else None
            continue
        body = _body_of(found, rm, sdoc)
        if body is None and _bare(rm, sdoc):
            body = last.get(word)
        last[word] = body
        if body is not None:
            m = rm.mention
            found[k] = replace(rm, mention=replace(m, code=actor_code(None, m.sector, body)))


@cache
def _last_words(dictionary: ActorDictionary) -> dict[str, frozenset[str]]:
    """A capitalised last word of a multi-word name of an international body -> the bodies' codes (built
    once for the loaded dictionary)."""
    out: dict[str, set[str]] = {}
    for form, entries in dictionary.forms.items():
        words = form.split()
        if len(words) < 2 or not words[-1][:1].isupper():
            continue
        for e in entries:
            if e.kind in _IGO_KINDS and e.code:
                out.setdefault(words[-1], set()).add(e.code)
    return {w: frozenset(codes) for w, codes in out.items()}


def igo_words(found: list[ResolvedMention], parsed: Parsed, dictionary: ActorDictionary, linked: set[int]) -> None:
    """Organisations the model found and nothing coded, named by the last word of a name ("the
    Commission") or holding an acronym ("the E.C. Charges") of one international body the document
    names: that body, linked to its last mention before."""
    named: dict[str, ResolvedMention] = {}
    for k, rm in enumerate(found):
        m = rm.mention
        if m.kind in _IGO_KINDS and m.code and m.country is None:
            named[m.code] = rm
            continue
        if not uncoded_group(rm) or k in linked:
            continue
        sdoc = parsed.sentences[rm.sentence].doc
        words = [t.text for t in sdoc[rm.start:rm.end] if not t.is_space and t.is_alpha or "." in t.text]
        codes: set[str] = set()
        # one name word, after a determiner or a count ("the 17-man Commission"), not a longer name of
        # another body ("the Organization of Economic Cooperation and Development")
        names = [w for w in words if w[:1].isupper() and w.lower() != "the"]
        if len(names) == 1 and names[0] == words[-1]:
            codes |= _last_words(dictionary).get(words[-1], frozenset())
        for w in words:
            if "." in w and w.replace(".", "").isupper():
                codes |= {e.code for form in (w, w.replace(".", "")) for e in dictionary.lookup(form)
                          if e.kind in _IGO_KINDS and e.code}
        codes &= set(named)
        if len(codes) == 1:
            code = codes.pop()
            body = named[code].mention
            found[k] = replace(rm, mention=replace(m, kind=body.kind, code=code, name=body.name,
                                                   linked_to=(body.start, body.end)))
