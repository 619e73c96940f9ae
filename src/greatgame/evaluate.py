"""Scoring the coder against gold files, by the rules of the shared gold README.

A gold file holds one record a line: ``{"id", "text", "date", "events": [{"source", "target", "plover"
| "cameo", "quad"?}]}``. Each gold event gets one outcome: the label the coder gave it, or NONE.

Matching (``e2e`` mode). Each record's text is coded as one document. A gold event is matched by the
most confident predicted event of that record whose source matches the gold source and whose target
matches the gold target (ties: the first in the coder's order). An actor with ``spans`` matches when
the predicted actor's span overlaps any of them. An actor with a ``code`` instead (CAMEO actor codes,
as in petr2_gsr.jsonl) matches a predicted actor when

- its code equals the gold code; or
- the gold code is a bare country (three letters, no sector, e.g. ``USA``) and its country is that
  country, whatever its sector; or
- the gold code is ``---`` plus a sector (``---LEG``, an unnamed country's legislature) and its
  sector is that sector; a bare ``---`` (an actor nobody could name) matches an actor with no country.

No match gives the label NONE. Extra predicted events are not counted: the gold lists only the events
its coders agreed on.

In ``pairs`` mode each gold (source, target) pair is classified directly with ``classify_pair``;
where an actor is marked at several places every combination is tried and the most confident label
kept. Gold events whose actors carry codes but no spans cannot be classified this way and are skipped
(the report counts them).

Labels. PLOVER labels are compared with CONCEDE and RETREAT both folded into YIELD. A gold event may
list several acceptable labels: it is correct when the prediction is any of them, and in the
per-category figures it counts under the predicted label if that is acceptable, else under its first.
For CAMEO gold (a ``cameo`` field) two schemes are scored: ``plover`` (the gold PLOVER category derived
from the cameo code with the package's CAMEO table) and ``cameo_root`` (the two-digit root). CAMEO 01x
public statements have no PLOVER category: they are scored under the label STATEMENT, on both sides,
rather than dropped, so that a coder which misses or invents statements is seen to do so.

Figures: macro-F1 is the mean F1 over the labels present in the gold (predicted-only labels and NONE
enter through precision and recall, never as classes of their own); accuracy is the share of gold
events given an acceptable label; quad accuracy compares the gold quad class (given, or derived from
the cameo code) with the predicted event's quad; pair recall is the share of gold events that got any
label at all.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise, product
from pathlib import Path
from typing import Any, Protocol

from .events.ontology import PLOVER_CATEGORIES, cameo_table, plover_root
from .model import Document, Event, InputError

__all__ = [
    "DEFAULT_BINS", "MODES", "NONE", "SCHEMES", "STATEMENT", "CategoryScore", "GoldActor", "GoldEvent",
    "GoldRecord", "Outcome", "PairRequest", "ReliabilityBin", "Report", "Scores", "actor_matches",
    "code_matches", "evaluate", "format_reliability", "format_report", "gold_labels", "gold_quad",
    "match_event", "overlaps", "predicted_label", "read_gold", "read_pair_requests", "reliability",
    "score",
]

NONE = "NONE"
STATEMENT = "STATEMENT"
SCHEMES = ("plover", "cameo_root")
MODES = ("e2e", "pairs")
DEFAULT_BINS = (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0)
# PLOVER labels as scored: CONCEDE and RETREAT are one YIELD; 01x statements are STATEMENT.
PLOVER_LABELS = (STATEMENT, *dict.fromkeys(plover_root(c) or c for c in PLOVER_CATEGORIES))


# --- gold records -------------------------------------------------------------------------------

@dataclass(frozen=True)
class GoldActor:
    """A gold event's source or target: marked by character spans, or by a CAMEO actor code."""

    text: str | None
    spans: tuple[tuple[int, int], ...] = ()
    code: str | None = None


@dataclass(frozen=True)
class GoldEvent:
    """One agreed event: who did what to whom, as acceptable PLOVER labels or a CAMEO code."""

    source: GoldActor
    target: GoldActor
    plover: tuple[str, ...] = ()
    cameo: str | None = None
    quad: int | None = None


@dataclass(frozen=True)
class GoldRecord:
    """One gold sentence (or short text) and its events."""

    id: str
    text: str
    date: str | None
    events: tuple[GoldEvent, ...]


class _Bad(ValueError):
    """A gold or pair line that cannot be used; the message says why."""


def _actor(raw: Any, text: str, side: str) -> GoldActor:
    if not isinstance(raw, dict):
        raise _Bad(f"{side} must be an object")
    spans = raw.get("spans") or []
    if not isinstance(spans, list):
        raise _Bad(f"{side}.spans must be a list of [start, end]")
    out: list[tuple[int, int]] = []
    for sp in spans:
        if not (isinstance(sp, list) and len(sp) == 2 and all(type(x) is int for x in sp)
                and 0 <= sp[0] < sp[1] <= len(text)):
            raise _Bad(f"{side} span {sp!r} is not [start, end] inside the text")
        out.append((sp[0], sp[1]))
    code = raw.get("code")
    if code is not None and not isinstance(code, str):
        raise _Bad(f"{side}.code must be a string")
    if not out and not code:
        raise _Bad(f"{side} has neither spans nor a code")
    return GoldActor(raw.get("text"), tuple(out), code or None)


def _event(raw: Any, text: str) -> GoldEvent:
    if not isinstance(raw, dict):
        raise _Bad("an event must be an object")
    plover = raw.get("plover") or []
    plover = [plover] if isinstance(plover, str) else plover
    known = set(PLOVER_CATEGORIES) | {"YIELD"}
    if not isinstance(plover, list) or any(p not in known for p in plover):
        raise _Bad(f"plover {raw.get('plover')!r} is not a list of PLOVER categories")
    cameo = raw.get("cameo")
    if cameo is not None and cameo not in cameo_table():
        raise _Bad(f"cameo {cameo!r} is not a CAMEO code")
    if not plover and cameo is None:
        raise _Bad("an event needs plover or cameo")
    quad = raw.get("quad")
    if quad is not None and quad not in (1, 2, 3, 4):
        raise _Bad(f"quad {quad!r} is not 1-4")
    return GoldEvent(_actor(raw.get("source"), text, "source"), _actor(raw.get("target"), text, "target"),
                     tuple(plover), cameo, quad)


def _record(line: str, n: int) -> GoldRecord:
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _Bad(f"not JSON: {exc.msg}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
        raise _Bad("a record must be an object with a text")
    events = raw.get("events", [])
    if not isinstance(events, list):
        raise _Bad("events must be a list")
    rid = str(raw.get("id") or f"line-{n}")
    return GoldRecord(rid, raw["text"], _iso_date(raw.get("date")), tuple(_event(e, raw["text"]) for e in events))


def _iso_date(value: Any) -> str | None:
    # A gold file's date only anchors relative dates; one that is not ISO (petr2 has "121108") is dropped
    # rather than handed to the coder, since dates are not what is scored.
    try:
        return value if isinstance(value, str) and date.fromisoformat(value).isoformat() == value else None
    except ValueError:
        return None


def read_gold(path: str | Path) -> tuple[list[GoldRecord], list[InputError]]:
    """The records of a gold file, and an error for each line that could not be read."""
    records: list[GoldRecord] = []
    errors: list[InputError] = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                records.append(_record(line, n))
            except _Bad as exc:
                errors.append(InputError(str(path), str(exc), n))
    return records, errors


@dataclass(frozen=True)
class PairRequest:
    """One line of `greatgame classify` input: two spans of a text."""

    id: Any
    text: str
    source: tuple[int, int]
    target: tuple[int, int]
    line: int = 0


def _offsets(raw: Any, text: str, side: str) -> tuple[int, int]:
    if not isinstance(raw, dict):
        raise _Bad(f"{side} must be an object with start and end")
    s, e = raw.get("start"), raw.get("end")
    if type(s) is not int or type(e) is not int or not 0 <= s < e <= len(text):
        raise _Bad(f"{side} start/end {s!r}/{e!r} are not offsets inside the text")
    return s, e


def read_pair_requests(lines: Iterable[str], path: str) -> Iterator[PairRequest | InputError]:
    """Pair requests from JSON lines; a line that cannot be used gives an InputError in its place."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise _Bad(f"not JSON: {exc.msg}") from None
            if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
                raise _Bad("a line must be an object with a text")
            if "id" not in raw:
                raise _Bad("a line needs an id")
            yield PairRequest(raw["id"], raw["text"], _offsets(raw.get("source"), raw["text"], "source"),
                              _offsets(raw.get("target"), raw["text"], "target"), n)
        except _Bad as exc:
            yield InputError(path, str(exc), n)


# --- matching -----------------------------------------------------------------------------------

def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two character ranges share at least one character."""
    return a[0] < b[1] and b[0] < a[1]


def code_matches(gold_code: str, code: str | None, country: str | None, sector: str | None) -> bool:
    """The module docstring's rule for gold actors given as CAMEO codes."""
    if code == gold_code:
        return True
    if gold_code.startswith("---"):
        want = gold_code[3:]
        return sector == want if want else country is None
    return len(gold_code) == 3 and gold_code != "IGO" and country == gold_code


def actor_matches(gold: GoldActor, ref: Any) -> bool:
    """A predicted actor (start, end, code, country, sector) matches a gold actor."""
    if gold.spans:
        return any(overlaps((ref.start, ref.end), sp) for sp in gold.spans)
    return gold.code is not None and code_matches(gold.code, ref.code, ref.country, ref.sector)


def match_event(gold: GoldEvent, events: Sequence[Event]) -> Event | None:
    """The most confident predicted event whose source and target match the gold event's."""
    best: Event | None = None
    for ev in events:
        if (actor_matches(gold.source, ev.source) and actor_matches(gold.target, ev.target)
                and (best is None or ev.confidence > best.confidence)):
            best = ev
    return best


# --- labels -------------------------------------------------------------------------------------

def gold_labels(ev: GoldEvent, scheme: str) -> tuple[str, ...]:
    """The acceptable labels of a gold event under a scheme; empty where the gold has none."""
    if scheme == "cameo_root":
        return (cameo_table()[ev.cameo].root,) if ev.cameo else ()
    if ev.plover:
        return tuple(dict.fromkeys(plover_root(p) or p for p in ev.plover))
    if ev.cameo:
        return (plover_root(cameo_table()[ev.cameo].plover) or STATEMENT,)
    return ()


def gold_quad(ev: GoldEvent) -> int | None:
    """The gold quad class: as given, else that of the gold cameo code."""
    if ev.quad is None and ev.cameo in cameo_table():
        return cameo_table()[ev.cameo].quad
    return ev.quad


def predicted_label(cameo: str | None, plover: str | None, scheme: str) -> str:
    """A prediction's label under a scheme: NONE where nothing was predicted."""
    if cameo is None and plover is None:
        return NONE
    if scheme == "cameo_root":
        return cameo_table()[cameo].root if cameo in cameo_table() else NONE
    if plover:
        return plover_root(plover) or plover
    return STATEMENT if cameo in cameo_table() and cameo_table()[cameo].root == "01" else NONE


@dataclass(frozen=True)
class Outcome:
    """What the coder gave one gold event."""

    record_id: str
    event_index: int
    gold: GoldEvent
    cameo: str | None
    plover: str | None
    quad: int | None
    confidence: float | None

    @property
    def matched(self) -> bool:
        return self.cameo is not None or self.plover is not None

    def labels(self, scheme: str) -> tuple[str, ...]:
        return gold_labels(self.gold, scheme)

    def predicted(self, scheme: str) -> str:
        return predicted_label(self.cameo, self.plover, scheme)

    def correct(self, scheme: str) -> bool:
        return self.predicted(scheme) in self.labels(scheme)


# --- scores -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CategoryScore:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True)
class Scores:
    """Agreement under one labelling scheme."""

    scheme: str
    labels: tuple[str, ...]
    macro_f1: float
    accuracy: float
    matched_accuracy: float | None
    per_category: dict[str, CategoryScore]
    confusion: dict[str, dict[str, int]]

    def to_dict(self) -> dict[str, Any]:
        return {"labels": list(self.labels), "macro_f1": _r(self.macro_f1), "accuracy": _r(self.accuracy),
                "matched_accuracy": _r(self.matched_accuracy),
                "per_category": {k: {"precision": _r(v.precision), "recall": _r(v.recall), "f1": _r(v.f1),
                                     "support": v.support} for k, v in self.per_category.items()},
                "confusion": self.confusion}


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


def _order(labels: Iterable[str], scheme: str) -> list[str]:
    rank = {lab: i for i, lab in enumerate(PLOVER_LABELS)} if scheme == "plover" else {}
    return sorted(set(labels), key=lambda lab: (lab == NONE, rank.get(lab, 99), lab))


def score(outcomes: Sequence[Outcome], scheme: str) -> Scores:
    """Macro-F1, accuracy, per-category figures and confusion of the outcomes under a scheme."""
    rows: list[tuple[str, str]] = []
    matched = matched_ok = 0
    for o in outcomes:
        gold = o.labels(scheme)
        if not gold:
            continue
        pred = o.predicted(scheme)
        rows.append((pred if pred in gold else gold[0], pred))
        if o.matched:
            matched += 1
            matched_ok += pred in gold
    labels = _order((g for g, _ in rows), scheme)
    columns = _order([*labels, *(p for _, p in rows), NONE], scheme)
    confusion = {g: dict.fromkeys(columns, 0) for g in labels}
    for g, p in rows:
        confusion[g][p] += 1
    predicted_as = Counter(p for _, p in rows)
    per: dict[str, CategoryScore] = {}
    for lab in labels:
        tp, support = confusion[lab][lab], sum(confusion[lab].values())
        prec = tp / predicted_as[lab] if predicted_as[lab] else 0.0
        rec = tp / support if support else 0.0
        per[lab] = CategoryScore(prec, rec, 2 * prec * rec / (prec + rec) if prec + rec else 0.0, support)
    correct = sum(g == p for g, p in rows)
    return Scores(scheme, tuple(labels), sum(c.f1 for c in per.values()) / len(per) if per else 0.0,
                  correct / len(rows) if rows else 0.0, matched_ok / matched if matched else None,
                  per, confusion)


@dataclass(frozen=True)
class ReliabilityBin:
    """Predictions whose confidence lies in [low, high), and how often they were right."""

    low: float
    high: float
    count: int
    correct: int
    mean_confidence: float | None
    # The same for every prediction at or above `low`: what a threshold there would keep.
    count_at_or_above: int
    correct_at_or_above: int

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.count if self.count else None

    @property
    def accuracy_at_or_above(self) -> float | None:
        return self.correct_at_or_above / self.count_at_or_above if self.count_at_or_above else None

    def to_dict(self) -> dict[str, Any]:
        return {"low": self.low, "high": self.high, "count": self.count, "accuracy": _r(self.accuracy),
                "mean_confidence": _r(self.mean_confidence), "count_at_or_above": self.count_at_or_above,
                "accuracy_at_or_above": _r(self.accuracy_at_or_above)}


def reliability(outcomes: Sequence[Outcome], bins: Sequence[float] = DEFAULT_BINS,
                scheme: str = "plover") -> list[ReliabilityBin]:
    """Accuracy of the matched predictions by confidence bin (the last bin includes its top)."""
    scored = [(o.confidence or 0.0, o.correct(scheme)) for o in outcomes if o.matched and o.labels(scheme)]
    out: list[ReliabilityBin] = []
    for i, (lo, hi) in enumerate(pairwise(bins)):
        last = i == len(bins) - 2
        inside = [(c, ok) for c, ok in scored if lo <= c < hi or (last and c == hi)]
        above = [ok for c, ok in scored if c >= lo]
        mean = sum(c for c, _ in inside) / len(inside) if inside else None
        out.append(ReliabilityBin(lo, hi, len(inside), sum(ok for _, ok in inside), mean,
                                  len(above), sum(above)))
    return out


# --- running the coder --------------------------------------------------------------------------

class CoderLike(Protocol):
    def code_many(self, docs: Iterable[Document]) -> Iterator[Any]: ...

    def classify_pair(self, text: str, source: tuple[int, int], target: tuple[int, int]) -> Any: ...


@dataclass(frozen=True)
class Report:
    """The figures of one evaluation run, and the outcomes they come from."""

    gold: str
    mode: str
    records: int
    seconds: float
    outcomes: tuple[Outcome, ...]
    skipped_events: int = 0
    failed: tuple[str, ...] = ()
    scores: dict[str, Scores] = field(default_factory=dict)
    predicted: int = 0  # e2e: events the coder printed for these records

    @property
    def events(self) -> int:
        return len(self.outcomes)

    @property
    def predicted_per_gold_event(self) -> float | None:
        """e2e: how many events the coder prints for each gold event (sentence gold lists one a sentence)."""
        return self.predicted / len(self.outcomes) if self.mode == "e2e" and self.outcomes else None

    @property
    def pair_recall(self) -> float:
        return sum(o.matched for o in self.outcomes) / len(self.outcomes) if self.outcomes else 0.0

    @property
    def quad_accuracy(self) -> float:
        with_quad = [(o, gold_quad(o.gold)) for o in self.outcomes if gold_quad(o.gold) is not None]
        return sum(o.quad == q for o, q in with_quad) / len(with_quad) if with_quad else 0.0

    @property
    def sentences_per_s(self) -> float:
        return self.records / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        from .pipeline import CODER_VERSION

        return {"gold": self.gold, "mode": self.mode, "coder": CODER_VERSION, "records": self.records,
                "events": self.events, "skipped_events": self.skipped_events, "failed_records": list(self.failed),
                "seconds": round(self.seconds, 2), "sentences_per_s": round(self.sentences_per_s, 1),
                "pair_recall": _r(self.pair_recall), "quad_accuracy": _r(self.quad_accuracy),
                "predicted_events": self.predicted if self.mode == "e2e" else None,
                "predicted_per_gold_event": _r(self.predicted_per_gold_event),
                "scores": {k: v.to_dict() for k, v in self.scores.items()},
                "reliability": [b.to_dict() for b in reliability(self.outcomes)]}


def _outcome(rec: GoldRecord, i: int, ev: GoldEvent, pred: Any | None) -> Outcome:
    if pred is None or (pred.cameo is None and pred.plover is None):
        return Outcome(rec.id, i, ev, None, None, None, None)
    return Outcome(rec.id, i, ev, pred.cameo, pred.plover, pred.quad, pred.confidence)


def _run_e2e(records: Sequence[GoldRecord], coder: CoderLike) -> tuple[list[Outcome], list[str], int]:
    docs = [Document(r.id, r.text, r.date) for r in records]
    outcomes: list[Outcome] = []
    failed: list[str] = []
    predicted = 0
    for rec, res in zip(records, coder.code_many(docs), strict=True):
        if res.error:
            failed.append(f"{rec.id}: {res.error}")
        predicted += len(res.events)
        for i, ev in enumerate(rec.events):
            outcomes.append(_outcome(rec, i, ev, match_event(ev, res.events)))
    return outcomes, failed, predicted


def _run_pairs(records: Sequence[GoldRecord], coder: CoderLike) -> tuple[list[Outcome], int, int]:
    outcomes: list[Outcome] = []
    skipped = texts = 0
    for rec in records:
        scored = False
        for i, ev in enumerate(rec.events):
            if not (ev.source.spans and ev.target.spans):
                skipped += 1
                continue
            scored = True
            best = None
            for s, t in product(ev.source.spans, ev.target.spans):
                lab = coder.classify_pair(rec.text, s, t)
                given = lab.cameo is not None or lab.plover is not None
                if given and (best is None or lab.confidence > best.confidence):
                    best = lab
            outcomes.append(_outcome(rec, i, ev, best))
        texts += scored
    return outcomes, skipped, texts


def evaluate(records: Sequence[GoldRecord], coder: CoderLike, mode: str = "e2e", gold: str = "") -> Report:
    """Code or classify the gold records and score the outcomes (see the module docstring)."""
    if mode not in MODES:
        raise ValueError(f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    t0 = time.perf_counter()
    skipped, failed, predicted = 0, [], 0
    if mode == "e2e":
        outcomes, failed, predicted = _run_e2e(records, coder)
        n = len(records)
    else:
        outcomes, skipped, n = _run_pairs(records, coder)
    secs = time.perf_counter() - t0
    scores = {s: score(outcomes, s) for s in SCHEMES if any(o.labels(s) for o in outcomes)}
    return Report(gold, mode, n, secs, tuple(outcomes), skipped, tuple(failed), scores, predicted)


# --- text for people ----------------------------------------------------------------------------

_ABBREV = {"STATEMENT": "STM", "AGREE": "AGR", "CONSULT": "CNS", "SUPPORT": "SUP", "YIELD": "YLD",
           "COOPERATE": "COP", "AID": "AID", "REQUEST": "REQ", "ACCUSE": "ACC", "REJECT": "REJ",
           "THREATEN": "THR", "PROTEST": "PRT", "MOBILIZE": "MOB", "SANCTION": "SAN", "COERCE": "COE",
           "ASSAULT": "ASL", "NONE": "NONE", "CONCEDE": "CON", "RETREAT": "RET"}
_TITLES = {"plover": "PLOVER (CONCEDE and RETREAT scored as YIELD; CAMEO 01x as STATEMENT)",
           "cameo_root": "CAMEO root"}


def _f(x: float | None) -> str:
    return "    -" if x is None else f"{x:.3f}"


def _scores_lines(s: Scores) -> list[str]:
    lines = [f"{_TITLES.get(s.scheme, s.scheme)}",
             (f"  macro-F1 {_f(s.macro_f1)}   accuracy {_f(s.accuracy)}   accuracy where matched "
              f"{_f(s.matched_accuracy)}"), "",
             f"  {'category':<10} {'prec':>6} {'rec':>6} {'F1':>6} {'support':>8}"]
    for lab, c in s.per_category.items():
        lines.append(f"  {lab:<10} {_f(c.precision):>6} {_f(c.recall):>6} {_f(c.f1):>6} {c.support:>8}")
    cols = list(next(iter(s.confusion.values()), {}))
    lines += ["", "  confusion (rows: gold, columns: predicted)",
              "  " + " " * 10 + "".join(f"{_ABBREV.get(c, c[:4]):>5}" for c in cols)]
    for g, row in s.confusion.items():
        lines.append(f"  {g:<10}" + "".join(f"{row[c] or '.':>5}" for c in cols))
    return lines


def format_reliability(bins: Sequence[ReliabilityBin]) -> str:
    """The reliability table as text: count and accuracy per confidence bin, and at or above it."""
    lines = [(f"  {'confidence':<11} {'count':>6} {'accuracy':>9} {'mean conf':>10}   "
              f"{'count >= low':>12} {'accuracy >= low':>15}")]
    for b in bins:
        lines.append(f"  {b.low:.1f}–{b.high:.1f}     {b.count:>6} {_f(b.accuracy):>9} {_f(b.mean_confidence):>10}"
                     f"   {b.count_at_or_above:>12} {_f(b.accuracy_at_or_above):>15}")
    return "\n".join(lines)


def format_report(report: Report, with_reliability: bool = False) -> str:
    """The report as a plain-text table for people."""
    lines = [f"{report.gold}  mode {report.mode}",
             f"{report.records} sentences, {report.events} gold events"
             + (f" ({report.skipped_events} skipped: actors given by code, not spans)"
                if report.skipped_events else "")
             + f", {report.seconds:.1f} s, {report.sentences_per_s:.1f} sentences/s",
             f"pair recall {_f(report.pair_recall)}   quad accuracy {_f(report.quad_accuracy)}"
             + (f"   predicted events per gold event {report.predicted_per_gold_event:.2f}"
                if report.predicted_per_gold_event is not None else "")]
    if report.failed:
        lines.append(f"{len(report.failed)} records could not be coded")
    for s in report.scores.values():
        lines += [""] + _scores_lines(s)
    if with_reliability:
        lines += ["", "reliability (PLOVER label of matched predictions, by confidence)",
                  format_reliability(reliability(report.outcomes))]
    return "\n".join(lines)
