"""Which candidate pairs give an actor a role its words do not: the coder drops them before the classifier.

Shapes the whole-article gold showed as false positives (read on the dev half; issue 11):

- a journey's place is no party to talks with someone else: "flew to Paris for talks with creditor
  banks" meets the banks, not France ("was in Washington for trade talks", with no other side named, is
  a visit to Washington, as the articles gold codes it); and the place a journey leaves is no party to it
  ("left Washington for a tour of Europe");
- one's own forces are no target of their moves: "the Pentagon has moved 18 warships into the Gulf";
- the one a thing is received from is no target of the receiving: "received a loan from the Japanese
  Export-Import Bank" (whatever the lender did, the borrower did nothing to it);
- a debt owed or paid is a figure, no act between debtor and creditor: "Brazil owes U.K. banks 8.5
  billion dlrs", "repaid 500 mln dlrs to the banks", "paid interest to its creditors";
- weapons bought are goods, though the actor tables read "warplanes" and "fighters" as forces: "agreed
  to buy 132 warplanes including 72 Tornado fighters";
- a body and its members: "the GCC ... comprises Bahrain, Kuwait, Oman" is no act of either.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..actors.moved_forces import MOVING
from ..actors.resolved import FROM_CONTEXT, ResolvedMention
from .extract import TALK_NOUNS, _conjuncts, _find_mentions
from .reach import TRAVEL_VERBS as JOURNEY_VERBS
from .reach import TRIP_NOUNS

__all__ = ["bought_goods", "debt_figure", "lender_of", "membership", "own_forces", "venue_of_talks"]

# Journeys, by noun and by verb: those reach.py proposes, and setting off ("departed for", "set out for").
TRAVEL_VERBS = JOURNEY_VERBS | {"depart", "set"}
# Verbs whose direct object is the place a journey starts from.
LEAVING = {"leave", "depart", "quit"}
# Prepositions that name where a journey goes or stays.
_WHERE = {"to", "for", "in", "into", "of", "at"}


def _phrase_head(tok: Token) -> Token:
    """The first of a list a token is a member of ("Britain" in "to France and Britain" is "France")."""
    for _ in range(8):
        if tok.dep_ not in ("conj", "appos") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def _destination(trig: Token, place: Token) -> bool:
    """Whether `place` is where the journey of `trig` goes or stays: its object ("visit Paris") or the
    object of a preposition of place on it ("flew to Paris", "a tour of Europe")."""
    place = _phrase_head(place)
    if place.head.i == trig.i and place.dep_ == "dobj":
        return True
    return place.dep_ == "pobj" and place.head.lower_ in _WHERE and place.head.head.i == trig.i


def _purposes(trig: Token) -> list[Token]:
    """The nouns a journey is for: "for talks with X" on its verb, and a trip noun's own conjuncts ("a tour
    of Europe and debt talks with X")."""
    verb = trig
    out: list[Token] = []
    if trig.pos_ in ("NOUN", "PROPN"):
        out += _conjuncts(trig)
        if trig.dep_ == "pobj" and trig.head.head.pos_ in ("VERB", "AUX"):
            verb = trig.head.head
    out += [n for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
            for g in c.children if g.dep_ == "pobj" for n in _conjuncts(g)]
    return out


def _other_side(m: ResolvedMention, place: ResolvedMention) -> bool:
    """Whether the party talked with is not the place's own: "creditor banks", "Japanese officials" beside
    Paris (not "governments" or "officials" unnamed, who may be the place's)."""
    if m.country is not None:
        return m.country != place.country
    return m.mention.sector not in (None, "GOV")


def venue_of_talks(sdoc: Doc, target: ResolvedMention, trigger: int,
                   by_token: dict[int, ResolvedMention]) -> bool:
    """Whether the target is only the place a journey leaves, or the place of talks with another party."""
    trig, place = sdoc[trigger], sdoc[target.head]
    lemma = trig.lemma_.lower()
    if lemma in LEAVING and _phrase_head(place).dep_ == "dobj" and _phrase_head(place).head.i == trig.i:
        return True  # "left Washington": where the journey starts
    if lemma not in TRIP_NOUNS | TRAVEL_VERBS or not _destination(trig, place):
        return False
    for noun in _purposes(trig):
        if noun.lemma_.lower() not in TALK_NOUNS:
            continue
        others = [m for c in noun.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "among")
                  for g in c.children if g.dep_ == "pobj" for m in _find_mentions(g, by_token)]
        if any(m is not target and _other_side(m, target) for m in others):
            return True
    return False


def own_forces(sdoc: Doc, source: ResolvedMention, target: ResolvedMention, trigger: int) -> bool:
    """Whether the target is forces the source moves: the military object of a verb of moving whose
    country is the source's or comes from no word of its own ("moved 18 warships into the Gulf")."""
    trig, head = sdoc[trigger], _phrase_head(sdoc[target.head])
    if trig.lemma_.lower() not in MOVING or head.dep_ != "dobj" or head.head.i != trig.i:
        return False
    m = target.mention
    return m.sector == "MIL" and (m.country is None or m.country == source.mention.country
                                  or m.country_from in FROM_CONTEXT)


# Verbs of receiving: "X received a loan from Y".
RECEIVING = {"receive", "get", "obtain", "secure", "win", "gain", "collect", "borrow"}


def lender_of(sdoc: Doc, target: ResolvedMention, trigger: int) -> bool:
    """Whether the target is who the subject receives something from ("received a loan from the bank")."""
    trig, head = sdoc[trigger], _phrase_head(sdoc[target.head])
    return (trig.lemma_.lower() in RECEIVING and head.dep_ == "pobj" and head.head.lower_ == "from"
            and head.head.head.i == trig.i)


# A debt and its service: figures, never acts between debtor and creditor.
DEBT_VERBS = {"owe", "repay", "reimburse"}
DEBT_NOUNS = {"debt", "interest", "arrears", "arrear", "installment", "instalment", "repayment", "principal",
              "loan", "premium", "dividend", "fee", "bill"}


def debt_figure(trigger: Token) -> bool:
    """Whether a candidate's trigger is a debt owed, repaid or paid ("owes U.K. banks 8.5 billion dlrs",
    "paid interest to its creditors"), not an act between the two."""
    lemma = trigger.lemma_.lower()
    if trigger.pos_ not in ("VERB", "AUX"):
        return False
    if lemma in DEBT_VERBS:
        return True
    return lemma in ("pay", "service") and any(
        o.lemma_.lower() in DEBT_NOUNS for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")
        for o in _conjuncts(c))


# Verbs of buying: their object is goods.
BUYING = {"buy", "purchase", "acquire", "procure", "import", "obtain", "lease"}


def bought_goods(sdoc: Doc, target: ResolvedMention, trigger: int) -> bool:
    """Whether the target is armed forces' gear bought ("buy 132 warplanes including 72 Tornado fighters"):
    a military mention that is the object of a verb of buying, or set in that object by "including"."""
    trig, head = sdoc[trigger], _phrase_head(sdoc[target.head])
    if trig.lemma_.lower() not in BUYING or target.mention.sector not in ("MIL", "REB"):
        return False
    if head.dep_ == "pobj" and head.head.lower_ in ("including", "of", "like"):
        head = _phrase_head(head.head.head)
    return head.dep_ == "dobj" and head.head.i == trig.i


# Verbs by which a body names its members.
MEMBERSHIP = {"comprise", "consist", "encompass", "group", "include"}


def membership(trigger: Token) -> bool:
    """Whether a candidate's trigger names a body's members ("the GCC comprises Bahrain, Kuwait, ...")."""
    return trigger.pos_ in ("VERB", "AUX") and trigger.lemma_.lower() in MEMBERSHIP
