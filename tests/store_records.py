"""Real Event and DocResult records for the store tests, built directly rather than by the coder."""

from __future__ import annotations

from pathlib import Path

from greatgame.ingest import write_results
from greatgame.model import ActorRef, Document, Event, Location, Span
from greatgame.pipeline import DocResult
from greatgame.store import Store

NAMES = {"RUS": "Russia", "PRK": "North Korea", "CHN": "China", "USA": "United States", "JPN": "Japan",
         "UNO": "United Nations"}
PLOVER = {"01": None, "03": "AGREE", "04": "CONSULT", "05": "SUPPORT", "06": "COOPERATE", "07": "AID",
          "11": "ACCUSE", "12": "REJECT", "13": "THREATEN", "17": "COERCE", "19": "ASSAULT"}
QUAD = {"01": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "11": 3, "12": 3, "13": 3, "17": 4, "19": 4}


def actor(code: str, start: int = 0, sector: str | None = None) -> ActorRef:
    country = code[:3] if code[:3] in NAMES and code[:3] != "UNO" else None
    name = NAMES.get(code[:3])
    return ActorRef(name or code, start, start + len(name or code), code, country, sector or (code[3:] or None), name)


def event(doc_id: str, n: int, source: str = "RUS", target: str = "PRK", cameo: str = "057",
          date: str | None = "2014-10-20", modality: str = "asserted", goldstein: float | None = None,
          confidence: float = 0.8, location: Location | None = None) -> Event:
    root = cameo[:2]
    quad = QUAD[root]
    return Event(
        event_id=f"{doc_id}-e{n}", doc_id=doc_id, date=date,
        source=actor(source, 10 * n), target=actor(target, 10 * n + 5),
        cameo=cameo, cameo_root=root, plover=PLOVER[root], quad=quad,
        goldstein=goldstein if goldstein is not None else {1: 3.0, 2: 6.0, 3: -2.0, 4: -9.0}[quad],
        negated=modality == "negated", modality=modality, confidence=confidence,
        trigger=Span("signed", 10 * n + 2, 10 * n + 8),
        sentence=Span(f"Sentence {n} of {doc_id}.", 10 * n, 10 * n + 9),
        location=location,
    )


def doc(doc_id: str, date: str | None = "2014-10-20", text: str | None = None) -> Document:
    return Document(id=doc_id, text=text or f"The text of {doc_id}.", date=date, origin="corpus.jsonl")


def result(doc_id: str, events: list[tuple], date: str | None = "2014-10-20") -> DocResult:
    """A coded document whose events are given as (source, target, cameo[, date[, modality]])."""
    evs = []
    for n, spec in enumerate(events):
        src, tgt, cameo, *rest = spec
        evs.append(event(doc_id, n, src, tgt, cameo, date=rest[0] if rest else date,
                         modality=rest[1] if len(rest) > 1 else "asserted"))
    return DocResult(doc(doc_id, date), events=tuple(evs))


def build(path: Path | str, *batches: list[DocResult]) -> Store:
    """A store at `path` holding the given batches, open for writing."""
    store = Store.open(path)
    for i, batch in enumerate(batches):
        write_results(store, batch, batch_key=f"test:{i}")
    return store
