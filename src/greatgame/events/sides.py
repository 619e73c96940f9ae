"""Which candidate pairs name one party twice: the coder drops them before the classifier sees them.

Shapes the dev half of the articles gold showed as false positives:

- a title and a name of one person ("Jacques Delors, the president of the EC Commission", "Prime
  Minister Nakasone of Japan") are one party: never the two sides of one event, and the act of one of
  them towards another party is proposed once, not once for the title and again for the name;
- "the two countries", "both sides" stand for the two states just named: never a party beside one of them
  ("Israel said the two countries would ..." is no event of Israel's towards Egypt);
- where a party comes from is no target of its acts: "issues to be discussed by the ministers from Bahrain,
  Kuwait, Oman ..." is no meeting of the ministers with Bahrain (the parse may hang "from Bahrain" on the verb);
- a trade figure is no event between the two traders: "Japan's trade surplus with the U.S. rose",
  "British exports to Nigeria exceeded 550 mln stg", "Britain exported 1.5 billion stg worth of goods to Saudi
  Arabia last year".
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..actors.resolved import ResolvedMention
from ..model import Mention

__all__ = ["Dyads", "beside_own_dyad", "from_origin", "one_party", "own_dyads", "trade_figure"]

# Kinds of mention that a title or a name of one person may be resolved as.
_PERSONISH = ("person", "agent")


def _named(m: ResolvedMention, sdoc: Doc) -> bool:
    """Whether a mention ends in a person's name ("Foreign Secretary Geoffrey Howe"), not in an office ("the
    Deputy U.S. Trade Representative", "vice minister of Japan's Ministry of ... Industry")."""
    name = m.mention.name or ""
    return sdoc[m.end - 1].ent_type_ == "PERSON" or (
        m.mention.kind == "person" and bool(name) and m.mention.text.endswith(name)
        and all(w[:1].isupper() for w in name.split()))  # not "Ministry of International Trade and Industry"


def one_party(sdoc: Doc, mentions: list[ResolvedMention]) -> dict[int, ResolvedMention]:
    """Each mention (by id) to the mention of the person it is part of: the phrase it is nested in ("Japan"
    in "Prime Minister Nakasone of Japan") or the name it is set in apposition to ("the president" in
    "Jacques Delors, the president of ..."); a mention that is part of none maps to itself."""
    out = {id(m): m for m in mentions}
    for m in mentions:
        head = sdoc[m.head]
        for o in mentions:
            if o is m or o.source == "pair" or o.mention.kind not in _PERSONISH:
                continue
            nested = o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
            # a title beside a name ("Jacques Delors, the president"); two names side by side are a list
            # ("Foreign Secretary Geoffrey Howe and Governor ... Robin Leigh-Pemberton" may parse so)
            appos = (head.dep_ == "appos" and o.start <= head.head.i < o.end and m.mention.kind in _PERSONISH
                     and not (_named(m, sdoc) and _named(o, sdoc)))
            # a title and the name right after it, split in two mentions: "Governor of the Bank of England
            # Robin Leigh-Pemberton" (the parse may hang the name on another name of a list); the title is
            # the name's
            if (o.end <= m.start and all(sdoc[i].is_space for i in range(o.end, m.start)) and _named(m, sdoc)
                    and not _named(o, sdoc) and m.mention.kind in _PERSONISH):
                out[id(o)] = m
            # "the Deputy U.S. Trade Representative, Michael Smith, and ...": a name set off by commas right
            # after a title, which the parse may make a conjunct of it
            gap = [t for t in sdoc[o.end:m.start] if not t.is_space]
            commaed = (len(gap) == 1 and gap[0].text == "," and m.end < len(sdoc) and sdoc[m.end].text == ","
                       and _named(m, sdoc) and not _named(o, sdoc) and m.mention.kind in _PERSONISH)
            if nested or appos or commaed:
                out[id(m)] = o
                break
    for k in out:  # a title nested in a phrase in apposition to a name: the outermost
        for _ in range(3):
            out[k] = out.get(id(out[k]), out[k])
    return out


def _key(m: Mention) -> str | None:
    return m.country or m.code


Dyads = dict[tuple[int, int], set[str | None]]


def own_dyads(mentions: list[ResolvedMention]) -> Dyads:
    """The states each "the two countries" of a sentence stands for, by the phrase's offsets."""
    return {(rm.mention.start, rm.mention.end): {_key(m) for m in rm.members} for rm in mentions
            if rm.source == "pair" and rm.mention.code is None and rm.members}


def beside_own_dyad(source: ResolvedMention, target: ResolvedMention, dyads: Dyads) -> bool:
    """Whether one side of a pair is one of the states "the two countries" stands for (`own_dyads`) and the
    other side is that phrase itself: "Israel said the two countries would hold talks" (Israel is one of
    them)."""

    def dyad(m: Mention) -> set[str | None] | None:
        return dyads.get((m.start, m.end))

    s, t = dyad(source.mention), dyad(target.mention)
    if s is not None and t is not None:
        return False  # the two states of the phrase towards each other
    return (s is not None and _key(target.mention) in s) or (t is not None and _key(source.mention) in t)


# Prepositions that say where the people of a phrase come from or sit: "ministers from Bahrain", "officials
# of the Bank of Japan", "Japanese officials in Tokyo".
_ORIGIN = ("from", "of", "in", "at")


def _origin_of(sdoc: Doc, people: ResolvedMention, place: ResolvedMention) -> bool:
    t = sdoc[place.head]
    for _ in range(8):  # "from Bahrain, Kuwait and Oman": each of a list
        if t.dep_ not in ("conj", "appos") or t.head.i == t.i:
            break
        t = t.head
    return t.dep_ == "pobj" and t.head.i == people.end and t.head.lower_ in _ORIGIN


def from_origin(sdoc: Doc, source: ResolvedMention, target: ResolvedMention) -> bool:
    """Whether one side of a pair is named right after the other as where it comes from or sits, wherever the
    parse hung the preposition: "the ministers from Bahrain, Kuwait ...", "Japanese officials in Tokyo"."""
    return _origin_of(sdoc, source, target) or _origin_of(sdoc, target, source)


# Nouns of a trade balance: a figure, never an act.
BALANCE_NOUNS = {"surplus", "deficit", "imbalance"}
# Words of trade flows: a figure where the flow is counted ("exports to Nigeria exceeded 550 mln stg",
# "exported 1.5 billion stg worth of goods"), not where it is acted on ("a ban on exports to Iran").
FLOW_WORDS = {"export", "import", "re-export"}


def trade_figure(trigger: Token) -> bool:
    """Whether a candidate's trigger is a trade figure rather than an act between the two traders."""
    lemma = trigger.lemma_.lower()
    if trigger.pos_ in ("NOUN", "PROPN") and lemma in BALANCE_NOUNS:
        return True
    if lemma not in FLOW_WORDS:
        return False
    if trigger.pos_ in ("NOUN", "PROPN"):  # the flow is what rose, fell or totalled
        return trigger.dep_ in ("nsubj", "nsubjpass")
    # the verb counts what flowed: "exported 1.5 billion stg worth of goods"
    return any(t.like_num for c in trigger.children if c.dep_ in ("dobj", "npadvmod") for t in c.subtree)
