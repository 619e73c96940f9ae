"""The dictionary's names in a text set all in capitals, given back their own case (casing.py)."""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING

from spacy.matcher import PhraseMatcher

from ..casing import sentence_case, uppercase_text
from .spans import Compact

if TYPE_CHECKING:
    from spacy.language import Language

    from ..model import Document
    from .dictionary import ActorDictionary

__all__ = ["Capitals"]


class Capitals:
    """Reads a text in capitals in sentence case, with the names the dictionary knows in their own case."""

    def __init__(self, nlp: Language, ids: tuple[tuple[int, ...], ...], dictionary: ActorDictionary) -> None:
        self.nlp = nlp
        self.ids = ids  # LOWER ids of the forms to read (patterns.py: no common word in lower case)
        self.dictionary = dictionary

    @cached_property
    def matcher(self) -> PhraseMatcher:
        """Built on first use: few texts are set in capitals."""
        matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        matcher.add("ACTOR", list(self.ids))
        return matcher

    def read(self, doc: Document) -> Document:
        """A document in capitals as the coder reads it ("Iran says it shot down Iraqi jet"); any other
        document as it is."""
        if not uppercase_text(doc.text):
            return doc
        tokdoc = self.nlp.make_doc(doc.text)
        names = []
        # (shorter names first: a longer one's case wins where they overlap)
        for s, e in sorted(Compact(tokdoc).match(self.matcher), key=lambda r: r[1] - r[0]):
            a, b = tokdoc[s].idx, tokdoc[e - 1].idx + len(tokdoc[e - 1].text)
            forms = [en.text for en in self.dictionary.lookup_lowercase(doc.text[a:b])]
            names += [(a, b, form) for form in forms[:1]]
        return replace(doc, text=sentence_case(doc.text, names))
