"""Events in the store: near-duplicate documents grouped into articles, mentions clustered into events.

Runs inside the transaction that merges a partition (write.py) and in the migration to schema v4.
`settle` gives the documents just stored their articles (the band keys of their fingerprints are
looked up in `document_bands`, ArticleIndex semantics: an article is a connected component of the
same-article relation, named by its smallest doc id), then re-clusters every key the new mentions
touch, and every key of a document whose article changed, from all the stored mentions of that key
(`dedup.cluster`). An event depends only on the set of mentions of its key and their documents'
sources and articles, so the store ends the same for any order or split of the partitions.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import duckdb
import pyarrow as pa

from ..dedup import bands, same_article
from ..dedup.cluster import ClusteredEvent, EventMention, MentionClusters, actor_key
from ..dedup.sources import UNKNOWN_SOURCE, source_of
from ..model import Event
from .rows import actor_provenance, event_from_row
from .schema import CLUSTER_COLUMNS, EVENT_COLUMNS, MENTION_SELECT

__all__ = ["Dedup", "cluster_key", "migrate_v4", "settle"]

# The clustering settings a write uses: (dedup_window_days, dedup_actor_level).
Dedup = tuple[int, str]
DEFAULT: Dedup = (1, "code")
_SEP = "\x1f"


def cluster_key(e: Event, level: str) -> str:
    """The key a mention is clustered under: its directed dyad at the level and its CAMEO root."""
    return _SEP.join((actor_key(e.source, level), actor_key(e.target, level), e.cameo_root))


def _register(con: duckdb.DuckDBPyConnection, name: str, columns: dict[str, pa.Array]) -> None:
    con.register(name, pa.table(columns))


# --- articles ------------------------------------------------------------------------------------


def _find(parent: dict[str, str], x: str) -> str:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def assign_articles(con: duckdb.DuckDBPyConnection, new: Sequence[tuple[str, Sequence[int] | None]]) -> set[str]:
    """Set the article of each new (doc_id, fingerprint), merging stored articles a copy links.

    Returns the ids of stored documents whose article changed (their keys must be re-clustered)."""
    signed = sorted((d, tuple(s)) for d, s in new if s)
    if not signed:
        return set()
    sig = dict(signed)
    band_rows = [(d, b) for d, s in signed for b in bands(s)]
    _register(con, "new_bands", {"doc_id": pa.array([r[0] for r in band_rows], pa.string()),
                                 "band": pa.array([r[1] for r in band_rows], pa.string())})
    try:
        pairs = con.execute("""SELECT DISTINCT n.doc_id, b.doc_id FROM new_bands n JOIN document_bands b
            USING (band) WHERE b.doc_id <> n.doc_id""").fetchall()
        inner = con.execute("""SELECT DISTINCT a.doc_id, b.doc_id FROM new_bands a JOIN new_bands b
            USING (band) WHERE a.doc_id < b.doc_id""").fetchall()
        stored = sorted({o for _, o in pairs})
        old: dict[str, tuple[tuple[int, ...], str]] = {}
        if stored:
            for doc_id, fp, art in con.execute("SELECT doc_id, fingerprint, article_id FROM documents "
                                               "WHERE list_contains(?::VARCHAR[], doc_id)", [stored]).fetchall():
                if fp is not None:
                    old[doc_id] = (tuple(fp), art or doc_id)
        parent: dict[str, str] = {d: d for d in sig}
        for _, art in old.values():
            parent.setdefault(art, art)

        def union(a: str, b: str) -> None:
            ra, rb = _find(parent, a), _find(parent, b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)  # the root is the smallest: the article's id

        for n, o in pairs:
            if o in old and same_article(sig[n], old[o][0]):
                union(n, old[o][1])
        for a, b in inner:
            if same_article(sig[a], sig[b]):
                union(a, b)
        moved = {art: _find(parent, art) for _, art in old.values() if _find(parent, art) != art}
        changed: set[str] = set()
        if moved:
            rows = con.execute("SELECT doc_id, article_id FROM documents WHERE list_contains(?::VARCHAR[], "
                               "article_id)", [sorted(moved)]).fetchall()
            changed = {d for d, _ in rows}
            _register(con, "moved_articles", {"old": pa.array(list(moved), pa.string()),
                                              "new": pa.array(list(moved.values()), pa.string())})
            con.execute("UPDATE documents SET article_id = m.new FROM moved_articles m "
                        "WHERE documents.article_id = m.old")
            con.unregister("moved_articles")
        _register(con, "new_articles", {"doc_id": pa.array(list(sig), pa.string()),
                                        "article": pa.array([_find(parent, d) for d in sig], pa.string())})
        con.execute("UPDATE documents SET article_id = a.article FROM new_articles a "
                    "WHERE documents.doc_id = a.doc_id")
        con.unregister("new_articles")
        con.execute("INSERT INTO document_bands SELECT band, doc_id FROM new_bands")
    finally:
        con.unregister("new_bands")
    return changed


# --- events --------------------------------------------------------------------------------------

_MENTIONS_OF = f"""SELECT {MENTION_SELECT}, publisher, article FROM (
    SELECT m.*, coalesce(d.source, '{UNKNOWN_SOURCE}') AS publisher, coalesce(d.article_id, m.doc_id) AS article
    FROM mentions m LEFT JOIN documents d USING (doc_id) WHERE list_contains(?::VARCHAR[], m.cluster_key))"""
_N = len(EVENT_COLUMNS)


def _event_row(c: ClusteredEvent, key: str, anchor: Event) -> list[Any]:
    loc = anchor.location
    return [c.event_id, key, c.date, c.date_precision, c.source_actor, c.target_actor, c.cameo_root, c.cameo,
            c.plover, c.quad, c.goldstein, c.modality, c.confidence, c.anchor_id, c.num_mentions,
            c.num_sources, c.num_articles, anchor.doc_id,
            anchor.source.code, anchor.source.name, anchor.source.country, anchor.source.sector,
            anchor.target.code, anchor.target.name, anchor.target.country, anchor.target.sector,
            loc.name if loc else None, loc.country if loc else None, loc.lat if loc else None,
            loc.lon if loc else None, anchor.sentence.text,
            *actor_provenance(anchor.source), *actor_provenance(anchor.target)]


_CLUSTER_TYPES = {"VARCHAR": pa.string(), "DATE": pa.string(), "TINYINT": pa.int64(), "INTEGER": pa.int64(),
                  "DOUBLE": pa.float64()}


def recluster(con: duckdb.DuckDBPyConnection, keys: Iterable[str], dedup: Dedup = DEFAULT) -> int:
    """Replace the events of these keys by clustering all their stored mentions; how many events now."""
    keys = sorted(set(keys))
    if not keys:
        return 0
    window, level = dedup
    old = dict(con.execute("SELECT event_id, anchor_mention_id FROM events WHERE list_contains(?::VARCHAR[], "
                           "cluster_key)", [keys]).fetchall())
    by_id: dict[str, tuple[Event, str]] = {}
    mentions: list[EventMention] = []
    for row in con.execute(_MENTIONS_OF, [keys]).fetchall():
        ev = event_from_row(row[:_N])
        by_id[ev.event_id] = (ev, cluster_key(ev, level))
        mentions.append(EventMention.of(ev, row[_N], row[_N + 1], level))
    clusters = MentionClusters(window)
    events = clusters.add(mentions).events
    rows = [_event_row(c, by_id[c.anchor_id][1], by_id[c.anchor_id][0]) for c in events]
    cols = list(zip(*rows, strict=True)) if rows else [() for _ in CLUSTER_COLUMNS]
    table = pa.table({n: pa.array(list(v), _CLUSTER_TYPES[t.split()[0]])
                      for (n, t), v in zip(CLUSTER_COLUMNS, cols, strict=True)})
    holder = {m: c.event_id for c in events for m in c.mention_ids}
    new_ids = {c.event_id for c in events}
    retired = [(o, holder[a]) for o, a in sorted(old.items()) if o not in new_ids and a in holder]
    con.execute("DELETE FROM events WHERE list_contains(?::VARCHAR[], cluster_key)", [keys])
    con.register("new_events", table)
    con.register("new_holders", pa.table({"mention_id": pa.array(list(holder), pa.string()),
                                          "event_id": pa.array(list(holder.values()), pa.string())}))
    try:
        con.execute("INSERT INTO events SELECT * REPLACE (TRY_CAST(date AS DATE) AS date) FROM new_events")
        con.execute("UPDATE mentions SET event_id = h.event_id FROM new_holders h "
                    "WHERE mentions.mention_id = h.mention_id")
    finally:
        con.unregister("new_events")
        con.unregister("new_holders")
    if retired:
        # A saved link to a retired id still resolves: to the event now holding its anchor mention.
        con.executemany("INSERT OR REPLACE INTO event_aliases VALUES (?, ?, current_timestamp)", retired)
    return len(events)


def _key_unset(con: duckdb.DuckDBPyConnection, level: str) -> set[str]:
    """Give the mentions without a cluster key theirs; the keys they have."""
    rows = con.execute(f"SELECT {MENTION_SELECT} FROM mentions WHERE cluster_key IS NULL").fetchall()
    if not rows:
        return set()
    pairs = [(e.event_id, cluster_key(e, level)) for e in map(event_from_row, rows)]
    con.register("new_keys", pa.table({"mention_id": pa.array([p[0] for p in pairs], pa.string()),
                                       "k": pa.array([p[1] for p in pairs], pa.string())}))
    try:
        con.execute("UPDATE mentions SET cluster_key = k.k FROM new_keys k WHERE mentions.mention_id = k.mention_id")
    finally:
        con.unregister("new_keys")
    return {p[1] for p in pairs}


def settle(con: duckdb.DuckDBPyConnection, new_docs: Sequence[tuple[str, Sequence[int] | None]],
           dedup: Dedup = DEFAULT) -> int:
    """After a partition's documents and mentions are inserted: their articles, then the events they touch."""
    _fill_sources(con)
    changed = assign_articles(con, new_docs)
    keys = _key_unset(con, dedup[1])
    if changed:
        keys |= {k for (k,) in con.execute("SELECT DISTINCT cluster_key FROM mentions WHERE "
                                           "list_contains(?::VARCHAR[], doc_id)", [sorted(changed)]).fetchall()}
    return recluster(con, keys, dedup)


def _fill_sources(con: duckdb.DuckDBPyConnection) -> None:
    """Documents without a source (stored before v4, or staged before it) get one from URL or file."""
    docs = con.execute("SELECT doc_id, url, origin FROM documents WHERE source IS NULL").fetchall()
    if docs:
        con.register("doc_sources", pa.table({"doc_id": pa.array([d[0] for d in docs], pa.string()),
                                              "source": pa.array([source_of(None, d[1], d[2]) for d in docs],
                                                                 pa.string())}))
        con.execute("UPDATE documents SET source = s.source FROM doc_sources s WHERE documents.doc_id = s.doc_id")
        con.unregister("doc_sources")


def migrate_v4(con: duckdb.DuckDBPyConnection) -> None:
    """The Python step of migration 4: sources from URLs or files, each document its own article (the
    store keeps no text to fingerprint), and every mention clustered into events."""
    _fill_sources(con)
    con.execute("UPDATE documents SET article_id = doc_id")
    recluster(con, _key_unset(con, DEFAULT[1]), DEFAULT)
