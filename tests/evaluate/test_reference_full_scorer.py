"""Hand-made cases for the reference "full" scorer (tests/reference_full_scorer.py); no project code used.

Layout of every made-up article: sentence 1 is [0, 100), sentence 2 is [100, 200).
"""

from __future__ import annotations

import pytest

from reference_full_scorer import score

S1, S2 = [0, 100], [100, 200]


def g_ev(src, tgt, plover, *, required=True, modality="asserted", sentence=S1):
    """A gold event; src/tgt are (start, end, code)."""
    return {"source": {"spans": [[src[0], src[1]]], "code": src[2]},
            "target": {"spans": [[tgt[0], tgt[1]]], "code": tgt[2]},
            "plover": list(plover), "modality": modality, "required": required, "sentence": list(sentence)}


def p_ev(src, tgt, plover, conf=0.9, *, modality="asserted", sentence=(0, 100)):
    """A predicted event; src/tgt are (start, end, code, country)."""
    def actor(a):
        return {"start": a[0], "end": a[1], "code": a[2], "country": a[3]}
    return {"source": actor(src), "target": actor(tgt), "plover": plover, "confidence": conf,
            "modality": modality, "sentence": {"start": sentence[0], "end": sentence[1]}}


def rec(rid, *events):
    return {"id": rid, "text": "x" * 200, "events": list(events)}


USA = (10, 15, "USAGOV")
RUS = (40, 46, "RUS")


def test_exact_match_all_ones():
    # One gold USAGOV->RUS AGREE, one prediction on the same spans with AGREE: tp 1, fp 0, fn 0 everywhere.
    gold = [rec("a", g_ev(USA, RUS, ["AGREE"]))]
    preds = {"a": [p_ev((10, 15, "USAGOV", "USA"), (40, 46, "RUS", "RUS"), "AGREE")]}
    s = score(gold, preds)
    assert (s["tp"], s["fp"], s["fn"]) == (1, 0, 0)
    assert (s["pair_tp"], s["pair_fp"], s["pair_fn"]) == (1, 0, 0)
    for k in ("precision", "recall", "f1", "pair_f1", "ar_f1", "ar_pair_f1"):
        assert s[k] == 1.0


def test_partial_overlap_and_sentence_country_match_wrong_label():
    # Source: predicted [12, 30) shares chars 12..14 with gold [10, 15) -> span match.
    # Target: predicted [60, 70) does not overlap gold [40, 46), but both are RUS and the predicted
    # sentence [0, 98) shares characters with gold [0, 100) -> match by sentence + country.
    # Label COERCE is not in ["AGREE", "CONSULT"]: pair tp 1; labelled fp 1, fn 1 -> all labelled 0.0.
    gold = [rec("a", g_ev(USA, RUS, ["AGREE", "CONSULT"]))]
    preds = {"a": [p_ev((12, 30, "USAGOV", "USA"), (60, 70, "RUSMIL", "RUS"), "COERCE", sentence=(0, 98))]}
    s = score(gold, preds)
    assert (s["pair_tp"], s["pair_fp"], s["pair_fn"]) == (1, 0, 0)
    assert (s["tp"], s["fp"], s["fn"]) == (0, 1, 1)
    assert s["precision"] == s["recall"] == s["f1"] == 0.0
    # The second label also counts: CONSULT matches.
    preds["a"][0]["plover"] = "CONSULT"
    assert score(gold, preds)["f1"] == 1.0


def test_other_sentence_or_reversed_direction_does_not_match():
    # Same countries but the prediction sits in sentence 2 [100, 200) with no span overlap: no match.
    # Reversed direction RUS->USA on the right spans: no match either. Pair: tp 0, fp 2, fn 1.
    gold = [rec("a", g_ev(USA, RUS, ["AGREE"]))]
    preds = {"a": [p_ev((110, 115, "USAGOV", "USA"), (140, 146, "RUS", "RUS"), "AGREE", sentence=(100, 200)),
                   p_ev((40, 46, "RUS", "RUS"), (10, 15, "USAGOV", "USA"), "AGREE")]}
    s = score(gold, preds)
    assert (s["pair_tp"], s["pair_fp"], s["pair_fn"]) == (0, 2, 1)
    assert s["pair_precision"] == s["pair_recall"] == 0.0


def test_unknown_country_and_igo_codes():
    # Gold: ---MIL -> IGOUNO, and ---MIL -> IGOEUREEC, both in sentence 1. Predictions use other spans.
    # P1 (conf .9): source ---MIL/None at (70, 75), target IGOUNO/None: "---" has no country, so the
    #   source can only match by span -> it does not match -> fp.
    # P2 (conf .8): source overlaps gold source span (20, 25), target IGOUNO at (80, 86), same sentence
    #   -> matches gold 1 by IGO code -> tp.
    # P3 (conf .7): source overlaps (20, 25), target IGOAFR at (80, 86): IGOAFR != IGOEUREEC -> fp.
    # Pair: tp 1, fp 2, fn 1 -> P = 1/3, R = 1/2, F1 = 2*(1/3)*(1/2)/(5/6) = 0.4.
    mil = (20, 25, "---MIL")
    gold = [rec("a", g_ev(mil, (50, 52, "IGOUNO"), ["DEMAND"]), g_ev(mil, (55, 57, "IGOEUREEC"), ["DEMAND"]))]
    preds = {"a": [p_ev((70, 75, "---MIL", None), (80, 86, "IGOUNO", None), "DEMAND", 0.9),
                   p_ev((20, 25, "---MIL", None), (80, 86, "IGOUNO", None), "DEMAND", 0.8),
                   p_ev((20, 25, "---MIL", None), (80, 86, "IGOAFR", None), "DEMAND", 0.7)]}
    s = score(gold, preds)
    assert (s["pair_tp"], s["pair_fp"], s["pair_fn"]) == (1, 2, 1)
    assert s["pair_precision"] == pytest.approx(1 / 3)
    assert s["pair_recall"] == pytest.approx(0.5)
    assert s["pair_f1"] == pytest.approx(0.4)


def test_one_to_one_most_confident_first():
    # One gold event; two predictions of the same pair.
    # Pair matching: the 0.9 one (listed second) takes the gold event -> tp 1; the 0.5 one -> fp 1.
    # Labelled matching: the 0.9 one says COERCE (wrong) -> fp; the 0.5 one says AGREE -> tp. tp 1, fp 1, fn 0:
    # P = 0.5, R = 1.0, F1 = 2/3.
    gold = [rec("a", g_ev(USA, RUS, ["AGREE"]))]
    a = ((10, 15, "USAGOV", "USA"), (40, 46, "RUS", "RUS"))
    preds = {"a": [p_ev(*a, "AGREE", 0.5), p_ev(*a, "COERCE", 0.9)]}
    s = score(gold, preds)
    assert (s["pair_tp"], s["pair_fp"], s["pair_fn"]) == (1, 1, 0)
    assert (s["tp"], s["fp"], s["fn"]) == (1, 1, 0)
    assert s["f1"] == pytest.approx(2 / 3)
    # Ties: equal confidence -> input order; the first (AGREE) still gets the pair match, the second is fp.
    preds = {"a": [p_ev(*a, "AGREE", 0.5), p_ev(*a, "AGREE", 0.5)]}
    s = score(gold, preds)
    assert (s["tp"], s["fp"], s["fn"]) == (1, 1, 0)


def test_non_required_neither_rewarded_nor_punished():
    # Gold: required USAGOV->RUS AGREE (sentence 1) and non-required hypothetical RUS->USAGOV THREATEN.
    # P1 matches the required one -> tp. P2 matches the non-required one -> ignored. P3 matches nothing -> fp.
    # Labelled and pair: tp 1, fp 1, fn 0 -> P 0.5, R 1.0, F1 2/3.
    gold = [rec("a", g_ev(USA, RUS, ["AGREE"]),
                g_ev(RUS, USA, ["THREATEN"], required=False, modality="hypothetical"))]
    preds = {"a": [p_ev((10, 15, "USAGOV", "USA"), (40, 46, "RUS", "RUS"), "AGREE"),
                   p_ev((40, 46, "RUS", "RUS"), (10, 15, "USAGOV", "USA"), "THREATEN", modality="hypothetical"),
                   p_ev((110, 115, "CHN", "CHN"), (140, 146, "IND", "IND"), "AGREE", sentence=(100, 200))]}
    s = score(gold, preds)
    assert (s["tp"], s["fp"], s["fn"]) == (1, 1, 0)
    assert (s["pair_tp"], s["pair_fp"], s["pair_fn"]) == (1, 1, 0)
    assert s["precision"] == 0.5 and s["recall"] == 1.0
    # Only a prediction on the non-required event: nothing counted at all -> 0/0 = 0.0, fn 1.
    s = score(gold, {"a": [preds["a"][1]]})
    assert (s["tp"], s["fp"], s["fn"]) == (0, 0, 1)
    assert s["precision"] == s["recall"] == s["f1"] == 0.0


def test_closer_span_identity_preferred_over_required():
    # Two gold events in sentence 1 whose targets share the country RUS: USAGOV->RUSGOV (required, listed
    # first) and USAGOV->RUSMIL at (60, 70) (non-required). The prediction's target overlaps (60, 70), so
    # it takes the RUSMIL event (2 span actors beat 1) -> ignored; the required one is missed.
    # Pair: tp 0, fp 0, fn 1.
    gold = [rec("a", g_ev(USA, (40, 46, "RUSGOV"), ["COERCE"]),
                g_ev(USA, (60, 70, "RUSMIL"), ["COERCE"], required=False, modality="future"))]
    preds = {"a": [p_ev((10, 15, "USAGOV", "USA"), (62, 66, "RUSMIL", "RUS"), "COERCE")]}
    s = score(gold, preds)
    assert (s["pair_tp"], s["pair_fp"], s["pair_fn"]) == (0, 0, 1)


def test_ar_counts_only_asserted_and_reported_predictions():
    # Gold: two required events, one asserted (sentence 1), one concrete future (sentence 2).
    # Predictions: a "reported" one on event 1, a "future" one on event 2, a "negated" spurious one.
    # Full: tp 2, fp 1, fn 0 -> P 2/3, R 1, F1 0.8.
    # ar_: only the reported prediction -> tp 1, fp 0, fn 1 -> P 1, R 0.5, F1 2/3.
    gold = [rec("a", g_ev(USA, RUS, ["AGREE"]),
                g_ev((110, 115, "CHN"), (140, 146, "IND"), ["RETREAT"], modality="future", sentence=S2))]
    preds = {"a": [p_ev((10, 15, "USAGOV", "USA"), (40, 46, "RUS", "RUS"), "AGREE", modality="reported"),
                   p_ev((110, 115, "CHN", "CHN"), (140, 146, "IND", "IND"), "RETREAT", modality="future",
                        sentence=(100, 200)),
                   p_ev((10, 15, "USAGOV", "USA"), (140, 146, "IND", "IND"), "FIGHT", modality="negated",
                        sentence=(100, 200))]}
    s = score(gold, preds)
    assert (s["tp"], s["fp"], s["fn"]) == (2, 1, 0)
    assert s["f1"] == pytest.approx(0.8)
    assert s["ar_precision"] == 1.0 and s["ar_recall"] == 0.5
    assert s["ar_f1"] == pytest.approx(2 / 3)
    assert s["ar_pair_f1"] == pytest.approx(2 / 3)


def test_records_without_predictions_and_unknown_ids():
    # Record "b" has no predictions -> its required event is a false negative; predictions for "zzz"
    # (not in gold) are ignored. tp 0, fp 0, fn 1; every ratio 0/0 or 0/1 -> 0.0.
    gold = [rec("b", g_ev(USA, RUS, ["AGREE"]))]
    preds = {"zzz": [p_ev((10, 15, "USAGOV", "USA"), (40, 46, "RUS", "RUS"), "AGREE")]}
    s = score(gold, preds)
    assert (s["tp"], s["fp"], s["fn"], s["pair_tp"], s["pair_fp"], s["pair_fn"]) == (0, 0, 1, 0, 0, 1)
    assert all(s[k] == 0.0 for k in s if k.endswith(("precision", "recall", "f1")))
    assert len([k for k in s if k.endswith(("precision", "recall", "f1"))]) == 12
