"""Where `greatgame code` spends its CPU time, stage by stage, on the UN General Debate speeches.

    .venv/bin/python benchmarks/bench_stages.py [--limit N]

First codes the documents as `code` does, timing the parse (tokenising, pre-filter, spaCy), the actor
resolution and the event extraction; then runs each spaCy component again, alone, over the very
sentences the parse fed it (NER over those it ran on), so that the model's share is split by component.
CPU seconds of this process: steadier than wall time when other work shares the cores.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter

from common import UNGDC, load_jsonl, need


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=60, help="only the first N speeches")
    args = ap.parse_args()
    from greatgame.blas import one_thread
    from greatgame.model import Document
    from greatgame.nlp import parse_candidates
    from greatgame.pipeline import get_coder
    from greatgame.settings import Settings

    rows = load_jsonl(need(UNGDC), args.limit)
    docs = [Document(id=r["id"], text=r["text"], date=r.get("date")) for r in rows]
    settings = Settings(workers=1)
    coder = get_coder(settings)
    nlp, cpu = coder.nlp, Counter()
    texts: list[str] = []
    ner_texts: list[str] = []
    for doc in docs:
        t0 = time.process_time()
        parsed = parse_candidates(nlp, coder.actors, doc, coder.settings)
        t1 = time.process_time()
        resolved = coder.actors.resolve(parsed, doc)
        t2 = time.process_time()
        coder.events.extract(parsed, resolved, doc)
        t3 = time.process_time()
        cpu["parse (all)"] += t1 - t0
        cpu["actors"] += t2 - t1
        cpu["events"] += t3 - t2
        for sent in parsed.sentences:
            texts.append(sent.text)
            if sent.doc.has_annotation("ENT_IOB"):
                ner_texts.append(sent.text)
    batch = settings.parse_batch_size
    with one_thread():  # as the parse runs them (blas.py): else OpenBLAS's idle threads add CPU time
        t = time.process_time()
        sdocs = [nlp.make_doc(x) for x in texts]
        cpu["  make_doc (sentences)"] = time.process_time() - t
        for name, proc in nlp.pipeline:
            if name == "ner":
                continue
            t = time.process_time()
            # the cached attribute ruler and lemmatizer (token_rules.py) take one Doc at a time
            sdocs = list(proc.pipe(sdocs, batch_size=batch)) if hasattr(proc, "pipe") else [proc(d) for d in sdocs]
            cpu[f"  {name}"] = time.process_time() - t
        if "ner" in nlp.pipe_names:
            ner_docs = [nlp.make_doc(x) for x in ner_texts]
            t = time.process_time()
            list(nlp.get_pipe("ner").pipe(ner_docs, batch_size=batch))
            cpu["  ner"] = time.process_time() - t
    model = sum(v for k, v in cpu.items() if k.startswith("  "))
    cpu["  rest of parse (document tokenising, pre-filter, sentence split)"] = cpu["parse (all)"] - model
    total = cpu["parse (all)"] + cpu["actors"] + cpu["events"]
    print(json.dumps({"documents": len(docs), "parsed_sentences": len(texts), "parsed_tokens": sum(map(len, sdocs)),
                      "ner_sentences": len(ner_texts), "cpu_seconds": {k.strip(): round(v, 2) for k, v in cpu.items()},
                      "total_cpu_seconds": round(total, 2)}))
    for k, v in cpu.items():
        print(f"{k:<70} {v:6.2f} s  {100 * v / total:5.1f}%")


if __name__ == "__main__":
    main()
