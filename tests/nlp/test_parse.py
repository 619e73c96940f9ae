"""Which sentences parse_candidates parses, and where it runs NER (batched over the document's sentences)."""

from __future__ import annotations

from greatgame.model import Document
from greatgame.nlp import parse_candidates

TEXT = (
    "Brazilian Finance Minister Dilson Funaro met bankers in New York on Monday. "
    "The weather was fine. "
    "Japan and the United States agreed to hold talks. "
    "Funaro later met John Reed of Citicorp in Washington."
)


def test_parse_candidates_runs_ner_only_where_a_name_is_unknown(coder) -> None:
    parsed = parse_candidates(coder.nlp, coder.actors, Document("d", TEXT), coder.settings)
    got = [(ps.index, [(e.text, e.label_) for e in ps.doc.ents]) for ps in parsed.sentences]
    assert got == [
        # "New York" is in no actor table: NER runs
        (0, [("Brazilian", "NORP"), ("Dilson Funaro", "PERSON"), ("New York", "GPE"), ("Monday", "DATE")]),
        # (sentence 1 names no actor: not parsed)
        # every capitalised word a dictionary actor: no NER
        (2, []),
        (3, [("Funaro", "ORG"), ("John Reed", "PERSON"), ("Citicorp", "ORG"), ("Washington", "GPE")]),
    ]


def test_parse_candidates_finds_the_entities_one_sentence_alone_would(coder) -> None:
    parsed = parse_candidates(coder.nlp, coder.actors, Document("d", TEXT), coder.settings)
    for ps in parsed.sentences:
        if ps.doc.ents:
            alone = coder.nlp(ps.text)
            assert [(e.start, e.end, e.label_) for e in ps.doc.ents] == [
                (e.start, e.end, e.label_) for e in alone.ents]
