"""Peak memory of `greatgame code` on hostile inputs: a gzip bomb, a 50 MB JSONL line, a 10 MB document.

    .venv/bin/python benchmarks/bench_bomb.py [--src SRC] [--skip-long]

Makes the inputs in a temporary directory and runs `python -m greatgame code FILE --workers 1` on each
in its own process under /usr/bin/time -v, with PYTHONPATH=SRC (default: this checkout's src, so
the command measures the code beside it). Prints one JSON line per input: seconds, peak RSS in MB,
exit code and the first line the command wrote to stderr.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SENTENCE = b"Russia warned Ukraine on Monday. "


def gzip_bomb(path: Path, inflated: int = 1_000_000_000) -> None:
    """A .txt.gz of about 1 MB that inflates to `inflated` bytes: one member repeated (gzip allows that)."""
    block = SENTENCE * (1_000_000 // len(SENTENCE))
    member = gzip.compress(block, compresslevel=9)
    with path.open("wb") as f:
        for _ in range(inflated // len(block)):
            f.write(member)


def long_jsonl_line(path: Path, size: int = 50_000_000) -> None:
    """A .jsonl whose second line is one record of `size` bytes of text."""
    with path.open("w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "small", "text": "Iran warned Iraq."}) + "\n")
        f.write('{"id": "huge", "text": "' + "x " * (size // 2) + '"}\n')


def long_document(path: Path, size: int = 9_900_000) -> None:
    """A .txt just under the 10 MB limit: lowercase prose the pre-filter passes over, with a news
    paragraph every 200 (about 750 of them), so the whole text is tokenised and some of it parsed."""
    news = ("Russia warned Ukraine on Monday that it would cut gas supplies. The United States condemned "
            "the move and promised aid to Kyiv.\n\n")
    filler = "the weather was mild and the markets were calm all week long.\n\n" * 199
    block = news + filler
    path.write_text(block * (size // len(block)), encoding="utf-8")


def measure(path: Path, src: str) -> dict:
    env = {**os.environ, "PYTHONPATH": src}
    cmd = ["/usr/bin/time", "-v", sys.executable, "-m", "greatgame", "code", str(path), "--workers", "1"]
    t0 = time.perf_counter()
    res = subprocess.run(cmd, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - t0
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", res.stderr)
    first = next((ln for ln in res.stderr.splitlines() if ln.startswith("greatgame:")), "")
    return {"input": path.name, "bytes": path.stat().st_size, "seconds": round(seconds, 1),
            "peak_rss_mb": round(int(rss[1]) / 1024) if rss else None, "exit": res.returncode,
            "stderr": first[:200]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", default=str(HERE.parent / "src"), help="PYTHONPATH for the measured command")
    ap.add_argument("--skip-long", action="store_true", help="leave out the 10 MB document (slow: it is coded)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="greatgame-bomb-") as tmp:
        bomb, line, doc = Path(tmp, "bomb.txt.gz"), Path(tmp, "long-line.jsonl"), Path(tmp, "ten-mb.txt")
        gzip_bomb(bomb)
        long_jsonl_line(line)
        inputs = [bomb, line]
        if not args.skip_long:
            long_document(doc)
            inputs.append(doc)
        for p in inputs:
            print(json.dumps(measure(p, args.src)), flush=True)


if __name__ == "__main__":
    main()
