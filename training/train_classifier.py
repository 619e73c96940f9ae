"""Train the pair classifier on the project's own synthetic sentences and write events/data/classifier.npz.

    .venv/bin/python training/train_classifier.py [--cv 5] [--C 4.0]

The sentences are written by the project (training/synthetic/*.jsonl, see training/README.md); no public
gold set is used for training. Features are those of greatgame.events.classifier.pair_features, hashed, so
the weight file holds no text. Prints 5-fold cross-validated accuracy and macro-F1 on the synthetic data.
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
from sklearn.model_selection import StratifiedKFold

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from greatgame.events.classifier import N_FEATURES, pair_features  # noqa: E402
from greatgame.events.coder import EventCoder  # noqa: E402
from greatgame.events.pairs import pair_frame  # noqa: E402
from greatgame.nlp import load_pipeline  # noqa: E402

OUT = ROOT / "src" / "greatgame" / "events" / "data" / "classifier.npz"


def _find(text: str, sub: str, occurrence: int = 0) -> tuple[int, int] | None:
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.find(sub, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(sub)


def load_examples() -> list[dict]:
    """Synthetic records with character spans: from training/synthetic/*.jsonl (the authoring format)."""
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


def featurise(examples: list[dict]) -> list[list[str]]:
    nlp = load_pipeline()
    coder = EventCoder()
    feats = []
    docs = nlp.pipe([e["text"] for e in examples], batch_size=64)
    for ex, sdoc in zip(examples, docs):
        s = sdoc.char_span(*ex["source"], alignment_mode="expand")
        t = sdoc.char_span(*ex["target"], alignment_mode="expand")
        sp, tp = (s.start, s.end), (t.start, t.end)
        trigger, frame, _ = pair_frame(sdoc, sp, tp)
        hit = coder._lexicon_hit(frame)
        root = coder.codes[hit.cameo].root if hit else None
        feats.append(pair_features(sdoc, sp, tp, root, trigger))
    return feats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv", type=int, default=5)
    ap.add_argument("--C", type=float, default=4.0)
    args = ap.parse_args()
    examples = load_examples()
    labels = np.array([e["label"] for e in examples])
    print(f"{len(examples)} synthetic examples: {dict(Counter(labels))}")
    X = FeatureHasher(n_features=N_FEATURES, input_type="string", alternate_sign=False).transform(
        featurise(examples))

    def model() -> LogisticRegression:
        return LogisticRegression(C=args.C, max_iter=3000, class_weight="balanced")

    if args.cv > 1:
        pred = np.empty(len(labels), dtype=object)
        for train, test in StratifiedKFold(args.cv, shuffle=True, random_state=0).split(X, labels):
            pred[test] = model().fit(X[train], labels[train]).predict(X[test])
        print(f"{args.cv}-fold cross-validated on the synthetic data: accuracy "
              f"{accuracy_score(labels, pred):.3f}, macro-F1 {f1_score(labels, pred, average='macro'):.3f}")
    clf = model().fit(X, labels)
    default_cameo = {}
    for label in clf.classes_:
        codes = Counter(e["cameo"] for e in examples if e["label"] == label and e["cameo"])
        if codes:
            default_cameo[str(label)] = codes.most_common(1)[0][0]
    meta = {"labels": [str(c) for c in clf.classes_], "default_cameo": default_cameo,
            "n_features": N_FEATURES, "trained_on": "training/synthetic/*.jsonl", "examples": len(examples),
            "C": args.C}
    np.savez_compressed(OUT, weights=clf.coef_.astype(np.float16), bias=clf.intercept_.astype(np.float32),
                        meta=np.array(json.dumps(meta)))
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
