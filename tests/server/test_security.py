"""The API on a laptop (issue 16, points 5-7): Host allow-list, same-origin posts, headers, bounded input.

Every test talks to the real app under uvicorn on a loopback port, over real HTTP.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fixtures_server import fixture_documents, running_server, write_fixture_store

pytestmark = pytest.mark.issue(16)


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = write_fixture_store(tmp_path_factory.mktemp("security") / "fixture.duckdb")
    with running_server(db, max_code_bytes=5_000) as url:
        yield url


def error_code(resp: httpx.Response) -> str:
    return resp.json()["error"]["code"]


@pytest.mark.parametrize("host", ["localhost", "localhost:8000", "127.0.0.1:1", "[::1]:8000", "LOCALHOST"])
def test_loopback_host_names_are_served(base: str, host: str) -> None:
    resp = httpx.get(base + "/api/stats", headers={"Host": host})
    assert resp.status_code == 200


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", "", "[::1"])
def test_other_host_names_are_refused_against_dns_rebinding(base: str, host: str) -> None:
    resp = httpx.get(base + "/api/events", headers={"Host": host})
    assert resp.status_code == 400 and error_code(resp) == "host_not_allowed"
    assert "events" not in resp.json()


def test_allow_host_adds_a_name(tmp_path: Path) -> None:
    db = write_fixture_store(tmp_path / "f.duckdb")
    with running_server(db, allow_hosts=["gg.lan"]) as url:
        assert httpx.get(url + "/api/stats", headers={"Host": "gg.lan:8000"}).status_code == 200
        assert httpx.get(url + "/api/stats", headers={"Host": "other.lan"}).status_code == 400


@pytest.mark.slow  # starts another process: `make test` runs it, `make test-fast` not
def test_serve_allow_host_reaches_the_server(tmp_path: Path) -> None:
    """`serve --allow-host NAME` (a real process) answers NAME and still refuses others."""
    import os
    import subprocess
    import sys
    import time

    from fixtures_server import free_port

    db = write_fixture_store(tmp_path / "f.duckdb")
    port = free_port()
    import greatgame

    env = {**os.environ, "PYTHONPATH": str(Path(greatgame.__file__).resolve().parents[1])}
    proc = subprocess.Popen([sys.executable, "-m", "greatgame", "serve", "--db", str(db), "--port", str(port),
                             "--allow-host", "gg.lan"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        url = f"http://127.0.0.1:{port}/api/stats"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(url)
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        assert httpx.get(url, headers={"Host": "gg.lan"}).status_code == 200
        assert httpx.get(url, headers={"Host": "rebound.example"}).status_code == 400
    finally:
        proc.terminate()
        proc.wait(timeout=30)


@pytest.mark.parametrize("headers", [
    {"Origin": "https://evil.example"},
    {"Origin": "null"},
    {"Sec-Fetch-Site": "cross-site"},
    {"Sec-Fetch-Site": "same-site", "Origin": "http://localhost:3000"},
    {"Referer": "https://evil.example/page.html"},
])
@pytest.mark.parametrize("body", [
    {"data": {"text": "Iran attacked Iraq."}},  # application/x-www-form-urlencoded
    {"files": {"file": ("a.txt", b"Iran attacked Iraq.", "text/plain")}},  # multipart/form-data
    {"content": b"Iran attacked Iraq.", "headers": {"Content-Type": "text/plain"}},
    {"json": {"text": "Iran attacked Iraq."}},
])
def test_cross_site_posts_to_code_are_refused(base: str, headers: dict, body: dict) -> None:
    body = dict(body)
    extra = body.pop("headers", {})
    resp = httpx.post(base + "/api/code", **body, headers={**headers, **extra})
    assert resp.status_code == 403 and error_code(resp) == "cross_origin"


def test_same_origin_and_headerless_posts_are_served(base: str) -> None:
    doc, _ = fixture_documents()[0]
    origin = base  # http://127.0.0.1:PORT, what the dashboard's own page sends
    same = httpx.post(base + "/api/code", json={"text": doc.text}, timeout=180,
                      headers={"Origin": origin, "Sec-Fetch-Site": "same-origin"})
    assert same.status_code == 200, same.text
    assert httpx.post(base + "/api/code", data={"text": doc.text}, timeout=180).status_code == 200  # curl -d


@pytest.mark.parametrize("path", ["/", "/api/stats", "/api/events?quad=9", "/static/app.js", "/nowhere"])
def test_every_response_carries_the_security_headers(base: str, path: str) -> None:
    resp = httpx.get(base + path)
    assert resp.headers["x-content-type-options"] == "nosniff"
    assert resp.headers["referrer-policy"] == "no-referrer"
    assert resp.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in resp.headers["content-security-policy"]


def test_the_dashboard_keeps_its_own_policy(base: str) -> None:
    csp = httpx.get(base + "/").headers["content-security-policy"]
    assert csp.startswith("default-src 'self'") and "object-src 'none'" in csp


@pytest.mark.parametrize("depth", [100, 100_000])
def test_deeply_nested_json_is_a_clean_400(base: str, depth: int) -> None:
    body = '{"text": "Iran attacked Iraq.", "x": ' + "[" * depth + "]" * depth + "}"
    resp = httpx.post(base + "/api/code", content=body[:4_900], headers={"Content-Type": "application/json"})
    assert resp.status_code == 400 and error_code(resp) == "json_too_deep"


def test_brackets_inside_strings_do_not_count_as_depth(base: str) -> None:
    doc, _ = fixture_documents()[0]
    resp = httpx.post(base + "/api/code", json={"text": doc.text, "note": "[" * 500 + '\\"{' * 100}, timeout=180)
    assert resp.status_code == 200


@pytest.mark.parametrize("url", [
    "/api/events?offset=9223372036854775808", "/api/events?offset=9223372036854775807",
    "/api/actors?offset=18446744073709551616", "/api/network?min_events=9223372036854775808",
    "/api/shifts?min_events=99999999999999999999",
])
def test_huge_offsets_and_counts_are_rejected_not_500(base: str, url: str) -> None:
    resp = httpx.get(base + url)
    assert resp.status_code == 422 and error_code(resp) == "invalid_request"


def test_upload_with_bad_jsonl_lines_says_which(base: str) -> None:
    doc, _ = fixture_documents()[0]
    content = json.dumps({"id": "d1", "text": doc.text}) + "\nnot json\n{\"id\": \"x\"}\n"
    resp = httpx.post(base + "/api/code", files={"file": ("news.jsonl", content.encode(), "application/json")},
                      timeout=180)
    assert resp.status_code == 200
    body = resp.json()
    assert [d["id"] for d in body["documents"]] == ["d1"]
    assert body["errors"] == [{"file": "news.jsonl", "line": 2, "msg": "not JSON (Expecting value)"},
                              {"file": "news.jsonl", "line": 3, "msg": "record has no text"}]


def test_openapi_documents_every_error_status_and_dates(base: str) -> None:
    spec = httpx.get(base + "/openapi.json").json()
    code = spec["paths"]["/api/code"]["post"]["responses"]
    assert {"200", "400", "403", "413", "415", "422", "503"} <= set(code)
    events = spec["paths"]["/api/events"]["get"]
    assert {"200", "400", "422", "503"} <= set(events["responses"])
    since = next(p for p in events["parameters"] if p["name"] == "since")
    assert {"type": "string", "format": "date"} in since["schema"]["anyOf"]
