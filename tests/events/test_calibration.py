"""The confidence calibrator's inputs (events/calibration.py)."""

from __future__ import annotations

import pytest

from greatgame.events.calibration import Calibrator, calibration_features


@pytest.mark.issue(11)
def test_calibration_features_slope_by_construction_and_the_classifiers_verdict() -> None:
    x = calibration_features(0.5, "said_in", "model", "asserted", "IRQ", "IRN", 0.5, 0.25)
    assert x == {"logit": 0.0, "logit|construction=said_in": 0.0, "construction=said_in": 1.0,
                 "method=model": 1.0, "modality=asserted": 1.0, "event_logit": 0.0, "margin": 0.25,
                 "source_state": 1.0, "target_state": 1.0}
    # the lexicon alone gives no verdict of the classifier; a country nobody knows is said so
    assert calibration_features(0.5, "svo", "lexicon", "asserted", "---GOV", "IGOUNO") == {
        "logit": 0.0, "logit|construction=svo": 0.0, "construction=svo": 1.0, "method=lexicon": 1.0,
        "modality=asserted": 1.0, "source_country_unknown": 1.0, "target_body": 1.0}


@pytest.mark.issue(11)
def test_calibrator_a_file_without_the_new_inputs_still_maps_a_score() -> None:
    # a calibrator shipped before the verdict inputs existed ignores them: the same probability as before
    old = Calibrator(0.0, {"logit": 1.0})
    x = calibration_features(0.75, "svo", "model", "asserted", "IRQ", "IRN", 0.9, 0.5)
    assert old(x) == pytest.approx(0.75)
    assert Calibrator.from_dict(old.to_dict()) == old
