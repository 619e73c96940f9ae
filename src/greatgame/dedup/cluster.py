"""Mentions (coded sentences) clustered into real-world events, the same however the work is split.

The rule (docs/dedup.md): two mentions can be one event when they have the same *key* (the directed
dyad of actor codes and the CAMEO root) and their dates fall within the window. Within a key:

1. Mentions dated to the day are sorted by date and linked when consecutive dates are less than
   `window_days` apart (single linkage; 1 means the same day).
2. A mention dated only to the month or year ("last month", "in 1987") is widened to that month or
   year: it joins a day-level event whose dates overlap it, the one whose sentences are most like
   its own where several do (evidence similarity as the tie-breaker), else the other widened
   mentions of the same month or year.
3. An undated mention joins the most similar event of its key if its sentence shares at least
   `UNDATED_SIMILARITY` of its words with one, else the key's one undated event.

Steps 2 and 3 only look at the day-level events, so the clusters are a pure function of the set of
mentions in a key: any arrival order, any partitioning, gives the same events. `MentionClusters`
keeps mentions by key and re-clusters only the keys a new batch touches.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..model import MODALITIES, ActorRef, Event

__all__ = [
    "ACTOR_LEVELS",
    "UNDATED_SIMILARITY",
    "ClusteredEvent",
    "EventMention",
    "MentionClusters",
    "Update",
    "actor_key",
    "cluster_mentions",
    "evidence_similarity",
]

ACTOR_LEVELS = ("code", "country")
UNDATED_SIMILARITY = 0.5
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2, None: 3}
_STOP = frozenset(
    "a an and are as at be been by for from had has have he in is it its of on or said says that the "
    "their they this to was were which will with would".split()
)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def actor_key(ref: ActorRef, level: str = "code") -> str:
    """The actor as events are grouped by it: its code (RUSGOV), or at level 'country' its country."""
    if level == "country" and ref.country:
        return ref.country
    if ref.code:
        return ref.code
    # An actor without a code is known by its words: "?kremlin spokesman".
    return "?" + " ".join((ref.name or ref.text).lower().split())


@dataclass(frozen=True)
class EventMention:
    """One coded sentence (today's event record) with what clustering needs about its document."""

    mention_id: str
    doc_id: str
    source_actor: str
    target_actor: str
    cameo: str
    cameo_root: str
    date: str | None
    date_precision: str | None
    modality: str
    confidence: float
    sentence: str
    publisher: str
    article_id: str
    plover: str | None = None
    quad: int = 0
    goldstein: float = 0.0

    @classmethod
    def of(cls, event: Event, publisher: str, article_id: str, level: str = "code") -> EventMention:
        """The mention of a coded event found in a document from `publisher`, part of `article_id`."""
        precision = event.date_precision if event.date else None
        if event.date and precision is None:
            precision = "day"
        return cls(
            event.event_id, event.doc_id, actor_key(event.source, level), actor_key(event.target, level),
            event.cameo, event.cameo_root, event.date, precision, event.modality, event.confidence,
            event.sentence.text, publisher, article_id, event.plover, event.quad, event.goldstein,
        )

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source_actor, self.target_actor, self.cameo_root)


@dataclass(frozen=True)
class ClusteredEvent:
    """A real-world event: its key, date, codes and combined confidence, and the mentions behind it."""

    event_id: str
    source_actor: str
    target_actor: str
    cameo_root: str
    cameo: str
    plover: str | None
    quad: int
    goldstein: float
    date: str | None
    date_precision: str | None
    modality: str
    confidence: float
    num_mentions: int
    num_sources: int
    num_articles: int
    # The mention the event is named and dated by (see `_anchor`), and every mention, sorted.
    anchor_id: str = ""
    mention_ids: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, object]:
        d = {k: getattr(self, k) for k in self.__dataclass_fields__}
        d["mention_ids"] = list(self.mention_ids)
        return d


@dataclass(frozen=True)
class Update:
    """What a batch of mentions changed: the current events of the keys it touched, and retired ids."""

    events: tuple[ClusteredEvent, ...]
    # An id that no longer names an event -> the event now holding its anchor mention.
    retired: Mapping[str, str]


# --- dates -------------------------------------------------------------------------------------


def _interval(m: EventMention) -> tuple[dt.date, dt.date] | None:
    if not m.date:
        return None
    d = dt.date.fromisoformat(m.date)
    if m.date_precision == "month":
        return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1])
    if m.date_precision == "year":
        return dt.date(d.year, 1, 1), dt.date(d.year, 12, 31)
    return d, d


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 1)


def evidence_similarity(a: str, b: str) -> float:
    """How alike two sentences are: the Jaccard similarity of their content words."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def _best(m: EventMention, groups: list[list[EventMention]]) -> tuple[float, int]:
    """The index of the group whose sentences are most like `m`'s, and how alike (first on ties)."""
    best, best_i = -1.0, -1
    for i, g in enumerate(groups):
        s = max(evidence_similarity(m.sentence, o.sentence) for o in g)
        if s > best:
            best, best_i = s, i
    return best, best_i


def _group_key(ms: list[EventMention], window_days: int) -> list[list[EventMention]]:
    """The clusters of one key's mentions (see the module docstring); a pure function of the set."""
    ms = sorted(ms, key=lambda m: m.mention_id)
    day = sorted((m for m in ms if _PRECISION_RANK[m.date_precision] == 0 and m.date),
                 key=lambda m: (m.date, m.mention_id))
    groups: list[list[EventMention]] = []
    spans: list[tuple[dt.date, dt.date]] = []
    for m in day:
        d = dt.date.fromisoformat(m.date)  # type: ignore[arg-type]
        if groups and (d - spans[-1][1]).days < window_days:
            groups[-1].append(m)
            spans[-1] = (spans[-1][0], d)
        else:
            groups.append([m])
            spans.append((d, d))
    day_groups = [list(g) for g in groups]
    widened: dict[tuple[dt.date, dt.date], list[EventMention]] = defaultdict(list)
    undated: list[EventMention] = []
    for m in ms:
        rank = _PRECISION_RANK[m.date_precision]
        if rank == 0 and m.date:
            continue
        iv = _interval(m)
        if iv is None:
            undated.append(m)
            continue
        near = [i for i, (s, e) in enumerate(spans) if s <= iv[1] and e >= iv[0]]
        if near:
            _, j = _best(m, [day_groups[i] for i in near])
            groups[near[j]].append(m)
        else:
            widened[iv].append(m)
    groups.extend(widened[iv] for iv in sorted(widened))
    dated = [list(g) for g in groups]  # what undated mentions may join: never each other's choices
    rest: list[EventMention] = []
    for m in undated:
        sim, j = _best(m, dated) if dated else (0.0, -1)
        if j >= 0 and sim >= UNDATED_SIMILARITY:
            groups[j].append(m)
        else:
            rest.append(m)
    if rest:
        groups.append(rest)
    return groups


# --- events ------------------------------------------------------------------------------------


def _anchor(g: list[EventMention]) -> EventMention:
    """The mention an event is named and dated by: the most precisely dated, earliest, smallest id."""
    return min(g, key=lambda m: (_PRECISION_RANK[m.date_precision], m.date or "", m.mention_id))


def event_id(key: tuple[str, str, str], anchor_id: str) -> str:
    """A stable event id: a hash of the key and the anchor mention's id."""
    raw = "\x1f".join((*key, anchor_id)).encode("utf-8")
    return "evt-" + hashlib.sha1(raw).hexdigest()[:20]


def _noisy_or(g: list[EventMention]) -> float:
    """1 - prod(1 - c) over articles, each counted once at its most confident mention."""
    best: dict[str, float] = {}
    for m in g:
        best[m.article_id] = max(best.get(m.article_id, 0.0), m.confidence)
    miss = 1.0
    for c in best.values():
        miss *= 1.0 - min(max(c, 0.0), 1.0)
    return round(1.0 - miss, 6)


def _event(g: list[EventMention]) -> ClusteredEvent:
    a = _anchor(g)
    conf: Counter[str] = Counter()
    for m in g:
        conf[m.cameo] += m.confidence
    count = Counter(m.cameo for m in g)
    cameo = min(count, key=lambda c: (-count[c], -conf[c], c))
    coded = min((m for m in g if m.cameo == cameo), key=lambda m: m.mention_id)
    support: Counter[str] = Counter()
    for m in g:
        support[m.modality] += m.confidence
    order = {mod: i for i, mod in enumerate(MODALITIES)}
    modality = min(support, key=lambda mod: (-round(support[mod], 9), order.get(mod, len(order)), mod))
    return ClusteredEvent(
        event_id=event_id(a.key, a.mention_id), source_actor=a.source_actor, target_actor=a.target_actor,
        cameo_root=a.cameo_root, cameo=cameo, plover=coded.plover, quad=coded.quad, goldstein=coded.goldstein,
        date=a.date, date_precision=a.date_precision, modality=modality, confidence=_noisy_or(g),
        num_mentions=len(g), num_sources=len({m.publisher for m in g}),
        num_articles=len({m.article_id for m in g}), anchor_id=a.mention_id,
        mention_ids=tuple(sorted(m.mention_id for m in g)),
    )


def _check_window(window_days: int) -> None:
    if not isinstance(window_days, int) or window_days < 1:
        raise ValueError(f"dedup_window_days must be a whole number of days, 1 or more, not {window_days!r}")


def _sorted(events: Iterable[ClusteredEvent]) -> list[ClusteredEvent]:
    return sorted(events, key=lambda e: (e.date or "9999", e.event_id))


def cluster_mentions(mentions: Iterable[EventMention], window_days: int = 1) -> list[ClusteredEvent]:
    """The events the mentions describe, sorted by date and id; the same for any order of input."""
    _check_window(window_days)
    by_key: dict[tuple[str, str, str], dict[str, EventMention]] = defaultdict(dict)
    for m in mentions:
        by_key[m.key][m.mention_id] = m
    return _sorted(_event(g) for ms in by_key.values() for g in _group_key(list(ms.values()), window_days))


class MentionClusters:
    """Events built incrementally: add mentions in batches; each batch re-clusters only its keys."""

    def __init__(self, window_days: int = 1) -> None:
        _check_window(window_days)
        self.window_days = window_days
        self._mentions: dict[tuple[str, str, str], dict[str, EventMention]] = defaultdict(dict)
        self._events: dict[tuple[str, str, str], list[ClusteredEvent]] = {}

    def __len__(self) -> int:
        return sum(len(v) for v in self._events.values())

    def add(self, mentions: Iterable[EventMention]) -> Update:
        """Add a batch (a mention already present is kept once); what changed in the keys it touched."""
        touched: set[tuple[str, str, str]] = set()
        for m in mentions:
            self._mentions[m.key][m.mention_id] = m
            touched.add(m.key)
        changed: list[ClusteredEvent] = []
        retired: dict[str, str] = {}
        for key in sorted(touched):
            old = self._events.get(key, [])
            new = [_event(g) for g in _group_key(list(self._mentions[key].values()), self.window_days)]
            self._events[key] = new
            holder = {mid: e.event_id for e in new for mid in e.mention_ids}
            new_ids = {e.event_id for e in new}
            for e in old:
                if e.event_id not in new_ids:
                    retired[e.event_id] = holder[e.anchor_id]
            changed.extend(new)
        return Update(tuple(_sorted(changed)), retired)

    def merge(self, other: MentionClusters) -> Update:
        """Fold in the mentions of another instance (one partition's work)."""
        return self.add(m for ms in other._mentions.values() for m in ms.values())

    def events(self) -> list[ClusteredEvent]:
        """Every event, sorted by date and id."""
        return _sorted(e for es in self._events.values() for e in es)
