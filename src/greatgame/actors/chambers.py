"""A legislature named by one capitalised word the model takes for an organisation it cannot code: a
chamber by its bare name ("the House will consider the bill next month"), or the adjective of a congress
("Congressional anger"). Each is a legislature (LEG) whose country the context then gives
(institutions.tsv: in English-language news the U.S. House and Congress)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .resolved import ResolvedMention, actor_code, uncoded_group

if TYPE_CHECKING:
    from ..nlp import Parsed

__all__ = ["bare_chambers"]

# Words that name a legislature when capitalised alone: each is as well a common word.
CHAMBERS = {"House", "Congressional"}


def bare_chambers(found: list[ResolvedMention], parsed: Parsed) -> None:
    """Uncoded organisations named "House", "the House" or "Congressional" alone (not "House of Lords",
    "the House Banking Committee") become legislatures with no country yet."""
    for k, rm in enumerate(found):
        if not uncoded_group(rm):
            continue
        m = rm.mention
        sdoc = parsed.sentences[rm.sentence].doc
        words = [t.text for t in sdoc[rm.start:rm.end] if not t.is_space and t.lower_ != "the"]
        after = sdoc[rm.end] if rm.end < len(sdoc) else None
        # (not a word of a longer name the model left in pieces: "the House Iran committee")
        named = after is not None and (after.lower_ == "of" or sdoc[rm.head].dep_ == "compound")
        if len(words) == 1 and words[0] in CHAMBERS and not named:
            found[k] = replace(rm, mention=replace(m, kind="agent", sector="LEG", code=actor_code(None, "LEG")))
