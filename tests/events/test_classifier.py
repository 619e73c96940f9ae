"""The shipped pair classifier: features of a hand-built parse, and what the weights make of them."""

from __future__ import annotations

import math

import numpy as np
import pytest
from parses import parse

from greatgame.events.classifier import PairClassifier, load_classifier, lowest_common_ancestor, pair_features
from greatgame.events.ontology import PLOVER_CATEGORIES

ATTACKED = """
    Russia 1 nsubj PROPN
    attacked 1 ROOT VERB attack
    Ukraine 1 dobj PROPN
    . 1 punct PUNCT
"""
SIGNED = """
    Russia 1 nsubj PROPN
    signed 1 ROOT VERB sign
    a 3 det DET
    deal 1 dobj NOUN
    with 3 prep ADP
    Ukraine 4 pobj PROPN
    . 1 punct PUNCT
"""


@pytest.fixture(scope="module")
def model() -> PairClassifier:
    model = load_classifier()
    assert model is not None, "events/data/classifier.npz is not in the package"
    return model


def test_pair_features_of_a_transitive_verb() -> None:
    doc = parse(ATTACKED)
    assert pair_features(doc, (0, 1), (2, 3), "19") == [
        "t:attack", "tp:VERB", "tdobj:attack_ukraine", "sdep:nsubj", "tdep:dobj_attacked",
        "b:attack", "bb:<s>_attack", "w:attack", "order:st", "ld:attack_st_nsubj_dobj", "spath:attack_nsubj",
        "tpath:attack_dobj", "dist:0-2", "lex:19"]


QUOTED = """
    Iraq 1 nsubj PROPN
    said 1 ROOT VERB say
    " 4 punct PUNCT
    Iran 4 nsubj PROPN
    attacked 1 ccomp VERB attack
    Kuwait 4 dobj PROPN
    " 4 punct PUNCT
"""
_STRUCTURE = ("spath:", "tpath:", "dist:", "tclause:", "inquote")


def test_pair_features_structure_paths_distance_clause_and_quote() -> None:
    doc = parse(QUOTED)
    inner = [f for f in pair_features(doc, (3, 4), (5, 6)) if f.startswith(_STRUCTURE)]
    assert inner == ["spath:attack_nsubj", "tpath:attack_dobj", "dist:0-2", "tclause:ccomp_say", "inquote"]
    outer = [f for f in pair_features(doc, (0, 1), (5, 6)) if f.startswith(_STRUCTURE)]
    assert outer == ["spath:say_nsubj", "tpath:say_dobj_ccomp", "dist:3-5"]


def test_pair_features_order_negation_and_no_lexicon() -> None:
    doc = parse("""
        Russia 3 nsubj PROPN
        did 3 aux AUX do
        not 3 neg PART
        attack 3 ROOT VERB
        Ukraine 3 dobj PROPN
    """)
    feats = pair_features(doc, (0, 1), (4, 5))
    assert "neg" in feats and not any(f.startswith("lex:") for f in feats)
    assert "neg" not in pair_features(parse(ATTACKED), (0, 1), (2, 3))
    swapped = pair_features(parse(ATTACKED), (2, 3), (0, 1))
    assert "order:ts" in swapped and "order:st" not in swapped


def test_lowest_common_ancestor_is_the_verb_between_them() -> None:
    doc = parse(SIGNED)
    assert lowest_common_ancestor(doc[0], doc[5]).i == 1
    assert lowest_common_ancestor(doc[3], doc[5]).i == 3


def test_classifier_scores_every_label_as_a_distribution(model: PairClassifier) -> None:
    probs = model.predict_proba(pair_features(parse(ATTACKED), (0, 1), (2, 3), "19"))
    assert list(probs) == model.labels
    assert set(model.labels) - {"NONE"} <= set(PLOVER_CATEGORIES)
    assert math.isclose(sum(probs.values()), 1.0, rel_tol=1e-5) and all(0.0 <= p <= 1.0 for p in probs.values())
    assert set(model.default_cameo) == set(model.labels) - {"NONE"}


def test_classifier_tells_an_attack_from_an_agreement(model: PairClassifier) -> None:
    attack = model.predict_proba(pair_features(parse(ATTACKED), (0, 1), (2, 3), "19") + ["lexp:ASSAULT", "lexc:190"])
    deal = model.predict_proba(pair_features(parse(SIGNED), (0, 1), (5, 6), "05") + ["lexp:AGREE", "lexc:057"])
    hostile = {"ASSAULT", "COERCE", "THREATEN", "PROTEST", "ACCUSE", "SANCTION"}
    friendly = {"AGREE", "COOPERATE", "CONSULT", "SUPPORT", "AID"}
    assert max(attack, key=attack.get) in hostile
    assert max(deal, key=deal.get) in friendly
    assert attack["ASSAULT"] > deal["ASSAULT"] and deal["COOPERATE"] > attack["COOPERATE"]


class _FixedModel:
    """A stand-in classifier that gives every pair the same probabilities."""

    def __init__(self, probs: dict[str, float]) -> None:
        self.probs = probs
        self.labels = list(probs)
        self.default_cameo = {"ACCUSE": "112", "REJECT": "120", "REQUEST": "020", "THREATEN": "130"}

    def predict_proba(self, feats: list[str]) -> dict[str, float]:
        return dict(self.probs)


@pytest.mark.parametrize(("probs", "require_event", "expected"), [
    # NONE first but under half the mass, the event's mass split between two categories: an event
    ({"NONE": 0.40, "ACCUSE": 0.35, "REJECT": 0.25}, True, "ACCUSE"),
    # NONE holds more than half: no event
    ({"NONE": 0.55, "ACCUSE": 0.45}, True, None),
    # an event, but no category holds a fifth of the mass: no event
    ({"NONE": 0.30, "ACCUSE": 0.19, "REJECT": 0.18, "REQUEST": 0.17, "THREATEN": 0.16}, True, None),
    # a pair someone says is related takes the best category whatever NONE holds
    ({"NONE": 0.55, "ACCUSE": 0.45}, False, "ACCUSE"),
])
def test_decide_finds_an_event_where_none_holds_under_half_the_mass(coder, probs, require_event, expected) -> None:
    import copy

    from greatgame.events.pairs import pair_frame, token_span

    text = "Iran accused Iraq of attacking its ships."
    sdoc = coder.nlp(text)
    src, tgt = token_span(sdoc, 0, 4), token_span(sdoc, 13, 17)
    trigger, frame, construction = pair_frame(sdoc, src, tgt)
    events = copy.copy(coder.events)
    events.model = _FixedModel(probs)
    dec = events.decide(sdoc, src, tgt, trigger, frame, construction, require_event=require_event)
    assert (events.codes[dec.cameo].plover if dec else None) == expected


@pytest.mark.parametrize(("probs", "expected"), [
    # the model all but rules out the lexicon row's category ("release <sailor>", RETREAT): the model's
    ({"NONE": 0.05, "REJECT": 0.85, "RETREAT": 0.10}, ("REJECT", "120", "model")),
    # a close call between the two: the specific row decides
    ({"NONE": 0.05, "REJECT": 0.50, "RETREAT": 0.45}, ("RETREAT", "0841", "lexicon")),
    # the model's YIELD mass mostly on CONCEDE: the row's finer code, as an agreement of the two
    ({"NONE": 0.05, "CONCEDE": 0.75, "RETREAT": 0.20}, ("RETREAT", "0841", "lexicon+model")),
])
def test_decide_lets_a_specific_lexicon_row_overrule_the_model_only_in_a_close_call(coder, probs, expected) -> None:
    import copy

    from greatgame.events.pairs import pair_frame, token_span

    text = "Iran released the British sailors."
    sdoc = coder.nlp(text)
    src, tgt = token_span(sdoc, 0, 4), token_span(sdoc, 18, 33)
    trigger, frame, construction = pair_frame(sdoc, src, tgt)
    events = copy.copy(coder.events)
    events.model = _FixedModel(probs)
    events.model.default_cameo.update({"CONCEDE": "080", "RETREAT": "0841"})
    dec = events.decide(sdoc, src, tgt, trigger, frame, construction)
    assert (events.codes[dec.cameo].plover, dec.cameo, dec.method) == expected


def test_article_examples_leave_out_gold_events_no_candidate_covers_unless_asked(coder) -> None:
    import importlib.util
    from pathlib import Path

    from greatgame.article_gold import ExhaustiveEvent, ExhaustiveRecord, GoldSide

    path = Path(__file__).resolve().parents[2] / "training" / "train_classifier.py"
    spec = importlib.util.spec_from_file_location("train_classifier", path)
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    text = "Iran attacked Iraq on Monday, and Egypt watched the war closely."

    def side(word: str, code: str) -> GoldSide:
        i = text.index(word)
        return GoldSide(((i, i + len(word)),), code)

    events = (ExhaustiveEvent(side("Iran", "IRN"), side("Iraq", "IRQ"), ("ASSAULT",), "190", "asserted", True,
                              (0, len(text))),
              # no candidate links Egypt to Iran: the coder never sees this pair
              ExhaustiveEvent(side("Egypt", "EGY"), side("Iran", "IRN"), ("CONSULT",), None, "asserted", True,
                              (0, len(text))))
    record = ExhaustiveRecord("r1", text, "1987-03-01", events, "dev")
    examples, feats = train.article_examples(coder, [record])
    assert [(e["label"], e["cameo"]) for e in examples] == [("ASSAULT", "190")]
    assert "cons:svo" in feats[0]
    examples, feats = train.article_examples(coder, [record], uncovered=True)
    assert [(e["label"], e["cameo"]) for e in examples] == [("ASSAULT", "190"), ("CONSULT", None)]
    assert "cons:pair" in feats[1]


def test_choose_labels_takes_the_lexicons_among_several_acceptable_labels() -> None:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "training" / "train_classifier.py"
    spec = importlib.util.spec_from_file_location("train_classifier", path)
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    gold = [{"label": "CONCEDE", "labels": ["CONCEDE", "RETREAT"]},  # the lexicon says RETREAT: RETREAT
            {"label": "CONCEDE", "labels": ["CONCEDE", "RETREAT"]},  # the lexicon says AID, not acceptable
            {"label": "ACCUSE", "labels": ["ACCUSE"]}]  # one label: kept whatever the lexicon says
    train.choose_labels(gold, [["t:release", "lexp:RETREAT"], ["lexp:AID"], ["lexp:REJECT"]])
    assert [g["label"] for g in gold] == ["RETREAT", "CONCEDE", "ACCUSE"]


CONDEMNED = """
    Canada 1 nsubj PROPN
    condemned 1 ROOT VERB condemn
    the 3 det DET
    attack 1 dobj NOUN
    on 3 prep ADP
    Chile 4 pobj PROPN
    . 1 punct PUNCT
"""
_ACTS = ("sact:", "sactv:", "tact:", "tactv:")


@pytest.mark.issue(11)
def test_features_name_the_act_nearest_above_each_side() -> None:
    """The act that befalls a side is told to the classifier where the trigger is another's saying
    ("Iraq said Iran attacked Kuwait": the attacking, not the saying, is what Kuwait underwent) or a
    verb over an event noun ("condemned the attack on Chile")."""
    from greatgame.events.coder import EventCoder
    from greatgame.settings import Settings

    events = EventCoder(Settings(use_model=False))
    quoted = parse(QUOTED)
    assert [f for f in events.features(quoted, (0, 1), (5, 6), 1, None, "said_in") if f.startswith(_ACTS)] == [
        "sact:root01", "sactv:say", "tact:ASSAULT", "tactv:attack"]
    assert [f for f in events.features(quoted, (3, 4), (5, 6), 4, None, "svo") if f.startswith(_ACTS)] == [
        "sact:ASSAULT", "sactv:attack", "tact:ASSAULT", "tactv:attack"]
    condemned = parse(CONDEMNED)
    assert [f for f in events.features(condemned, (0, 1), (5, 6), 1, None, "svo") if f.startswith(_ACTS)] == [
        "sact:ACCUSE", "sactv:condemn", "tact:ASSAULT"]


def test_lexicon_crossed_joins_the_lexicons_category_to_how_the_pair_hangs_on_the_trigger() -> None:
    from greatgame.events.classifier import lexicon_crossed

    doc = parse(QUOTED)
    feats = pair_features(doc, (3, 4), (5, 6)) + ["cons:svo", "cons:svo_attack", "neg"]
    assert lexicon_crossed(feats, "ASSAULT") == [
        "lxsdep:ASSAULT_nsubj", "lxtdep:ASSAULT_dobj_attacked", "lxorder:ASSAULT_st", "lxdist:ASSAULT_0-2",
        "lxq:ASSAULT", "lxcons:ASSAULT_svo", "lxneg:ASSAULT"]
    # no lexicon row for the trigger: crossed with "-", so the parse alone still tells the pair apart
    assert lexicon_crossed(["order:ts", "t:attack", "w:attack"], None) == ["lxorder:-_ts"]


def test_coder_features_cross_the_lexicon_with_the_parse(coder) -> None:
    from greatgame.events.pairs import pair_frame, token_span

    sdoc = coder.nlp("Iran accused Iraq of attacking its ships.")
    src, tgt = token_span(sdoc, 0, 4), token_span(sdoc, 13, 17)
    trigger, frame, construction = pair_frame(sdoc, src, tgt)
    feats = coder.events.features(sdoc, src, tgt, trigger, frame, construction)
    assert {"lxorder:ACCUSE_st", "lxsdep:ACCUSE_nsubj", "lxcons:ACCUSE_svo"} <= set(feats)


def test_class_weights_balance_the_categories_and_lighten_none() -> None:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[2] / "training" / "train_classifier.py"
    spec = importlib.util.spec_from_file_location("train_classifier", path)
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    labels = np.array(["NONE"] * 6 + ["ACCUSE"] * 3 + ["AGREE"])
    # balanced: 10 / (3 classes * count); NONE's then halved
    assert train.class_weights(labels, 0.5) == pytest.approx({"ACCUSE": 10 / 9, "AGREE": 10 / 3, "NONE": 10 / 36})
    assert train.class_weights(labels, 1.0)["NONE"] == pytest.approx(10 / 18)
