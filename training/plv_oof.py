"""One PLV record's out-of-fold output for `train_classifier.py --cv K --plv-oof FILE` (read by
benchmarks/plv_breakdown.py), and one dev-article candidate pair's for `--pairs-out FILE`: kept apart from
the training script to keep it small."""

from __future__ import annotations

import numpy as np

__all__ = ["oof_row", "pair_row"]


def _side(ref) -> dict:
    return {"start": ref.start, "end": ref.end, "text": ref.text, "code": ref.code}


def oof_row(user, rec, events, pairs: list) -> dict:
    """One PLV record's out-of-fold output for `--plv-oof`: the pair labels of its gold events, the events
    the coder printed (with how each was found) and every candidate pair with the fold model's four most
    likely categories (so a miss can be told apart: no mention, no candidate, NONE or a low confidence)."""
    from greatgame.model import Document as Doc
    from greatgame.nlp import parse_candidates

    doc = Doc(rec.id, rec.text, rec.date)
    parsed = parse_candidates(user.nlp, user.actors, doc, user.settings)
    resolved = user.actors.resolve(parsed, doc)
    cands = []
    for ps, cand in user.events.candidates(parsed, resolved):
        s, t = cand.source.mention, cand.target.mention
        feats = user.events.features(ps.doc, (cand.source.start, cand.source.end),
                                     (cand.target.start, cand.target.end), cand.trigger, cand.frame,
                                     cand.construction)
        probs = sorted(user.events.model.predict_proba(feats).items(), key=lambda kv: -kv[1])[:4]
        cands.append({"source": _side(s), "target": _side(t), "construction": cand.construction,
                      "trigger": ps.doc[cand.trigger].text, "probs": [[k, round(v, 3)] for k, v in probs]})
    return {"id": rec.id,
            "pairs": [{"event": o.event_index, "plover": o.plover, "cameo": o.cameo, "confidence": o.confidence}
                      for o in pairs],
            "events": [{"source": _side(e.source), "target": _side(e.target), "plover": e.plover,
                        "cameo": e.cameo, "confidence": e.confidence, "modality": e.modality,
                        "trigger": e.trigger.text, **{k: e.explain.get(k) for k in
                                                      ("construction", "method", "raw_confidence")}}
                       for e in events],
            "mentions": [{"start": m.start, "end": m.end, "text": m.text, "code": m.code}
                         for m in user.actors.mentions(resolved)],
            "candidates": cands}


def pair_row(model, x, example: dict) -> dict:
    """One dev-article candidate pair's gold label, where it is, and what a fold's model makes of its
    hashed feature row (1 - P(NONE), the best category other than NONE)."""
    scores = model.weights[:, x.indices].astype(np.float32) @ x.data.astype(np.float32) + model.bias
    p = np.exp(scores - scores.max())
    probs = dict(zip(model.labels, (p / p.sum()).tolist(), strict=True))
    best = max((k for k in probs if k != "NONE"), key=probs.__getitem__)
    return {"record": example["record"], "index": example["index"], "label": example["label"], **example["pair"],
            "event_prob": round(1.0 - probs.get("NONE", 0.0), 3), "best": best, "p_best": round(probs[best], 3)}
