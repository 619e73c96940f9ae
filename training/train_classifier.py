"""Train the pair classifier and write src/greatgame/events/data/classifier.npz.

    .venv/bin/python training/train_classifier.py                # synthetic, PLV split, dev articles; calibrator
    .venv/bin/python training/train_classifier.py --no-gold      # the project's synthetic sentences only
    .venv/bin/python training/train_classifier.py --cv 5         # also: 5-fold cross-validated PLV figures

Training data: the project's own synthetic sentences (training/synthetic/*.jsonl, see training/README.md),
unless --no-gold the PLV training split at ../shared/gold/plv_train.jsonl (read from there, never copied; each
example weighs --gold-weight, 2, against 1 for a synthetic one),
and unless --no-articles every candidate pair of the dev half of tests/gold/articles.jsonl (the category
of the gold event it is, else NONE: real negatives). Features are greatgame.events.classifier.pair_features,
hashed, so the weight file holds no text. The confidence calibrator (greatgame.events.calibration) is
fitted on the out-of-fold predictions of --cv-articles and ships in the same file.

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
from greatgame.events.pairs import pair_frame, token_span
from greatgame.exhaustive import ExhaustiveRecord, Prediction, actor_key, match, read_corpus, read_exhaustive
from greatgame.model import Document
from greatgame.nlp import parse_candidates
from greatgame.pipeline import get_coder
from greatgame.settings import Settings

OUT = ROOT / "src" / "greatgame" / "events" / "data" / "classifier.npz"
GOLD = ROOT.parent / "shared" / "gold" / "plv_train.jsonl"
ARTICLES = ROOT / "tests" / "gold" / "articles.jsonl"
CORPUS = ROOT.parent / "shared" / "corpora" / "reuters_politics_1987.jsonl"
# NONE's class weight as a share of its balanced one (balanced: n / (classes * count), so NONE, the largest
# class, already weighs least). Halving it was tried (5-fold by dev article, labelled P / R at 0.5 0.784 / 0.287
# against 0.772 / 0.279 alone, but 0.749 / 0.275 with the modality and lexicon-crossed features together): kept
# at 1.0, balanced, as before
NONE_WEIGHT = 1.0


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


def choose_labels(gold: list[dict], feats: list[list[str]]) -> None:
    """A gold event with several acceptable labels (PLV marks a release CONCEDE or RETREAT) trains on the one
    the lexicon gives the pair (its `lexp:` feature) where that is one of them, else on the first: always
    the first taught the model that every release is CONCEDE, against the synthetic sentences and cameo.tsv."""
    for ex, fs in zip(gold, feats, strict=True):
        lex = next((f[5:] for f in fs if f.startswith("lexp:") and f[5:] in ex.get("labels", ())), None)
        ex["label"] = lex or ex["label"]


def article_records(split: str = "dev") -> list[ExhaustiveRecord]:
    """The records of one half of the project's exhaustive articles gold, joined to the corpus."""
    texts, _ = read_corpus(CORPUS)
    records, errors = read_exhaustive(ARTICLES, texts, str(CORPUS))
    if errors:
        raise SystemExit("\n".join(map(str, errors)))
    return [r for r in records if r.split == split]


def article_examples(coder, records: list[ExhaustiveRecord],
                     uncovered: bool = False) -> tuple[list[dict], list[list[str]]]:
    """Real examples from whole articles: every candidate pair the finder proposes, labelled with the
    category of the gold event it is (its first PLOVER category) or NONE where it is none; with
    `uncovered`, also each gold event no candidate covers, as a positive. The features are those the
    coder computes.

    The uncovered events are left out by default: the coder never sees those pairs, and their features
    (mostly the bare "pair" construction of `pair_frame`) look like those of the finder's non-events; on
    the dev half, 5-fold by article, leaving them out took labelled precision/recall at the default
    threshold 0.5 from 0.751/0.290 to 0.784/0.313 (0.448/0.398 to 0.456/0.395 with every event kept)."""
    examples: list[dict] = []
    feats: list[list[str]] = []
    for ri, rec in enumerate(records):
        doc = Document(rec.id, rec.text, rec.date)
        parsed = parse_candidates(coder.nlp, coder.actors, doc, coder.settings)
        resolved = coder.actors.resolve(parsed, doc)
        covered: set[int] = set()
        for ps, cand in coder.events.candidates(parsed, resolved, with_fallback=True):
            s, t = cand.source, cand.target
            pred = Prediction(rec.id, 0, (s.mention.start, s.mention.end, actor_key(s.mention.code, s.mention.country)),
                              (t.mention.start, t.mention.end, actor_key(t.mention.code, t.mention.country)),
                              None, 1.0, "asserted", (ps.offset, ps.offset + len(ps.doc.text)))
            j = match([pred], rec.events, labelled=False)[0]
            gold = rec.events[j] if j is not None else None
            if j is not None:
                covered.add(j)
            examples.append({"label": gold.plover[0] if gold else "NONE", "cameo": gold.cameo if gold else None,
                             "record": ri, "pair": {"doc": rec.id, "source": s.mention.text, "target": t.mention.text,
                                                    "construction": cand.construction,
                                                    "trigger": ps.doc[cand.trigger].text, "sentence": ps.doc.text}})
            feats.append(coder.events.features(ps.doc, (s.start, s.end), (t.start, t.end), cand.trigger, cand.frame,
                                               cand.construction))
        for j, gold in enumerate(rec.events):
            if not uncovered or j in covered:
                continue
            (a, b), (c, d) = gold.source.spans[0], gold.target.spans[0]
            ps = next((p for p in parsed.sentences if p.offset <= a and b <= p.offset + len(p.doc.text)
                       and p.offset <= c and d <= p.offset + len(p.doc.text)), None)
            sp = ps and token_span(ps.doc, a - ps.offset, b - ps.offset)
            tp = ps and token_span(ps.doc, c - ps.offset, d - ps.offset)
            if not sp or not tp or sp == tp:
                continue
            trigger, frame, construction = pair_frame(ps.doc, sp, tp)
            examples.append({"label": gold.plover[0], "cameo": gold.cameo, "record": ri})
            feats.append(coder.events.features(ps.doc, sp, tp, trigger, frame, construction))
    return examples, feats


def featurise(coder, examples: list[dict]) -> list[list[str]]:
    feats = []
    docs = coder.nlp.pipe([e["text"] for e in examples], batch_size=64)
    for ex, sdoc in zip(examples, docs, strict=True):
        s = sdoc.char_span(*ex["source"], alignment_mode="expand")
        t = sdoc.char_span(*ex["target"], alignment_mode="expand")
        sp, tp = (s.start, s.end), (t.start, t.end)
        trigger, frame, construction = pair_frame(sdoc, sp, tp)
        feats.append(coder.events.features(sdoc, sp, tp, trigger, frame, construction))
    return feats


def class_weights(labels: np.ndarray, none_weight: float = NONE_WEIGHT) -> dict[str, float]:
    """Balanced class weights (n / (classes * count)), NONE's times `none_weight`."""
    classes, counts = np.unique(labels, return_counts=True)
    return {str(c): len(labels) / (len(classes) * n) * (none_weight if c == "NONE" else 1.0)
            for c, n in zip(classes, counts, strict=True)}


def fit(X, labels: np.ndarray, examples: list[dict], C: float, none_weight: float = NONE_WEIGHT) -> PairClassifier:
    # an example's "weight" (the dev articles' real candidates against synthetic and PLV sentences)
    weights = np.array([e.get("weight", 1.0) for e in examples])
    clf = LogisticRegression(C=C, max_iter=3000, class_weight=class_weights(labels, none_weight)).fit(
        X, labels, sample_weight=weights)
    default_cameo = {}
    for label in clf.classes_:
        codes = Counter(e["cameo"] for e in examples if e["label"] == label and e["cameo"])
        if codes:
            default_cameo[str(label)] = codes.most_common(1)[0][0]
    return PairClassifier([str(c) for c in clf.classes_], clf.coef_.astype(np.float16),
                          clf.intercept_.astype(np.float32), default_cameo)


def cross_validate(coder, syn, gold, Xs, Xg, C: float, k: int, gold_path: Path, extra=None,
                   oof_out: Path | None = None, none_weight: float = NONE_WEIGHT) -> None:
    """K folds over gold RECORDS; each fold scored by greatgame.evaluate in pairs and e2e mode.

    `extra` (examples, features) is trained on in every fold (the dev articles). The e2e runs use the
    shipped calibrator and are scored at several thresholds (0 is `--all`, 0.5 the default). `oof_out`
    gets one JSON line a record of the out-of-fold output (`benchmarks/plv_breakdown.py` reads it)."""
    from scipy.sparse import vstack

    from greatgame.evaluate import Outcome, evaluate, match_event, read_gold, score
    from greatgame.model import Document as Doc
    from greatgame.pipeline import Coder

    if oof_out:
        from plv_oof import oof_row  # this script's directory is on sys.path when it runs

    records, _ = read_gold(gold_path)
    extra_ex, Xe = extra if extra else ([], None)
    base = syn + extra_ex
    Xb = vstack([Xs, Xe]) if Xe is not None else Xs
    yb = np.array([e["label"] for e in base])
    yg = np.array([e["label"] for e in gold])
    record_of = [e["record"] for e in gold]
    user = Coder(Settings(workers=1, min_confidence=0.0))  # the shipped calibrator, every event kept
    pairs: list = []
    coded: list = []  # (record, events) out of fold
    rows: list[dict] = []
    for _, test_r in KFold(k, shuffle=True, random_state=0).split(records):
        held = set(test_r.tolist())
        train = [i for i, r in enumerate(record_of) if r not in held]
        model = fit(vstack([Xb, Xg[train]]), np.concatenate([yb, yg[train]]), base + [gold[i] for i in train], C,
                    none_weight)
        coder.events.model = user.events.model = model
        fold = [records[i] for i in test_r]
        fold_pairs = evaluate(fold, coder, "pairs").outcomes
        pairs += fold_pairs
        docs = [Doc(r.id, r.text, r.date) for r in fold]
        fold_coded = [(r, res.events) for r, res in zip(fold, user.code_many(docs, explain=True), strict=True)]
        coded += fold_coded
        if oof_out:
            rows += [oof_row(user, r, evs, [o for o in fold_pairs if o.record_id == r.id]) for r, evs in fold_coded]
    coder.events.model = user.events.model = None
    if oof_out:
        oof_out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        print(f"wrote the PLV out-of-fold output to {oof_out}")
    sc = score(pairs, "plover")
    print(f"{k}-fold cross-validated (folds by record), pairs mode, {len(pairs)} gold events: "
          f"macro-F1 {sc.macro_f1:.3f}, accuracy {sc.accuracy:.3f}")
    for t in (0.0, 0.3, 0.4, 0.5):
        outs, predicted = [], 0
        for rec, events in coded:
            kept = [e for e in events if e.confidence >= t]
            predicted += len(kept)
            for i, ev in enumerate(rec.events):
                m = match_event(ev, kept)
                outs.append(Outcome(rec.id, i, ev, m.cameo if m else None, m.plover if m else None,
                                    m.quad if m else None, m.confidence if m else None))
        sc = score(outs, "plover")
        print(f"  e2e at confidence >= {t:.1f}: macro-F1 {sc.macro_f1:.3f}, accuracy {sc.accuracy:.3f}, "
              f"pair recall {sum(o.matched for o in outs) / len(outs):.3f}, "
              f"predicted events per gold event {predicted / len(outs):.2f}")


def cross_validate_articles(coder, X_base, base: list[dict], X_art, arts: list[dict], records: list, C: float,
                            k: int, oof_out: Path | None = None, none_weight: float = NONE_WEIGHT,
                            pairs_out: Path | None = None) -> dict:
    """K folds over the dev ARTICLES: each fold coded whole by the full coder with a model trained on the
    synthetic sentences, the PLV split and the other folds' articles; scored by `--mode full` rules.
    Returns the out-of-fold predictions by record id; `oof_out` gets their report with the false
    positives and the misses (uncalibrated confidences), to find error patterns no model saw; `pairs_out`
    one JSON line for each candidate pair with what its fold's model made of it (1 - P(NONE), the best
    category), to read the true events it rejects and the non-events it takes."""
    from scipy.sparse import vstack

    from greatgame.exhaustive import format_full_report, misses, score_full
    from plv_oof import pair_row  # this script's directory is on sys.path when it runs

    y_base = np.array([e["label"] for e in base])
    y_art = np.array([e["label"] for e in arts])
    record_of = np.array([e["record"] for e in arts])
    preds: dict[str, list] = {}
    rows: list[dict] = []
    coder.events.calibrator = None
    for _, test_r in KFold(k, shuffle=True, random_state=0).split(records):
        train = np.flatnonzero(~np.isin(record_of, test_r))
        coder.events.model = fit(vstack([X_base, X_art[train]]), np.concatenate([y_base, y_art[train]]),
                                 base + [arts[i] for i in train], C, none_weight)
        fold = [records[i] for i in test_r]
        for i in np.flatnonzero(np.isin(record_of, test_r)) if pairs_out else ():
            rows.append(pair_row(coder.events.model, X_art[i], arts[i]))
        for rec, res in zip(fold, coder.code_many([Document(r.id, r.text, r.date) for r in fold], explain=True),
                            strict=True):
            preds[rec.id] = [Prediction.of(rec.id, i, ev) for i, ev in enumerate(res.events)]
    coder.events.model = None
    report = score_full(records, preds, f"articles dev half, {k}-fold by article (out of fold)")
    print(format_full_report(report))
    if oof_out:
        oof_out.write_text(format_full_report(report, "fp") + "\n\n" + "\n".join(misses(report)) + "\n",
                           encoding="utf-8")
        print(f"wrote the out-of-fold false positives and misses to {oof_out}")
    if pairs_out:
        rows.sort(key=lambda r: (r["record"], r["index"]))
        pairs_out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        print(f"wrote the out-of-fold verdict on every candidate pair to {pairs_out}")
    return preds


def _calibration_rows(records: list, preds: dict[str, list]) -> tuple[list[dict], np.ndarray, np.ndarray, list]:
    """For each scored out-of-fold prediction: its calibration features, whether it was right, its article."""
    from greatgame.events.calibration import calibration_features
    from greatgame.exhaustive import score_full

    lab = score_full(records, preds).labelled
    rows, ys, groups, kept = [], [], [], []
    for p, out in zip(lab.preds, lab.outcome, strict=True):
        if out == "ignored":
            continue
        ev, x = p.event, p.event.explain
        rows.append(calibration_features(x["raw_confidence"], x["construction"], x["method"], ev.modality,
                                         ev.source.code, ev.target.code, x.get("event_prob"), x.get("margin")))
        ys.append(out == "tp")
        groups.append(p.record_id)
        kept.append(p)
    return rows, np.array(ys), np.array(groups), kept


def fit_calibrator(records: list, preds: dict[str, list], k: int, C: float = 1.0):
    """A logistic calibrator on the out-of-fold predictions; prints its own cross-validated reliability
    (folds by article) and the precision and recall each threshold would give."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.model_selection import GroupKFold

    from greatgame.events.calibration import Calibrator
    from greatgame.exhaustive import score_full

    rows, y, groups, kept = _calibration_rows(records, preds)
    vec = DictVectorizer(sparse=False)
    X = vec.fit_transform(rows)
    p_oof = np.zeros(len(y))
    for tr, te in GroupKFold(k).split(X, y, groups):
        m = LogisticRegression(C=C, max_iter=2000).fit(X[tr], y[tr])
        p_oof[te] = m.predict_proba(X[te])[:, 1]
    print(f"\ncalibration, cross-validated by article ({len(y)} scored predictions)")
    print("  band        count  precision  mean calibrated")
    ece = 0.0
    for lo, hi in ((0, .3), (.3, .5), (.5, .6), (.6, .7), (.7, .8), (.8, .9), (.9, 1.01)):
        sel = (p_oof >= lo) & (p_oof < hi)
        if sel.any():
            ece += sel.sum() / len(y) * abs(y[sel].mean() - p_oof[sel].mean())
            print(f"  {lo:.1f}-{min(hi, 1):.1f}   {sel.sum():6d}  {y[sel].mean():9.3f}  {p_oof[sel].mean():15.3f}")
    print(f"  expected calibration error {ece:.3f}")
    calibrated = {id(p): c for p, c in zip(kept, p_oof, strict=True)}
    print("  threshold  precision  recall  pair_prec  pair_rec  predicted")
    for t in (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        sub = {rid: [p for p in ps if calibrated.get(id(p), 0.0) >= t] for rid, ps in preds.items()}
        d = score_full(records, sub).to_dict()
        print(f"  {t:9.1f}  {d['precision']:9.3f}  {d['recall']:6.3f}  {d['pair_precision']:9.3f}  "
              f"{d['pair_recall']:8.3f}  {d['predicted_events']:9d}")
    m = LogisticRegression(C=C, max_iter=2000).fit(X, y)
    return Calibrator(float(m.intercept_[0]), {n: float(w) for n, w in zip(vec.feature_names_, m.coef_[0],
                                                                             strict=True) if abs(w) > 1e-6})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cv", type=int, default=0, help="K-fold cross-validation over the gold records")
    ap.add_argument("--C", type=float, default=2.0)
    ap.add_argument("--none-weight", type=float, default=NONE_WEIGHT,
                    help=f"NONE's class weight as a share of its balanced weight (default {NONE_WEIGHT})")
    ap.add_argument("--no-gold", action="store_true", help="train on the synthetic sentences only")
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--no-articles", action="store_true", help="leave out the dev half of the articles gold")
    ap.add_argument("--article-weight", type=float, default=3.0,
                    help="sample weight of each dev-article example (synthetic ones weigh 1, PLV ones --gold-weight)")
    ap.add_argument("--gold-weight", type=float, default=2.0,
                    help="sample weight of each PLV example (synthetic ones weigh 1; default 2)")
    ap.add_argument("--uncovered", action="store_true",
                    help="also train on the dev-article gold events no candidate pair covers (see article_examples)")
    ap.add_argument("--cv-articles", type=int, default=5,
                    help="K-fold cross-validation over the dev articles, whose out-of-fold predictions the "
                         "confidence calibrator is fitted on (default 5; 0 ships no calibrator)")
    ap.add_argument("--oof-out", type=Path, default=None,
                    help="write the out-of-fold false positives and misses of the dev articles to this file")
    ap.add_argument("--pairs-out", type=Path, default=None, help="write each dev-article candidate pair's "
                    "label and out-of-fold model verdict (plv_oof.pair_row), a JSON line a pair, to this file")
    ap.add_argument("--plv-oof", type=Path, default=None,
                    help="with --cv: write the PLV split's out-of-fold output, a JSON line a record, to this file "
                         "(benchmarks/plv_breakdown.py reads it)")
    args = ap.parse_args()
    coder = get_coder(Settings(workers=1, use_model=False, min_confidence=0.0))
    syn = synthetic_examples()
    gold = [] if args.no_gold else gold_examples(args.gold)
    print(f"{len(syn)} synthetic examples, {len(gold)} gold examples")
    hasher = FeatureHasher(n_features=N_FEATURES, input_type="string", alternate_sign=False)
    Xs = hasher.transform(featurise(coder, syn))
    fg = featurise(coder, gold)
    choose_labels(gold, fg)
    for ex in gold:
        ex["weight"] = args.gold_weight
    Xg = hasher.transform(fg) if gold else None
    arts: list[dict] = []
    Xa = None
    calibrator = None
    if not args.no_articles:
        records = article_records("dev")
        arts, fa = article_examples(coder, records, args.uncovered)
        for n, e in enumerate(arts):
            e["weight"], e["index"] = args.article_weight, n
        Xa = hasher.transform(fa)
        print(f"{len(arts)} article examples ({sum(e['label'] != 'NONE' for e in arts)} events) "
              f"from {len(records)} dev articles")
        if args.cv_articles > 1:
            from scipy.sparse import vstack as _vstack

            base = syn + gold
            oof = cross_validate_articles(coder, _vstack([Xs, Xg]) if gold else Xs, base, Xa, arts, records,
                                          args.C, args.cv_articles, args.oof_out, args.none_weight,
                                          args.pairs_out)
            calibrator = fit_calibrator(records, oof, args.cv_articles)
    if args.cv > 1:
        ys = np.array([e["label"] for e in syn])
        if gold:
            cross_validate(coder, syn, gold, Xs, Xg, args.C, args.cv, args.gold, (arts, Xa) if arts else None,
                           args.plv_oof, args.none_weight)
        else:
            from sklearn.model_selection import StratifiedKFold

            pred = np.empty(len(ys), dtype=object)
            for train, test in StratifiedKFold(args.cv, shuffle=True, random_state=0).split(Xs, ys):
                m = LogisticRegression(C=args.C, max_iter=3000, class_weight="balanced").fit(Xs[train], ys[train])
                pred[test] = m.predict(Xs[test])
            print(f"{args.cv}-fold cross-validated on the synthetic data: accuracy {accuracy_score(ys, pred):.3f}, "
                  f"macro-F1 {f1_score(ys, pred, average='macro'):.3f}")
    from scipy.sparse import vstack

    X = vstack([m for m in (Xs, Xg, Xa) if m is not None])
    examples = syn + gold + arts
    model = fit(X, np.array([e["label"] for e in examples]), examples, args.C, args.none_weight)
    meta = {"labels": model.labels, "default_cameo": model.default_cameo, "n_features": N_FEATURES,
            "trained_on": ["training/synthetic/*.jsonl"] + ([] if args.no_gold else ["../shared/gold/plv_train.jsonl"])
            + ([] if args.no_articles else ["tests/gold/articles.jsonl (dev half)"]),
            "examples": len(examples), "C": args.C, "none_weight": args.none_weight,
            "article_weight": args.article_weight,
            "gold_weight": args.gold_weight, "uncovered": args.uncovered,
            "calibration": calibrator.to_dict() if calibrator else None}
    np.savez_compressed(OUT, weights=model.weights, bias=model.bias, meta=np.array(json.dumps(meta)))
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
