"""Candidate pairs in constructions the verb patterns of extract.py do not reach, left for the classifier.

Whole-article gold showed events whose two actors are both recognised but never paired (the second
round of dev articles, chosen for accusations, threats and attacks, had 126 such misses of 234):

- a relative clause whose subject is a relative pronoun: "Seixas, who met again with Rhodes and
  representatives from Lloyds Bank" (the pronoun names no actor; the noun it hangs on does), and a
  person standing for a body through "of"/"from" ("representatives from Lloyds Bank");
- journeys: "his trip to Washington", "De Croo was in Washington for trade talks", "visit Britain,
  France and Italy": the place travelled to is the other side of the visit;
- talks reached through a preposition that parses as a verb: "secured agreement following months of
  negotiations with creditor banks";
- what is asked for: "called for greater EC-U.S. cooperation", "urged talks with Japan": whoever asks
  addresses the parties named in what is asked;
- acts undergone: "Kenya, whose border posts came under attack by Somali militias", "the target of
  Saudi attacks"; and the agent of a participle towards the noun it describes ("platforms blamed by
  Washington");
- speech (speech.py): conditions ("Channon said if Congress passed the bill the community would
  retaliate", "Argentina threatened to follow Brazil if the banks do not grant its request"), speakers
  the plain "X said" pattern misses ("was quoted as saying Iran has attacked ships", "De Croo, who
  said ..."), the actors a reported clause names beyond its subject, and whoever judges a stance set
  beside a clause ("a move opposed by Portugal").

Each shape has a construction name of its own, so the classifier and the calibrator weigh it apart.
None of these decides a code: the classifier judges each pair (it learns them from the dev articles'
real negatives) and may well say no event passes between the two.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..actors.recognize import ResolvedMention
from .control import DEMANDING
from .extract import (_PASS_SUBJ, _SUBJ, TALK_NOUNS, WISHING, Candidate, Frame, _agents, _find_mentions,
                      _subjects, _targets, mentions_by_token, uncovered, verb_frame)
from .holders import holder_candidates
from .phrase import MOD_DEPS, RELATIVE, actors, phrase_mentions
from .speech import speech_candidates
from .tokens import sentence_tokens

__all__ = ["coordinated_spans", "reach_candidates"]

# Journeys: the place travelled to is the other side of a visit.
TRIP_NOUNS = {"trip", "visit", "tour", "journey", "mission", "stay", "stop", "stopover"}
TRAVEL_VERBS = {"visit", "travel", "fly", "go", "arrive", "come", "head", "return", "leave", "tour", "be"}
def _relative(verb: Token, sentence: int, by_token: dict[int, ResolvedMention],
              event_noun: Callable[[str], bool]) -> list[Candidate]:
    """The noun a relative clause hangs on is its subject in "Seixas, who met Rhodes"; its object in "the
    ship, which was attacked by Iran" and "the minister, whom officials praised"."""
    if verb.dep_ != "relcl":
        return []
    subj = [c for c in verb.children if c.dep_ in _SUBJ and c.lower_ in RELATIVE]
    passive = [c for c in verb.children if c.dep_ in _PASS_SUBJ and c.lower_ in RELATIVE]
    head = actors(phrase_mentions(verb.head, by_token))
    if not head and verb.head.dep_ == "appos":  # "The GCC, an alliance which has supported Iraq"
        head = actors(phrase_mentions(verb.head.head, by_token))
    if subj:
        sources = head
        targets = [m for c in verb.children if c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in (
            "with", "to", "against", "on", "for")) for g in ([c] if c.dep_ != "prep" else
                                                              [p for p in c.children if p.dep_ == "pobj"])
                   for m in phrase_mentions(g, by_token)]
        targets += [m for m, loc in _targets(verb, by_token, False, event_noun) if loc is False]
    elif passive:
        sources, targets = _agents(verb, by_token), head
    elif any(c.dep_ in ("dobj", "dative") and c.lower_ in RELATIVE for c in verb.children):
        # "the minister, whom Ugandan officials praised": the noun is the verb's object
        sources, targets = _subjects(verb, by_token)[0], head
    else:
        return []
    frame = verb_frame(verb)
    return [Candidate(sentence, s, t, verb.i, frame, "relative") for s in sources for t in actors(targets)
            if s is not t and not t.is_location]


def _trip_targets(noun: Token, by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """Where a journey goes: "a trip to Washington", "a visit to Tokyo", "a tour of European capitals"."""
    return [m for c in noun.children if c.dep_ == "prep" and c.lower_ in ("to", "of", "in")
            for g in c.children if g.dep_ == "pobj" for m in _find_mentions(g, by_token)]


def _travellers(noun: Token, by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """Who travels: the owner of the journey ("Howard's visit"), else the subject of the clause it sits
    in ("his trip to Washington", "Funaro is on a tour of ...")."""
    owners = [by_token[c.i] for c in noun.children if c.dep_ in ("poss", "compound") and c.i in by_token]
    if owners:
        return owners
    t = noun
    for _ in range(8):
        if t.head.i == t.i:
            break
        t = t.head
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("prep", "pcomp"):
            if t.dep_ == "acl" and t.head.dep_ in ("attr", "dobj", "pobj"):
                # "plans for Funaro to meet bankers during his trip": Funaro, the one "for" names
                found = [m for c in t.head.children if c.dep_ == "prep" and c.lower_ == "for"
                         for g in c.children if g.dep_ == "pobj" for m in _find_mentions(g, by_token)]
                if found:
                    return found
            found = _subjects(t, by_token)[0]
            if found or t.dep_ != "ccomp":
                return found
            # "the president said his visit to Beijing had …": the journey is the speaker's
    return []


def _journeys(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention]) -> list[Candidate]:
    """The traveller towards the place of the visit, by noun ("his trip to Washington") or verb ("will
    visit Britain, France and Italy", "was in Washington for trade talks", "flew to Tokyo for talks")."""
    out: list[Candidate] = []
    for tok in sentence_tokens(sdoc).all:
        lemma = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and lemma in TRIP_NOUNS:
            targets, sources = _trip_targets(tok, by_token), []
            if targets:
                sources = _travellers(tok, by_token)
            frame = Frame(lemma, preps=["to"], nominal=True)
            out += [Candidate(sentence, s, t, tok.i, frame, "journey") for s in actors(sources)
                    for t in actors(targets) if s is not t and not s.is_location]
        elif tok.pos_ in ("VERB", "AUX") and lemma in TRAVEL_VERBS:
            # "was in Washington for trade talks" visits Washington; "is in Washington for the International
            # Monetary Fund (IMF) meeting" is at a third party's meeting, Washington only its venue
            talks = any(c.dep_ == "prep" and c.lower_ == "for" and any(
                g.lemma_.lower() in TALK_NOUNS | TRIP_NOUNS and not any(
                    m.dep_ in MOD_DEPS and m.i in by_token for m in g.subtree if m.head.i == g.i)
                for g in c.children if g.dep_ == "pobj")
                for c in tok.children)
            if lemma not in ("visit", "travel", "fly") and not talks:
                continue  # "was in Geneva", "returned to Cairo" alone are no visit to anyone
            into = ("to", "in", "into") if talks or lemma == "visit" else ("to",)
            places = [m for c in tok.children if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in into)
                      for g in ([c] if c.dep_ == "dobj" else c.children)
                      if g.dep_ in ("dobj", "pobj") for m in _find_mentions(g, by_token)]
            sources = _subjects(tok, by_token)[0]
            frame = verb_frame(tok)
            out += [Candidate(sentence, s, t, tok.i, frame, "journey")
                    for s in actors(sources) for t in actors(places) if s is not t and not s.is_location]
    return out


def _talks_above(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention]) -> list[Candidate]:
    """Talks whose side is the subject of the clause above a preposition that parses as a verb: in "Iraq
    secured agreement following months of negotiations with creditor banks" the talks are Iraq's."""
    out: list[Candidate] = []
    for tok in sentence_tokens(sdoc).nouns:
        if tok.lemma_.lower() not in TALK_NOUNS:
            continue
        if any(c.dep_ in MOD_DEPS and c.i in by_token for c in tok.children):
            continue  # "Japan's talks with …": the finder's own
        others = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                  for g in c.children if g.dep_ == "pobj" for m in phrase_mentions(g, by_token)]
        if not others:
            continue
        t, crossed = tok, False
        for _ in range(8):
            if t.head.i == t.i:
                break
            t = t.head
            if t.pos_ == "VERB" and t.dep_ in ("prep", "pcomp"):
                crossed = True  # "following", "including": a preposition
                continue
            if t.pos_ in ("VERB", "AUX"):
                break
        if not crossed or t.pos_ not in ("VERB", "AUX") or t.lemma_.lower() in WISHING:
            continue
        frame = Frame(tok.lemma_.lower(), preps=["with"], nominal=True)
        out += [Candidate(sentence, s, o, tok.i, frame, "nominal") for s in actors(_subjects(t, by_token)[0])
                for o in actors(others) if s is not o]
    return out


def _asked(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention]) -> list[Candidate]:
    """Whoever asks for something addresses the parties named in it: "called for greater EC-U.S.
    cooperation", "urged talks with Japan", "proposed a summit between Iran and Iraq"."""
    out: list[Candidate] = []
    for verb in sentence_tokens(sdoc).verbs:
        lemma = verb.lemma_.lower()
        if lemma not in WISHING | DEMANDING:
            continue
        wished = [c for c in verb.children if c.dep_ == "dobj"]
        wished += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
                   for g in c.children if g.dep_ == "pobj"]
        named: list[ResolvedMention] = []
        for noun in wished:
            if noun.i in by_token:
                continue  # "urged Iran" is the finder's own
            named += [by_token[c.i] for c in noun.subtree if c.i in by_token and c.head.i == noun.i
                      and c.dep_ in MOD_DEPS]
            named += [m for c in noun.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "among")
                      for g in c.children if g.dep_ == "pobj" for m in _find_mentions(g, by_token)]
        if not named:
            continue
        frame = verb_frame(verb)
        out += [Candidate(sentence, s, t, verb.i, frame, "asked") for s in actors(_subjects(verb, by_token)[0])
                for t in actors(named) if s is not t and not s.is_location]
    return out


def _participles(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention]) -> list[Candidate]:
    """The agent of a participle towards the noun it describes: "missile platforms blamed by Washington",
    "a ship attacked by Iranian gunboats"."""
    out: list[Candidate] = []
    for verb in sentence_tokens(sdoc).verbs:
        if verb.dep_ != "acl" or verb.tag_ != "VBN":
            continue
        agents = actors(_agents(verb, by_token))
        described = actors(phrase_mentions(verb.head, by_token))
        frame = verb_frame(verb)
        out += [Candidate(sentence, a, d, verb.i, frame, "participle") for a in agents for d in described
                if a is not d and not d.is_location]
    return out


# Nouns whose subject is the one acted on: "came under attack by Iran", "was the target of Iranian attacks".
SUFFERING = {"target", "victim", "object"}
# Acts undergone that the lexicon may not list as nouns: "under fire from", "under pressure from".
UNDERGONE = {"fire", "attack", "assault", "pressure", "criticism", "bombardment", "shelling", "siege"}


def _sufferers(verb: Token, by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """The subject of a clause, or the noun a "whose" clause hangs on ("Kuwait, whose shipping has come
    under attack")."""
    found: list[ResolvedMention] = []
    for subj in (c for c in verb.children if c.dep_ in _SUBJ):
        if verb.dep_ == "relcl" and any(g.dep_ == "poss" and g.lower_ == "whose" for g in subj.children):
            found += phrase_mentions(verb.head, by_token)
        else:
            found += phrase_mentions(subj, by_token)
            if not found and verb.dep_ == "conj" and any(g.dep_ == "poss" and g.lower_ in ("its", "their")
                                                         for g in subj.children):
                # "Kuwait has backed Iraq and its ships have been the target of Iranian attacks"
                found += _subjects(verb.head, by_token)[0]
    return found


def _undergone(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention],
               event_noun: Callable[[str], bool]) -> list[Candidate]:
    """Who acts towards the subject of "come under attack by Iran", "were under assault from warplanes",
    "has been the target of Iranian attacks"."""
    out: list[Candidate] = []
    for tok in sentence_tokens(sdoc).nouns:
        if tok.dep_ != "pobj" or not (event_noun(tok.lemma_.lower())
                                                              or tok.lemma_.lower() in UNDERGONE):
            continue
        prep = tok.head
        if prep.lower_ == "under" and prep.head.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in UNDERGONE:
            # ("under the Paris accords" sets a scene)
            verb = prep.head
        elif (prep.lower_ == "of" and prep.head.lemma_.lower() in SUFFERING and prep.head.dep_ == "attr"
              and prep.head.head.pos_ in ("VERB", "AUX")):
            verb = prep.head.head
        else:
            continue
        agents = [by_token[c.i] for c in tok.children if c.dep_ in MOD_DEPS and c.i in by_token]
        for holder in (tok, verb):  # "under fire from rebels" may hang "from" on the verb
            agents += [m for c in holder.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                       for g in c.children if g.dep_ == "pobj" for m in _find_mentions(g, by_token)]
            if agents:
                break
        frame = Frame(tok.lemma_.lower(), nominal=True)
        out += [Candidate(sentence, a, v, tok.i, frame, "undergone") for a in actors(agents)
                for v in actors(_sufferers(verb, by_token)) if a is not v and not v.is_location]
    return out


def reach_candidates(sdoc: Doc, sentence: int, mentions: list[ResolvedMention], existing: list[Candidate],
                     event_noun: Callable[[str], bool]) -> list[Candidate]:
    """Pairs of relative clauses, journeys, talks, requests, speech, conditions and holders
    (holders.py) that no earlier candidate covers (in the same direction)."""
    by_token = mentions_by_token(mentions)
    found: list[Candidate] = []
    for verb in sentence_tokens(sdoc).verbs_aux:
        found += _relative(verb, sentence, by_token, event_noun)
    found += (_journeys(sdoc, sentence, by_token) + _talks_above(sdoc, sentence, by_token)
              + _asked(sdoc, sentence, by_token) + speech_candidates(sdoc, sentence, by_token)
              + _undergone(sdoc, sentence, by_token, event_noun)
              + _participles(sdoc, sentence, by_token)
              + holder_candidates(sdoc, sentence, by_token, event_noun, existing + found))
    return uncovered(found, existing)


def coordinated_spans(sdoc: Doc, mentions: list[ResolvedMention]) -> list[tuple[int, int]]:
    """Character spans of mentions coordinated with another mention of the same country ("met Lawson,
    Howe and Leigh-Pemberton", "Funaro and Gros"): each is an actor of its own, though they share a
    country and a code. (Coordinated mentions of different countries are told apart anyway.)"""
    by_head = {m.head: m for m in mentions if m.source != "pair"}

    def party(m: ResolvedMention) -> str | None:
        return m.mention.country or m.mention.code

    out: list[tuple[int, int]] = []
    for m in by_head.values():
        h = sdoc[m.head]
        partners = [by_head.get(h.head.i)] if h.dep_ == "conj" else []
        partners += [by_head.get(c.i) for c in h.children if c.dep_ == "conj"]
        if party(m) is not None and any(o is not None and o is not m and party(o) == party(m) for o in partners):
            out.append((m.mention.start, m.mention.end))
    return out
