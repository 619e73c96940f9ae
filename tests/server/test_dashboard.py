"""The dashboard in headless Chromium over a running server and a store ingested by the real coder.

Uses Debian's `chromium` (Playwright's own browser download cannot work here). Without it the
tests skip locally and fail under CI (CI=true), where `make browser` should have installed it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import httpx
import pytest
from conftest import ARTIFACTS
from fixtures_server import (
    CHROMIUM_ARGS,
    chromium_path,
    in_ci,
    ingest_fixture_store,
    running_server,
    write_fixture_store,
)

pytestmark = pytest.mark.browser

SCREENSHOT = ARTIFACTS / "dashboard.png"
TIMEOUT_MS = 20_000


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    path = chromium_path()
    if path is None:
        message = ("Debian's chromium is not installed (/usr/bin/chromium); "
                   "run `make browser` or `apt-get install -y chromium`")
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("dashboard") / "dashboard.duckdb"
    if os.environ.get("GREATGAME_DASHBOARD_FIXTURE") == "hand":  # develop the page without the coder
        write_fixture_store(db)
    else:
        ingest_fixture_store(db)
    with running_server(db) as url:
        stats = httpx.get(f"{url}/api/stats").json()
        assert stats["events"] > 0, f"the coder found no events in the fixture articles: {stats}"
        yield url


@pytest.fixture
def console_errors() -> list[str]:
    """Script errors and failed requests the page reports; a test that provokes some clears them."""
    return []


@pytest.fixture
def page(browser, server: str, console_errors: list[str]) -> Iterator[object]:
    # Playwright's wait_for_function evaluates strings, which the page's CSP forbids: the test context bypasses it
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, bypass_csp=True)
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT_MS)
    pg.on("pageerror", lambda exc: console_errors.append(str(exc)))
    pg.on("console", lambda msg: console_errors.append(msg.text) if msg.type == "error" else None)
    pg.goto(server + "/")
    pg.wait_for_selector("#network .edge")
    yield pg
    context.close()
    assert console_errors == [], f"the page reported errors: {console_errors}"


def expect_failed_requests(errors: list[str], status: int) -> None:
    """The requests a test provoked failed with `status`, and nothing else went wrong."""
    assert errors and all(f"status of {status}" in e for e in errors), errors
    errors.clear()


def api(server: str, path: str, **params: object) -> dict:
    resp = httpx.get(server + path, params=params)
    resp.raise_for_status()
    return resp.json()


def strongest_pair(server: str) -> tuple[str, str]:
    edges = api(server, "/api/network")["edges"]
    totals: dict[tuple[str, str], int] = {}
    for e in edges:
        key = tuple(sorted((e["source"], e["target"])))
        totals[key] = totals.get(key, 0) + e["events"]
    return max(totals, key=lambda k: (totals[k], k))


def click_edge(page, a: str, b: str) -> None:
    edge = page.locator(f'#network g.edge-g[data-a="{min(a, b)}"][data-b="{max(a, b)}"] path.edge-hit')
    # the hit path is transparent on purpose; the click is dispatched to it, as a click at its middle can land
    # on a node drawn over it
    edge.dispatch_event("click")


def test_dashboard_draws_the_network_of_the_store(page, server: str) -> None:
    net = api(server, "/api/network", top=80)
    pairs = {tuple(sorted((e["source"], e["target"]))) for e in net["edges"]}
    assert page.locator("#network g.node").count() == len(net["nodes"]) > 1
    assert page.locator("#network path.edge").count() == len(pairs) > 0
    # Every edge has a colour from the diverging scale and a width from its events.
    for edge in page.locator("#network path.edge").all():
        assert edge.get_attribute("stroke").startswith("rgb(")
        assert float(edge.get_attribute("stroke-width")) >= 1
    stats = api(server, "/api/stats")
    header = page.locator("#stats").inner_text()
    assert str(stats["events"]) in header and str(stats["documents"]) in header
    assert page.locator("#timeline-empty").is_visible()
    assert page.locator("#events tbody tr").count() == min(25, api(server, "/api/events")["total"])


def test_dashboard_edge_click_shows_timeline_and_events(page, server: str) -> None:
    a, b = strongest_pair(server)
    click_edge(page, a, b)
    page.wait_for_selector("#timeline rect.bar")
    rows = api(server, "/api/dyads", dyad=f"{a},{b}", both="true")["rows"]
    periods = {r["period"] for r in rows}
    bars = sum((r["q1"] > 0) + (r["q2"] > 0) + (r["q3"] > 0) + (r["q4"] > 0)
               for r in _by_period(rows).values())
    assert page.locator("#timeline rect.bar").count() == bars > 0
    assert page.locator("#timeline circle.net-dot").count() == len(periods)
    assert page.locator("#timeline path.net").count() == 1
    assert a in page.locator("#dyad-name").inner_text() or a in page.locator("#events-scope").inner_text()

    total = api(server, "/api/events", dyad=f"{a},{b}", both="true")["total"]
    page.wait_for_function(f"document.querySelectorAll('#events tbody tr').length === {min(total, 25)}")
    assert page.locator("#events-scope").inner_text().startswith(f"{a} ⇄ {b}")
    for row in page.locator("#events tbody tr").all():
        actors = row.locator("td.actors").inner_text()
        assert a in actors and b in actors
        # The evidence sentence shows the source and target spans highlighted.
        assert row.locator("mark.src").count() == 1 and row.locator("mark.tgt").count() == 1
    assert page.locator("#network path.edge.selected").count() == 1


def _by_period(rows: list[dict]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for r in rows:
        p = out.setdefault(r["period"], {"q1": 0, "q2": 0, "q3": 0, "q4": 0})
        for q in p:
            p[q] += r[q]
    return out


def test_dashboard_dyad_picker_and_period_filter(page, server: str) -> None:
    a, b = strongest_pair(server)
    page.fill("#f-a", b.lower())
    page.fill("#f-b", a)
    page.uncheck("#f-both")
    page.click("#filters button[type=submit]")
    total = api(server, "/api/events", dyad=f"{b},{a}")["total"]
    page.wait_for_function(f"document.querySelector('#events-scope').textContent.startsWith('{b} → {a}')")
    page.wait_for_function(f"document.querySelectorAll('#events tbody tr').length === {min(total, 25)}")
    # A period with nothing in it gives empty states, not errors.
    page.fill("#f-since", "2030-01-01")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#network-empty:not([hidden])")
    assert "No relations" in page.locator("#network-empty").inner_text()
    page.wait_for_selector("#events-empty:not([hidden])")
    assert page.locator("#events-empty").inner_text() == "No events match these filters."


def test_dashboard_shows_api_errors(page, server: str, console_errors: list[str]) -> None:
    page.fill("#f-actor", "!!")
    page.click("#filters button[type=submit]")
    page.wait_for_selector("#network-empty.error-text:not([hidden])")
    assert "not an actor code" in page.locator("#network-empty").inner_text()
    page.wait_for_selector("#events-empty.error-text:not([hidden])")
    assert page.locator("#events-empty").inner_text().startswith("The events could not be loaded: actor:")
    expect_failed_requests(console_errors, 400)


def test_dashboard_paste_box_codes_a_text(page, server: str) -> None:
    before = api(server, "/api/stats")
    page.fill("#code-text", "Iran attacked Iraq near Basra on Monday. The United States warned Iran against "
                            "attacks on shipping in the Gulf.")
    page.fill("#code-date", "1987-05-01")
    page.click("#code-go")
    page.wait_for_selector("#code-events tbody tr")
    assert page.locator("#code-events tbody tr").count() >= 1
    assert page.locator("#code-events mark.src").count() >= 1
    assert "event" in page.locator("#code-status").inner_text()
    assert api(server, "/api/stats") == before  # nothing was stored


def test_dashboard_paste_box_refuses_a_text_past_the_limit(page, server: str, console_errors: list[str]) -> None:
    page.fill("#code-text", "Iran attacked Iraq. " * 12_000)  # 240 kB, past the 200 kB default
    page.click("#code-go")
    page.wait_for_selector("#code-status.error")
    assert page.locator("#code-status").inner_text().startswith("Too large")
    assert page.locator("#code-events").is_hidden()
    expect_failed_requests(console_errors, 413)


def test_dashboard_screenshot(page, server: str) -> None:
    a, b = strongest_pair(server)
    click_edge(page, a, b)
    page.wait_for_selector("#timeline rect.bar")
    page.wait_for_selector("#events tbody tr mark.src")
    page.fill("#code-text", "Kuwait asked the United States for protection of its tankers. "
                            "The United States agreed to escort Kuwaiti tankers.")
    page.click("#code-go")
    page.wait_for_selector("#code-status:not(:empty)")
    page.wait_for_function("!document.querySelector('#code-status').textContent.startsWith('Coding')")
    page.mouse.move(0, 0)
    page.evaluate("window.scrollTo(0, 0)")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)
    assert SCREENSHOT.stat().st_size > 20_000
