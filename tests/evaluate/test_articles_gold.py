"""The exhaustive articles gold: well-formed, stand-off, covering every category; scored as the rules say."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
import conftest
from conftest import shared_path

from greatgame.events.ontology import PLOVER_CATEGORIES
from greatgame.exhaustive import predict, read_corpus, read_exhaustive, score_full

GOLD = conftest.GOLD
CODE = re.compile(r"^(?:[A-Z]{3}|---)(?:[A-Z]{3})*$")


def raw(name: str) -> list[dict]:
    return [json.loads(line) for line in (GOLD / name).read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("name", ["articles.jsonl", "articles_second.jsonl"])
def test_articles_gold_is_stand_off(name: str) -> None:
    for r in raw(name):
        assert "text" not in r and re.fullmatch(r"[0-9a-f]{64}", r["sha256"]), r["id"]
        for ev in r["events"]:
            assert "text" not in ev["source"] and "text" not in ev["target"]


def test_articles_gold_size_split_and_coverage() -> None:
    records = raw("articles.jsonl")
    assert len(records) == 254 and len({r["id"] for r in records}) == 254
    assert Counter(r["split"] for r in records) == {"dev": 217, "test": 37}
    required = [e for r in records for e in r["events"] if e["required"]]
    assert len(required) >= 1200
    assert {e["plover"][0] for r in records for e in r["events"]} == set(PLOVER_CATEGORIES)
    second = raw("articles_second.jsonl")
    assert len(second) == 42 and {r["id"] for r in second} <= {r["id"] for r in records}
    assert Counter(r["split"] for r in second) == {"dev": 36, "test": 6}


@pytest.mark.parametrize("name", ["articles.jsonl", "articles_second.jsonl"])
def test_articles_gold_joins_the_corpus_and_every_span_lies_in_its_sentence(name: str) -> None:
    corpus = shared_path("corpora", "reuters_politics_1987.jsonl")
    texts, errors = read_corpus(corpus)
    records, errors = read_exhaustive(GOLD / name, texts, str(corpus))
    assert errors == [] and len(records) == len(raw(name))
    for rec in records:
        for ev in rec.events:
            s0, s1 = ev.sentence
            for side in (ev.source, ev.target):
                assert CODE.match(side.code), (rec.id, side.code)
                for a, b in side.spans:
                    assert s0 <= a < b <= s1, rec.id
                    text = rec.text[a:b]
                    assert text == text.strip() and text, (rec.id, text)
            if ev.modality in ("asserted", "reported", "hypothetical", "negated"):
                assert ev.required == (ev.modality in ("asserted", "reported")), rec.id


def test_demo_gold_is_inline_and_reads() -> None:
    records, errors = read_exhaustive(GOLD / "demo_articles.jsonl")
    assert errors == [] and [r.id for r in records] == ["01-moscow-courts-pyongyang", "02-gulf-tensions",
                                                         "03-aid-and-alliances"]
    demo = conftest.ROOT / "src" / "greatgame" / "demo"
    for r in records:
        assert r.text == (demo / f"{r.id}.txt").read_text(encoding="utf-8")


@pytest.mark.slow
def test_full_scores_on_the_articles_agree_with_the_reference_scorer(coder) -> None:
    import reference_full_scorer

    corpus = shared_path("corpora", "reuters_politics_1987.jsonl")
    texts, _ = read_corpus(corpus)
    records, _ = read_exhaustive(GOLD / "articles.jsonl", texts, str(corpus))
    preds, failed = predict(records, coder)
    assert failed == []
    ours = score_full(records, preds).to_dict()
    gold = [json.loads(json.dumps({"id": r.id, "text": r.text, "events": [
        {"source": {"spans": [list(s) for s in e.source.spans], "code": e.source.code},
         "target": {"spans": [list(s) for s in e.target.spans], "code": e.target.code},
         "plover": list(e.plover), "modality": e.modality, "required": e.required, "sentence": list(e.sentence)}
        for e in r.events]})) for r in records]
    ref_preds = {rid: [{"source": {"start": p.event.source.start, "end": p.event.source.end,
                                   "code": p.event.source.code, "country": p.event.source.country},
                        "target": {"start": p.event.target.start, "end": p.event.target.end,
                                   "code": p.event.target.code, "country": p.event.target.country},
                        "plover": p.plover, "confidence": p.confidence, "modality": p.modality,
                        "sentence": {"start": p.sentence[0], "end": p.sentence[1]}} for p in ps]
                 for rid, ps in preds.items()}
    ref = reference_full_scorer.score(gold, ref_preds)
    for key in ("precision", "recall", "pair_precision", "pair_recall"):
        assert abs(ours[key] - ref[key]) <= 0.01, (key, ours[key], ref[key])
