"""The dashboard's static files as the server serves them: ES modules with a JavaScript type, every import
of one module resolving to another that is served, and a CSP that lets the page load them."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from fixtures_server import write_fixture_store

from greatgame.server import create_app

STATIC = Path(__file__).resolve().parents[2] / "src" / "greatgame" / "server" / "static"
IMPORT = re.compile(r'^import\s+(?:\{[^}]*\}\s+from\s+)?"(\.\/[\w./-]+\.js)";', re.M)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(write_fixture_store(tmp_path_factory.mktemp("static") / "fixture.duckdb")),
                      base_url="http://127.0.0.1")


def test_dashboard_page_loads_its_entry_module_under_a_csp_that_allows_it(client):
    resp = client.get("/")
    assert '<script type="module" src="static/app.js"></script>' in resp.text
    assert "default-src 'self'" in resp.headers["content-security-policy"]


def test_dashboard_modules_are_served_as_javascript_and_their_imports_resolve(client):
    seen, todo = set(), ["app.js"]
    while todo:
        name = todo.pop()
        resp = client.get(f"/static/{name}")
        assert resp.status_code == 200, name
        assert resp.headers["content-type"].split(";")[0] in ("text/javascript", "application/javascript"), name
        seen.add(name)
        here = posixpath.dirname(name)
        todo += [m for m in (posixpath.normpath(posixpath.join(here, i)) for i in IMPORT.findall(resp.text))
                 if m not in seen]
    # every module on disk is reached from app.js: none is left over, none is missing
    assert seen == {p.relative_to(STATIC).as_posix() for p in STATIC.rglob("*.js")}
