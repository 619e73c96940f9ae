"""Classify the relation between two given spans: the event coder apart from actor finding."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ..actors.recognize import ResolvedMention
from ..blas import one_thread
from ..model import Mention, PairLabel
from .classifier import lowest_common_ancestor
from .extra import extra_candidates
from .extract import Frame, find_candidates, verb_frame
from .modality import modality_of

if TYPE_CHECKING:
    from spacy.language import Language

    from .coder import EventCoder

__all__ = ["classify_pair", "pair_frame", "token_span"]


def token_span(sdoc, start: int, end: int) -> tuple[int, int] | None:
    """The token range a character range covers (widened to whole tokens), or None."""
    span = sdoc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    return span.start, span.end


def pair_frame(sdoc: Doc, s: tuple[int, int], t: tuple[int, int]) -> tuple[int, Frame, str]:
    """The trigger token, lexicon frame and construction linking two token spans of a parsed sentence."""

    def rm(span: tuple[int, int]) -> ResolvedMention:
        m = Mention("pair", 0, 0, "", None, None, None, None, "agent")
        return ResolvedMention(m, 0, span[0], span[1], sdoc[span[0]:span[1]].root.i)

    src, tgt = rm(s), rm(t)
    cands = [c for c in find_candidates(sdoc, 0, [src, tgt]) if c.source is src and c.target is tgt]
    if not cands:  # coordinated subjects, a speaker and what was said: as the coder links them
        cands = [c for c in extra_candidates(sdoc, 0, [src, tgt], [], lambda _: False)
                 if c.source is src and c.target is tgt]
    if cands:
        return cands[0].trigger, cands[0].frame, cands[0].construction
    trig = lowest_common_ancestor(sdoc[s[0]:s[1]].root, sdoc[t[0]:t[1]].root)
    while trig.pos_ not in ("VERB", "AUX", "NOUN") and trig.head.i != trig.i:
        trig = trig.head
    frame = verb_frame(trig) if trig.pos_ != "NOUN" else Frame(trig.lemma_.lower(), nominal=True)
    return trig.i, frame, "pair"


def classify_pair(nlp: Language, events: EventCoder, text: str, source: tuple[int, int],
                  target: tuple[int, int]) -> PairLabel:
    """The CAMEO code, PLOVER category and quad of what source does to target in `text`."""
    with one_thread():  # see blas.py
        sdoc = nlp(text)
    s = token_span(sdoc, *source)
    t = token_span(sdoc, *target)
    if s is None or t is None or s == t:
        return PairLabel(None, None, None, 0.0)
    trigger, frame, construction = pair_frame(sdoc, s, t)
    dec = events.decide(sdoc, s, t, trigger, frame, construction, require_event=False)
    if dec is None:
        return PairLabel(None, None, None, 0.0)
    code = events.codes[dec.cameo]
    mod = modality_of(sdoc[trigger], events.cues)
    return PairLabel(dec.cameo, code.plover, code.quad, dec.confidence, dec.method, mod.modality)
