"""Alerts: a dyad whose cooperation shifts against its own past, a new material conflict of a watched actor.

The shift test is `analytics.shifts` (a two-proportion z-test of the cooperation share of a period
against every earlier period); a pair's new events put its shifts from their earliest period on to
the test (a late article changes the baseline of the periods after it). Each alert is stored in
`watch_alerts` together with the outcomes of the pages that raised it, before it is sent, and is
marked delivered after, so a restart neither forgets an alert nor raises it twice (a crash between
sending and marking sends it again)."""

from __future__ import annotations

import os
import sys
import time
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, TextIO

from ..analytics import PERIODS, shifts
from ..store import Store
from .fetch import USER_AGENT

__all__ = ["Alert", "AlertEvent", "AlertRules", "RulesError", "alert_rows", "deliver", "find_alerts", "load_rules",
           "remember"]


class RulesError(ValueError):
    """A rules file or value that cannot be used; the message is one line naming the file."""


@dataclass(frozen=True)
class AlertRules:
    """Which alerts to raise and where to send them."""

    shift: bool = True
    by: str = "week"  # the window: each period is tested against all earlier ones
    min_events: int = 5
    z: float = 1.96
    level: str = "country"
    actors: tuple[str, ...] = ()  # watched actors: their new material-conflict events alert
    out: str | None = None  # a file to append JSON lines to; None: standard output
    webhook: str | None = None
    webhook_retries: int = 3
    max_events: int = 50  # events carried by one alert


def load_rules(path: str | None = None, **overrides: Any) -> AlertRules:
    """Defaults, then a TOML file ([shift], [conflict], [output] tables), then flags (None: not given)."""
    values: dict[str, Any] = {}
    if path:
        try:
            with open(path, "rb") as fh:
                data = tomllib.load(fh)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise RulesError(f"{path}: cannot read alert rules: {getattr(exc, 'strerror', None) or exc}") from None
        allowed = {"shift": {"enabled": "shift", "by": "by", "min_events": "min_events", "z": "z", "level": "level"},
                   "conflict": {"actors": "actors"},
                   "output": {"file": "out", "webhook": "webhook", "webhook_retries": "webhook_retries",
                              "max_events": "max_events"}}
        for table, body in data.items():
            if table not in allowed or not isinstance(body, dict):
                raise RulesError(f"{path}: unknown table [{table}]; expected [shift], [conflict] or [output]")
            for key, value in body.items():
                if key not in allowed[table]:
                    raise RulesError(f"{path}: unknown key {key!r} in [{table}]")
                values[allowed[table][key]] = value
    values.update({k: v for k, v in overrides.items() if v is not None})
    base = AlertRules()
    for f in fields(base):
        if f.name in values:
            values[f.name] = _coerce(path, f.name, values[f.name], getattr(base, f.name))
    rules = replace(base, **values)
    if rules.by not in PERIODS:
        raise RulesError(f"{path or '--shift-by'}: unknown period {rules.by!r}; expected one of {', '.join(PERIODS)}")
    if rules.level not in ("country", "actor"):
        raise RulesError(f"{path or 'level'}: level must be country or actor, not {rules.level!r}")
    return rules


def _coerce(path: str | None, name: str, value: Any, default: Any) -> Any:
    where = f"{path}: " if path else ""
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value
    elif isinstance(default, tuple):
        if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            return tuple(v.strip().upper() for v in value)
    elif isinstance(default, (int, float)) and not isinstance(value, bool) and isinstance(value, (int, float)):
        return type(default)(value)
    elif default is None or isinstance(default, str):
        if isinstance(value, str):
            return value
    raise RulesError(f"{where}{name} cannot be {value!r}")


# --- finding -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class AlertEvent:
    """An event behind an alert: enough to read it and find it in the store."""

    event_id: str
    doc_id: str
    date: str | None
    dyad: tuple[str, str]
    cameo: str
    quad: int
    plover: str | None
    sentence: str
    url: str | None

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["dyad"] = list(self.dyad)
        return d


@dataclass(frozen=True)
class Alert:
    """One alert: its id (the same alert always has the same id), kind, dyad, its events, and what
    its kind says of it (a shift's period, direction and test; a conflict's watched actors)."""

    alert_id: str
    kind: str  # shift | conflict
    dyad: tuple[str, str]
    events: tuple[AlertEvent, ...]
    details: tuple[tuple[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"alert_id": self.alert_id, "kind": self.kind, "dyad": list(self.dyad), **dict(self.details),
                "events": [e.to_dict() for e in self.events]}


def _events(rows: list[tuple[Any, ...]]) -> tuple[AlertEvent, ...]:
    # The store's alert event rows: event_id, doc_id, date, source, target, cameo, quad, plover, sentence, url.
    return tuple(AlertEvent(r[0], r[1], r[2], (r[3], r[4]), r[5], int(r[6]), r[7], r[8], r[9]) for r in rows)


def _conflicts(store: Store, rules: AlertRules, doc_ids: list[str]) -> list[Alert]:
    if not rules.actors:
        return []
    rows = store.alert_conflict_events(doc_ids, rules.actors)
    alerts = []
    seen: set[str] = set()
    for row, ev in zip(rows, _events(rows), strict=True):
        if ev.event_id in seen:  # one alert per real-world event, however many sentences report it
            continue
        seen.add(ev.event_id)
        watched = sorted(a for a in rules.actors if a in (row[3], row[4], row[10], row[11]))
        alerts.append(Alert(f"conflict:{ev.event_id}", "conflict", ev.dyad, (ev,),
                            (("actors", tuple(watched)), ("date", ev.date), ("cameo", ev.cameo))))
    return alerts


def _shifts(store: Store, rules: AlertRules, doc_ids: list[str]) -> list[Alert]:
    # A pair's new events change its period and the baseline of every later period: test those.
    since = store.alert_first_periods(doc_ids, rules.level, rules.by)
    if not since:
        return []
    found = shifts(store, by=rules.by, min_events=rules.min_events, z=rules.z, level=rules.level)
    alerts = []
    for row in found.to_dict("records"):
        first = since.get((row["a"], row["b"]))
        if first is None or row["period"] < first:
            continue
        rows = store.alert_period_events((row["a"], row["b"]), row["period"], rules.level, rules.by, rules.max_events)
        details = (
            ("by", rules.by), ("period", row["period"]), ("direction", row["direction"]),
            ("events_in_period", int(row["events"])), ("net_coop", int(row["net_coop"])),
            ("coop_share", round(float(row["coop_share"]), 4)), ("past_events", int(row["past_events"])),
            ("past_coop_share", round(float(row["past_coop_share"]), 4)), ("z", round(float(row["z"]), 3)),
            ("p_value", float(row["p_value"])),
        )
        alerts.append(Alert(f"shift:{row['a']}:{row['b']}:{rules.by}:{row['period']}:{row['direction']}", "shift",
                            (row["a"], row["b"]), _events(rows), details))
    return alerts


def find_alerts(store: Store, rules: AlertRules, doc_ids: Sequence[str]) -> list[Alert]:
    """The alerts that newly stored documents give rise to (not yet checked against those raised before)."""
    ids = list(doc_ids)
    if not ids:
        return []
    found = _shifts(store, rules, ids) if rules.shift else []
    return found + _conflicts(store, rules, ids)


# --- remembering and sending ---------------------------------------------------------------------


def alert_rows(alerts: Sequence[Alert]) -> list[tuple[str, str, dict[str, Any]]]:
    """Alerts as the store keeps them: (alert_id, kind, body), the body stamped with the time raised."""
    raised = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    return [(a.alert_id, a.kind, {**a.to_dict(), "raised_at": raised}) for a in alerts]


def remember(store: Store, alerts: Sequence[Alert]) -> int:
    """Store alerts not raised before, as undelivered; how many were new."""
    return store.settle_watch((), alert_rows(alerts))


def _post(url: str, body: str, retries: int) -> str | None:
    import httpx  # lazily: only a webhook needs it

    error = None
    for attempt in range(retries + 1):
        try:
            r = httpx.post(url, content=body, timeout=10.0,
                           headers={"Content-Type": "application/json", "User-Agent": USER_AGENT})
            if r.status_code < 300:
                return None
            error = f"HTTP {r.status_code}"
            if r.status_code < 500 and r.status_code != 429:
                return error
        except httpx.HTTPError as exc:
            error = str(exc) or type(exc).__name__
        if attempt < retries:
            time.sleep(min(0.5 * 2 ** attempt, 8.0))
    return error


def deliver(store: Store, rules: AlertRules, on_error: Callable[[str], None],
            stream: TextIO | None = None) -> int:
    """Write every undelivered alert as one JSON line (and POST it to the webhook); mark each delivered."""
    # The store is connected only to read and mark: readers get in while a webhook is slow.
    with store.connected():
        rows = store.undelivered_alerts()
    for alert_id, body in rows:
        if rules.out:
            with open(rules.out, "a", encoding="utf-8") as fh:
                fh.write(body + "\n")
                fh.flush()
                os.fsync(fh.fileno())
        else:
            out = stream or sys.stdout
            out.write(body + "\n")
            out.flush()
        if rules.webhook:
            error = _post(rules.webhook, body, rules.webhook_retries)
            if error:
                on_error(f"{rules.webhook}: alert {alert_id} not delivered: {error}")
        with store.connected():
            store.mark_alert_delivered(alert_id)
    return len(rows)
