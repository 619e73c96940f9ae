"""Scoring against exhaustive gold: whole articles with every event marked (read by `greatgame.article_gold`).

Sentence gold can only show recall; exhaustive gold shows precision, since a predicted event that
matches no gold event is a false positive. A record is ``{"id", "text" | "sha256", "date",
"exhaustive": true, "split"?, "events": [...]}``; a record without its text (stand-off gold over a
corpus that may not be redistributed) is joined to the corpus by id, and its ``sha256`` must be that
of the corpus text. Each gold event: ``{"source": {"spans", "code"}, "target": {...}, "plover": [..],
"cameo"?, "modality", "required", "sentence": [start, end]}``.

Matching. Predicted events are taken most confident first (ties: the coder's order) and each is
matched to at most one unmatched gold event of its record, each gold event to at most one prediction.
An actor matches a gold actor when their character ranges overlap, or when the predicted event's
sentence overlaps the gold event's sentence and both name the same country: the first three letters
of a gold code, except ``---`` (no country) and international bodies (``IGO…``, ``NGO…``), which
compare whole codes. Labelled matching also needs the prediction's PLOVER category among the gold
event's (no folding of CONCEDE and RETREAT: the gold lists both where both are right); pair matching
does not. A prediction with several candidates takes the one with more actors matched by span, then
a required one, then the first in the file's order.

Outcomes. A prediction matched to a required gold event is a true positive; one matched to an event
that is not required is ignored (neither rewarded nor punished); one matched to nothing is a false
positive. Recall counts required gold events only. Labelled and pair matchings are run separately.
The ``asserted_reported`` figures repeat the labelled and pair figures for the predictions whose
modality is asserted or reported (what enters dyad aggregates), against every required gold event.
Precision by category is by the predicted category, recall by the gold event's first category; by
modality likewise. Confidence bands hold the labelled outcome of each scored prediction (true or
false positive) by its confidence; the expected calibration error is the mean over bands, weighted
by their counts, of |precision − mean confidence|.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Protocol

from .article_gold import (
    ExhaustiveEvent,
    ExhaustiveRecord,
    GoldSide,
    actor_key,
    read_corpus,
    read_exhaustive,
    text_sha256,
)
from .evaluate import overlaps
from .model import Document, Event

__all__ = [
    "BANDS", "PRF", "ExhaustiveEvent", "ExhaustiveRecord", "FullReport", "KeyScore", "Prediction", "actor_key",
    "false_positives", "format_full_report", "match", "misses", "predict", "read_corpus", "read_exhaustive",
    "score_full", "text_sha256",
]

BANDS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
# --- matching ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Prediction:
    """What scoring needs of one predicted event."""

    record_id: str
    index: int
    source: tuple[int, int, str | None]
    target: tuple[int, int, str | None]
    plover: str | None
    confidence: float
    modality: str
    sentence: tuple[int, int]
    event: Event | None = field(default=None, compare=False)

    @classmethod
    def of(cls, record_id: str, index: int, ev: Event) -> Prediction:
        return cls(record_id, index, (ev.source.start, ev.source.end, actor_key(ev.source.code, ev.source.country)),
                   (ev.target.start, ev.target.end, actor_key(ev.target.code, ev.target.country)),
                   ev.plover, ev.confidence, ev.modality, (ev.sentence.start, ev.sentence.end), ev)


def _side_matches(pred: tuple[int, int, str | None], gold: GoldSide, same_sentence: bool) -> bool:
    if any(overlaps(pred[:2], sp) for sp in gold.spans):
        return True
    return same_sentence and pred[2] is not None and pred[2] == gold.key


def _matches(p: Prediction, g: ExhaustiveEvent, labelled: bool) -> bool:
    if labelled and p.plover not in g.plover:
        return False
    same = overlaps(p.sentence, g.sentence)
    return _side_matches(p.source, g.source, same) and _side_matches(p.target, g.target, same)


def _by_span(p: Prediction, g: ExhaustiveEvent) -> int:
    """How many of the two actors match by span (a closer identity than by country)."""
    return (any(overlaps(p.source[:2], sp) for sp in g.source.spans)
            + any(overlaps(p.target[:2], sp) for sp in g.target.spans))


def match(preds: Sequence[Prediction], gold: Sequence[ExhaustiveEvent],
          labelled: bool) -> dict[int, int | None]:
    """Prediction index -> gold index (or None), one to one, most confident prediction first."""
    order = sorted(range(len(preds)), key=lambda i: -preds[i].confidence)
    taken: set[int] = set()
    out: dict[int, int | None] = {}
    for i in order:
        cands = [j for j, g in enumerate(gold) if j not in taken and _matches(preds[i], g, labelled)]
        best = min(cands, key=lambda j: (-_by_span(preds[i], gold[j]), not gold[j].required, j), default=None)
        out[i] = best
        if best is not None:
            taken.add(best)
    return out


# --- scores ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PRF:
    """True and false positives and misses, and what follows from them."""

    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass(frozen=True)
class Outcomes:
    """Each prediction's outcome ('tp', 'fp', 'ignored') and each required gold event's match."""

    preds: tuple[Prediction, ...]
    outcome: tuple[str, ...]
    gold: tuple[tuple[ExhaustiveRecord, ExhaustiveEvent], ...]
    found: tuple[bool, ...]

    def prf(self) -> PRF:
        tp, fp = self.outcome.count("tp"), self.outcome.count("fp")
        return PRF(tp, fp, sum(g.required for _, g in self.gold) - tp)


def _outcomes(records: Sequence[ExhaustiveRecord], preds: dict[str, list[Prediction]], labelled: bool,
              keep: Any = None) -> Outcomes:
    all_preds: list[Prediction] = []
    outcome: list[str] = []
    gold: list[tuple[ExhaustiveRecord, ExhaustiveEvent]] = []
    found: list[bool] = []
    for rec in records:
        ps = [p for p in preds.get(rec.id, []) if keep is None or keep(p)]
        m = match(ps, rec.events, labelled)
        hit = set(j for j in m.values() if j is not None)
        for i, p in enumerate(ps):
            j = m[i]
            all_preds.append(p)
            outcome.append("fp" if j is None else "tp" if rec.events[j].required else "ignored")
        for j, g in enumerate(rec.events):
            gold.append((rec, g))
            found.append(j in hit)
    return Outcomes(tuple(all_preds), tuple(outcome), tuple(gold), tuple(found))


@dataclass(frozen=True)
class Band:
    low: float
    high: float
    count: int
    correct: int
    mean_confidence: float | None

    @property
    def precision(self) -> float | None:
        return self.correct / self.count if self.count else None

    def to_dict(self) -> dict[str, Any]:
        r = None if self.precision is None else round(self.precision, 4)
        m = None if self.mean_confidence is None else round(self.mean_confidence, 4)
        return {"low": self.low, "high": self.high, "count": self.count, "correct": self.correct,
                "precision": r, "mean_confidence": m}


def _bands(o: Outcomes, bands: Sequence[float] = BANDS) -> tuple[list[Band], float]:
    scored = [(p.confidence, out == "tp") for p, out in zip(o.preds, o.outcome, strict=True) if out != "ignored"]
    out: list[Band] = []
    for i, (lo, hi) in enumerate(pairwise(bands)):
        last = i == len(bands) - 2
        inside = [(c, ok) for c, ok in scored if lo <= c < hi or (last and c >= hi)]
        mean = sum(c for c, _ in inside) / len(inside) if inside else None
        out.append(Band(lo, hi, len(inside), sum(ok for _, ok in inside), mean))
    n = sum(b.count for b in out)
    ece = sum(b.count / n * abs((b.precision or 0.0) - (b.mean_confidence or 0.0)) for b in out if b.count) \
        if n else 0.0
    return out, ece


@dataclass(frozen=True)
class KeyScore:
    """Precision of the predictions with one key (a category, a modality), recall of the gold with it."""

    predicted: int
    correct: int
    support: int
    found: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.support if self.support else 0.0

    def to_dict(self) -> dict[str, Any]:
        p, r = self.precision, self.recall
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
                "predicted": self.predicted, "correct": self.correct, "support": self.support, "found": self.found}


def _by(o: Outcomes, pred_key: Any, gold_key: Any) -> dict[str, KeyScore]:
    predicted: dict[str, int] = defaultdict(int)
    correct: dict[str, int] = defaultdict(int)
    support: dict[str, int] = defaultdict(int)
    found: dict[str, int] = defaultdict(int)
    for p, out in zip(o.preds, o.outcome, strict=True):
        if out != "ignored":
            predicted[pred_key(p)] += 1
            correct[pred_key(p)] += out == "tp"
    for (_, g), f in zip(o.gold, o.found, strict=True):
        if g.required:
            support[gold_key(g)] += 1
            found[gold_key(g)] += f
    return {k: KeyScore(predicted[k], correct[k], support[k], found[k]) for k in sorted(set(predicted) | set(support))}


@dataclass(frozen=True)
class FullReport:
    """The figures of a full-mode evaluation and the outcomes they come from."""

    gold: str
    records: int
    seconds: float
    labelled: Outcomes
    pairs: Outcomes
    labelled_ar: Outcomes
    pairs_ar: Outcomes
    failed: tuple[str, ...] = ()

    @property
    def required(self) -> int:
        return sum(g.required for _, g in self.labelled.gold)

    def to_dict(self) -> dict[str, Any]:
        lab, pair = self.labelled.prf(), self.pairs.prf()
        bands, ece = _bands(self.labelled)
        ar_l, ar_p = self.labelled_ar.prf(), self.pairs_ar.prf()
        return {
            "gold": self.gold, "mode": "full", "records": self.records,
            "gold_events": len(self.labelled.gold), "required_events": self.required,
            "predicted_events": len(self.labelled.preds), "seconds": round(self.seconds, 2),
            "precision": round(lab.precision, 4), "recall": round(lab.recall, 4), "f1": round(lab.f1, 4),
            "pair_precision": round(pair.precision, 4), "pair_recall": round(pair.recall, 4),
            "pair_f1": round(pair.f1, 4),
            "labelled": lab.to_dict(), "pairs": pair.to_dict(),
            "asserted_reported": {"labelled": ar_l.to_dict(), "pairs": ar_p.to_dict()},
            "by_category": {k: v.to_dict() for k, v in
                            _by(self.labelled, lambda p: p.plover or "NONE", lambda g: g.plover[0]).items()},
            "by_modality": {k: v.to_dict() for k, v in
                            _by(self.labelled, lambda p: p.modality, lambda g: g.modality).items()},
            "confidence_bands": [b.to_dict() for b in bands], "ece": round(ece, 4),
            "failed_records": list(self.failed),
        }


class CoderLike(Protocol):
    def code_many(self, docs: Iterable[Document]) -> Iterator[Any]: ...


def score_full(records: Sequence[ExhaustiveRecord], predictions: dict[str, list[Prediction]], gold: str = "",
               seconds: float = 0.0, failed: Sequence[str] = ()) -> FullReport:
    """Score predictions against exhaustive gold by the rules of the module docstring."""
    ar = lambda p: p.modality in ("asserted", "reported")  # noqa: E731
    return FullReport(gold, len(records), seconds, _outcomes(records, predictions, True),
                      _outcomes(records, predictions, False), _outcomes(records, predictions, True, ar),
                      _outcomes(records, predictions, False, ar), tuple(failed))


def predict(records: Sequence[ExhaustiveRecord], coder: CoderLike) -> tuple[dict[str, list[Prediction]], list[str]]:
    """Code each record's text as one document; its events as predictions, and records that failed."""
    docs = [Document(r.id, r.text, r.date) for r in records]
    out: dict[str, list[Prediction]] = {}
    failed: list[str] = []
    for rec, res in zip(records, coder.code_many(docs), strict=True):
        if res.error:
            failed.append(f"{rec.id}: {res.error}")
        out[rec.id] = [Prediction.of(rec.id, i, ev) for i, ev in enumerate(res.events)]
    return out, failed


# --- text for people ---------------------------------------------------------------------------

def _clip(text: str, width: int = 150) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _side(ref: Any) -> str:
    return f"{ref.code or '?'}({_clip(ref.text, 30)})"


def false_positives(report: FullReport) -> list[str]:
    """One line each for the labelled false positives, most confident first."""
    texts = {r.id: r.text for r, _ in report.labelled.gold}
    rows = []
    lab, pair = report.labelled, report.pairs
    for i, (p, out) in enumerate(zip(lab.preds, lab.outcome, strict=True)):
        if out != "fp" or p.event is None:
            continue
        ev = p.event
        why = "pair right, category wrong" if pair.outcome[i] != "fp" else "no such event"
        text = texts.get(p.record_id, ev.sentence.text)
        sentence = _clip(text[p.sentence[0]:p.sentence[1]])
        rows.append((-p.confidence, f"{p.record_id}  {p.confidence:.2f}  {_side(ev.source)} → {_side(ev.target)}  "
                     f"{ev.plover or ev.cameo}  {ev.modality}  [{why}]\n    {sentence}"))
    return [r for _, r in sorted(rows, key=lambda r: r[0])]


def misses(report: FullReport) -> list[str]:
    """One line each for the required gold events the coder did not find with the right category."""
    rows = []
    for i, ((rec, g), f) in enumerate(zip(report.labelled.gold, report.labelled.found, strict=True)):
        if f or not g.required:
            continue
        s, t = g.source.spans[0], g.target.spans[0]
        why = "pair found, category wrong" if report.pairs.found[i] else "pair not found"
        rows.append(f"{rec.id}  {g.source.code}({_clip(rec.text[s[0]:s[1]], 30)}) → "
                    f"{g.target.code}({_clip(rec.text[t[0]:t[1]], 30)})  {'/'.join(g.plover)}  {g.modality}  "
                    f"[{why}]\n    {_clip(rec.text[g.sentence[0]:g.sentence[1]])}")
    return rows


def _pct(x: float | None) -> str:
    return "    -" if x is None else f"{x:.3f}"


def format_full_report(report: FullReport, show: str | None = None) -> str:
    """The full-mode report as text for people; `show` adds the false positives or the misses."""
    d = report.to_dict()
    lines = [f"{report.gold}  mode full",
             f"{d['records']} articles, {d['gold_events']} gold events ({d['required_events']} required), "
             f"{d['predicted_events']} predicted, {d['seconds']:.1f} s", "",
             f"  {'':<24} {'prec':>6} {'rec':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for name, prf in (("labelled", d["labelled"]), ("pairs", d["pairs"]),
                      ("labelled, asserted+rep.", d["asserted_reported"]["labelled"]),
                      ("pairs, asserted+rep.", d["asserted_reported"]["pairs"])):
        lines.append(f"  {name:<24} {_pct(prf['precision']):>6} {_pct(prf['recall']):>6} {_pct(prf['f1']):>6} "
                     f"{prf['tp']:>5} {prf['fp']:>5} {prf['fn']:>5}")
    for title, table in (("category", d["by_category"]), ("modality", d["by_modality"])):
        lines += ["", f"  {'by ' + title:<12} {'prec':>6} {'pred':>5} {'rec':>6} {'gold':>5}"]
        for k, v in table.items():
            lines.append(f"  {k:<12} {_pct(v['precision'] if v['predicted'] else None):>6} {v['predicted']:>5} "
                         f"{_pct(v['recall'] if v['support'] else None):>6} {v['support']:>5}")
    lines += ["", f"  {'confidence':<11} {'count':>6} {'precision':>10} {'mean conf':>10}"]
    for b in d["confidence_bands"]:
        lines.append(f"  {b['low']:.1f}–{b['high']:.1f}     {b['count']:>6} {_pct(b['precision']):>10} "
                     f"{_pct(b['mean_confidence']):>10}")
    lines.append(f"  expected calibration error {d['ece']:.3f}")
    if show == "fp":
        fps = false_positives(report)
        lines += ["", f"false positives ({len(fps)})", *fps]
    elif show == "fn":
        fns = misses(report)
        lines += ["", f"misses ({len(fns)})", *fns]
    return "\n".join(lines)
