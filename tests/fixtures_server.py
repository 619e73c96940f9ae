"""Stores and running servers for the API and dashboard tests.

`write_fixture_store` writes hand-made events (with real offsets into their documents) through
the store's own writer, so the API tests can compare exact values without depending on the
coder. `ingest_fixture_store` codes small documents with the real coder instead.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from greatgame.model import ActorRef, Document, Event, Span

NAMES = {"IRN": "Iran", "IRQ": "Iraq", "USA": "United States", "KWT": "Kuwait", "SAU": "Saudi Arabia"}

# (doc id, date, text, [(sentence no., source text, source code, trigger, target text, target code,
#   cameo, plover, quad, goldstein, confidence, modality)])
FIXTURE = [
    ("d1", "1987-01-10",
     "Iran attacked Iraq near Basra. Iraq accused Iran of shelling civilians.",
     [(0, "Iran", "IRN", "attacked", "Iraq", "IRQ", "190", "ASSAULT", 4, -10.0, 0.9, "asserted"),
      (1, "Iraq", "IRQ", "accused", "Iran", "IRN", "112", "ACCUSE", 3, -2.0, 0.8, "asserted")]),
    ("d2", "1987-02-15",
     "The United States warned Iran over attacks on shipping. Iran threatened the United States.",
     [(0, "The United States", "USA", "warned", "Iran", "IRN", "130", "THREATEN", 3, -4.4, 0.85, "asserted"),
      (1, "Iran", "IRN", "threatened", "the United States", "USA", "130", "THREATEN", 3, -4.4, 0.7, "asserted")]),
    ("d3", "1987-03-20",
     "Kuwait asked the United States to protect its tankers. The United States agreed to escort Kuwaiti tankers.",
     [(0, "Kuwait", "KWT", "asked", "the United States", "USA", "020", "REQUEST", 1, 3.0, 0.75, "asserted"),
      (1, "The United States", "USA", "agreed", "Kuwaiti", "KWT", "057", "AGREE", 1, 8.0, 0.6, "asserted")]),
    ("d4", "1987-05-05",
     "Iraq attacked Iranian oil terminals. Iran fired missiles at Iraq. Iran will attack Kuwait.",
     [(0, "Iraq", "IRQ", "attacked", "Iranian", "IRN", "190", "ASSAULT", 4, -10.0, 0.95, "asserted"),
      (1, "Iran", "IRN", "fired", "Iraq", "IRQ", "195", "ASSAULT", 4, -10.0, 0.9, "asserted"),
      (2, "Iran", "IRN", "attack", "Kuwait", "KWT", "190", "ASSAULT", 4, -10.0, 0.5, "future")]),
    ("d5", "1988-07-20",
     "Iran accepted a ceasefire with Iraq. Saudi Arabia welcomed the ceasefire and praised Iraq.",
     [(0, "Iran", "IRN", "accepted", "Iraq", "IRQ", "081", "CONCEDE", 2, 5.0, 0.8, "asserted"),
      (1, "Saudi Arabia", "SAU", "praised", "Iraq", "IRQ", "051", "AGREE", 1, 3.4, 0.65, "asserted")]),
]

# The counts the fixture gives, asserted events only (the API's default).
ASSERTED = sum(1 for _, _, _, evs in FIXTURE for e in evs if e[11] == "asserted")


def _sentences(text: str) -> list[Span]:
    spans, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + (0 if part.endswith(".") else 1)
        spans.append(Span(text[start:end], start, end))
        start = end + 1
    return spans


def _ref(text: str, sentence: Span, words: str, code: str, after: int = 0) -> ActorRef:
    start = text.index(words, max(sentence.start, after))
    return ActorRef(words, start, start + len(words), code, code, None, NAMES[code])


def fixture_documents() -> list[tuple[Document, list[Event]]]:
    """The fixture's documents, each with its hand-coded events."""
    out = []
    for doc_id, date, text, specs in FIXTURE:
        doc = Document(id=doc_id, text=text, date=date, title=f"Fixture {doc_id}", origin="fixture")
        sents = _sentences(text)
        events = []
        for n, (i, s_text, s_code, trig, t_text, t_code, cameo, plover, quad, gs, conf, mod) in enumerate(specs):
            sent = sents[i]
            src = _ref(text, sent, s_text, s_code)
            t_start = text.index(trig, src.end)
            tgt = _ref(text, sent, t_text, t_code, after=t_start)
            events.append(Event(
                event_id=f"{doc_id}-{n}", doc_id=doc_id, date=date, source=src, target=tgt,
                cameo=cameo, cameo_root=cameo[:2], plover=plover, quad=quad, goldstein=gs,
                negated=False, modality=mod, confidence=conf,
                trigger=Span(trig, t_start, t_start + len(trig)), sentence=sent,
            ))
        out.append((doc, events))
    return out


def write_fixture_store(path: Path) -> Path:
    """A store holding the fixture's documents and events, written by the store's own writer."""
    from greatgame.ingest import write_results
    from greatgame.pipeline import DocResult
    from greatgame.store import Store

    with Store.open(path) as store:
        results = [DocResult(doc, events=tuple(events)) for doc, events in fixture_documents()]
        write_results(store, results, batch_key="fixture")
    return path


# Small articles the real coder should find events in; the dashboard test ingests them.
ARTICLES = [
    {"id": "a1", "date": "1987-01-12", "text": "Iran attacked Iraq near Basra on Monday. Iraq accused Iran of "
     "shelling civilians in the city."},
    {"id": "a2", "date": "1987-03-03", "text": "Iraqi warplanes bombed Iranian oil installations. Iran fired "
     "missiles at Baghdad."},
    {"id": "a3", "date": "1987-06-20", "text": "The United States warned Iran against attacks on shipping in "
     "the Gulf. Iran threatened the United States."},
    {"id": "a4", "date": "1987-08-02", "text": "Kuwait asked the United States for protection of its tankers. "
     "The United States agreed to escort Kuwaiti tankers."},
    {"id": "a5", "date": "1987-10-19", "text": "American warships attacked an Iranian oil platform in the Gulf. "
     "Iran condemned the United States."},
    {"id": "a6", "date": "1988-07-20", "text": "Iran accepted a ceasefire with Iraq. Saudi Arabia praised Iraq "
     "and welcomed the ceasefire."},
]


def ingest_fixture_store(path: Path, articles: list[dict] | None = None) -> Path:
    """A store made by the real ingest run over small JSONL articles."""
    import json

    from greatgame.ingest import ingest
    from greatgame.settings import Settings
    from greatgame.store import Store

    src = path.with_suffix(".jsonl")
    src.write_text("".join(json.dumps(a) + "\n" for a in (articles or ARTICLES)), encoding="utf-8")
    with Store.open(path) as store:
        ingest(store, [str(src)], Settings(workers=1))
    return path


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(db: Path, **kwargs: object) -> Iterator[str]:
    """The real app under uvicorn on a free loopback port, in a thread; yields its base URL."""
    import uvicorn

    from greatgame.server import create_app

    port = free_port()
    config = uvicorn.Config(create_app(db, **kwargs), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="greatgame-test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    """Debian's chromium (or $GREATGAME_CHROMIUM), or None when it is not installed."""
    import shutil

    path = os.environ.get("GREATGAME_CHROMIUM") or "/usr/bin/chromium"
    return path if Path(path).is_file() else shutil.which("chromium")


def screenshot_dashboard(url: str, out: Path, fragment: str = "", dyad: tuple[str, str] | None = None) -> None:
    """Open the dashboard (with filters in the URL fragment), pick a dyad, and save a full-page screenshot."""
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    assert path, "chromium is not installed"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.set_default_timeout(60_000)
            page.goto(f"{url}/#{fragment}")
            page.wait_for_selector("#network .edge")
            a, b = sorted(dyad) if dyad else ("", "")
            edge = page.locator(f'#network g.edge-g[data-a="{a}"][data-b="{b}"] path.edge-hit')
            if dyad and not edge.count():  # not drawn in this store: the heaviest edge instead
                edge = page.locator("#network g.edge-g path.edge-hit").last
            if dyad:
                # (dispatched to the edge itself: a click at its middle can land on a node drawn over it)
                edge.dispatch_event("click")
                page.wait_for_selector("#timeline rect.bar")
                page.wait_for_selector("#events tbody tr")
            page.mouse.move(0, 0)
            page.evaluate("window.scrollTo(0, 0)")
            out.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(out), full_page=True)
        finally:
            browser.close()
