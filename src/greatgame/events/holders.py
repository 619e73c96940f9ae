"""Candidate pairs through who holds, sends or sets out to do what, left for the classifier: shapes the
dev articles' misses showed.

Of the dev half's required events whose two actors were both recognised but never paired, the most
frequent kinds these reach (each under its own construction name):

- "journey" (as reach.py names it): being somewhere to do something is a visit ("The ministers are in New
  Zealand to review world trade"). The place of a visit is not made the host: the dev gold marks the
  host's side in one article of four ("will this week visit Britain, France ..." both ways; "After
  travelling this week to France, Germany, ..." and "a three-day visit to the United States" only the
  visitor's), and proposing it taught the classifier that visits are NONE;
- "heard": whom one explains to or hosts, towards the speaker or host ("explaining Brazil's actions to
  James Baker", "hosting a dinner for Paz Estenssoro"), a meeting of both as the gold has it;
- "held_by": the holder of what was acted on ("occupied ground held by the Mohammed al-Qassem unit",
  "suspended payments on dlrs owed to commercial banks");
- "talks_of": talks below a noun rather than a verb ("the departure of a Taiwan delegation for a series of
  trade talks with U.S. officials"), and the verbless wire parse "Senior Japanese officials tomorrow open
  talks with American trade negotiators" (the talks set beside the officials);
- "nested": the owner of an act a compound or more down ("an Iranian Silkworm missile strike on the
  U.S.-flagged Kuwaiti tanker Sea Isle City"), or who led it ("Washington-led protests to the EC");
- "came_from": those an act came from, listed or not ("protests had also come from other exporters to
  the EC, such as Senegal, Malaysia, Indonesia, Brazil, Argentina, Iceland and Norway": seven events);
- "remarks": whoever remarks, warns or calls towards whom it is about ("U.S. officials' remarks about
  taking military action against Iran", "U.S. calls for Taiwan to open its market");
- "partitive": what a counted subject or agent counts ("attacked by a wave of jet fighter bombers");
- "from_to" and "received": what was sent from one to another ("the letter from Nakasone to Thatcher"),
  or to the subject that answers it ("Britain will re-examine a letter from Japan's prime minister",
  "Kuwait had earlier declined an offer of U.S. naval escorts");
- "purpose": the subject of a clause towards the targets of what it set out to do ("Japan, in an effort to
  ward off U.S. action, ordered a cutback").

None decides a code: the classifier judges each pair, trained on the dev articles' real negatives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..actors.recognize import ResolvedMention
from .extract import (_PASS_SUBJ, _SUBJ, TALK_NOUNS, Candidate, Frame, _find_mentions, _subjects, _targets, verb_frame)
from .phrase import MOD_DEPS, actors, phrase_mentions
from .tokens import sentence_tokens

__all__ = ["holder_candidates"]

# Prepositions that lead from a verb to what it acts on ("payments on dlrs", "fired at ships"); places and
# scenes are left out ("in the north", "during the talks").
_ON = ("on", "at", "against", "to", "into", "for")


# Verbs of speaking to or receiving someone: the one addressed meets the speaker too ("will be explaining
# Brazil's actions to James Baker", "is hosting a dinner for Paz Estenssoro").
ADDRESSING = {"explain", "brief", "talk", "speak", "host", "present", "outline"}


def _heard(cands: list[Candidate]) -> list[Candidate]:
    """The one spoken to or hosted towards the speaker or host, for the verb patterns' pairs of ADDRESSING."""
    return [replace(c, source=c.target, target=c.source, construction="heard") for c in cands
            if not c.frame.nominal and c.frame.lemma in ADDRESSING and c.construction in ("svo", "chain", "relative")
            and any(p in ("to", "for") for p in c.frame.preps) and not c.target.is_location]


# Acts that come from someone: "protests had also come from other exporters to the EC, such as Senegal".
_COMING = {"come", "arise", "emerge", "mount", "grow", "pour"}
# Prepositions of a list standing for the phrase it hangs on.
_EXAMPLES = ("as", "including", "like")


def _examples(tok: Token, by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """The actors listed by "such as", "including" anywhere under a phrase (or on the verb it hangs on)."""
    return [m for t in tok.subtree if t.dep_ == "prep" and t.lower_ in _EXAMPLES and (
        t.lower_ != "as" or any(c.lower_ == "such" for c in t.children) or t.nbor(-1).lower_ == "such")
            for g in t.children if g.dep_ == "pobj" for m in _find_mentions(g, by_token)]


def _came_from(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention],
               event_noun: Callable[[str], bool]) -> list[Candidate]:
    """Those an act comes from towards whom it went: "protests had come from exporters to the EC, such as
    Senegal and Malaysia"."""
    out: list[Candidate] = []
    for verb in sentence_tokens(sdoc).verbs:
        if verb.lemma_.lower() not in _COMING:
            continue
        acts = [c for c in verb.children if c.dep_ == "nsubj" and event_noun(c.lemma_.lower())
                and not any(g.dep_ in MOD_DEPS and g.i in by_token for g in c.children)]
        froms = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                 for g in c.children if g.dep_ == "pobj"]
        if not acts or not froms:
            continue
        # "from other exporters ..., such as Senegal": the list names them too, wherever the parse hung it
        sources = list({id(m): m for g in froms for m in _find_mentions(g, by_token) + _examples(verb, by_token)
                        }.values())
        sources = actors(sources)
        targets = [m for h in [verb, *froms, *acts] for c in h.children if c.dep_ == "prep"
                   and c.lower_ in ("to", "against", "at", "on") for g in c.children if g.dep_ == "pobj"
                   for m in _find_mentions(g, by_token) if all(m is not s for s in sources)]
        frame = Frame(acts[0].lemma_.lower(), nominal=True)
        out += [Candidate(sentence, s, t, acts[0].i, frame, "came_from") for s in sources for t in actors(targets)
                if s is not t and not t.is_location]
    return out


def _stays(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention]) -> list[Candidate]:
    """Being somewhere to do something is a visit: "The ministers are in New Zealand to review world trade"
    (not "was in Moscow on Friday": being somewhere alone is no visit)."""
    out: list[Candidate] = []
    for tok in sentence_tokens(sdoc).all:
        if tok.lemma_.lower() != "be" or not any(c.dep_ in ("xcomp", "advcl") and any(
                a.dep_ == "aux" and a.tag_ == "TO" for a in c.children) for c in tok.children):
            continue
        places = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                  for g in c.children if g.dep_ == "pobj" for m in _find_mentions(g, by_token) if m.is_location]
        frame = Frame("visit")
        out += [Candidate(sentence, s, p, tok.i, frame, "journey") for s in actors(_subjects(tok, by_token)[0])
                for p in actors(places) if s is not p and not s.is_location]
    return out


def _holders(noun: Token, by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """Who holds a thing, by a participle set on it: "ground held by the unit", "ships belonging to Arab
    states", "dlrs owed to commercial banks"."""
    out: list[ResolvedMention] = []
    for part in (c for c in noun.children if c.dep_ == "acl" and c.pos_ == "VERB"):
        for c in part.children:
            if c.dep_ == "agent" or (c.dep_ in ("prep", "dative") and c.lower_ == "to"
                                     and part.lemma_.lower() in ("belong", "owe")):
                out += [m for g in c.children if g.dep_ == "pobj" for m in phrase_mentions(g, by_token)]
    return out


def _held(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention]) -> list[Candidate]:
    """The subject of a verb towards who holds what it acts on: "occupied ground held by the unit",
    "suspended payments on dlrs owed to commercial banks"."""
    out: list[Candidate] = []
    for verb in sentence_tokens(sdoc).verbs:
        if verb.dep_ == "acl":
            continue
        things = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        things += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in _ON
                   for g in c.children if g.dep_ == "pobj"]
        # one step down: "payments on dlrs owed to banks"
        things += [g for t in list(things) for c in t.children if c.dep_ == "prep" and c.lower_ in _ON + ("of",)
                   for g in c.children if g.dep_ == "pobj"]
        holders = [m for t in things if t.i not in by_token for m in _holders(t, by_token)]
        if not holders:
            continue
        frame = verb_frame(verb)
        out += [Candidate(sentence, s, h, verb.i, frame, "held_by") for s in actors(_subjects(verb, by_token)[0])
                for h in actors(holders) if s is not h and not h.is_location]
    return out


def _talk_holder(noun: Token, by_token: dict[int, ResolvedMention]) -> ResolvedMention | None:
    """The actor a talks noun hangs under without a verb between: "a Taiwan delegation for a series of
    trade talks", "Senior Japanese officials ... talks" (set beside them)."""
    t = noun
    for _ in range(6):
        if t.dep_ not in ("pobj", "prep", "appos") or t.head.i == t.i:
            return None
        if t.dep_ == "prep" and t.lower_ not in ("for", "of", "in", "on"):
            return None  # "a delegation with talks" is no delegation's talks
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return None  # the verb patterns' own ("left for talks with …")
        if t.i in by_token:
            return by_token[t.i]
    return None


def _talks_of(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention]) -> list[Candidate]:
    """Talks with someone, under a noun that names who holds them."""
    out: list[Candidate] = []
    for tok in sentence_tokens(sdoc).nouns:
        if tok.lemma_.lower() not in TALK_NOUNS:
            continue
        if any(c.dep_ in MOD_DEPS and c.i in by_token for c in tok.children):
            continue  # "Japan's talks with …": the finder's own
        others = [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"
                  for g in c.children if g.dep_ == "pobj" for m in phrase_mentions(g, by_token)]
        holder = _talk_holder(tok, by_token) if others else None
        if holder is None:
            continue
        frame = Frame(tok.lemma_.lower(), preps=["with"], nominal=True)
        out += [Candidate(sentence, holder, o, tok.i, frame, "talks_of") for o in actors(others)
                if o is not holder and not holder.is_location]
    return out


def _modifiers(tok: Token, by_token: dict[int, ResolvedMention], depth: int = 3) -> list[ResolvedMention]:
    """The actors among a word's modifiers, however many compounds down: "an Iranian Silkworm missile",
    "the U.S.-flagged Kuwaiti tanker Sea Isle City"."""
    out: list[ResolvedMention] = []
    for c in tok.children:
        if c.dep_ not in MOD_DEPS:
            continue
        if c.i in by_token:
            out.append(by_token[c.i])
        elif depth > 1:
            out += _modifiers(c, by_token, depth - 1)
    return out


# Participles by which an actor leads or backs an act: "Washington-led protests", "Saudi-backed talks".
LEADING = {"lead", "back", "sponsor", "support", "inspire", "organize", "organise", "engineer", "broker",
           "mediate", "fund", "arm", "instigate", "initiate"}


def _nested(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention],
            event_noun: Callable[[str], bool]) -> list[Candidate]:
    """The owner of an act a compound or more down, towards its target: "the U.S. arms sale to Iran", "an
    Iranian Silkworm missile strike on the Kuwaiti tanker Sea Isle City" (the act's own modifiers and
    targets are the verb patterns' already)."""
    out: list[Candidate] = []
    for tok in sentence_tokens(sdoc).nouns:
        if tok.i in by_token or not event_noun(tok.lemma_.lower()):
            continue
        if any(c.dep_ in MOD_DEPS and c.i in by_token for c in tok.children):
            continue
        owners = [m for c in tok.children if c.dep_ == "compound" and c.i not in by_token
                  for m in _modifiers(c, by_token)]
        # "Washington-led protests to the EC": who led them
        owners += [by_token[g.i] for c in tok.children if c.dep_ == "amod" and c.lemma_.lower() in LEADING
                   for g in c.children if g.dep_ in ("npadvmod", "compound", "nmod") and g.i in by_token]
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "on", "against", "at", "into")]
        targets = [m for c in preps for g in c.children if g.dep_ == "pobj"
                   for m in (_find_mentions(g, by_token) or _modifiers(g, by_token))]
        frame = Frame(tok.lemma_.lower(), preps=[preps[0].lower_] if preps else [], nominal=True)
        out += [Candidate(sentence, s, t, tok.i, frame, "nested") for s in actors(owners) for t in actors(targets)
                if s is not t and not t.is_location]
    return out


# Nouns of saying something about or to someone: "U.S. officials' remarks about taking military action
# against Iran", "Congressional criticism that the Administration is not taking action", "U.S. calls for
# Taiwan to open its market".
REMARK_NOUNS = {"remark", "comment", "statement", "threat", "warning", "criticism", "accusation", "charge",
                "allegation", "complaint", "call", "demand", "appeal", "condemnation", "denunciation"}
_ABOUT = ("about", "on", "over", "against", "for", "to", "of")


def _remarks(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention]) -> list[Candidate]:
    """Whoever remarks, warns or calls towards the actors of what it is about, however deep they lie."""
    out: list[Candidate] = []
    for tok in sentence_tokens(sdoc).nouns_propn:
        if tok.i in by_token or tok.lemma_.lower() not in REMARK_NOUNS:
            continue
        owners = [by_token[c.i] for c in tok.children if c.dep_ in MOD_DEPS and c.i in by_token]
        owners += [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                   for g in c.children if g.dep_ == "pobj" for m in _find_mentions(g, by_token)]
        if not owners:
            continue
        about = [by_token[t.i] for c in tok.children if c.dep_ == "prep" and c.lower_ in _ABOUT
                 for t in c.subtree if t.i in by_token and t.i == by_token[t.i].head]
        about += [m for c in tok.children if c.dep_ in ("acl", "advcl", "ccomp")
                  for g in c.children if g.dep_ in ("nsubj", "nsubjpass") for m in _find_mentions(g, by_token)]
        frame = Frame(tok.lemma_.lower(), nominal=True)
        out += [Candidate(sentence, s, t, tok.i, frame, "remarks") for s in actors(owners) for t in actors(about)
                if s is not t and not t.is_location and not s.is_location]
    return out


# Nouns of a number or a formation of something: "a wave of jet fighter bombers", "a group of Iranian gunboats".
PARTITIVE = {"wave", "group", "number", "dozen", "hundred", "thousand", "handful", "fleet", "squadron",
             "flotilla", "column", "convoy", "contingent", "band", "swarm", "salvo", "barrage", "unit", "detachment"}


def _counted(tok: Token, by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """The actors a partitive noun counts: "a wave of jet fighter bombers" stands for the bombers."""
    if tok.i in by_token or tok.lemma_.lower() not in PARTITIVE:
        return []
    return [m for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children if g.dep_ == "pobj" for m in _find_mentions(g, by_token)]


def _partitive(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention]) -> list[Candidate]:
    """The actors a counted subject or agent stands for, towards the verb's targets: "a group of Iranian
    gunboats attacked the tanker", "the oilfields were attacked by a wave of jet fighter bombers"."""
    out: list[Candidate] = []
    for verb in sentence_tokens(sdoc).verbs:
        passive = any(c.dep_ in _PASS_SUBJ for c in verb.children)
        doers = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        doers += [c for c in verb.children if c.dep_ in _SUBJ]
        sources = actors([m for d in doers for m in _counted(d, by_token)])
        if not sources:
            continue
        targets = [t for t, place in _targets(verb, by_token, passive) if place is not True]
        frame = verb_frame(verb)
        out += [Candidate(sentence, s, t, verb.i, frame, "partitive") for s in sources for t in actors(targets)
                if s is not t and not t.is_location]
    return out


# Nouns of something sent: a message from one to another, or received by the clause's subject.
SENT_NOUNS = {"letter", "message", "note", "cable", "telegram", "invitation", "offer", "proposal", "reply",
              "response", "assurance", "pledge", "request", "appeal", "plea", "warning", "ultimatum", "aid",
              "assistance", "loan", "credit", "shipment", "delivery", "gift", "donation"}


def _from_to(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention]) -> list[Candidate]:
    """Who a thing came from towards whom it went: "the letter from Nakasone to Thatcher", and for what is
    sent, towards the subject that receives or answers it: "Britain will re-examine a letter from Japan's
    prime minister"."""
    out: list[Candidate] = []
    for tok in sentence_tokens(sdoc).nouns:
        if tok.i in by_token:
            continue
        froms = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
                 if g.dep_ == "pobj"]
        sources = actors([m for g in froms for m in phrase_mentions(g, by_token)])
        if not sources and tok.lemma_.lower() in SENT_NOUNS:
            # "an offer of U.S. naval escorts": whose the thing offered is
            sources = actors([m for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                              for g in c.children if g.dep_ == "pobj" and g.i not in by_token
                              for m in _modifiers(g, by_token)])
        if not sources:
            continue
        targets = [m for h in [tok, *froms] for c in h.children if c.dep_ == "prep" and c.lower_ == "to"
                   for g in c.children if g.dep_ == "pobj" for m in phrase_mentions(g, by_token)]
        construction = "from_to"
        if not targets and tok.lemma_.lower() in SENT_NOUNS:
            verb = tok.head if tok.dep_ in ("dobj", "nsubjpass") else (
                tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else None)
            if verb is not None and verb.pos_ == "VERB":
                targets, construction = _subjects(verb, by_token)[0], "received"
        frame = Frame(tok.lemma_.lower(), preps=["from"], nominal=True)
        out += [Candidate(sentence, s, t, tok.i, frame, construction) for s in sources for t in actors(targets)
                if s is not t and not t.is_location and not s.is_location]
    return out


# Nouns of a purpose whose infinitive is the act of the clause's subject: "in an effort to ward off U.S.
# action", "on a tour ... in an attempt to explain to governments".
PURPOSE_NOUNS = {"attempt", "effort", "bid", "move", "drive", "campaign", "push", "step", "mission"}


def _purpose(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention]) -> list[Candidate]:
    """The subject of a clause towards the targets of the act it set out to do: "Japan, in an effort to ward
    off U.S. action, ordered a cutback"."""
    out: list[Candidate] = []
    for verb in sentence_tokens(sdoc).verbs:
        if (verb.dep_ != "acl" or verb.head.lemma_.lower() not in PURPOSE_NOUNS
                or any(c.dep_ in _SUBJ for c in verb.children)
                or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)):
            continue
        t = verb.head
        for _ in range(6):  # up through "in an effort", "of a tour", to the clause's verb
            if t.head.i == t.i or t.pos_ in ("VERB", "AUX"):
                break
            t = t.head
        if t.pos_ not in ("VERB", "AUX"):
            continue
        targets = [m for m, place in _targets(verb, by_token, False) if place is not True]
        frame = verb_frame(verb)
        out += [Candidate(sentence, s, m, verb.i, frame, "purpose") for s in actors(_subjects(t, by_token)[0])
                for m in actors(targets) if s is not m and not m.is_location and not s.is_location]
    return out


def holder_candidates(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention],
                      event_noun: Callable[[str], bool], earlier: list[Candidate]) -> list[Candidate]:
    """Visits by being somewhere, those spoken to in `earlier` pairs, holders of what was acted on, talks
    under a noun, nested owners, acts that came from someone, remarks about someone, counted
    subjects, what came from someone to someone, what one set out to do."""
    return (_stays(sdoc, sentence, by_token) + _heard(earlier) + _held(sdoc, sentence, by_token)
            + _talks_of(sdoc, sentence, by_token) + _nested(sdoc, sentence, by_token, event_noun)
            + _came_from(sdoc, sentence, by_token, event_noun) + _remarks(sdoc, sentence, by_token)
            + _partitive(sdoc, sentence, by_token) + _from_to(sdoc, sentence, by_token)
            + _purpose(sdoc, sentence, by_token))
