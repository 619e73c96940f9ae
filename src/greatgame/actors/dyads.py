"""What "the two sides", "both countries" stand for: the dyad just named. A dyad of states ("the two
nations", "both countries") is the two states themselves, not the people or bodies that named them: after
"Prime Minister Brian Mulroney ... talks with the United States", "the two nations" are Canada and the
United States, not Canada's government."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .resolved import ResolvedMention, acts_on, last_dyad

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["STATE_HEADS", "dyad_members"]

# Heads of a dyad phrase that name states as a whole.
STATE_HEADS = {"country", "nation", "state"}


def dyad_members(rm: ResolvedMention, before: list[ResolvedMention], sdoc: Doc,
                 state_names: dict[str, str]) -> ResolvedMention | None:
    """A dyad phrase with its two members, the last two countries named before it (not its own clause's
    subject); None when there are not two."""
    dyad = last_dyad([o for o in before if o.sentence != rm.sentence or not acts_on(sdoc, o.head, rm.head)])
    if dyad is None:
        return None
    m = rm.mention
    states = sdoc[rm.head].lemma_.lower() in STATE_HEADS
    members = tuple(
        replace(d, start=m.start, end=m.end, text=m.text, code=d.country, sector=None, kind="state",
                name=state_names.get(d.country, d.country), linked_to=None, country_from=None, office_from=None)
        if states and d.country else replace(d, start=m.start, end=m.end, text=m.text)
        for d in dyad)
    return replace(rm, members=members)
