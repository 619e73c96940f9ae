"""Event nouns whose parties lie further from the noun than the nominal pattern of extract.py looks.

Whole-article gold showed acts named by a noun whose two actors are both recognised but never paired:

- a target a compound or more down the object of the noun's preposition: "an Iranian missile attack on the
  American-flagged Kuwaiti tanker Sea Isle City" (a state is a party to what is done to the ships under its
  flag), "sanctions against Japanese semiconductor products";
- an owner named through a counting noun: "demands by a group of Brazilian governors";
- an act answered: "Iran would avenge Monday's U.S. raids", "the U.S. response to Friday's Iran attack",
  "Tehran threatened vengeance after the U.S. raids": whoever answers an act was its target.

Each pair goes to the classifier as a "nominal" candidate (the act noun is the trigger); it may well say
no event passes between the two.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..actors.recognize import ResolvedMention
from .extract import SCENE_PREPS, Candidate, Frame, _find_mentions, _subjects, mentions_by_token, uncovered
from .holders import _counted, _modifiers
from .phrase import MOD_DEPS, actors
from .tokens import sentence_tokens

__all__ = ["nominal_candidates"]

# Prepositions by which an act names whom it is aimed at.
AIMED = ("on", "against", "to", "at", "into", "with", "of")
# Words of answering an act: whoever answers it was its target ("avenge the raids", "a response to the
# attack", "threatened vengeance after the raids").
RESPONDING = {"avenge", "retaliate", "respond", "react", "reply", "answer", "response", "retaliation", "reprisal",
              "revenge", "vengeance", "reaction", "counterattack", "riposte"}
_ANSWER_PREPS = ("to", "for", "after", "against")


def _owners(noun: Token, by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """Who does the act a noun names: its possessor or nationality word ("Iran's", "the Iranian attack", "the
    U.S. raids"), the actors of its "by" phrase, counted ("demands by a group of Brazilian governors")."""
    out = [by_token[c.i] for c in noun.children if c.dep_ in MOD_DEPS and c.i in by_token]
    for g in (g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children
              if g.dep_ == "pobj"):
        out += _find_mentions(g, by_token) or _counted(g, by_token)
    return [m for m in actors(out) if not m.is_location]


def _aimed(noun: Token, by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """Whom the act is aimed at, by a preposition whose object names no actor itself but carries one among its
    modifiers, however many compounds down: "an attack on the Kuwaiti tanker Sea Isle City"."""
    out: list[ResolvedMention] = []
    for c in noun.children:
        if c.dep_ != "prep" or c.lower_ not in AIMED:
            continue
        for g in (g for g in c.children if g.dep_ == "pobj"):
            deep = [m for m in _modifiers(g, by_token) if not (m.start <= g.i < m.end)]
            if g.i not in by_token and deep:
                out += deep
    return [m for m in actors(out) if not m.is_location]


def _answerers(noun: Token, by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """Who answers the act a noun names: the subject of "avenge the raids", the owner of "the response to the
    attack", the subject of a verb of answering or threatening vengeance "after the raids"."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() in RESPONDING:
        return _subjects(head, by_token)[0]
    if noun.dep_ != "pobj" or head.lower_ not in _ANSWER_PREPS or head.head.i == head.i:
        return []
    word = head.head
    if word.pos_ == "NOUN" and word.lemma_.lower() in RESPONDING:
        return [by_token[c.i] for c in word.children if c.dep_ in MOD_DEPS and c.i in by_token] or (
            _subjects(word.head, by_token)[0] if word.head.pos_ in ("VERB", "AUX") else [])
    if word.pos_ in ("VERB", "AUX") and (word.lemma_.lower() in RESPONDING or any(
            c.dep_ == "dobj" and c.lemma_.lower() in RESPONDING for c in word.children)):
        return _subjects(word, by_token)[0]
    return []


def nominal_candidates(sdoc: Doc, sentence: int, mentions: list[ResolvedMention], existing: list[Candidate],
                       event_noun: Callable[[str], bool]) -> list[Candidate]:
    """The owner of an act noun towards a target found deeper, or towards whoever answers the act."""
    by_token = mentions_by_token(mentions)
    out: list[Candidate] = []
    for tok in sentence_tokens(sdoc).nouns_propn:
        if tok.i in by_token or not event_noun(tok.lemma_.lower()):
            continue
        owners = _owners(tok, by_token)
        if not owners:
            continue
        targets = _aimed(tok, by_token)
        preps = [c.lower_ for c in tok.children if c.dep_ == "prep" and c.lower_ not in SCENE_PREPS]
        frame = Frame(tok.lemma_.lower(), preps=preps[:1], nominal=True)
        out += [Candidate(sentence, s, t, tok.i, frame, "nominal") for s in owners for t in targets if s is not t]
        answered = [m for m in actors(_answerers(tok, by_token)) if not m.is_location]
        out += [Candidate(sentence, s, t, tok.i, Frame(tok.lemma_.lower(), nominal=True), "nominal")
                for s in owners for t in answered if s is not t]
    return uncovered(out, existing)
