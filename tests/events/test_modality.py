"""Negation and modality from a trigger's neighbourhood in a hand-built parse, with the shipped cue table."""

from __future__ import annotations

import pytest
from parses import parse

from greatgame.events.lexicon import load_lexicon
from greatgame.events.modality import CueTable, modality_of


@pytest.fixture(scope="module")
def cues() -> CueTable:
    return CueTable(load_lexicon().modality)


def test_modality_plain_past_is_asserted(cues: CueTable) -> None:
    doc = parse("""
        Russia 1 nsubj PROPN
        attacked 1 ROOT VERB attack
        Ukraine 1 dobj PROPN
    """)
    m = modality_of(doc[1], cues)
    assert (m.modality, m.negated, m.hedged, m.cues) == ("asserted", False, False, [])


def test_modality_negated(cues: CueTable) -> None:
    doc = parse("""
        Russia 3 nsubj PROPN
        did 3 aux AUX do
        not 3 neg PART
        attack 3 ROOT VERB
        Ukraine 3 dobj PROPN
    """)
    m = modality_of(doc[3], cues)
    assert (m.modality, m.negated, m.cues) == ("negated", True, ["not"])


def test_modality_future(cues: CueTable) -> None:
    doc = parse("""
        Iran 2 nsubj PROPN
        will 2 aux AUX
        meet 2 ROOT VERB
        Iraq 2 dobj PROPN
    """)
    m = modality_of(doc[2], cues)
    assert (m.modality, m.negated, m.cues) == ("future", False, ["will"])


def test_modality_condition_is_hypothetical(cues: CueTable) -> None:
    doc = parse("""
        If 2 mark SCONJ if
        Iran 2 nsubj PROPN
        attacks 6 advcl VERB attack
        Iraq 2 dobj PROPN
        , 6 punct PUNCT
        Washington 6 nsubj PROPN
        responds 6 ROOT VERB respond
    """)
    assert modality_of(doc[2], cues).modality == "hypothetical"
    # the main clause's own event is not under the condition
    assert modality_of(doc[6], cues).modality == "asserted"


def test_modality_under_a_reporting_verb_is_reported(cues: CueTable) -> None:
    doc = parse("""
        Kyiv 1 nsubj PROPN
        claimed 1 ROOT VERB claim
        Russia 3 nsubj PROPN
        shelled 1 ccomp VERB shell
        Kharkiv 3 dobj PROPN
    """)
    m = modality_of(doc[3], cues)
    assert (m.modality, m.cues) == ("reported", ["claim"])
    # the claim itself is asserted: a matrix verb counts only above the trigger
    assert modality_of(doc[1], cues).modality == "asserted"


def test_modality_negation_reaches_down_an_infinitive_chain(cues: CueTable) -> None:
    doc = parse("""
        Iran 3 nsubj PROPN
        did 3 aux AUX do
        not 3 neg PART
        agree 3 ROOT VERB
        to 5 aux PART
        meet 3 xcomp VERB
        Iraq 5 dobj PROPN
    """)
    m = modality_of(doc[5], cues)
    assert (m.modality, m.negated, m.cues[0]) == ("negated", True, "not")


def test_modality_adverb_hedges(cues: CueTable) -> None:
    doc = parse("""
        Russia 2 nsubj PROPN
        reportedly 2 advmod ADV
        shelled 2 ROOT VERB shell
        Kharkiv 2 dobj PROPN
    """)
    m = modality_of(doc[2], cues)
    assert (m.modality, m.hedged, m.cues) == ("reported", True, ["reportedly"])


def test_modality_negation_outranks_future(cues: CueTable) -> None:
    doc = parse("""
        Iran 3 nsubj PROPN
        will 3 aux AUX
        not 3 neg PART
        meet 3 ROOT VERB
        Iraq 3 dobj PROPN
    """)
    m = modality_of(doc[3], cues)
    assert (m.modality, m.negated, m.cues) == ("negated", True, ["will", "not"])


def test_modality_phrase_matches_whole_words_only(cues: CueTable) -> None:
    aimed = parse("""
        The 1 det DET
        strike 3 nsubjpass NOUN
        is 3 auxpass AUX be
        aimed 3 ROOT VERB aim
        at 3 prep ADP
        Iran 4 pobj PROPN
    """)
    assert modality_of(aimed[3], cues).modality == "hypothetical"
    settled = parse("""
        The 1 det DET
        dispute 3 nsubjpass NOUN
        is 3 auxpass AUX be
        settled 3 ROOT VERB settle
    """)
    # "is set to" is a cue; "is settled" is not
    assert modality_of(settled[3], cues).modality == "asserted"
