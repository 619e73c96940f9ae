"""Candidate pairs beyond the verb patterns of extract.py, left for the classifier to judge.

Whole-article gold showed events the patterns never propose although both actors are recognised:
coordinated subjects of a verb that is not reciprocal by itself ("the United States and Japan remain at
odds", "U.S. and Japanese officials reviewed ..."), and the owner of a demand, offer or request that the
clause's subject answers ("Sudan rejected a demand by the IMF": the IMF asked Sudan; "Welcoming
Gorbachev's offer, Reagan said": Gorbachev offered Reagan something), and a speaker towards the subject of
what was said (a praise or an accusation). They come only where the classifier runs, which was trained on
the real negatives of such pairs and may well say NONE.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..actors.recognize import ResolvedMention
from .control import object_control
from .extract import (_OWN_CLAUSE, _PASS_SUBJ, _SUBJ, LOCATIVE_PREPS, SCENE_PREPS, STATE_NOUNS, Candidate, Frame,
                      _find_mentions, _governing, _owned_act, _subjects, _targets, mentions_by_token, uncovered,
                      verb_frame)
from .holders import _counted
from .tokens import sentence_tokens

__all__ = ["extra_candidates", "fallback_candidates", "origin_of"]

# Nouns of places: below a locative preposition they set the scene ("off the coast of Oman"); other
# nouns there name an occasion whose parties are the verb's ("in talks with X", "in aid to Y").
PLACE_NOUNS = {"coast", "region", "area", "capital", "city", "port", "border", "frontier", "water", "sea",
               "gulf", "strait", "territory", "province", "country", "embassy", "island", "airport", "town",
               "village", "zone", "field", "front", "base", "street", "square", "office", "headquarters",
               "building", "state", "nation", "part", "place", "north", "south", "east", "west", "district"}

# Nouns of goods and weapons: a nationality word on one says where it was made ("equipped itself with
# Chinese missiles", "buying British missiles"), which makes that state a party only to force or coercion
# ("shot down an Iraqi jet", "tariffs on Japanese semiconductors"). Not ships: a state is a party to what
# is done to the ships under its flag ("escorted Kuwaiti tankers" aids Kuwait, as the articles gold has it).
MATERIAL_NOUNS = {"missile", "weapon", "arm", "rocket", "artillery", "gun", "ammunition", "munition",
                  "equipment", "hardware", "aircraft", "plane", "jet", "fighter", "helicopter", "warplane",
                  "cargo", "oil", "crude", "gas", "grain",
                  "wheat", "corn", "rice", "sugar", "coffee", "beef", "good", "product", "car", "vehicle",
                  "steel", "textile", "computer", "chip", "semiconductor", "technology", "component", "part",
                  "machinery", "export", "import", "commodity", "material", "shipment", "supply"}

# Participles of making: "Chinese-made missiles", "Soviet-built jets" say where a thing was made.
MAKING = {"make", "build", "manufacture", "design", "produce", "supply"}

# Units of money: a nationality word on one names a currency, never a party ("68 billion U.S. dlr debt").
UNIT_NOUNS = {"dlr", "dollar", "yen", "mark", "franc", "pound", "sterling", "lira", "peso", "rouble", "ruble",
              "rupee", "currency", "crown", "krona", "guilder", "schilling", "dinar", "riyal", "rand"}

_OWNER_DEPS = ("poss", "compound", "amod", "nmod")
# Verbs by which a clause's subject answers another's demand, offer or pressure: "rejected a demand by the
# IMF", "welcoming Gorbachev's offer", "resisted pressure from creditors".
ANSWERING = {"reject", "accept", "welcome", "decline", "refuse", "resist", "oppose", "consider", "study",
             "support", "back", "endorse", "respond", "answer", "dismiss", "spurn", "approve", "hail", "praise",
             "criticize", "criticise", "examine", "review", "receive", "heed", "ignore", "satisfy", "comply",
             "bow", "yield", "deny", "turn", "brush", "rebuff", "greet", "applaud", "discuss", "weigh", "rebut",
             "refute", "counter"}
# Verbs by which it receives another's act: "Kuwait has the full support of Saudi Arabia".
RECEIVING = {"have", "enjoy", "win", "receive", "get", "gain", "secure", "obtain"}


# Verbs by which coordinated subjects address a third party or a motion together, never each other: "West
# Germany and Britain called for the rise to be kept to 30 pct", "X and Y appealed to Z", "France, Italy and
# Japan abstained".
JOINT = {"appeal", "call", "urge", "ask", "demand", "request", "press", "plead", "petition", "insist", "vote",
         "abstain"}


def _coordinated(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention]) -> list[Candidate]:
    """Both directions between the coordinated subjects of every verb that acts on nobody else ("the
    United States and Japan remain at odds"; not "the United States and Britain vetoed a Security Council
    resolution": they vetoed it together; nor of a verb of JOINT: they appeal or vote together)."""
    out: list[Candidate] = []
    for tok in sentence_tokens(sdoc).verbs_aux:
        if (tok.pos_ != "VERB" and not (tok.pos_ == "AUX" and tok.dep_ == "ROOT")) or tok.lemma_.lower() in JOINT:
            continue
        subjects = [m for c in tok.children if c.dep_ in _SUBJ for m in _find_mentions(c, by_token)
                    if not m.is_location and m.source != "pair"]
        if len(subjects) < 2 or any(all(t is not s for s in subjects) and not t.is_location
                                    for t, _ in _targets(tok, by_token, False)):
            continue
        frame = verb_frame(tok)
        out += [Candidate(sentence, a, b, tok.i, frame, "pair") for a in subjects for b in subjects if a is not b]
    return out


def _owners(noun, by_token: dict[int, ResolvedMention]) -> list[ResolvedMention]:
    """The actors whose act an event noun names: "the IMF's demand", "a demand by the IMF", "pressure from
    creditors", "the support of Saudi Arabia", "demands by a group of governors"."""
    found = [by_token[c.i] for c in noun.children if c.dep_ in _OWNER_DEPS and c.i in by_token]
    found += [m for c in noun.children if c.dep_ == "prep" and c.lower_ in ("by", "of", "from")
              for g in c.children if g.dep_ == "pobj"
              for m in (_find_mentions(g, by_token) if g.i in by_token else _counted(g, by_token))]
    return [m for m in found if not m.is_location and m.source != "pair"]


def _aimed_at(noun: Token, by_token: dict[int, ResolvedMention]) -> bool:
    """Whether an event noun names its own target: "a strike against Iranian targets", "aid to Manila"."""
    return any(c.dep_ == "prep" and c.lower_ in ("against", "on", "to", "at", "into", "with")
               for c in noun.children for g in c.children if g.dep_ == "pobj" and _find_mentions(g, by_token))


def _answered(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention],
              event_noun: Callable[[str], bool], triggers: set[int]) -> list[Candidate]:
    """The owner of an act named by a noun, towards the subject of the clause that answers it."""
    out: list[Candidate] = []
    for tok in sentence_tokens(sdoc).nouns_propn:
        if tok.i in by_token or not event_noun(tok.lemma_.lower()):
            continue
        owners = _owners(tok, by_token)
        verb = _governing(tok)
        if not owners or verb is None or verb.lemma_.lower() not in ANSWERING | RECEIVING or tok.i in triggers:
            continue  # "Tokyo pledges aid to Manila" names its own target
        if not (tok.head.i == verb.i or (tok.dep_ == "pobj" and tok.head.head.i == verb.i)):
            continue  # "met to discuss policy in preparation for the IMF's meeting" answers no meeting
        subjects = _subjects(verb, by_token)[0]
        frame = Frame(tok.lemma_.lower(), nominal=True)
        # an act aimed at someone it names ("Reagan's strike against Iranian targets") was not aimed at
        # whoever backs or answers it: only the answer is theirs
        aimed = _aimed_at(tok, by_token)
        for s in owners:
            for t in subjects:
                if s is not t and not t.is_location:
                    # the owner acted ("the IMF demanded"), the subject answers it ("rejected", "welcomed")
                    if not aimed:
                        out.append(Candidate(sentence, s, t, tok.i, frame, "nominal"))
                    if verb.lemma_.lower() in ANSWERING:
                        out.append(Candidate(sentence, t, s, verb.i, verb_frame(verb), "pair"))
    return out


def _said(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention],
          hostile: Callable[[Frame], bool] | None = None) -> list[Candidate]:
    """The speaker towards the subject of what was said: "Howe said the United States was entitled to
    act" praises, "the committee said the administration's policies contributed" blames. Most such pairs
    are no event (attribution is not action); the classifier learned that from the dev articles.

    Where what was said is force or coercion by another state's party ("Iraq said Iranian gunboats
    attacked a Kuwaiti tanker"), the saying accuses it (the annotators' convention): the pair's frame
    is then an accusation's, for the lexicon and the classifier to weigh."""
    out: list[Candidate] = []
    for tok in sentence_tokens(sdoc).verbs_aux:
        speakers = [m for c in tok.children if c.dep_ in _SUBJ for m in _find_mentions(c, by_token)
                    if not m.is_location and m.source != "pair"]
        if not speakers:
            continue
        frame = verb_frame(tok)
        for clause in (c for c in tok.children if c.dep_ == "ccomp"):
            said = [m for c in clause.children if c.dep_ in _SUBJ | {"nsubjpass"}
                    for m in _find_mentions(c, by_token) if not m.is_location and m.source != "pair"]
            doers = [m for c in clause.children if c.dep_ in _SUBJ for m in _find_mentions(c, by_token)]
            accused = hostile is not None and hostile(verb_frame(clause))
            for sp in speakers:
                for t in (t for t in said if t is not sp):
                    blamed = (accused and any(t is d for d in doers) and sp.country and t.country
                              and sp.country != t.country)
                    out.append(Candidate(sentence, sp, t, tok.i, Frame("accuse") if blamed else frame, "said"))
    return out


def _undergone(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention],
               event_noun: Callable[[str], bool]) -> list[Candidate]:
    """Acts a clause's subject is under, towards it from whoever does them: "the positions were under
    assault from Iraqi warplanes", "Kuwait, whose shipping has come under attack by Iran"."""
    out: list[Candidate] = []
    for tok in sentence_tokens(sdoc).nouns:
        if not (tok.dep_ == "pobj" and tok.head.lower_ == "under"
                and tok.head.head.pos_ in ("VERB", "AUX") and event_noun(tok.lemma_.lower())):
            continue
        verb = tok.head.head
        doers = [m for c in tok.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                 for g in c.children if g.dep_ == "pobj" for m in _find_mentions(g, by_token)]
        doers += [by_token[c.i] for c in tok.children if c.dep_ in ("amod", "poss") and c.i in by_token]
        undergoers = _subjects(verb, by_token)[0]
        if not undergoers and verb.dep_ == "relcl" and any(  # "Kuwait, whose shipping has come under …"
                g.dep_ == "poss" and g.lower_ == "whose" for c in verb.children if c.dep_ in _SUBJ for g in c.children):
            undergoers = _find_mentions(verb.head, by_token)
        frame = Frame(tok.lemma_.lower(), nominal=True)
        out += [Candidate(sentence, s, t, tok.i, frame, "nominal") for s in doers for t in undergoers
                if s is not t and not s.is_location]
    return out


# Nouns of meetings whose two sides may be named on them: "a U.S.-Israeli trade meeting".
MEETING_NOUNS = {"talk", "meeting", "negotiation", "consultation", "discussion", "summit"}


def _dyads(sdoc: Doc, sentence: int, by_token: dict[int, ResolvedMention]) -> list[Candidate]:
    """Both directions between the two sides named on a meeting: "U.S.-Soviet arms talks"."""
    out: list[Candidate] = []
    for tok in sentence_tokens(sdoc).nouns:
        if tok.lemma_.lower() not in MEETING_NOUNS:
            continue
        sides: list[ResolvedMention] = []
        for c in (c for c in tok.children if c.dep_ in ("amod", "compound", "nmod") and c.i in by_token):
            sides.append(by_token[c.i])
            sides += [by_token[g.i] for g in c.children
                      if g.dep_ in ("npadvmod", "compound", "amod", "nmod") and g.i in by_token]
        sides = [m for i, m in enumerate(sides) if all(m is not o for o in sides[:i]) and not m.is_location]
        if len(sides) == 2:
            frame = Frame(tok.lemma_.lower(), preps=["between"], nominal=True)
            out += [Candidate(sentence, a, b, tok.i, frame, "nominal") for a in sides for b in sides if a is not b]
    return out


def extra_candidates(sdoc: Doc, sentence: int, mentions: list[ResolvedMention], existing: list[Candidate],
                     event_noun: Callable[[str], bool],
                     hostile: Callable[[Frame], bool] | None = None) -> list[Candidate]:
    """Pairs of coordinated subjects and of answered acts that no earlier candidate covers."""
    by_token = mentions_by_token(mentions)
    triggers = {c.trigger for c in existing}
    return uncovered(_undergone(sdoc, sentence, by_token, event_noun) + _dyads(sdoc, sentence, by_token)
                     + _coordinated(sdoc, sentence, by_token)
                     + _answered(sdoc, sentence, by_token, event_noun, triggers)
                     + _said(sdoc, sentence, by_token, hostile), existing)


def _subject_verb(tok: Token) -> Token | None:
    """The verb whose subject phrase contains this token, if any."""
    t = tok
    for _ in range(8):
        if t.dep_ in _SUBJ | _PASS_SUBJ:
            return t.head
        if t.head.i == t.i:
            return None
        t = t.head
    return None


def _place_phrase(prep: Token) -> bool:
    """Whether a locative preposition's object is a place ("in Geneva", "off the coast"), not an occasion
    or act ("in talks with X", "in retaliation for Y", "in providing a loan to Z")."""
    objs = [c for c in prep.children if c.dep_ in ("pobj", "pcomp")]
    return not objs or any(o.pos_ not in ("NOUN", "VERB") or o.lemma_.lower() in PLACE_NOUNS for o in objs)


# Adjectives of a comparison: the actor they compare with is no party ("a quota equal to Iran's").
COMPARING = {"equal", "similar", "comparable", "identical", "equivalent", "superior", "inferior", "close",
             "akin", "proportional", "relative"}


# Words of bearing: the place "of" names after one is where, never who ("120 miles east of Bahrain").
DIRECTIONS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
              "north-east", "north-west", "south-east", "south-west"}


def _argument_path_ok(verb: Token, tok: Token, owned: Callable[[Token], bool] = lambda _: False) -> bool:
    """Whether `tok` sits in `verb`'s own clause outside scene and place phrases: the chain of heads from
    it up to the verb crosses no clause with a subject of its own and no locative or scene preposition.
    (Letting the fallback into reported clauses, "X said Y was responsible", found more sentence-gold
    events but cost whole-article precision and recall at the default threshold: measured, left out.)"""
    t = tok
    top = tok  # the head of the actor's own phrase: "Oman" of "of Oman and Qatar"
    while top.dep_ in ("conj", "appos", "compound") and top.head.i != top.i:
        top = top.head
    for _ in range(12):
        if t.i == verb.i:
            return True
        if t.dep_ == "pcomp" and t.pos_ == "VERB" and t.head.head.i == verb.i and object_control(t):
            return False  # "charged Japan with violating GATT rules": GATT's rules are the violating's, Japan's
        if t.dep_ in _SUBJ | _PASS_SUBJ and t.head.i != verb.i and any(
                c.tag_ in ("WP", "WDT") for c in t.head.children):
            return False  # "struck the refinery in what the Pentagon called an escalation": who names the act
        if t.dep_ in _OWN_CLAUSE or (t.dep_ == "conj" and t.pos_ in ("VERB", "AUX")
                                      and any(c.dep_ in _SUBJ | _PASS_SUBJ for c in t.children)):
            return False
        if t.dep_ == "prep" and t.lower_ in SCENE_PREPS and not (t.lower_ == "by" and t.head.pos_ == "NOUN"):
            return False  # "a demand by the IMF" names who demanded
        if t.dep_ == "prep" and t.lower_ != "by" and owned(t.head):
            return False  # "backed Reagan's strike against Iranian targets": the strike's target, not the verb's
        if t.dep_ == "prep" and t.lower_ == "of" and t.head.lemma_.lower() in DIRECTIONS and top.head.i == t.i:
            return False  # "attacked the platform 120 miles east of Bahrain": a bearing from a place
        if t.dep_ == "prep" and t.head.lemma_.lower() in COMPARING:
            return False  # "insisting on a quota equal to its enemy Iran": Iran is what it is measured by
        # "in Geneva" and "off the coast of Oman" are places; "at Iran's Ahvaz field" names whose field:
        # below a locative preposition only the owner of its noun is an argument
        if t.dep_ == "prep" and t.lower_ in ("in", "during", "throughout") and any(
                o.dep_ == "pobj" and o.lemma_.lower() in STATE_NOUNS for o in t.children):
            return False  # "backed Iraq in the war against Iran": the war is the scene
        if t.dep_ == "prep" and t.lower_ in LOCATIVE_PREPS and _place_phrase(t) and not (
                tok.dep_ in ("poss", "amod", "compound", "nmod") and tok.head.head.i == t.i):
            return False
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _in_owned_act(tok: Token, verb: Token, owned: Callable[[Token], bool]) -> bool:
    """Whether `tok` is the object of a preposition on an act someone else owns, or in a clause of its own
    ("Kuwait, whose shipping came under attack by Iran, has …"), below `verb`."""
    t = tok
    for _ in range(8):
        if t.i == verb.i or t.head.i == t.i:
            return False
        if (t.dep_ == "prep" and t.lower_ != "by" and owned(t.head)) or t.dep_ in ("relcl", "acl", "advcl"):
            return True
        t = t.head
    return False


def fallback_candidates(sdoc: Doc, sentence: int, mentions: list[ResolvedMention], existing: list[Candidate],
                        event_noun: Callable[[str], bool] | None = None) -> list[Candidate]:
    """Pairs the patterns missed: an actor in a verb's subject and another in the rest of its own clause.

    Left for the classifier, which may well say no event passes between them. An actor in a clause of
    its own (a coordinated clause with its own subject, a reported or adverbial clause) or in a place
    or scene phrase is not in the verb's clause.
    """
    # a pair the patterns found, in either direction, is theirs: "Kyiv was attacked by Russian forces"
    done = {(id(c.source), id(c.target)) for c in existing} | {(id(c.target), id(c.source)) for c in existing}
    actors = [m for m in mentions if m.source != "pair" and not m.is_location]
    by_token = mentions_by_token(mentions)
    owned = lambda noun: _owned_act(noun, by_token, event_noun)  # noqa: E731
    out: list[Candidate] = []
    for a in actors:
        verb = _subject_verb(sdoc[a.head])
        if verb is None or verb.pos_ not in ("VERB", "AUX") or _in_owned_act(sdoc[a.head], verb, owned):
            continue  # "Iraq's attack on Iran was condemned by Syria": Iran did not condemn
        subj_tokens = {t.i for c in verb.children if c.dep_ in _SUBJ | _PASS_SUBJ for t in c.subtree}
        for b in actors:
            if b is a or (id(a), id(b)) in done or b.head in subj_tokens:
                continue
            if not _argument_path_ok(verb, sdoc[b.head], owned):
                continue
            out.append(Candidate(sentence, a, b, verb.i, verb_frame(verb), "pair"))
    return out


# Nouns of negotiations named for a place: "the Uruguay round", "the Tokyo round".
NAMED_ROUNDS = {"round"}

# Nouns of news media: a place or state named on one is the medium ("Tehran radio said"), never a party.
MEDIA_NOUNS = {"radio", "television", "tv", "agency", "newspaper", "paper", "daily", "weekly", "broadcast"}


def origin_of(sdoc: Doc, m: ResolvedMention) -> str | None:
    """"media" where a mention is only a name on a news medium ("Tehran" in "Tehran radio"), "unit" where it
    is only a nationality word on a unit of money ("U.S." in "68 billion U.S. dlr debt"), "name" where it
    names a round of talks ("the Uruguay round"), "maker" where it
    says where a thing was made ("Chinese-made missiles"), "material" where it is one on a noun of goods or
    weapons ("Chinese" in "Chinese missiles", "Chinese Silkworm missiles"; not "Iran's missiles": an
    owner), else None."""
    head = sdoc[m.head]
    if m.end < len(sdoc) and sdoc[m.end].lemma_.lower() in UNIT_NOUNS:
        return "unit"
    if m.end < len(sdoc) and sdoc[m.end].lower_ in NAMED_ROUNDS:
        return "name"  # "the Uruguay round (talks)": talks named for where they began, however parsed
    if (head.dep_ == "npadvmod" and head.head.lemma_.lower() in MAKING and head.head.dep_ == "amod"
            and not m.start <= head.head.i < m.end):
        return "maker"  # "fired a Chinese-made missile": where it was made, never a party
    if head.dep_ not in ("amod", "compound", "nmod") or m.start <= head.head.i < m.end:
        return None
    noun = head.head
    # "Chinese Silkworm missiles": the thing a nationality word's whole name sits on (not "Iran Silkworm
    # missiles": a state's own)
    for _ in range(4 if head.ent_type_ == "NORP" or head.pos_ == "ADJ" else 0):
        if noun.dep_ not in ("compound", "nmod") or noun.head.pos_ not in ("NOUN", "PROPN") or noun.head.i <= noun.i:
            break
        noun = noun.head
    if noun.i != head.head.i and noun.lemma_.lower() in MATERIAL_NOUNS and noun.pos_ == "NOUN":
        return "material"
    lemma = head.head.lemma_.lower()
    if lemma in MEDIA_NOUNS:
        return "media"
    return "unit" if lemma in UNIT_NOUNS else "material" if lemma in MATERIAL_NOUNS and head.head.pos_ == "NOUN" \
        else None
