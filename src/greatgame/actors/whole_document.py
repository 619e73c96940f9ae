"""Steps of country-from-context that read the whole document's offices and bodies, run before and after
its rounds (context.fill_countries): acronyms the document defines and one-word legislatures first, so
that the story's countries are counted right and they are filled like other bodies; then bodies met on a
visit, offices a state does not have, and international bodies named by less than their name."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from .chambers import bare_chambers
from .creditors import creditor_bodies
from .defined_acronyms import redefined_acronyms
from .described_groups import described_groups
from .domestic import domestic_bodies
from .igo_members import igo_members, igo_words
from .moved_forces import moved_forces
from .state_offices import refit_offices
from .visits import visited_bodies

if TYPE_CHECKING:
    from ..nlp import Parsed
    from .coref import Links
    from .dictionary import ActorDictionary
    from .resolved import ResolvedMention

__all__ = ["after_fill", "before_fill"]


def before_fill(found: list[ResolvedMention], parsed: Parsed, dictionary: ActorDictionary) -> None:
    """What must be settled before the story's countries are counted and the rounds fill them: acronyms the
    document defines ("Ceylon Petroleum Corp (CPC)"), "the House", "Congressional"."""
    redefined_acronyms(found, parsed, dictionary)
    bare_chambers(found, parsed)


def after_fill(links: Links, parsed: Parsed, counts: Counter, dictionary: ActorDictionary) -> None:
    """What the filled countries and the document's bodies settle: officials met on a visit, troops a state
    deploys, creditor banks that are not their debtor's, "domestic" makers of the story's country, "an
    Agriculture Ministry official" not of the United States, "Foreign Ministers of ASEAN", "the 17-man
    Commission".
    Mentions linked to a fuller one are left to take its codes."""
    found, linked = links.mentions, set(links.antecedent)
    visited_bodies(found, parsed, linked)
    moved_forces(found, parsed, linked)
    creditor_bodies(found, parsed, linked)
    domestic_bodies(found, parsed, counts, linked)
    described_groups(found, parsed, linked)
    refit_offices(found, counts)
    igo_members(found, parsed)
    igo_words(found, parsed, dictionary, linked)
