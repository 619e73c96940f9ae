"""Token-level helpers of actor recognition: matching across line breaks, small tests on tokens, and whether
a state's name names the state where it stands."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy
from spacy.attrs import IS_SPACE, LOWER
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..geo import Gazetteer
    from .dictionary import ActorDictionary, Entry

__all__ = ["AGENT_BODY_NOUNS", "AIMING_VERBS", "BODY_NOUNS", "LOCATION_PREPS", "OFFICE_HEADS", "PRONOUN_WINDOW",
           "REPORT_NOUNS", "WIRE_SERVICES", "Compact", "acronym_of", "against_or_for", "bare_body_noun", "body_nouns",
           "flag_of", "flag_of_another", "information", "is_acronym", "kind_of_body", "location_role",
           "names_other_state", "of_head", "owned_name", "pronoun_before", "report_of", "state_entry", "state_nouns",
           "titled_name", "words"]

# A US state rather than the country: these places anywhere in the document, these words in the sentence.
_US_STATE_PLACES = {"Atlanta", "Savannah", "Seattle", "Spokane", "Olympia"}
_US_STATE_WORDS = {"governor", "Governor", "county", "County", "Gov.", "Sen.", "Rep.", "legislature"}
_GEORGIA_CUES = {"Tbilisi", "Georgian", "Georgians", "Saakashvili", "Ossetia", "Abkhazia", "Caucasus",
                 "Ivanishvili", "Kobakhidze", "Zourabichvili", "Batumi"}
# Bare nouns that, after "the", stand for the body the document last named with that word: "the
# community" after "the European Community", "the fund" after "the International Monetary Fund" (coref.py
# links them). "the bank" is left out: stories of the World Bank name commercial banks as often.
BODY_NOUNS = {"community", "fund"}
# ... and the same for bodies named by a sector's words: "the committee" after "a 14-bank advisory committee",
# "the exchange" after "the Tokyo Stock Exchange"
AGENT_BODY_NOUNS = {"committee", "exchange"}
# What an actor writes or issues, which later speaks for it: "a World Bank report ... The report said".
REPORT_NOUNS = {"report", "study", "survey", "communique", "statement"}
# Prepositions after which a place name says where something happened, not who acted.
LOCATION_PREPS = {"in", "at", "near", "into", "across", "outside", "off", "around", "throughout", "inside",
                  "along", "within", "over"}
# Verbs whose "at" names what they aim at, not where: "fired missiles at Russia", "lashed out at Japan".
AIMING_VERBS = {"fire", "shoot", "aim", "launch", "hurl", "throw", "lob", "point", "direct", "target", "strike",
                "lash", "swipe", "jab", "rail", "snipe", "hit", "level", "wag", "shout", "yell", "scream", "glare"}
# Last words of a name that make an organisation a state's office where the phrase names the state
# ("Britain's Export Credits Guarantee Department"); alone they may be anyone's ("the sales department").
OFFICE_HEADS = {"department", "ministry", "agency", "bureau", "directorate", "secretariat"}
# How far before a role word a subject pronoun makes its sentence worth parsing.
PRONOUN_WINDOW = 12


_SPACES = ("\n", "  ", "\t", "\r")

# Wire services named in datelines ("MOSCOW (Reuters) -") report events; they are not actors in them.
WIRE_SERVICES = {"Reuters", "AP", "AFP", "Associated Press", "Agence France-Presse", "Agence France Presse", "UPI",
                 "dpa", "Bloomberg", "ANSA", "EFE"}


def _spaced(doc: Doc, keep: list[int]) -> bool:
    """Whether a doc's text has a line break, a tab or a double space: its whitespace tokens (those not in
    `keep`) show most at once (a token's text is part of the doc's), the whole text the rest."""
    kept = set(keep)
    if any(any(s in doc[i].text for s in _SPACES) for i in range(len(doc)) if i not in kept):
        return True
    text = doc.text
    return any(s in text for s in _SPACES)


class Compact:
    """A doc without its whitespace tokens, so that phrases match across line breaks
    ("European\nCommunity"); the doc itself where it has none."""

    def __init__(self, doc: Doc) -> None:
        self.keep: list[int] | None = None
        self.doc = doc
        # (whitespace tokens first: a doc without them needs no compacting, and joining its text costs more)
        # (read as an array: a spaCy Token object for each token costs more than the matching)
        keep = numpy.flatnonzero(doc.to_array(IS_SPACE) == 0).tolist()
        if len(keep) < len(doc) and _spaced(doc, keep):
            self.keep = keep
            self.doc = Doc(doc.vocab, words=[doc[i].text for i in keep])

    def match(self, matcher: PhraseMatcher) -> list[tuple[int, int]]:
        """The matcher's token ranges in the original doc."""
        keep = self.keep
        if keep is None:
            return [(s, e) for _, s, e in matcher(self.doc)]
        return [(keep[s], keep[e - 1] + 1) for _, s, e in matcher(self.doc)]


def words(span: Span) -> int:
    """How many words a span has, not counting punctuation, spaces and possessive endings."""
    return sum(1 for t in span if not (t.is_punct or t.is_space or t.text in ("'s", "’s")))


def pronoun_before(doc: Doc, i: int) -> bool:
    """Whether a subject pronoun comes shortly before token i in its sentence ("Since then, it has resisted
    pressure from creditors"): the pronoun may stand for an actor named before, and the role word is its
    counterpart, so the sentence is worth parsing."""
    for t in reversed(doc[max(i - PRONOUN_WINDOW, 0):i]):
        if t.text in (".", "!", "?", ";") or "\n\n" in t.text:
            return False
        if t.lower_ in ("he", "she", "it", "they"):
            return True
    return False


def against_or_for(span: Span) -> bool:
    """Whether a state's name is the object of "pro-" or "anti-" ("pro-Russia", "anti - American")."""
    doc, i = span.doc, span.start
    before = [t.lower_ for t in doc[max(i - 2, 0):i]]
    return bool(before) and (before[-1] in ("pro-", "anti-") or before[-2:] in (["pro", "-"], ["anti", "-"]))


def flag_of(span: Span) -> bool:
    """Whether a state's name is the flag of what follows ("U.S. flag Kuwaiti tankers", "U.S.-flagged")."""
    if span.text.lower().endswith(("-flagged", "-registered")):  # one token: "U.S.-flagged"
        return True
    after = [t.lower_ for t in span.doc[span.end:span.end + 2]]
    return bool(after) and (after[0] in ("flag", "flagged", "-flagged") or after[:2] == ["-", "flagged"])


def flag_of_another(sp: Span, actors: list[Span], state_of: Callable[[Span], Entry | None]) -> bool:
    """Whether a state's name is only the flag of a thing another state's name also modifies ("the
    U.S.-flagged Kuwaiti tanker", "U.S. flag Kuwaiti tankers"); alone it is the ship's state ("a U.S.-flagged
    ship")."""
    if not flag_of(sp) or sp.root.dep_ not in ("amod", "compound"):
        return False
    thing = sp.root.head
    while thing.lower_ in ("flag", "flagged", "-") and thing.head.i != thing.i:
        thing = thing.head
    return any(a is not sp and a.root.head.i == thing.i and a.root.dep_ in ("amod", "compound")
               and state_of(a) is not None for a in actors)


def names_other_state(place: Span, inner: list[Span], places: Gazetteer,
                      state_of: Callable[[Span], Entry | None]) -> bool:
    """Whether a place's name holds another state's name ("New Jersey police", "British Columbia's
    premier"): the place is meant, not Jersey or Britain."""
    where = places.lookup(place.text)
    if where is None or where.country is None:
        return False
    return any((e := state_of(a)) is not None and e.country not in (None, where.country) for a in inner)


def state_entry(entries: list[Entry], span: Span, text: str, dictionary: ActorDictionary) -> Entry | None:
    """The state a span's entries name, unless the words around it say it is no state here: "Michael
    Jordan" is a person; "Georgia's governor" and "Washington state" are US states."""
    states = [e for e in entries if e.type not in ("agent", "leader", "pair", "igo", "ngo", "group")]
    if not states:
        return None
    e = states[0]
    if e.ambiguity == "person_name":
        # "Michael Jordan", "Chad Smith": part of a longer personal name
        root = span.root
        ent = next((x for x in root.doc.ents if x.start <= root.i < x.end), None)
        if (ent is not None and ent.label_ == "PERSON" and len(ent) > len(span)) or any(
            t.pos_ == "PROPN" and t.dep_ in ("compound", "flat") and not dictionary.lookup(t.text)
            for t in [*root.children, root.head] if t is not root
        ):
            return None
    if e.ambiguity == "us_state":
        nxt = span.doc[span.end].text if span.end < len(span.doc) else ""
        # the state's own words beside it ("Georgia's governor", "Washington Gov."), not any governor
        # in the sentence ("Nicaragua's central bank governor ... Washington")
        near = {t.text for t in span.doc[max(span.start - 4, 0):span.end + 4]}
        cued = any(w in text for w in _US_STATE_PLACES) or bool(near & _US_STATE_WORDS)
        if nxt in ("state", "State") or cued and not any(
            w in text for w in _GEORGIA_CUES | {"D.C.", "Beijing", "Moscow"}
        ):
            return None
    return e


def body_nouns(doc: Doc, hits: list[tuple[int, int]], dictionary: ActorDictionary) -> list[tuple[int, int]]:
    """ "the community" after a body named with that word (a hit naming "the European Community"), "the
    committee" after a committee: coreference links it, so its sentence is worth parsing."""
    first: dict[str, int] = {}
    for s, e in hits:
        bodies = [en for en in dictionary.lookup(doc[s:e].text) if en.type in ("igo", "ngo")]
        names = {doc[e - 1].lower_, *(w for en in bodies for w in (en.name or "").lower().split()[-1:])}
        for noun in names & BODY_NOUNS if bodies else ():
            first.setdefault(noun, e)
        if doc[e - 1].lower_ in AGENT_BODY_NOUNS:  # "the committee" after "a 14-bank advisory committee"
            first.setdefault(doc[e - 1].lower_, e)
    out = []
    for t in doc[min(first.values()):] if first else []:
        if t.lower_ in first and t.i > first[t.lower_]:
            before = doc[t.i - 2] if doc[t.i - 1].is_space else doc[t.i - 1]
            if before.lower_ == "the":
                out.append((t.i, t.i + 1))
    return out


def state_nouns(doc: Doc, hits: list[tuple[int, int]], nouns: set[str]) -> list[tuple[int, int]]:
    """ "the kingdom", "the country" after the first name found: coreference may link it to a state, so its
    sentence is worth parsing."""
    first = min((s for s, _ in hits), default=len(doc))
    # (the words' ids as an array: this reads the whole document, and a Token object a word costs more)
    strings = doc.vocab.strings
    lower = doc.to_array(LOWER)
    after = numpy.isin(lower[first + 1:], [strings[n] for n in nouns]) & (lower[first:-1] == strings["the"])
    return [(int(i), int(i) + 1) for i in numpy.flatnonzero(after) + first + 1]


def report_of(tok: Token) -> Token | None:
    """The report a mention's head is the author of: "a World Bank report", "the IMF's study", "a report by
    the OECD"; None for anything else."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ in ("by", "from"):
        head = head.head
    elif tok.dep_ not in ("compound", "poss"):
        return None
    return head if head.lower_ in REPORT_NOUNS and head.i != tok.i else None


# Adverbs of place that may hang off a bare body noun without making it another phrase.
_PLACE_ADVERBS = frozenset({"here", "there"})


def bare_body_noun(tok: Token) -> int | None:
    """Where "the" is before a body noun that nothing else modifies and that modifies nothing but as its
    owner ("the community would retaliate", "the exchange's response"); None for "the business community"
    or "the community budget"."""
    det = tok.i - 1
    while det > 0 and tok.doc[det].is_space:
        det -= 1
    if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound", "amod") or det < 0 \
            or tok.doc[det].lower_ != "the":
        return None
    # (a line break after the noun hangs off it too, as may "here": "talks with the committee here");
    # "the exchange of prisoners" is an act, not the body
    if any(c.dep_ not in ("det", "case", "punct", "prep", "relcl", "acl", "cc", "conj") and not c.is_space
           and c.lower_ not in _PLACE_ADVERBS or c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None
    return det


# "intelligence" is an agency ("Iraqi intelligence said") and also what agencies pass on: as the bare object
# of these verbs ("agreed to share military intelligence"), or of "of" after their nouns, it is information
_INFORMATION_NOUNS = frozenset({"intelligence", "counterintelligence", "counter-intelligence"})
_PASSING_ON = frozenset({"share", "exchange", "gather", "collect", "provide", "pass", "give", "receive", "obtain",
                         "leak", "sell", "supply", "seek", "sharing", "provision", "flow"})


def information(sp: Span) -> bool:
    """Whether a matched agency word is information passed on, not the agency ("to share intelligence")."""
    root = sp[-1]  # "military intelligence": the parse may hang "military" off the noun after the match
    if root.lower_ not in _INFORMATION_NOUNS or root.text[:1].isupper():
        return False
    if any(c.dep_ in ("det", "poss") for c in root.children):
        return False
    doc = root.doc
    # "a military intelligence-sharing pact", "intelligence-gathering flights"
    if root.i + 2 < len(doc) and doc[root.i + 1].text == "-" and not doc[root.i + 1].whitespace_:
        after = doc[root.i + 2]
        return after.lower_ in _PASSING_ON or after.lemma_.lower() in _PASSING_ON or after.lower_ == "gathering"
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of":
        head = head.head
    elif root.dep_ not in ("dobj", "conj", "pobj"):
        return False
    return head.lemma_.lower() in _PASSING_ON


_CURRENCY_NOUNS = {"dollar", "dollars", "dlr", "dlrs", "cent", "cents", "yen", "mark", "marks", "franc", "francs",
                   "pound", "pounds", "sterling", "lira", "lire", "peseta", "pesetas", "guilder", "guilders", "rupee",
                   "rupees", "peso", "pesos", "rand", "ruble", "rubles", "rouble", "roubles", "yuan", "won", "riyal",
                   "riyals", "dinar", "dinars", "shekel", "shekels", "krona", "kronor", "krone", "kroner", "euro",
                   "euros", "currency", "currencies"}


def currency_name(sp: Span) -> bool:
    """Whether a state's name only names its money ("53 billion U.S. dlrs", "the Canadian dollar", "Swiss
    francs"): a sum, not the state."""
    doc = sp.doc
    if sp[-1].lower_ in _CURRENCY_NOUNS:  # the model may take "U.S. Dlrs" for a body
        return True
    # the next word, whatever the parse made of it: it often hangs "U.S." off the number of "53 billion
    # U.S. Dlrs" (a newline in between)
    return money_follows(doc, sp.end)


def money_follows(doc: Doc, i: int) -> bool:
    """Whether the word at token i (past a line break) names a currency: "U.S.\nDlrs"."""
    nxt = next((t for t in doc[i:i + 2] if not t.is_space), None)
    # a noun: "Japan won the contract", "Britain marks the day" name no money
    return nxt is not None and nxt.lower_ in _CURRENCY_NOUNS and nxt.pos_ in ("NOUN", "PROPN")


def _given_half(sdoc: Doc, h: int) -> bool:
    """Whether token h is a hyphen written close between a word and a lower-case word: "-yong" of "In-yong"."""
    return (h + 1 < len(sdoc) and not sdoc[h - 1].whitespace_ and sdoc[h].text == "-" and not sdoc[h].whitespace_
            and sdoc[h + 1].is_alpha and sdoc[h + 1].text.islower())


def given_name_end(sdoc: Doc, end: int) -> int:
    """Where a person's name ends that the model cut short before a hyphenated given name: "Chung" of
    "Finance Minister Chung In-yong", "Rha" of "Rha Woong-bae" (a capitalised word, then a hyphen and a
    lower-case word, written together, as Korean and Chinese given names are romanised; a line break may
    come before it), or before the lower-case half of one ("Choi Kwang" of "Choi Kwang-soo")."""
    last = sdoc[end - 1]
    if last.text[:1].isupper() and _given_half(sdoc, end):
        return end + 2
    i = end + 1 if end < len(sdoc) and sdoc[end].is_space and "\n\n" not in sdoc[end].text else end
    if (i > end or last.whitespace_) and _given_half(sdoc, i + 1):
        first = sdoc[i]
        if first.is_alpha and first.text[:1].isupper() and first.text[1:].islower():
            return i + 3
    return end


def owned_name(sp: Span, actors: list[Span]) -> Span | None:
    """The organisation's name the model found right after a possessive ("Britain's" + "Export Credits
    Guarantee Department"), which the parse may split from its owner."""
    sdoc = sp.doc
    if sp.label_ != "ACTOR" or sp.end + 1 >= len(sdoc) or sdoc[sp.end].text not in ("'s", "’s"):
        return None
    return next((a for a in actors if a.start == sp.end + 1 and a.label_ == "NER_ORG"), None)


def location_role(span: Span, entries: list[Entry]) -> bool:
    """A place name that says where ("in Syria", "at the Kremlin"), not a demonym or an actor."""
    tok = span.root
    if any(e.type == "demonym" for e in entries):
        return False
    while tok.dep_ in ("compound", "conj") and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.lower_ not in LOCATION_PREPS:
        return False
    prep = tok.head
    return not (prep.lower_ == "at" and prep.head.lemma_.lower() in AIMING_VERBS)


# Role words that, before the noun of a body, only say which of its bodies it is: "the executive board".
_BODY_KINDS = {"executive": {"board", "committee", "commission", "council", "body", "bureau", "directors"}}


# Role words that also name an act: "their opposition", "opposition to the plan", "opposition from Britain"
# are objections, not the opposition.
_ACT_NOUNS = {"opposition"}


def kind_of_body(sp: Span) -> bool:
    """Whether a matched role word only qualifies a body's noun ("the fund's executive board", "the EC's
    executive Commission"), or names an act ("their opposition to the plan"): no actor is named."""
    if len(sp) != 1:
        return False
    tok = sp[0]
    if tok.lower_ in _ACT_NOUNS:
        return any(c.dep_ == "poss" and c.tag_ == "PRP$" or c.dep_ == "prep" and c.lower_ in ("to", "from")
                   for c in tok.children)
    return tok.lower_ in _BODY_KINDS and tok.dep_ in ("compound", "amod") and tok.head.lower_ in _BODY_KINDS[tok.lower_]


def acronym_of(name: str) -> str | None:
    """The initials of a name's capitalised words: "Inter-American Development Bank" -> IADB."""
    words = [w for part in name.split() for w in part.split("-")]
    caps = [w[0] for w in words if w[:1].isupper()]
    return "".join(caps) if len(caps) >= 2 else None


def is_acronym(text: str) -> bool:
    """Whether a word is written as an acronym: "EC", "U.N.", "OPEC"."""
    core = text.replace(".", "")
    return 2 <= len(core) <= 6 and core.isalpha() and core.isupper()


def of_head(sp: Span, head: Token) -> bool:
    """Whether a span modifies the head ("bank officials") or hangs off it as "of" + it ("president of the
    bank")."""
    up = sp.root.head
    if up.i == head.i:
        return sp.root.dep_ in ("compound", "amod", "nmod")
    return up.dep_ == "prep" and up.lower_ == "of" and up.head.i == head.i


def titled_name(sp: Span, group: list[Span], head: Token, entries: Callable[[Span], list[Entry]]) -> bool:
    """Whether a place's name is the head of the phrase right after a person's title of it ("Queen
    Sofia"): the name of the person, not the place ("the Moroccan king", "U.S. President Reagan" are not).
    `entries` gives a matched span's dictionary entries."""
    if sp.root.i != head.i or sp.start == 0 or not sp[0].text[:1].isupper():
        return False
    before = sp.doc[sp.start - 1]
    return any(o.end == sp.start and o.label_ == "ACTOR" and before.text[:1].isupper() and any(
        e.type == "agent" and e.kind == "person" for e in entries(o)) for o in group)
