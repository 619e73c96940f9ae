"""Find who-did-what-to-whom in a dependency parse: candidate (source, verb, target) triples."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from ..actors.recognize import ResolvedMention
from ..actors.spans import LOCATION_PREPS
from .control import TOPIC_PREPS, demands, object_control
from .lexicon import object_keys
from .listed import listed_members
from .tokens import sentence_tokens

__all__ = ["MUTUAL_NOUNS", "Candidate", "Frame", "find_candidates", "mentions_by_token", "mutual", "uncovered",
           "verb_frame"]

_SUBJ = {"nsubj", "csubj"}
_PASS_SUBJ = {"nsubjpass", "csubjpass"}
_CHAIN = {"xcomp", "conj", "advcl", "ccomp", "pcomp", "acl", "relcl"}
# Verbs whose two coordinated subjects act on each other when there is no object ("X and Y agreed").
RECIPROCAL = {"agree", "meet", "talk", "clash", "fight", "sign", "negotiate", "discuss", "cooperate",
              "trade", "reconcile", "confer", "consult", "exchange", "hold", "normalize", "normalise",
              "quarrel", "spar", "feud", "battle", "compete", "embrace", "ally"}
# Verbs that are reciprocal only with an agreement for object or head: "X and Y reached an accord",
# "the accord reached by X, Y and Z".
AGREEING = {"reach", "conclude", "strike", "seal", "initial", "finalize", "finalise", "renew"}
MUTUAL_NOUNS = {"accord", "agreement", "pact", "treaty", "deal", "understanding", "protocol", "communique",
                "memorandum", "ceasefire", "truce", "arrangement"}
# Nouns that make "talks between X and Y" symmetric.
SYMMETRIC_PREPS = {"between", "among"}
# Prepositions that set the scene rather than name who is acted on.
SCENE_PREPS = {"as", "despite", "after", "before", "during", "amid", "amidst", "because", "since", "like",
               "unlike", "than", "near", "inside", "outside", "throughout", "until", "without",
               "via", "by", "through", "across", "around", "beyond", "within", "upon", "following", "under",
               "according"}  # "according to diplomats": the source of a report is no party to it
# Prepositions that say where something happened: their objects are places, not targets, unless the
# verb takes its target that way ("intervene in", "invade"). "off the coast of Oman", "met in Geneva".
# The actor layer's place prepositions, but for "into" (a direction: "sent troops into Lebanon") and
# "over" (a reason: "sanctions over the crisis"), which name a target here.
LOCATIVE_PREPS = (LOCATION_PREPS - {"into", "over"}) | {"beyond", "aboard"}
# Clauses of their own: an actor inside one is not an argument of the verb above it.
_OWN_CLAUSE = {"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj"}


@dataclass
class Frame:
    """What the lexicon looks up for a trigger: lemma, particle, prepositions and object nouns."""

    lemma: str
    particle: str = ""
    preps: list[str] = field(default_factory=list)
    objects: list[str] = field(default_factory=list)
    nominal: bool = False
    # a headline's verb the parse took for a noun before the trigger: "Tokyo pledges aid to Manila" read as
    # the noun phrase "Tokyo pledges aid", or as "Tokyo pledges" aiding Manila
    verb: str = ""


@dataclass
class Candidate:
    """A possible event between two mentions of one sentence."""

    sentence: int
    source: ResolvedMention
    target: ResolvedMention
    trigger: int  # token index in the sentence doc
    frame: Frame
    construction: str


def _conjuncts(tok: Token) -> list[Token]:
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj":
            out.extend(_conjuncts(c))
    return out


def _find_mentions(tok: Token, by_token: dict[int, ResolvedMention], depth: int = 0) -> list[ResolvedMention]:
    """Mentions a noun phrase stands for: itself, its conjuncts, or an actor inside it ("a deal with X")."""
    found: list[ResolvedMention] = []
    for t in _conjuncts(tok):
        m = by_token.get(t.i)
        if depth == 0 and (listed := listed_members(t, by_token)):  # "the ministers of Japan and France"
            found.extend(listed)
        elif m is not None:
            found.append(m)
        elif depth == 0:
            # "the Chinese delegation", "Russian warplanes": an actor modifying the head noun
            for c in t.children:
                if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i in by_token:
                    found.append(by_token[c.i])
            # "the so-called A countries - Brazil, Argentina and Mexico": a phrase that names no actor
            # stands for those set beside it (never when it names one: "brigades, the agency IRNA")
            for c in t.children:
                if c.dep_ == "appos":
                    found.extend(_find_mentions(c, by_token, depth + 1))
    out, seen = [], set()
    for m in found:
        if id(m) in seen:
            continue
        seen.add(id(m))
        if m.source == "pair":  # "the two sides": the dyad it stands for
            out.extend(replace(m, mention=member, members=(), source="dictionary") for member in m.members)
        else:
            out.append(m)
    return out


def verb_frame(verb: Token) -> Frame:
    """The lexicon key parts of a verb: particle, prepositions (on it and its object), object nouns."""
    frame = Frame(verb.lemma_.lower())
    for c in verb.children:
        if c.dep_ == "prt":
            frame.particle = c.lower_
        elif c.dep_ in ("prep", "agent", "dative") and c.pos_ == "ADP":
            frame.preps.append(c.lower_)
        elif c.dep_ in ("dobj", "attr", "oprd"):
            for o in _conjuncts(c):
                frame.objects += object_keys(o)
                for g in o.children:
                    if g.dep_ != "prep":
                        continue
                    frame.preps.append(g.lower_)
                    if g.lower_ == "of":  # "a package of trade deals with X": deals signed with X
                        for p in (p for p in g.children if p.dep_ == "pobj"):
                            frame.objects += object_keys(p)
                            frame.preps += [q.lower_ for q in p.children if q.dep_ == "prep"]
        elif c.dep_ == "xcomp" and c.pos_ in ("NOUN",):
            frame.objects.append(c.lemma_.lower())
        elif c.dep_ == "nsubj" and c.i == verb.i - 1 and c.tag_ == "NNS" and any(
                g.dep_ == "compound" and g.pos_ == "PROPN" for g in c.children):
            frame.verb = c.lemma_.lower()  # "Berlin pledges aid to Kyiv" read as pledges that aid Kyiv
    return frame


def _agents(verb: Token, by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """The actors of a verb's "by" phrase: "attacked by Russian forces", "the accord reached by X and Y"."""
    return [m for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
            for m in _find_mentions(g, by_token)]


# Verbs that stop what their object proposes: "vetoed a resolution to impose sanctions".
REJECTING = {"veto", "reject", "oppose", "block", "defeat", "kill", "scuttle", "thwart", "spurn", "rebuff",
             "resist", "shelve", "abandon", "drop"}


def _subjects(verb: Token, by_token: dict[int, ResolvedMention]) -> tuple[list[ResolvedMention], bool]:
    """The verb's acting subjects, inherited up an infinitive or coordination chain; and whether passive."""
    tok = verb
    for _ in range(4):
        subj = [c for c in tok.children if c.dep_ in _SUBJ]
        if subj:
            return [m for s in subj for m in _find_mentions(s, by_token)], False
        passive = [c for c in tok.children if c.dep_ in _PASS_SUBJ]
        if passive and tok is verb:
            return _agents(tok, by_token), True
        if tok.dep_ in ("advcl", "acl") and tok.head.lemma_.lower() in REJECTING and any(
                c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
            break  # "vetoed a resolution to impose sanctions": nobody imposes them
        if tok.dep_ in ("xcomp", "conj", "advcl") and tok.head.i != tok.i:
            # "agreed to meet", "met and agreed", "after travelling to France, Funaro …": the subject above
            tok = tok.head
            continue
        if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX"):
            if object_control(tok):
                break  # "charged Japan with violating GATT rules": the violating is the object's, alleged
            if tok.head.lower_ in TOPIC_PREPS:
                break  # "heard complaints about lending to South Africa": what is talked of, not done
            tok = tok.head.head  # "After travelling to France, Funaro hopes …" (a preposition's clause)
            continue
        if tok.dep_ in ("acl", "relcl") and tok.head.i != tok.i:
            if any(g.dep_ == "pobj" for c in tok.children if c.dep_ == "agent" for g in c.children):
                # "the accord reached by X and Y": X and Y are the ones who reached it
                return _agents(tok, by_token), False
            m = _find_mentions(tok.head, by_token)
            if not m and tok.head.lemma_.lower() in MUTUAL_NOUNS and any(
                    c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
                return [], False  # "signed an agreement to reschedule Nigeria's debt": what was agreed, not done
            if not m and tok.head.head.lemma_.lower() in REJECTING and any(
                    c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
                return [], False  # "vetoed a resolution to impose sanctions": nobody imposes them
            if not m and tok.head.dep_ in ("dobj", "attr") and tok.head.head.i != tok.head.i:
                # "X put out a report accusing Y": the report's author accuses
                return _subjects(tok.head.head, by_token)[0], False
            return m, False
        break
    return [], False


def _acts_in(noun: Token, event_noun: Callable[[str], bool] | None) -> set[int]:
    """Places an event noun's acts happened in ("detentions in Venezuela"; not "talks in Jerusalem with Y")."""
    lemma = noun.lemma_.lower()
    if event_noun is None or not event_noun(lemma) or (lemma in TALK_NOUNS and any(
            c.dep_ == "prep" and c.lower_ in ("with", "between") for c in (*noun.children, *noun.head.children))):
        return set()
    return {p.i for g in noun.children if g.dep_ == "prep" and g.lower_ == "in" for p in g.children if p.dep_ == "pobj"}


def _prep_objects(noun: Token, by_token: dict[int, ResolvedMention], depth: int,
                  event_noun: Callable[[str], bool] | None = None) -> list[ResolvedMention]:
    """Actors linked to a noun by relational prepositions: "a deal with X", "a package of deals with X".

    A place is no such actor ("a tanker off Oman"), except after a noun that is itself an event
    ("denounced detentions in Venezuela": the detentions are Venezuela's)."""
    out: list[ResolvedMention] = []
    acted_in = _acts_in(noun, event_noun)
    for prep in (g for g in noun.children if g.dep_ == "prep" and g.lower_ not in SCENE_PREPS
                 and (g.lower_ not in LOCATIVE_PREPS or any(p.i in acted_in for p in g.children))):
        for pobj in (g for g in prep.children if g.dep_ == "pobj"):
            found = _find_mentions(pobj, by_token)
            out += found
            if not found and depth > 1:
                out += _prep_objects(pobj, by_token, depth - 1)
    return out


def _owned_act(noun: Token, by_token: dict[int, ResolvedMention], event_noun: Callable[[str], bool] | None) -> bool:
    """Whether the noun names an act with its owner on it: "Reagan's strike", "the Iraqi attack", "the U.S.
    raid", "an attack by Iraqi jets" (not a common noun: "journalist detentions" are done to the
    journalists)."""
    return event_noun is not None and event_noun(noun.lemma_.lower()) and (any(
        c.i in by_token and (c.dep_ in ("poss", "amod") or (c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"))
        for c in noun.children) or bool(_by_phrase(noun, by_token)))


def _by_phrase(noun: Token, by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """The actors of a noun's "by" phrase: "an attack by Iraqi jets"."""
    return [m for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"
            for g in c.children if g.dep_ == "pobj" for m in _find_mentions(g, by_token)]


def _targets(verb: Token, by_token: dict[int, ResolvedMention], passive: bool,
             event_noun: Callable[[str], bool] | None = None) -> list[tuple[ResolvedMention, bool | str]]:
    """The verb's target mentions, each with True where a locative preposition introduced it (a place),
    "event" where it is where the acts of the verb's object happened, else False."""
    out: list[tuple[ResolvedMention, bool | str]] = []
    if passive:
        for c in verb.children:
            if c.dep_ in _PASS_SUBJ:
                out += [(m, False) for m in _find_mentions(c, by_token)]
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "attr", "oprd"):
            acted_in = _acts_in(c, event_noun)
            owned = _owned_act(c, by_token, event_noun)
            # "backed Reagan's strike against Iranian targets": the verb answers Reagan; the strike's own
            # target is the strike's, not the backing's
            out += [(m, "event" if m.head in acted_in else False)
                    for m in _find_mentions(c, by_token) + (_by_phrase(c, by_token) if owned else
                                                            _prep_objects(c, by_token, 2, event_noun))]
        elif (c.dep_ == "prep" or (c.dep_ == "dative" and c.pos_ == "ADP")) and c.lower_ not in SCENE_PREPS:
            for pobj in (g for g in c.children if g.dep_ == "pobj"):
                # "in Geneva" is a place; "at Iran's Ahvaz field" names whose field was hit
                out += [(m, c.lower_ in LOCATIVE_PREPS and m.start <= pobj.i < m.end)
                        for m in _find_mentions(pobj, by_token)]
        elif c.dep_ == "xcomp":
            # "urged Iran to stop": the object of the complement's subject slot
            for g in c.children:
                if g.dep_ in ("nsubj",):
                    out += [(m, False) for m in _find_mentions(g, by_token)]
        elif c.dep_ == "ccomp" and demands(verb, c) and not any(
                d.dep_ in ("dobj", "dative") for d in verb.children):
            # "demanded that Israel ease restrictions": Israel is who is asked; what it is asked to do is
            # the embedded clause's own (hypothetical) event
            for g in c.children:
                if g.dep_ in ("nsubj", "nsubjpass"):
                    out += [(m, False) for m in _find_mentions(g, by_token)]
    return out


# Nouns of a lasting state between parties rather than an act of one on the other.
STATE_NOUNS = {"war", "conflict", "hostility", "enmity", "rivalry", "relation", "tie"}
# Verbs under which talks are only asked for, offered or hoped for.
WISHING = {"ask", "call", "seek", "want", "offer", "propose", "invite", "hope", "plan", "urge", "demand",
           "request", "suggest", "push", "press", "favour", "favor", "welcome"}
# Nouns of talks and accords whose other side is named with "with" and whose own side may be the clause's.
TALK_NOUNS = MUTUAL_NOUNS | {"talk", "negotiation", "meeting", "consultation", "discussion", "summit"}


def _governing(tok: Token) -> Token | None:
    """The verb whose clause a noun phrase belongs to."""
    t = tok
    for _ in range(6):
        if t.head.i == t.i:
            return t if t.pos_ in ("VERB", "AUX") else None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _wished(noun: Token, verb: Token) -> bool:
    """Whether the noun is what the verb asks for or offers ("asked for consultations with Tokyo",
    "offered talks with X"), not the occasion it happens at ("offered a treaty at talks with Moscow")."""
    if noun.head.i == verb.i:
        return noun.dep_ in ("dobj", "xcomp", "attr", "nsubjpass")
    return noun.dep_ == "pobj" and noun.head.head.i == verb.i and noun.head.lower_ in ("for", "to")


def _nominal(
    noun: Token, by_token: dict[int, ResolvedMention],
) -> tuple[list[ResolvedMention], list[ResolvedMention], str]:
    """Source and target of an event noun: "X's invasion of Y", "talks between X and Y"."""
    sources: list[ResolvedMention] = []
    targets: list[ResolvedMention] = []
    prep_used = ""
    for c in noun.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i in by_token:
            sources.append(by_token[c.i])
        elif c.dep_ == "prep" and (c.lower_ not in SCENE_PREPS or c.lower_ == "by"):  # "an attack by X"
            objs = [m for g in c.children if g.dep_ == "pobj" for m in _find_mentions(g, by_token)
                    if not (c.lower_ in LOCATIVE_PREPS and m.start <= g.i < m.end)]  # "talks in Geneva"
            if c.lower_ in SYMMETRIC_PREPS and len(objs) >= 2:
                return objs[:1], objs[1:2], c.lower_
            if c.lower_ == "by":
                sources += objs
            elif objs:
                targets += objs
                if not prep_used or c.lower_ in ("with", "to", "against", "on", "for"):
                    prep_used = c.lower_
    return sources, targets, prep_used


# Meeting verbs: "X met Y" is a meeting of both.
MEETING = {"meet", "confer", "negotiate", "talk", "consult"}
# Verbs that are mutual with "with": "X signed an agreement with Y", "X agreed with Y on …".
WITH_MUTUAL = {"sign", "agree", "conclude", "reach", "discuss", "hold", "initial", "renew", "negotiate"}


def mutual(frame: Frame) -> bool:
    """Whether the act at this frame is one both sides perform: a meeting, talks, an accord between them."""
    if frame.nominal:
        return frame.lemma in MUTUAL_NOUNS | {"talk", "meeting", "negotiation", "summit", "consultation"} \
            and (not frame.preps or frame.preps[0] in ("with", "between", "among"))
    return frame.lemma in MEETING or (frame.lemma in WITH_MUTUAL and "with" in frame.preps)


def _reciprocal(frame: Frame) -> bool:
    """Whether coordinated subjects of this verb act on each other ("X and Y agreed", "X and Y reached an
    accord"; the frame's objects include the accord of "the accord (was) reached by X and Y")."""
    return frame.lemma in RECIPROCAL or (frame.lemma in AGREEING and any(o in MUTUAL_NOUNS for o in frame.objects))


def mentions_by_token(mentions: list[ResolvedMention]) -> dict[int, ResolvedMention]:
    """Each token of a sentence to the mention it lies in (the first, where mentions overlap), and each
    mention's head token to its own mention."""
    by_token: dict[int, ResolvedMention] = {}
    for m in mentions:
        for i in range(m.start, m.end):
            by_token.setdefault(i, m)
        by_token[m.head] = m
    return by_token


def uncovered(found: list[Candidate], existing: list[Candidate]) -> list[Candidate]:
    """The candidates of `found` whose (source, target), in this direction, no earlier candidate has:
    the first of each pair only."""
    done = {(id(c.source), id(c.target)) for c in existing}
    out: list[Candidate] = []
    for cand in found:
        key = (id(cand.source), id(cand.target))
        if key not in done:
            done.add(key)
            out.append(cand)
    return out


def find_candidates(sdoc: Doc, sentence: int, mentions: list[ResolvedMention],
                    place_target_ok: Callable[[Frame], bool] | None = None,
                    event_noun: Callable[[str], bool] | None = None) -> list[Candidate]:
    """Every (source, trigger, target) triple the parse supports, in one sentence.

    A state named as where something happened ("in Syria") is a target only where `place_target_ok`
    says the verb takes its target that way ("intervened in Syria").
    """
    by_token = mentions_by_token(mentions)
    out: list[Candidate] = []
    used_nouns: set[int] = set()
    for tok in sentence_tokens(sdoc).verbs_aux:
        if tok.pos_ != "VERB" and not (tok.pos_ == "AUX" and tok.dep_ == "ROOT"):
            continue
        sources, passive = _subjects(tok, by_token)
        if not sources:
            continue
        frame = verb_frame(tok)
        if tok.dep_ in ("acl", "relcl") and tok.head.lemma_.lower() in MUTUAL_NOUNS:
            frame.objects.append(tok.head.lemma_.lower())  # "the accord reached by …" reached an accord
        if passive:  # "the accord was reached by …" reached an accord
            frame.objects += [c.lemma_.lower() for c in tok.children
                              if c.dep_ in _PASS_SUBJ and c.lemma_.lower() in MUTUAL_NOUNS]
        found = [(t, loc) for t, loc in _targets(tok, by_token, passive, event_noun)
                 if all(t is not s for s in sources)]
        targets = [t for t, _ in found]
        locative = {id(t) for t, loc in found if loc is True}
        acted_on = {id(t) for t, loc in found if loc == "event"}
        construction = "passive" if passive else "svo"
        if tok.dep_ in ("xcomp", "conj") and not any(c.dep_ in _SUBJ for c in tok.children):
            construction = "chain"
        if not targets and len(sources) >= 2 and _reciprocal(frame):
            for a in sources:
                for b in sources:
                    if a is not b:
                        out.append(Candidate(sentence, a, b, tok.i, frame, "coordination"))
            continue
        for s in sources:
            for t in targets:
                place = id(t) in locative or (t.is_location and id(t) not in acted_on)
                if place and (place_target_ok is None or not place_target_ok(frame)):
                    continue
                out.append(Candidate(sentence, s, t, tok.i, frame, construction))
        # an act with its owner on it is an event of its own ("condemned Iraq's attack on Iran")
        used_nouns.update(c.i for c in tok.children if c.dep_ in ("dobj", "attr")
                          and not _owned_act(c, by_token, event_noun))
    for tok in sentence_tokens(sdoc).nouns_propn:
        if tok.pos_ != "NOUN" and not (tok.pos_ == "PROPN" and tok.i not in by_token and event_noun is not None
                                       and event_noun(tok.lemma_.lower())):  # "the U.S. Attack on Iran"
            continue
        if tok.i in used_nouns and not any(c.dep_ == "prep" and c.lower_ in SYMMETRIC_PREPS for c in tok.children):
            continue
        if tok.lemma_.lower() in STATE_NOUNS:
            continue  # "the war between Iran and Iraq" names a state of affairs, not an act
        sources, targets, prep = _nominal(tok, by_token)
        if targets and not sources and prep == "with" and tok.lemma_.lower() in TALK_NOUNS:
            # "offered a treaty at talks with Moscow", "his talks with U.S. officials": the talks are the
            # governing clause's subject's; talks asked for or offered have not happened ("asked for
            # consultations with Tokyo": the request is the verb's own event)
            verb = _governing(tok)
            if verb is not None and verb.lemma_.lower() in WISHING and _wished(tok, verb):
                continue
            sources = [m for m in (_subjects(verb, by_token)[0] if verb is not None else [])
                       if all(m is not t for t in targets)]
            if not sources and verb is not None and verb.dep_ == "ccomp" and any(
                    c.dep_ == "poss" and c.pos_ == "PRON" for c in tok.children):
                # "Funaro said his talks with U.S. officials had resulted in …": his, the speaker's
                sources = [m for m in _subjects(verb.head, by_token)[0] if all(m is not t for t in targets)]
        if not sources or not targets:
            continue
        frame = Frame(tok.lemma_.lower(), preps=[prep] if prep else [], nominal=True, verb=next(
            (c.lemma_.lower() for c in tok.children if c.dep_ == "compound" and c.tag_ == "NNS"
             and c.i == tok.i - 1 and c.i - 1 in by_token), ""))
        for s in sources:
            for t in targets:
                if s is not t:
                    out.append(Candidate(sentence, s, t, tok.i, frame, "nominal"))
                    if prep in SYMMETRIC_PREPS:
                        out.append(Candidate(sentence, t, s, tok.i, frame, "nominal"))
    return out
