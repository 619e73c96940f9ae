"""Documents to events, in one process or a pool of processes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from .casing import as_written
from .model import Document, Event, InputError, Mention, PairLabel
from .runners import local_runner, task_results
from .settings import Settings

__all__ = ["CODER_VERSION", "Coder", "DocResult", "PairLabel", "code_documents", "get_coder"]

CODER_VERSION = "greatgame-0.1.0"


@dataclass(frozen=True)
class DocResult:
    """What coding one document gave: its mentions and events, or the error that stopped it."""

    doc: Document
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    error: str | None = None
    stats: dict[str, int] = field(default_factory=dict, compare=False)


class Coder:
    """The loaded NLP pipeline, dictionaries and classifier; build once per process."""

    def __init__(self, settings: Settings | None = None) -> None:
        # Lazily, here and below: the coder's modules load spaCy (seconds), and importing pipeline for
        # CODER_VERSION or DocResult (the ingest engine, the store commands) must stay light.
        from .actors import ActorRecognizer  # lazily: see above
        from .events import EventCoder  # lazily: see above
        from .nlp import load_pipeline  # lazily: see above

        self.settings = settings or Settings()
        self.nlp = load_pipeline(self.settings.spacy_model)
        self.actors = ActorRecognizer(self.nlp)
        self.events = EventCoder(self.settings)

    def code_many(self, docs: Iterable[Document], explain: bool = False) -> Iterator[DocResult]:
        """Code documents in order; a document that fails gives a DocResult with its error."""
        from .actors.resolved import party_places  # lazily: see __init__
        from .nlp import parse_candidates  # lazily: loads spaCy (see __init__)

        for doc in docs:
            try:
                # a text in capitals is read in sentence case (casing.py), its records then given its own words
                shown = self.actors.capitals.read(doc)
                parsed = parse_candidates(self.nlp, self.actors, shown, self.settings)
                resolved = self.actors.resolve(parsed, shown)
                mentions = tuple(self.actors.mentions(resolved))
                events = tuple(self.events.extract(parsed, resolved, shown, explain=explain))
                parties = {(a.start, a.end) for ev in events for a in (ev.source, ev.target)}
                mentions = party_places(mentions, resolved, parties)
                if shown is not doc:
                    mentions, events = as_written(doc, mentions, events)
                yield DocResult(doc, mentions, events, stats=parsed.stats)
            except Exception as exc:  # one document's failure must not stop the batch
                yield DocResult(doc, error=f"{type(exc).__name__}: {exc}")

    def code(self, doc: Document) -> DocResult:
        """Code one document."""
        return next(self.code_many([doc]))

    def classify_pair(self, text: str, source: tuple[int, int], target: tuple[int, int]) -> PairLabel:
        """What the actor at `source` does to the one at `target` in this text (character offsets)."""
        from .events.pairs import classify_pair  # lazily: loads spaCy (see __init__)

        return classify_pair(self.nlp, self.events, text, source, target)

    def mentions(self, doc: Document) -> list[Mention]:
        """The actor mentions of one document."""
        return list(self.code(doc).mentions)


_CODERS: dict[Settings, Coder] = {}


def get_coder(settings: Settings | None = None) -> Coder:
    """The process's coder for these settings, loaded on first use."""
    settings = (settings or Settings()).for_coder()
    if settings not in _CODERS:
        _CODERS[settings] = Coder(settings)
    return _CODERS[settings]


def _code_chunk(settings: Settings, docs: list[Document]) -> list[DocResult]:
    return list(get_coder(settings).code_many(docs))


def _chunks(items: Iterable[Document], size: int) -> Iterator[list[Document]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def code_documents(
    items: Iterable[Document | InputError], settings: Settings | None = None, workers: int | None = None,
) -> Iterator[DocResult | InputError]:
    """Code documents (input errors pass through) in order, in this process or a pool."""
    settings = settings or Settings()
    n = workers if workers is not None else settings.effective_workers()
    errors: list[InputError] = []

    def docs_only() -> Iterator[Document]:
        for item in items:
            if isinstance(item, InputError):
                errors.append(item)
            else:
                yield item

    def drain() -> Iterator[InputError]:
        while errors:
            yield errors.pop(0)

    if n <= 1:
        coder = get_coder(settings)
        for res in coder.code_many(docs_only()):
            yield from drain()
            yield res
        yield from drain()
        return
    # The pool is the runners' (as for ingest): a worker that dies (killed, out of memory) fails its
    # chunks, the pool starts afresh and they run again; a chunk that keeps failing comes back as one
    # error per document. Chunks finish in any order and are handed on in input order.
    size = max(1, settings.partition_size // 4)
    jobs = (((i, chunk), (settings, chunk)) for i, chunk in enumerate(_chunks(docs_only(), size)))
    held: dict[int, list[DocResult]] = {}
    ahead = 0
    with local_runner(n) as runner:
        for (index, chunk), results, reason in task_results(runner, _code_chunk, jobs):
            held[index] = results if results is not None else [
                DocResult(d, error=f"the task coding it failed: {reason}") for d in chunk]
            while ahead in held:
                yield from drain()
                yield from held.pop(ahead)
                ahead += 1
    yield from drain()
