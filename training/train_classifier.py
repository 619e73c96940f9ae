"""Train the pair classifier and write src/greatgame/events/data/classifier.npz.

    .venv/bin/python training/train_classifier.py                # synthetic sentences + the PLV training split
    .venv/bin/python training/train_classifier.py --no-gold      # the project's synthetic sentences only
    .venv/bin/python training/train_classifier.py --cv 5         # also: 5-fold cross-validated figures

Training data: the project's own synthetic sentences (training/synthetic/*.jsonl, see training/README.md)
and, unless --no-gold, the PLV training split at ../shared/gold/plv_train.jsonl (read from there, never
copied). Features are greatgame.events.classifier.pair_features, hashed, so the weight file holds no text.

With --cv K the gold records are split in K folds; each fold is coded by the whole pair coder (lexicon
and classifier, as `greatgame eval --mode pairs` runs it) with a model trained on the synthetic data and
the other folds. The figures printed are those out-of-fold predictions: nothing is scored on data its
model saw.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import KFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from greatgame.events.classifier import N_FEATURES, PairClassifier
from greatgame.events.pairs import pair_frame
from greatgame.pipeline import get_coder
from greatgame.settings import Settings

OUT = ROOT / "src" / "greatgame" / "events" / "data" / "classifier.npz"
GOLD = ROOT.parent / "shared" / "gold" / "plv_train.jsonl"


def _find(text: str, sub: str, occurrence: int = 0) -> tuple[int, int] | None:
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.find(sub, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(sub)


def synthetic_examples() -> list[dict]:
    """The project's synthetic records with character spans (authoring format of training/synthetic)."""
    out = []
    for path in sorted((ROOT / "training" / "synthetic").glob("*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            r = json.loads(line)
            src = _find(r["text"], r["source"], r.get("source_occurrence", 0))
            tgt = _find(r["text"], r["target"], r.get("target_occurrence", 0))
            if src is None or tgt is None:
                print(f"{path.name}:{n}: actor not found in text, skipped", file=sys.stderr)
                continue
            label = r.get("plover") or "NONE"
            out.append({"text": r["text"], "source": src, "target": tgt, "label": label,
                        "cameo": r.get("cameo") if label != "NONE" else None})
    return out


def gold_examples(path: Path) -> list[dict]:
    """Gold events with spans; the label is the first acceptable PLOVER category."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        r = json.loads(line)
        for e in r["events"]:
            if "spans" not in e["source"] or "spans" not in e["target"]:
                continue
            labels = e["plover"]
            out.append({"text": r["text"], "source": tuple(e["source"]["spans"][0]),
                        "target": tuple(e["target"]["spans"][0]), "label": labels[0], "labels": labels, "record": n,
                        "cameo": None})  # gold gives no CAMEO code; defaults come from synthetic data
    return out


def featurise(coder, examples: list[dict]) -> list[list[str]]:
    feats = []
    docs = coder.nlp.pipe([e["text"] for e in examples], batch_size=64)
    for ex, sdoc in zip(examples, docs, strict=True):
        s = sdoc.char_span(*ex["source"], alignment_mode="expand")
        t = sdoc.char_span(*ex["target"], alignment_mode="expand")
        sp, tp = (s.start, s.end), (t.start, t.end)
        trigger, frame, _ = pair_frame(sdoc, sp, tp)
        feats.append(coder.events.features(sdoc, sp, tp, trigger, frame))
    return feats


def fit(X, labels: np.ndarray, examples: list[dict], C: float) -> PairClassifier:
    clf = LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(X, labels)
    default_cameo = {}
    for label in clf.classes_:
        codes = Counter(e["cameo"] for e in examples if e["label"] == label and e["cameo"])
        if codes:
            default_cameo[str(label)] = codes.most_common(1)[0][0]
    return PairClassifier([str(c) for c in clf.classes_], clf.coef_.astype(np.float16),
                          clf.intercept_.astype(np.float32), default_cameo)


def cross_validate(coder, syn, gold, Xs, Xg, C: float, k: int, gold_path: Path) -> None:
    """K folds over gold RECORDS; each fold scored by greatgame.evaluate in pairs and e2e mode."""
    from scipy.sparse import vstack

    from greatgame.evaluate import evaluate, read_gold, score

    records, _ = read_gold(gold_path)
    ys = np.array([e["label"] for e in syn])
    yg = np.array([e["label"] for e in gold])
    record_of = [e["record"] for e in gold]
    outcomes: dict[str, list] = {"pairs": [], "e2e": []}
    for _, test_r in KFold(k, shuffle=True, random_state=0).split(records):
        held = set(test_r.tolist())
        train = [i for i, r in enumerate(record_of) if r not in held]
        coder.events.model = fit(vstack([Xs, Xg[train]]), np.concatenate([ys, yg[train]]),
                                 syn + [gold[i] for i in train], C)
        fold = [records[i] for i in test_r]
        for mode in outcomes:
            outcomes[mode] += evaluate(fold, coder, mode).outcomes
    for mode, outs in outcomes.items():
        sc = score(outs, "plover")
        recall = sum(o.matched for o in outs) / len(outs)
        print(f"{k}-fold cross-validated (folds by record), {mode} mode, {len(outs)} gold events: "
              f"macro-F1 {sc.macro_f1:.3f}, accuracy {sc.accuracy:.3f}, pair recall {recall:.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv", type=int, default=0, help="K-fold cross-validation over the gold records")
    ap.add_argument("--C", type=float, default=4.0)
    ap.add_argument("--no-gold", action="store_true", help="train on the synthetic sentences only")
    ap.add_argument("--gold", type=Path, default=GOLD)
    args = ap.parse_args()
    coder = get_coder(Settings(workers=1, use_model=False))
    syn = synthetic_examples()
    gold = [] if args.no_gold else gold_examples(args.gold)
    print(f"{len(syn)} synthetic examples, {len(gold)} gold examples")
    hasher = FeatureHasher(n_features=N_FEATURES, input_type="string", alternate_sign=False)
    Xs = hasher.transform(featurise(coder, syn))
    Xg = hasher.transform(featurise(coder, gold)) if gold else None
    if args.cv > 1:
        ys = np.array([e["label"] for e in syn])
        if gold:
            cross_validate(coder, syn, gold, Xs, Xg, args.C, args.cv, args.gold)
        else:
            from sklearn.model_selection import StratifiedKFold

            pred = np.empty(len(ys), dtype=object)
            for train, test in StratifiedKFold(args.cv, shuffle=True, random_state=0).split(Xs, ys):
                m = LogisticRegression(C=args.C, max_iter=3000, class_weight="balanced").fit(Xs[train], ys[train])
                pred[test] = m.predict(Xs[test])
            print(f"{args.cv}-fold cross-validated on the synthetic data: accuracy {accuracy_score(ys, pred):.3f}, "
                  f"macro-F1 {f1_score(ys, pred, average='macro'):.3f}")
    from scipy.sparse import vstack

    X = vstack([Xs, Xg]) if gold else Xs
    examples = syn + gold
    model = fit(X, np.array([e["label"] for e in examples]), examples, args.C)
    meta = {"labels": model.labels, "default_cameo": model.default_cameo, "n_features": N_FEATURES,
            "trained_on": ["training/synthetic/*.jsonl"] + ([] if args.no_gold else ["../shared/gold/plv_train.jsonl"]),
            "examples": len(examples), "C": args.C}
    np.savez_compressed(OUT, weights=model.weights, bias=model.bias, meta=np.array(json.dumps(meta)))
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
