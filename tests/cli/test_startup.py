"""Start-up paid once (issue 15): cached tables, patterns matched as the tokenizer splits them, hashed
features as scikit-learn hashes them, no pool for small input, stages that leave their input alone."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest
import spacy
from sklearn.feature_extraction import FeatureHasher  # what training/train_classifier.py hashes with
from spacy.matcher import PhraseMatcher

from greatgame.actors.dictionary import ActorDictionary, Entry
from greatgame.actors.patterns import build_patterns
from greatgame.cli.code_cmd import small_input
from greatgame.datacache import cached, fingerprint
from greatgame.events.classifier import N_FEATURES, hashed_features
from greatgame.geo import Gazetteer, Place
from greatgame.model import Document, InputError
from greatgame.nlp import parse_candidates
from greatgame.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_hashed_features_equal_scikit_learns_feature_hasher() -> None:
    hasher = FeatureHasher(n_features=N_FEATURES, input_type="string", alternate_sign=False)
    rng = random.Random(15)
    alphabet = "abcdefghijklmnopqrstuvwxyz:_ ABCéü’"
    for _ in range(300):
        feats = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))) for _ in range(rng.randint(1, 30))]
        feats += feats[: rng.randint(0, 5)]  # repeated features count twice
        x = hasher.transform([feats])
        cols, vals = hashed_features(feats)
        assert cols.tolist() == x.indices.tolist()
        assert vals.tolist() == x.data.tolist()


def test_cached_builds_once_then_reads(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GREATGAME_CACHE_DIR", str(tmp_path))
    calls = []

    def build() -> dict:
        calls.append(1)
        return {"forms": ("Russia", "North Korea")}

    key = fingerprint(extra=["test"])
    assert cached("table", key, build) == {"forms": ("Russia", "North Korea")}
    assert cached("table", key, build) == {"forms": ("Russia", "North Korea")}
    assert len(calls) == 1
    assert [p.name for p in tmp_path.iterdir()] == [f"table-{key}.pickle"]


def test_cached_rebuilds_a_torn_file(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("GREATGAME_CACHE_DIR", str(tmp_path))
    key = fingerprint(extra=["torn"])
    (tmp_path / f"table-{key}.pickle").write_bytes(b"\x80\x05not a pickle")
    assert cached("table", key, lambda: [1, 2, 3]) == [1, 2, 3]
    assert cached("table", key, lambda: pytest.fail("read from the rewritten file")) == [1, 2, 3]


def test_cached_builds_in_memory_where_the_cache_cannot_be_written(tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("GREATGAME_CACHE_DIR", str(blocker / "greatgame"))
    assert cached("table", fingerprint(extra=["ro"]), lambda: "built") == "built"
    assert blocker.read_text() == "not a directory"


def test_fingerprint_changes_with_what_a_table_is_built_from() -> None:
    base = fingerprint(data=["greatgame.actors"], modules=["greatgame.actors.dictionary"], packages=["spacy"])
    assert base == fingerprint(data=["greatgame.actors"], modules=["greatgame.actors.dictionary"], packages=["spacy"])
    assert base != fingerprint(data=["greatgame.actors"], modules=["greatgame.geo"], packages=["spacy"])
    assert base != fingerprint(data=["greatgame.events"], modules=["greatgame.actors.dictionary"], packages=["spacy"])
    assert base != fingerprint(data=["greatgame.actors"], modules=["greatgame.actors.dictionary"], packages=["spacy"],
                               extra=["en_core_web_sm 3.8.0"])


def _matches(matcher: PhraseMatcher, doc) -> list[tuple[int, int]]:
    return sorted((s, e) for _, s, e in matcher(doc))


def test_patterns_match_what_tokenised_forms_match() -> None:
    nlp = spacy.blank("en")
    d = ActorDictionary()
    for text in ("Russia", "North Korea", "the U.S.", "Kim Jong-un", "O'Neill"):
        d.add(Entry(text, "name", "RUS"))
    d.add(Entry("foreign minister", "agent", sector="GOV", kind="person", case_insensitive=True))
    d.add(Entry("the two sides", "pair", case_insensitive=True))
    g = Gazetteer()
    for name in ("Geneva", "New York", "Sea of Japan"):
        g.add(name, Place(name, "CHE", None, None))
    pats = build_patterns(nlp, d, g)
    text = ("The Foreign Minister of North Korea met the U.S. envoy in New York, and Kim Jong-un said "
            "THE TWO SIDES would talk in Geneva near the Sea of Japan; O'Neill agreed with Russia.")
    doc = nlp(text)
    for attr, ids, forms in (("ORTH", pats.exact, [k for k, es in d.forms.items() if not es[0].case_insensitive]),
                             ("LOWER", pats.folded, [k for k, es in d.forms.items() if es[0].case_insensitive]),
                             ("ORTH", pats.places, g.forms())):
        from_ids, from_docs = PhraseMatcher(nlp.vocab, attr=attr), PhraseMatcher(nlp.vocab, attr=attr)
        from_ids.add("X", list(ids))
        from_docs.add("X", list(nlp.tokenizer.pipe(forms)))
        assert _matches(from_ids, doc) == _matches(from_docs, doc) != []
    assert pats.person_roles == {"foreign", "minister"}


def _doc(i: int, n: int) -> Document:
    return Document(id=f"d{i}", text="x" * n)


def test_small_input_reads_ahead_only_to_the_limit() -> None:
    items = [_doc(0, 40), InputError("bad.txt", "empty"), _doc(1, 40)]
    small, rest = small_input(iter(items), limit=100)
    assert small and list(rest) == items

    consumed = []

    def stream():
        for i in range(10):
            consumed.append(i)
            yield _doc(i, 40)

    small, rest = small_input(stream(), limit=100)
    assert not small and consumed == [0, 1, 2]
    assert [d.id for d in rest] == [f"d{i}" for i in range(10)]

    one_long = [_doc(0, 500), InputError("bad.txt", "empty")]
    small, rest = small_input(iter(one_long), limit=100)
    assert small and list(rest) == one_long


class _NoActors:
    def candidate_tokens(self, doc) -> list[tuple[int, int]]:
        return []


def test_parse_looks_for_boilerplate_only_where_nobody_has() -> None:
    nlp = spacy.blank("en")
    text = "Russia signed a deal with Iran.\nClick here to subscribe to our newsletter\nIran agreed."
    settings = Settings(prefilter="all")
    looked = parse_candidates(nlp, _NoActors(), Document("a", text), settings)
    trusted = parse_candidates(nlp, _NoActors(), Document("a", text, skip=()), settings)
    assert [s.text for s in looked.sentences] == ["Russia signed a deal with Iran.", "Iran agreed."]
    assert [s.text for s in trusted.sentences] == ["Russia signed a deal with Iran.",
                                                   "Click here to subscribe to our newsletter\nIran agreed."]
    with pytest.raises(FrozenInstanceError):
        looked.sentences[0].offset = 5  # type: ignore[misc]


# Heavy modules a command loads only when it needs them (spaCy's own imports aside).
WATCHED = ("spacy", "sklearn", "thinc", "pandas", "duckdb", "pyarrow", "fastapi", "starlette", "uvicorn", "dask",
           "distributed", "httpx")


def _imported_by(*args: str) -> set[str]:
    """Which of WATCHED a real `greatgame ARGS` process imported (in a subprocess, from sys.modules)."""
    code = ("import sys\nsys.argv = ['greatgame', *sys.argv[1:]]\nfrom greatgame.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            f"print(' '.join(m for m in {WATCHED!r} if m in sys.modules), file=sys.stderr)")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200"}
    proc = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env)
    assert proc.returncode == 0, proc.stderr
    return set(proc.stderr.split())


@pytest.mark.parametrize("args", [("--help",), ("code", "--help"), ("eval", "--help"), ("ingest", "--help"),
                                  ("events", "--help"), ("serve", "--help"), ("batch", "--help"),
                                  ("watch", "--help")])
def test_cli_help_loads_no_heavy_module(args: tuple[str, ...]) -> None:
    assert _imported_by(*args) == set()


@pytest.mark.slow  # starts another process: `make test` runs it, `make test-fast` not
def test_coding_one_sentence_loads_spacy_and_nothing_it_does_not_need(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text("Russia signed a package of trade deals with North Korea on Monday.\n", encoding="utf-8")
    # httpx comes with spaCy itself (its CLI helpers import it), so it is not ours to avoid here.
    assert _imported_by("code", str(path)) - {"httpx"} == {"spacy", "thinc"}
