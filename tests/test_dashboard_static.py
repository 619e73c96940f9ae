"""The dashboard's static files as the server serves them: ES modules with a JavaScript type, every import
of one module resolving to another that is served, and a CSP that lets the page load them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from fixtures_server import write_fixture_store

from greatgame.server import create_app

STATIC = Path(__file__).resolve().parent.parent / "src" / "greatgame" / "server" / "static"
IMPORT = re.compile(r'^import\s+\{[^}]*\}\s+from\s+"(\./[\w.-]+\.js)";', re.M)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(write_fixture_store(tmp_path_factory.mktemp("static") / "fixture.duckdb")))


def test_dashboard_page_loads_main_module_under_a_csp_that_allows_it(client):
    resp = client.get("/")
    assert '<script type="module" src="static/js/main.js"></script>' in resp.text
    assert "default-src 'self'" in resp.headers["content-security-policy"]


def test_dashboard_modules_are_served_as_javascript_and_their_imports_resolve(client):
    seen, todo = set(), ["main.js"]
    while todo:
        name = todo.pop()
        resp = client.get(f"/static/js/{name}")
        assert resp.status_code == 200, name
        assert resp.headers["content-type"].split(";")[0] in ("text/javascript", "application/javascript"), name
        seen.add(name)
        todo += [m.removeprefix("./") for m in IMPORT.findall(resp.text) if m.removeprefix("./") not in seen]
    # every module on disk is reached from main.js: none is left over, none is missing
    assert seen == {p.name for p in (STATIC / "js").glob("*.js")}
