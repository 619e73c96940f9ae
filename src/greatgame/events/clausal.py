"""Candidate pairs of coordinated verbs and of visits that the verb patterns of extract.py do not reach,
left for the classifier.

The dev half of the articles gold had events whose two actors are both recognised but never paired, or
paired only the other way round:

- coordinated passive participles share the agent that only the last of them carries: "Iraq was attacked
  and bombed by Iran", "the Contra rebels, trained and armed by the United States, ..." (the parse hangs
  "by" on the last participle; the first has the subject or the noun it describes);
- the other side of a visit: the host receives the visitor ("will visit Britain, France and Italy", "his
  visit to Tokyo": Britain, Tokyo host; CAMEO 043, CONSULT), which the gold codes as an event of its own;
  and the visitor towards whoever receives it ("told a visiting Nicaraguan delegation");
- the host of talks and their parties, both ways ("Turkey hosted talks between Russia and Ukraine").

Each shape keeps a construction name (a shared agent is the passive's or the participle's, a host's pair
is "hosted"), so the classifier and the calibrator weigh it apart; the classifier may well say no event
passes between the two.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from ..actors.recognize import ResolvedMention
from .extract import (_PASS_SUBJ, _SUBJ, SYMMETRIC_PREPS, TALK_NOUNS, Candidate, Frame, _agents, _find_mentions,
                      mentions_by_token, uncovered, verb_frame)
from .phrase import actors, phrase_mentions
from .reach import TRIP_NOUNS
from .roles import TRAVEL_VERBS, _destination, _purposes, venue_of_talks
from .tokens import sentence_tokens

__all__ = ["clausal_candidates"]

# Verbs of a visit whose object or destination hosts the visitor ("visited Washington", "flew to Tokyo");
# other verbs of travel only with talks for purpose ("would go to Moscow for talks").
VISIT_VERBS = {"visit", "tour", "travel", "fly"}


def _coordinated(verb: Token) -> bool:
    """Whether a participle continues the coordination of the participle above it ("attacked and bombed",
    "supported, trained and armed", which the parse may hang as a clause of its own)."""
    head = verb.head
    return (head.i != verb.i and head.tag_ in ("VBN", "VBD") and verb.tag_ == "VBN"
            and (verb.dep_ == "conj" or (verb.dep_ == "advcl" and verb.i > head.i))
            and not any(c.dep_ in _SUBJ | _PASS_SUBJ or c.dep_ in ("aux", "auxpass", "mark") for c in verb.children))


def _participle_chain(top: Token) -> list[Token]:
    """A participle and those coordinated after it, in text order."""
    out = [top]
    for c in top.children:
        if _coordinated(c):
            out += _participle_chain(c)
    return sorted(out, key=lambda t: t.i)


def _undergoers(top: Token, by_token: dict[int, ResolvedMention]) -> tuple[list[ResolvedMention], str]:
    """Who the participles befall, and the construction: the passive subject ("Iraq was attacked and bombed
    by Iran"), or the noun the participles describe ("the rebels, trained and armed by the U.S."); a past
    tense verb only where the parse misread such participles."""
    subj = [m for c in top.children if c.dep_ in _PASS_SUBJ for m in _find_mentions(c, by_token)]
    if subj:
        return subj, "passive"
    if top.dep_ == "acl":
        return phrase_mentions(top.head, by_token), "participle"
    subj = [c for c in top.children if c.dep_ in _SUBJ]
    before = next((t for t in reversed(top.doc[:top.i]) if not t.is_space), None)
    if subj and before is not None and before.lower_ == "," and before.head.i == subj[0].i and not any(
            c.dep_ in ("dobj", "aux", "auxpass") for c in top.children):
        # "the forces of Habre, supported, trained and armed by Paris, scored ...": the parse took the first
        # participle, set off by commas, for the verb of the noun before it
        return [m for s in subj for m in _find_mentions(s, by_token)], "participle"
    return [], ""


def _shared_agents(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention]) -> list[Candidate]:
    """The agent of the last of coordinated participles towards whom each of them befalls: the trigger is
    the participle nearest the agent (one candidate a pair)."""
    out: list[Candidate] = []
    for top in sentence_tokens(sdoc).verbs:
        if top.tag_ not in ("VBN", "VBD") or _coordinated(top):
            continue
        chain = _participle_chain(top)
        if len(chain) < 2:
            continue
        agents = actors([m for v in chain for m in _agents(v, by_token)])
        if not agents:
            continue
        undergoers, construction = _undergoers(top, by_token)
        undergoers = [m for m in actors(undergoers) if not m.is_location and all(m is not a for a in agents)]
        for verb in reversed(chain):
            frame = verb_frame(verb)
            out += [Candidate(sentence, a, u, verb.i, frame, construction) for a in agents for u in undergoers]
    return out


def _visit(sdoc: Doc, cand: Candidate) -> bool:
    """Whether a candidate is a visitor towards where the visit goes: a journey, a visit, or travel to the
    target ("flew to Tokyo", "would go to Moscow for talks")."""
    frame, trig = cand.frame, sdoc[cand.trigger]
    if cand.construction == "journey":
        return True
    if frame.nominal:
        return frame.lemma in TRIP_NOUNS
    if frame.lemma not in TRAVEL_VERBS or not _destination(trig, sdoc[cand.target.head]):
        return False
    return frame.lemma in VISIT_VERBS or any(n.lemma_.lower() in TALK_NOUNS | TRIP_NOUNS for n in _purposes(trig))


def _hosted(sdoc: Doc, existing: list[Candidate], by_token: dict[int, ResolvedMention]) -> list[Candidate]:
    """The host towards the visitor, for each visit found: "Reagan visited Canada" is Canada hosting Reagan
    too (not where the place only holds talks with a third party: "flew to Paris for talks with banks")."""
    return [replace(c, source=c.target, target=c.source, frame=Frame("host", objects=["visit"]),
                    construction="hosted")
            for c in existing if _visit(sdoc, c) and c.source.source != "pair" and c.target.source != "pair"
            and not venue_of_talks(sdoc, c.target, c.trigger, by_token)]


def _visitor(sdoc: Doc, cand: Candidate) -> bool:
    """Whether the candidate's target is a visitor its source receives: "told a visiting Nicaraguan
    delegation", "met visiting U.S. officials" (the verb's object, said to be visiting)."""
    head = sdoc[cand.target.head]
    if cand.frame.nominal or not any(c.dep_ == "amod" and c.lower_ == "visiting" for c in head.children):
        return False
    return head.head.i == cand.trigger or (head.dep_ == "pobj" and head.head.head.i == cand.trigger)


def _visitors(sdoc: Doc, existing: list[Candidate]) -> list[Candidate]:
    """The visitor towards whom it visits: "Rafsanjani told a visiting Nicaraguan delegation" is the
    delegation visiting Rafsanjani too."""
    return [replace(c, source=c.target, target=c.source, frame=Frame("visit"), construction="hosted")
            for c in existing if _visitor(sdoc, c)]


# Nouns of the talks a host holds for others: "hosted talks between Russia and Ukraine".
HOSTED_TALKS = {"talk", "negotiation", "meeting", "summit", "conference", "round"}
_AMONG = SYMMETRIC_PREPS | {"of"}


def _talks_hosts(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention]) -> list[Candidate]:
    """A host of talks and their parties, both ways: "Turkey hosted talks between Russia and Ukraine" (the
    parse may take "hosted" for an adjective of "talks", with Turkey the noun's subject)."""
    out: list[Candidate] = []
    for tok in sentence_tokens(sdoc).verbs:
        if tok.lemma_.lower() != "host":
            continue
        if tok.dep_ == "amod" and tok.head.lemma_.lower() in HOSTED_TALKS:
            talks = [tok.head]
            hosts = [c for t in (tok, tok.head) for c in t.children if c.dep_ in _SUBJ and c.i < tok.i]
        else:
            talks = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in HOSTED_TALKS]
            hosts = [c for c in tok.children if c.dep_ in _SUBJ]
        hosts_m = actors([m for h in hosts for m in _find_mentions(h, by_token)])
        parties = actors([m for t in talks for p in t.children if p.dep_ == "prep" and p.lower_ in _AMONG
                          for o in p.children if o.dep_ == "pobj" for m in _find_mentions(o, by_token)])
        frame = Frame("host", preps=["between"], objects=["talk"])
        for h in hosts_m:
            for m in parties:
                if m is not h and not m.is_location:
                    out += [Candidate(sentence, h, m, tok.i, frame, "hosted"),
                            Candidate(sentence, m, h, tok.i, frame, "hosted")]
    return out


def clausal_candidates(sdoc: Doc, sentence: int, mentions: list[ResolvedMention],
                       existing: list[Candidate]) -> list[Candidate]:
    """Pairs of coordinated participles, hosts of visits and hosts of talks that no earlier candidate covers
    (in the same direction)."""
    by_token = mentions_by_token(mentions)
    found = _shared_agents(sdoc, sentence, by_token)
    found += _hosted(sdoc, existing + found, by_token) + _visitors(sdoc, existing)
    found += _talks_hosts(sdoc, sentence, by_token)
    return uncovered(found, existing)
