"""Full-mode scoring against exhaustive gold (whole articles, every event marked)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

from greatgame.exhaustive import (
    ExhaustiveEvent,
    ExhaustiveRecord,
    GoldSide,
    Prediction,
    actor_key,
    match,
    read_corpus,
    read_exhaustive,
    score_full,
    text_sha256,
)

TEXT = "Iran attacked Iraq. Iraq said the United States met Japan. Kuwait may join OPEC."
#       0    5        14  19   24   29  33            47  51   56  60     67  71   76


def gold_event(src, tgt, plover, required=True, modality="asserted", sentence=(0, 19), codes=("IRN", "IRQ")):
    return ExhaustiveEvent(GoldSide((src,), codes[0]), GoldSide((tgt,), codes[1]), tuple(plover), None,
                           modality, required, sentence)


def pred(src, tgt, plover, conf, modality="asserted", sentence=(0, 19), keys=("IRN", "IRQ"), index=0):
    return Prediction("a", index, (*src, keys[0]), (*tgt, keys[1]), plover, conf, modality, sentence)


RECORD = ExhaustiveRecord("a", TEXT, "1987-03-01", (
    gold_event((0, 4), (14, 18), ["ASSAULT"]),
    gold_event((29, 46), (51, 56), ["CONSULT"], modality="reported", sentence=(20, 58), codes=("USA", "JPN")),
    gold_event((51, 56), (29, 46), ["CONSULT"], modality="reported", sentence=(20, 58), codes=("JPN", "USA")),
    gold_event((59, 65), (75, 79), ["COOPERATE", "AGREE"], required=False, modality="hypothetical",
               sentence=(59, 80), codes=("KWT", "IGOBUSOPC")),
))


def test_actor_key_reads_countries_bodies_and_unknowns() -> None:
    assert [actor_key("USAGOV"), actor_key("IGOUNO"), actor_key("---MIL"), actor_key(None),
            actor_key("IRNMIL", "IRN"), actor_key("IGOBUSOPC", None)] == ["USA", "IGOUNO", None, None, "IRN",
                                                                          "IGOBUSOPC"]


def test_full_scores_true_false_positives_ignored_and_misses() -> None:
    preds = {"a": [
        pred((0, 4), (14, 18), "ASSAULT", 0.9, index=0),                       # tp
        pred((14, 18), (0, 4), "ASSAULT", 0.8, keys=("IRQ", "IRN"), index=1),  # fp: wrong direction
        pred((29, 46), (51, 56), "AGREE", 0.7, "reported", (20, 58), ("USA", "JPN"), 2),  # pair right, label wrong
        pred((59, 65), (75, 79), "AGREE", 0.6, "future", (59, 80), ("KWT", "IGOBUSOPC"), 3),  # not required: ignored
        pred((20, 24), (51, 56), "CONSULT", 0.5, "reported", (20, 58), ("IRQ", "JPN"), 4),  # fp: Iraq only says
    ]}
    d = score_full([RECORD], preds).to_dict()
    # labelled: tp 1 (attack); fp 3 (reverse, wrong label, Iraq); ignored 1; required 3 -> fn 2
    assert (d["labelled"]["tp"], d["labelled"]["fp"], d["labelled"]["fn"]) == (1, 3, 2)
    assert d["precision"] == 0.25 and d["recall"] == round(1 / 3, 4)
    assert d["f1"] == round(2 * 0.25 / 3 / (0.25 + 1 / 3), 4)
    # pairs: the AGREE prediction now matches US->Japan: tp 2, fp 2 (reverse attack, Iraq), fn 1
    assert (d["pairs"]["tp"], d["pairs"]["fp"], d["pairs"]["fn"]) == (2, 2, 1)
    assert d["pair_precision"] == 0.5 and d["pair_recall"] == round(2 / 3, 4)
    # asserted and reported predictions only: the future one (ignored anyway) drops out
    assert d["asserted_reported"]["labelled"] == {"precision": 0.25, "recall": round(1 / 3, 4),
                                                  "f1": d["f1"], "tp": 1, "fp": 3, "fn": 2}
    assert d["by_category"]["ASSAULT"] == {"precision": 0.5, "recall": 1.0, "f1": round(2 / 3, 4), "predicted": 2,
                                           "correct": 1, "support": 1, "found": 1}
    assert d["by_category"]["CONSULT"]["support"] == 2 and d["by_category"]["CONSULT"]["found"] == 0
    assert d["by_category"]["AGREE"]["predicted"] == 1 and d["by_category"]["AGREE"]["support"] == 0
    assert d["by_modality"]["reported"]["predicted"] == 2 and d["by_modality"]["reported"]["support"] == 2
    bands = {b["low"]: (b["count"], b["correct"]) for b in d["confidence_bands"]}
    assert bands[0.9] == (1, 1) and bands[0.8] == (1, 0) and bands[0.7] == (1, 0) and bands[0.5] == (1, 0)
    assert bands[0.6] == (0, 0)  # the ignored prediction is in no band
    # ECE: |1-0.9|, |0-0.8|, |0-0.7|, |0-0.5| over four predictions
    assert d["ece"] == round((0.1 + 0.8 + 0.7 + 0.5) / 4, 4)


def test_match_is_one_to_one_most_confident_first() -> None:
    g = [gold_event((0, 4), (14, 18), ["ASSAULT"])]
    low, high = pred((0, 4), (14, 18), "ASSAULT", 0.4), pred((0, 4), (14, 18), "ASSAULT", 0.95, index=1)
    assert match([low, high], g, labelled=True) == {1: 0, 0: None}


def test_match_by_same_sentence_and_country_when_spans_differ() -> None:
    g = [gold_event((0, 4), (14, 18), ["ASSAULT"])]
    # "Iran" coded on another span of the same sentence, Iraq's span right
    p = pred((5, 13), (14, 18), "ASSAULT", 0.9, keys=("IRN", "IRQ"))
    assert match([p], g, labelled=True) == {0: 0}
    other_sentence = pred((5, 13), (14, 18), "ASSAULT", 0.9, sentence=(20, 58))
    assert match([other_sentence], g, labelled=True) == {0: None}
    unknown = pred((5, 13), (14, 18), "ASSAULT", 0.9, keys=(None, "IRQ"))
    assert match([unknown], g, labelled=True) == {0: None}


def test_match_prefers_span_identity_then_required() -> None:
    g = [gold_event((0, 4), (14, 18), ["ASSAULT"], required=False),
         gold_event((5, 13), (14, 18), ["ASSAULT"], required=True)]
    # spans match the first (not required) exactly, the second only by country
    assert match([pred((0, 4), (14, 18), "ASSAULT", 0.9)], g, labelled=True) == {0: 0}
    # matching both only by country: the required one
    assert match([pred((1, 2), (16, 17), "ASSAULT", 0.9)], g, labelled=True) == {0: 0}


def stand_off(tmp_path: Path, text: str = TEXT, **extra) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": text, "date": "1987-03-01"}) + "\n", encoding="utf-8")
    rec = {"id": "a", "sha256": text_sha256(TEXT), "date": "1987-03-01", "exhaustive": True, "split": "dev",
           "events": [{"source": {"spans": [[0, 4]], "code": "IRN"}, "target": {"spans": [[14, 18]], "code": "IRQ"},
                       "plover": ["ASSAULT"], "cameo": "190", "modality": "asserted", "required": True,
                       "sentence": [0, 19]}], **extra}
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(rec) + "\n" + json.dumps({**rec, "id": "missing"}) + "\n", encoding="utf-8")
    return gold, corpus


def test_read_exhaustive_joins_stand_off_records_and_names_bad_ones(tmp_path: Path) -> None:
    gold, corpus = stand_off(tmp_path)
    texts, errors = read_corpus(corpus)
    records, errors = read_exhaustive(gold, texts, str(corpus))
    assert [r.id for r in records] == ["a"] and records[0].text == TEXT and records[0].split == "dev"
    assert [str(e) for e in errors] == [f"{gold}:2: missing: document id not found in {corpus}"]
    changed = {"a": {"id": "a", "text": TEXT.replace("Iraq.", "Iraq!")}}
    records, errors = read_exhaustive(gold, changed)
    assert records == [] and str(errors[0]).endswith("the text's SHA-256 does not match the gold's "
                                                     "(another version of the document?)")


def test_read_exhaustive_refuses_sentence_gold_and_records_without_text(tmp_path: Path) -> None:
    gold, _ = stand_off(tmp_path)
    records, errors = read_exhaustive(gold)
    assert records == [] and str(errors[0]) == f"{gold}:1: a: the record has no text; give the corpus with --texts"
    sent = tmp_path / "sent.jsonl"
    sent.write_text(json.dumps({"id": "s", "text": "Iran attacked Iraq.", "events": []}) + "\n", encoding="utf-8")
    _, errors = read_exhaustive(sent)
    assert "not exhaustive gold" in str(errors[0])


@pytest.mark.slow
def test_eval_full_cli_with_texts_json_and_show(tmp_path: Path) -> None:
    gold, corpus = stand_off(tmp_path)
    res = run_cli("eval", str(gold), "--mode", "full", "--texts", str(corpus), "--format", "json")
    assert res.returncode == 1  # one record could not be joined
    assert res.stderr.strip() == f"greatgame: {gold}:2: missing: document id not found in {corpus}"
    d = json.loads(res.stdout)
    assert {"precision", "recall", "f1", "pair_precision", "pair_recall", "pair_f1"} <= set(d)
    assert d["records"] == 1 and d["required_events"] == 1
    res = run_cli("eval", str(gold), "--mode", "full", "--texts", str(corpus), "--show", "fn", "--split", "test")
    assert res.returncode == 3 and "no usable exhaustive gold records in split 'test'" in res.stderr
    res = run_cli("eval", str(gold), "--show", "fp")
    assert res.returncode == 2 and res.stderr.strip() == "greatgame: --texts, --split and --show go with --mode full"


# --- agreement with an independent implementation of ANNOTATION.md's rules -----------------------

def _both(gold_raw: list[dict], preds_raw: dict[str, list[dict]]) -> tuple[dict, dict]:
    import reference_full_scorer

    records = [ExhaustiveRecord(g["id"], g["text"], None, tuple(
        ExhaustiveEvent(GoldSide(tuple(map(tuple, e["source"]["spans"])), e["source"]["code"]),
                        GoldSide(tuple(map(tuple, e["target"]["spans"])), e["target"]["code"]),
                        tuple(e["plover"]), None, e["modality"], e["required"], tuple(e["sentence"]))
        for e in g["events"])) for g in gold_raw]
    ours = {rid: [Prediction(rid, i, (p["source"]["start"], p["source"]["end"],
                                      actor_key(p["source"]["code"], p["source"]["country"])),
                             (p["target"]["start"], p["target"]["end"],
                              actor_key(p["target"]["code"], p["target"]["country"])),
                             p["plover"], p["confidence"], p["modality"],
                             (p["sentence"]["start"], p["sentence"]["end"])) for i, p in enumerate(ps)]
            for rid, ps in preds_raw.items()}
    return score_full(records, ours).to_dict(), reference_full_scorer.score(gold_raw, preds_raw)


KEYS = ("precision", "recall", "f1", "pair_precision", "pair_recall", "pair_f1")


@pytest.mark.parametrize("seed", range(20))
def test_full_scores_agree_with_the_reference_scorer_on_random_cases(seed: int) -> None:
    import random

    rnd = random.Random(seed)
    codes = ["IRN", "IRQ", "USAGOV", "IGOUNO", "---MIL", "KWTMIL"]
    cats = ["ASSAULT", "CONSULT", "ACCUSE", "AID"]
    sentences = [(0, 40), (41, 90), (91, 140)]

    def span() -> list[int]:
        s = rnd.randrange(0, 135)
        return [s, s + rnd.randint(1, 5)]

    gold, preds = [], {}
    for r in range(3):
        rid = f"r{r}"
        events = []
        for _ in range(rnd.randint(0, 6)):
            sent = rnd.choice(sentences)
            mod = rnd.choice(["asserted", "reported", "future", "hypothetical", "negated"])
            events.append({"source": {"spans": [span()], "code": rnd.choice(codes)},
                           "target": {"spans": [span()], "code": rnd.choice(codes)},
                           "plover": rnd.sample(cats, rnd.choice([1, 1, 2])), "modality": mod,
                           "required": mod in ("asserted", "reported") or (mod == "future" and rnd.random() < .5),
                           "sentence": list(sent)})
        gold.append({"id": rid, "text": "x" * 140, "events": events})
        ps = []
        for _ in range(rnd.randint(0, 8)):
            # half the predictions copy a gold event's spans, so that matches happen
            src, tgt, sent = ({"start": s, "end": e} for s, e in (span(), span(), rnd.choice(sentences)))
            if events and rnd.random() < 0.5:
                g = rnd.choice(events)
                src = dict(zip(("start", "end"), g["source"]["spans"][0], strict=True))
                tgt = dict(zip(("start", "end"), g["target"]["spans"][0], strict=True))
            sc, tc = rnd.choice(codes), rnd.choice(codes)
            ps.append({"source": {**src, "code": sc, "country": None if sc[:3] in ("IGO", "---") else sc[:3]},
                       "target": {**tgt, "code": tc, "country": None if tc[:3] in ("IGO", "---") else tc[:3]},
                       "plover": rnd.choice(cats), "confidence": round(rnd.random(), 2),
                       "modality": rnd.choice(["asserted", "reported", "future", "hypothetical"]),
                       "sentence": sent})
        preds[rid] = ps
    ours, ref = _both(gold, preds)
    assert {k: ours[k] for k in KEYS} == {k: round(ref[k], 4) for k in KEYS}
    ar = ours["asserted_reported"]
    assert (ar["labelled"]["precision"], ar["labelled"]["recall"], ar["pairs"]["precision"], ar["pairs"]["recall"]) \
        == tuple(round(ref[k], 4) for k in ("ar_precision", "ar_recall", "ar_pair_precision", "ar_pair_recall"))
