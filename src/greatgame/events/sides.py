"""Which candidate pairs name one party twice: the coder drops them before the classifier sees them.

Shapes the dev half of the articles gold showed as false positives:

- a title and a name of one person ("Jacques Delors, the president of the EC Commission", "Prime
  Minister Nakasone of Japan") are one party: never the two sides of one event, and the act of one of
  them towards another party is proposed once, not once for the title and again for the name.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..actors.resolved import ResolvedMention

__all__ = ["one_party"]

# Kinds of mention that a title or a name of one person may be resolved as.
_PERSONISH = ("person", "agent")


def one_party(sdoc: Doc, mentions: list[ResolvedMention]) -> dict[int, ResolvedMention]:
    """Each mention (by id) to the mention of the person it is part of: the phrase it is nested in ("Japan"
    in "Prime Minister Nakasone of Japan") or the name it is set in apposition to ("the president" in
    "Jacques Delors, the president of ..."); a mention that is part of none maps to itself."""
    out = {id(m): m for m in mentions}
    for m in mentions:
        for o in mentions:
            if o is m or o.source == "pair" or o.mention.kind not in _PERSONISH:
                continue
            nested = o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end)
            head = sdoc[m.head]
            # a title beside a name ("Jacques Delors, the president"); two names side by side are a list
            # ("Foreign Secretary Geoffrey Howe and Governor ... Robin Leigh-Pemberton" may parse so)
            appos = (head.dep_ == "appos" and o.start <= head.head.i < o.end and m.mention.kind in _PERSONISH
                     and not (head.pos_ == "PROPN" and sdoc[o.head].pos_ == "PROPN"))
            if nested or appos:
                out[id(m)] = o
                break
    for k in out:  # a title nested in a phrase in apposition to a name: the outermost
        for _ in range(3):
            out[k] = out.get(id(out[k]), out[k])
    return out
