"""Hand-built spaCy parses and actor mentions for the stage tests: no model is loaded.

A parse is written one token a line, `word head dep POS [lemma]`, with `head` the absolute index of the
token's head (a root is its own head). That is what spaCy's trained parser would hand the stages, set
by hand so that a stage test fails only for the stage's own reasons.
"""

from __future__ import annotations

from functools import lru_cache

import spacy

from spacy.tokens import Doc
from spacy.vocab import Vocab

from greatgame.actors.resolved import ResolvedMention
from greatgame.model import Mention

# A fine-grained tag for each coarse part of speech (some stages read `tag_`).
_TAGS = {"PROPN": "NNP", "NOUN": "NN", "VERB": "VBD", "AUX": "VBD", "ADP": "IN", "DET": "DT", "ADJ": "JJ",
         "PUNCT": ".", "PART": "TO", "CCONJ": "CC", "SCONJ": "IN", "PRON": "PRP", "ADV": "RB", "NUM": "CD"}


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    """English lexical attributes (lower case, punctuation, stop words) without any trained component."""
    return spacy.blank("en").vocab


def parse(table: str, ents: list[str] | None = None) -> Doc:
    """A Doc from `word head dep POS [lemma]` lines; the lemma defaults to the lowercased word."""
    rows = [line.split() for line in table.strip().splitlines()]
    words = [r[0] for r in rows]
    return Doc(vocab(), words=words, heads=[int(r[1]) for r in rows], deps=[r[2] for r in rows],
               pos=[r[3] for r in rows], tags=[_TAGS.get(r[3], "XX") for r in rows],
               lemmas=[r[4] if len(r) > 4 else r[0].lower() for r in rows], ents=ents)


def mention(doc: Doc, start: int, end: int, code: str, country: str | None = None, sector: str | None = None,
            head: int | None = None, kind: str = "state", is_location: bool = False) -> ResolvedMention:
    """A resolved actor over tokens [start, end) of a one-sentence doc, as the recogniser would hand it on."""
    span = doc[start:end]
    m = Mention("d1", span.start_char, span.end_char, span.text, code, country, sector, span.text, kind)
    return ResolvedMention(m, 0, start, end, span.root.i if head is None else head, is_location=is_location)
