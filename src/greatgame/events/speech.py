"""Candidate pairs in what was said, left for the classifier (see reach.py): the speaker towards whom the
saying is about, the one who announces or threatens towards the party of a condition, and whoever judges
a stance set beside a clause."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..actors.recognize import ResolvedMention
from .control import SAYING
from .extract import _PASS_SUBJ, _SUBJ, Candidate, _agents, _find_mentions, _subjects, verb_frame
from .phrase import RELATIVE, actors, phrase_mentions
from .tokens import sentence_tokens

__all__ = ["SPEAKING", "speakers", "speech_candidates"]

# Verbs of speech whose clause may accuse, praise or threaten someone.
SPEAKING = SAYING | {"claim", "charge", "allege", "note", "contend", "complain", "accuse", "announce",
                     "report", "believe", "maintain", "assert", "predict", "indicate", "suggest", "know",
                     "admit", "acknowledge", "concede", "confirm", "deny", "disclose", "reveal"}


def speakers(verb: Token, by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """Who speaks: the verb's subject up its chain ("adding that …"), or the one quoted ("Aziz was quoted
    as saying …")."""
    if verb.dep_ == "relcl" and any(c.dep_ in _SUBJ and c.lower_ in RELATIVE for c in verb.children):
        return phrase_mentions(verb.head, by_token)  # "De Croo, who said …"
    found = _subjects(verb, by_token)[0]
    if found:
        return found
    if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.lower_ == "as":
        quoted = verb.head.head
        return [m for c in quoted.children if c.dep_ in _PASS_SUBJ for m in _find_mentions(c, by_token)]
    return []


def _subject_parties(subj: Token, by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """The actors a reported clause's subject names: itself, or whose acts it names ("the pressures for
    Congress to act", "bills being considered by Congress", "the sale of arms by France")."""
    found = phrase_mentions(subj, by_token)
    if found:
        return found
    for c in subj.children:
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "by", "from"):
            found += [m for g in c.children if g.dep_ == "pobj" for m in _find_mentions(g, by_token)]
        elif c.dep_ == "acl":
            found += _agents(c, by_token)
    return found


def _clause_parties(clause: Token, by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """Who a reported clause is about: its subject, or the agent of a passive ("the platform had been
    used by Iran"), in it and in clauses coordinated with it."""
    out: list[ResolvedMention] = []
    for c in [clause, *[g for g in clause.children if g.dep_ == "conj" and g.pos_ in ("VERB", "AUX")]]:
        out += [m for s in c.children if s.dep_ in _SUBJ | _PASS_SUBJ for m in _subject_parties(s, by_token)]
        out += _agents(c, by_token)
    return out


def _judged(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention]) -> list[Candidate]:
    """Whoever judges a stance set beside a clause, towards the clause's subject: "Washington said it
    would not agree, a position described by Nicaragua's governor as undemocratic", "the U.S. has
    proposed lowering the veto, a move opposed by Latin countries"."""
    out: list[Candidate] = []
    for verb in sentence_tokens(sdoc).verbs:
        if verb.dep_ != "acl" or verb.head.i in by_token:
            continue
        noun = verb.head
        judges = actors(_agents(verb, by_token))
        if not judges or noun.dep_ not in ("appos", "npadvmod", "dep"):
            continue
        clause = noun.head
        while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
            clause = clause.head  # "lowering the veto to 35 pct, a move …": the clause the move restates
        judged = actors(_subjects(clause, by_token)[0])
        frame = verb_frame(verb)
        out += [Candidate(sentence, s, t, verb.i, frame, "judged") for s in judges for t in judged
                if s is not t and not t.is_location]
    return out


def _speech(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention]) -> list[Candidate]:
    """The speaker towards whom what was said is about; and the one who speaks or threatens towards the
    party of a condition ("said if Congress passed the bill, the community would retaliate")."""
    out: list[Candidate] = []
    conditions: list[Candidate] = []
    for verb in sentence_tokens(sdoc).verbs_aux:
        lemma = verb.lemma_.lower()
        if lemma in SPEAKING:
            who = actors(speakers(verb, by_token))
            if who:
                frame = verb_frame(verb)
                for clause in (c for c in verb.children if c.dep_ == "ccomp"):
                    parties = actors(_clause_parties(clause, by_token))
                    out += [Candidate(sentence, s, t, verb.i, frame, "said") for s in who for t in parties
                            if s is not t and not t.is_location]
                    # anyone else named in it: "… any escalation of military action by Iran …, Weinberger said"
                    deep = [by_token[g.i] for g in clause.subtree if g.i in by_token and by_token[g.i].head == g.i
                            and all(by_token[g.i] is not p for p in parties)]
                    out += [Candidate(sentence, s, t, verb.i, frame, "said_in") for s in who
                            for t in actors(deep) if s is not t and not t.is_location]
        conditions += _conditions(verb, sentence, by_token)
    return conditions + out  # a condition says more of a pair than that one spoke of the other


def _conditions(verb: Token, sentence: int, by_token: dict[int, ResolvedMention]) -> list[Candidate]:
    """Pairs across a condition hanging on `verb`: whoever announces or threatens the act, and the
    subject of the act itself, towards the party of the "if" or "unless" clause; and whoever announces
    it towards those the act would hit ("said if the bill passed, the community would retaliate by
    imposing taxes on U.S. exports")."""
    out: list[Candidate] = []
    for cond in (c for c in verb.children if c.dep_ == "advcl"
                 and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)):
        parties = actors([m for c in cond.children if c.dep_ in _SUBJ | _PASS_SUBJ
                           for m in phrase_mentions(c, by_token)] + _agents(cond, by_token))
        trigger = verb
        for _ in range(2):  # "would have to retaliate": the act is the complement's
            xcomp = next((c for c in trigger.children if c.dep_ == "xcomp"), None)
            if xcomp is None:
                break
            trigger = xcomp
        doers = list(_subjects(verb, by_token)[0])
        announcers: list[ResolvedMention] = []
        t = verb
        for _ in range(4):  # up to who announces it: "Channon said …", "Argentina has threatened to …"
            if t.dep_ not in ("ccomp", "xcomp", "pcomp", "conj", "prep") or t.head.i == t.i:
                break
            t = t.head
            if t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in SPEAKING | {"threaten", "warn", "vow"}:
                announcers = actors(speakers(t, by_token))
                break
        outside = {g.i for g in cond.subtree} | {g.i for c in verb.children if c.dep_ in _SUBJ for g in c.subtree}
        hit = [by_token[g.i] for g in verb.subtree if g.i not in outside and g.i in by_token
               and by_token[g.i].head == g.i]
        frame = verb_frame(trigger)
        pairs = [(s, p) for s in actors(doers + announcers) for p in parties]
        pairs += [(s, p) for s in announcers for p in actors(hit)]
        seen: set[tuple[int, int]] = set()
        for s, p in pairs:
            if s is not p and not p.is_location and (id(s), id(p)) not in seen:
                seen.add((id(s), id(p)))
                out.append(Candidate(sentence, s, p, trigger.i, frame, "condition"))
    return out


def speech_candidates(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention]) -> list[Candidate]:
    """Every pair of speech, conditions and judged stances in one sentence."""
    return _speech(sdoc, sentence, by_token) + _judged(sdoc, sentence, by_token)
