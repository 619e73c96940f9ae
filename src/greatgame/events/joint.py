"""Candidate pairs whose subject the verb patterns of extract.py do not reach, left for the classifier.

The dev half of the articles gold had events whose two actors are both recognised but never paired:

- a subject raised from a passive or an adjective above the verb: "Reagan and Mulroney are scheduled to
  meet in Ottawa", "the ministers are due to start talks with officials of the U.S. and Japan", "Iran is
  ready to negotiate with Iraq" (the verb has no subject of its own; the one above is who acts);
- coordinated subjects of a meeting that names no other side, whatever else it names: "Mulroney and Tambo
  would discuss Canadian sanctions against South Africa" meet each other (not "X and Y held talks with Z":
  they meet Z together);
- those a meeting lists: "the meeting involved delegates from the U.K., Switzerland, the U.S. ..." is a
  meeting of every two of them (construction "listed").

Each shape has a construction name of its own, so the classifier and the calibrator weigh it apart; the
classifier, trained on the real negatives of such pairs, may well say no event passes between the two.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..actors.recognize import ResolvedMention
from .listed import prep_list
from .extract import (_PASS_SUBJ, _SUBJ, Candidate, _find_mentions, _reciprocal, _subjects, _targets,
                      mentions_by_token, uncovered, verb_frame)
from .tokens import sentence_tokens

__all__ = ["joint_candidates"]

# Verbs whose coordinated subjects meet each other, whoever else the verb names.
MEETING_VERBS = {"meet", "discuss", "negotiate", "talk", "confer", "consult"}


def _raised(verb: Token) -> list[Token]:
    """The subject phrases a subjectless infinitive takes from the passive or adjective it hangs on: "X is
    scheduled to meet", "X was asked to meet" (the passive's subject); "X is ready to talk" (the subject of
    the verb the adjective completes)."""
    infinitive = verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    if (verb.dep_ != "xcomp" and not infinitive) or any(c.dep_ in _SUBJ | _PASS_SUBJ for c in verb.children):
        return []
    head = verb.head
    passive = [c for c in head.children if c.dep_ in _PASS_SUBJ]
    if passive:  # "were invited by Tanzania to meet" parses the infinitive as a clause of purpose
        return passive
    if verb.dep_ == "xcomp" and head.dep_ == "acomp" and head.pos_ == "ADJ" and head.head.i != head.i:
        return [c for c in head.head.children if c.dep_ in _SUBJ]
    return []


def _sides(phrases: list[Token], by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """The actors (no places, no dyad phrases) the subject phrases name."""
    out: list[ResolvedMention] = []
    for p in phrases:
        out += [m for m in _find_mentions(p, by_token) if not m.is_location and m.source != "pair"
                and all(m is not o for o in out)]
    return out


def _raised_candidates(verb: Token, sentence: int, by_token: dict[int, ResolvedMention],
                       event_noun: Callable[[str], bool]) -> list[Candidate]:
    """The raised subject towards the verb's targets; coordinated raised subjects of a reciprocal verb
    towards each other."""
    sources = _sides(_raised(verb), by_token)
    if not sources:
        return []
    frame = verb_frame(verb)
    targets = [m for m, loc in _targets(verb, by_token, False, event_noun)
               if loc is not True and not m.is_location and all(m is not s for s in sources)]
    if not targets and len(sources) >= 2 and _reciprocal(frame):
        return [Candidate(sentence, a, b, verb.i, frame, "raised") for a in sources for b in sources if a is not b]
    return [Candidate(sentence, s, t, verb.i, frame, "raised") for s in sources for t in targets]


# Nouns of talks a verb holds: "held talks", "began negotiations".
HELD_TALKS = {"talk", "negotiation", "meeting", "consultation", "discussion"}


def _meeting(verb: Token) -> bool:
    """Whether the verb is a meeting: "discuss", "meet", or one whose object is talks ("held talks")."""
    return verb.lemma_.lower() in MEETING_VERBS or any(
        c.dep_ == "dobj" and c.lemma_.lower() in HELD_TALKS for c in verb.children)


def _other_party(verb: Token, by_token: dict[int, ResolvedMention]) -> bool:
    """Whether the meeting names whom its subjects meet: "met Tanzanian officials", "held talks with Sudan"
    (then they meet that party together, not each other)."""
    heads = [verb] + [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in HELD_TALKS]
    if verb.lemma_.lower() != "discuss" and any(c.dep_ == "dobj" and _find_mentions(c, by_token)
                                                 for c in verb.children):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "with" and _find_mentions(g, by_token)
               for h in heads for c in h.children for g in c.children if g.dep_ == "pobj")


# Verbs by which a meeting names who took part: "the meeting involved delegates from A, B and C".
GATHERING = {"involve", "include", "bring", "gather", "draw", "attract", "group"}
MEETING_NOUNS = HELD_TALKS | {"conference", "summit", "session", "gathering", "round"}


def _gathered(verb: Token, by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """Who a meeting's verb says took part: its object's actors, or the list the parse hung on the verb
    ("involved delegates | from the U.K., Switzerland, ...")."""
    if verb.lemma_.lower() not in GATHERING or not any(
            c.dep_ in _SUBJ and c.lemma_.lower() in MEETING_NOUNS for c in verb.children):
        return []
    for c in verb.children:
        if c.dep_ == "dobj" and len(sides := _sides([c], by_token)) >= 2:
            return sides
    return prep_list(verb, {"from"}, by_token)


def joint_candidates(sdoc: Doc, sentence: int, mentions: list[ResolvedMention], existing: list[Candidate],
                     event_noun: Callable[[str], bool]) -> list[Candidate]:
    """Pairs of raised subjects and of coordinated subjects of a meeting that no earlier candidate covers."""
    by_token = mentions_by_token(mentions)
    out: list[Candidate] = []
    for tok in sentence_tokens(sdoc).verbs:
        out += _raised_candidates(tok, sentence, by_token, event_noun)
        if len(met := _gathered(tok, by_token)) >= 2:
            out += [Candidate(sentence, a, b, tok.i, verb_frame(tok), "listed") for a in met for b in met
                    if a is not b]
            continue
        if not _meeting(tok) or _other_party(tok, by_token):
            continue
        subjects = _sides([c for c in tok.children if c.dep_ in _SUBJ] or _raised(tok), by_token)
        if len(subjects) < 2 and not any(c.dep_ in _SUBJ for c in tok.children):
            subjects = [m for m in _subjects(tok, by_token)[0] if not m.is_location and m.source != "pair"]
        if len(subjects) >= 2:
            frame = verb_frame(tok)
            out += [Candidate(sentence, a, b, tok.i, frame, "joint") for a in subjects for b in subjects
                    if a is not b]
    # a dyad phrase's members are made anew for each finder ("the two sides will meet"): compare spans and codes
    done = {_key(c) for c in existing}
    return [c for c in uncovered(out, existing) if _key(c) not in done]


def _key(c: Candidate) -> tuple:
    s, t = c.source, c.target
    return s.start, s.end, s.mention.code, t.start, t.end, t.mention.code
