"""The store's schema: the mentions and events tables' columns, the migrations, and the order rows are read in."""

from __future__ import annotations

__all__ = ["CLUSTER_COLUMNS", "CLUSTER_ORDER", "EVENT_COLUMNS", "EVENT_NAMES", "EVENT_ORDER", "MENTION_SELECT",
           "MIGRATIONS", "SCHEMA_VERSION"]

SCHEMA_VERSION = 5

_ACTOR_FIELDS = ("text", "start", "end", "code", "country", "sector", "name")

# The events table, one column per field of the DESIGN.md event record (nested fields flattened). Columns
# added by a migration go at the end, where ALTER TABLE puts them.
_EVENT_COLUMNS_V1: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR NOT NULL"),
    ("doc_id", "VARCHAR NOT NULL"),
    ("date", "DATE"),
    *((f"source_{f}", "INTEGER" if f in ("start", "end") else "VARCHAR") for f in _ACTOR_FIELDS),
    *((f"target_{f}", "INTEGER" if f in ("start", "end") else "VARCHAR") for f in _ACTOR_FIELDS),
    ("cameo", "VARCHAR NOT NULL"),
    ("cameo_root", "VARCHAR NOT NULL"),
    ("plover", "VARCHAR"),
    ("quad", "TINYINT NOT NULL"),
    ("goldstein", "DOUBLE NOT NULL"),
    ("negated", "BOOLEAN NOT NULL"),
    ("modality", "VARCHAR NOT NULL"),
    ("confidence", "DOUBLE NOT NULL"),
    ("trigger_text", "VARCHAR"),
    ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"),
    ("sentence_text", "VARCHAR"),
    ("sentence_start", "INTEGER"),
    ("sentence_end", "INTEGER"),
    ("location_name", "VARCHAR"),
    ("location_country", "VARCHAR"),
    ("location_lat", "DOUBLE"),
    ("location_lon", "DOUBLE"),
)
# How each actor side was resolved (v5): the offsets of the mention it was linked through, where its country
# came from, how its office was chosen (model.ActorRef); NULL where the coder said nothing, and in older rows.
_PROVENANCE_COLUMNS: tuple[tuple[str, str], ...] = tuple(
    (f"{side}_{f}", t) for side in ("source", "target")
    for f, t in (("linked_start", "INTEGER"), ("linked_end", "INTEGER"), ("country_from", "VARCHAR"),
                 ("office_from", "VARCHAR")))
EVENT_COLUMNS: tuple[tuple[str, str], ...] = (*_EVENT_COLUMNS_V1, ("date_precision", "VARCHAR"),
                                              *_PROVENANCE_COLUMNS)
_EVENT_NAMES = tuple(name for name, _ in EVENT_COLUMNS)

# Migrations: version -> statements that bring a store from version-1 to version. Append, never edit.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_at TIMESTAMP NOT NULL)",
        """CREATE TABLE documents (
            doc_id VARCHAR PRIMARY KEY,
            content_hash VARCHAR NOT NULL,
            date DATE,
            url VARCHAR,
            title VARCHAR,
            origin VARCHAR,
            chars INTEGER NOT NULL,
            words INTEGER NOT NULL,
            events INTEGER NOT NULL,
            coder_version VARCHAR NOT NULL,
            goldstein_table VARCHAR NOT NULL,
            batch_key VARCHAR NOT NULL,
            ingested_at TIMESTAMP NOT NULL)""",
        "CREATE TABLE events (" + ", ".join(f"{n} {t}" for n, t in _EVENT_COLUMNS_V1) + ")",
        """CREATE TABLE errors (
            kind VARCHAR NOT NULL,          -- input | coding
            path VARCHAR,
            line INTEGER,
            doc_id VARCHAR,
            message VARCHAR NOT NULL,
            batch_key VARCHAR,
            recorded_at TIMESTAMP NOT NULL)""",
        """CREATE TABLE batches (
            batch_key VARCHAR PRIMARY KEY,
            run_id VARCHAR,
            documents INTEGER NOT NULL,
            events INTEGER NOT NULL,
            errors INTEGER NOT NULL,
            committed_at TIMESTAMP NOT NULL)""",
        """CREATE TABLE runs (
            run_id VARCHAR PRIMARY KEY,
            started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP,
            coder_version VARCHAR NOT NULL,
            paths VARCHAR NOT NULL,
            documents INTEGER,
            events INTEGER,
            skipped INTEGER,
            errors INTEGER)""",
        # Actors are what events name; a view keeps them consistent with the events by construction.
        """CREATE VIEW actors AS
            SELECT code, mode(name) AS name, mode(country) AS country, mode(sector) AS sector,
                   count(*) AS mentions
            FROM (SELECT source_code AS code, source_name AS name, source_country AS country,
                         source_sector AS sector FROM events
                  UNION ALL
                  SELECT target_code, target_name, target_country, target_sector FROM events)
            WHERE code IS NOT NULL
            GROUP BY code""",
    ),
    # How much of an event's date the text gave (day, month, year); events stored before it keep NULL.
    2: ("ALTER TABLE events ADD COLUMN date_precision VARCHAR",),
    # `greatgame watch`: the feeds it polls, every page URL it has seen, and the alerts it raised.
    3: (
        """CREATE TABLE watch_sources (
            url VARCHAR PRIMARY KEY,
            kind VARCHAR,                   -- feed | sitemap | sitemapindex
            parent VARCHAR,                 -- the sitemap index that listed it
            etag VARCHAR,
            last_modified VARCHAR,
            last_checked TIMESTAMP,
            last_status INTEGER,
            last_error VARCHAR,
            last_ok TIMESTAMP,
            last_items INTEGER,
            last_new INTEGER,
            checks INTEGER NOT NULL DEFAULT 0,
            failures INTEGER NOT NULL DEFAULT 0)""",
        """CREATE TABLE watch_urls (
            url VARCHAR PRIMARY KEY,        -- canonical page URL
            source VARCHAR,
            outcome VARCHAR NOT NULL,       -- pending | ingested | duplicate | skipped | failed
            reason VARCHAR,
            doc_id VARCHAR,
            title VARCHAR,
            date DATE,
            publisher VARCHAR,
            attempts INTEGER NOT NULL DEFAULT 0,
            first_seen TIMESTAMP NOT NULL,
            last_tried TIMESTAMP)""",
        """CREATE TABLE watch_alerts (
            alert_id VARCHAR PRIMARY KEY,
            kind VARCHAR NOT NULL,          -- shift | conflict
            raised_at TIMESTAMP NOT NULL,
            delivered BOOLEAN NOT NULL,
            body VARCHAR NOT NULL)""",
    ),
}

# The events table of v4: one row per real-world event (docs/dedup.md §3), with the display fields of its
# anchor mention so most reads need no join. `cluster_key` is the key its mentions were clustered under.
_CLUSTER_COLUMNS_V4: tuple[tuple[str, str], ...] = (
    ("event_id", "VARCHAR PRIMARY KEY"),
    ("cluster_key", "VARCHAR NOT NULL"),
    ("date", "DATE"),
    ("date_precision", "VARCHAR"),
    ("source_actor", "VARCHAR NOT NULL"),
    ("target_actor", "VARCHAR NOT NULL"),
    ("cameo_root", "VARCHAR NOT NULL"),
    ("cameo", "VARCHAR NOT NULL"),
    ("plover", "VARCHAR"),
    ("quad", "TINYINT NOT NULL"),
    ("goldstein", "DOUBLE NOT NULL"),
    ("modality", "VARCHAR NOT NULL"),
    ("confidence", "DOUBLE NOT NULL"),
    ("anchor_mention_id", "VARCHAR NOT NULL"),
    ("num_mentions", "INTEGER NOT NULL"),
    ("num_sources", "INTEGER NOT NULL"),
    ("num_articles", "INTEGER NOT NULL"),
    ("doc_id", "VARCHAR"),
    *((f"source_{f}", "VARCHAR") for f in ("code", "name", "country", "sector")),
    *((f"target_{f}", "VARCHAR") for f in ("code", "name", "country", "sector")),
    ("location_name", "VARCHAR"),
    ("location_country", "VARCHAR"),
    ("location_lat", "DOUBLE"),
    ("location_lon", "DOUBLE"),
    ("sentence_text", "VARCHAR"),
)
# From v5 the anchor's actor provenance too, so exports of the events table keep it.
CLUSTER_COLUMNS: tuple[tuple[str, str], ...] = (*_CLUSTER_COLUMNS_V4, *_PROVENANCE_COLUMNS)

_ACTORS_VIEW = """CREATE VIEW actors AS
            SELECT code, mode(name) AS name, mode(country) AS country, mode(sector) AS sector,
                   count(*) AS mentions
            FROM (SELECT source_code AS code, source_name AS name, source_country AS country,
                         source_sector AS sector FROM mentions
                  UNION ALL
                  SELECT target_code, target_name, target_country, target_sector FROM mentions)
            WHERE code IS NOT NULL
            GROUP BY code"""

# v4 (issue 13): today's event rows become mentions, each pointing to its event; documents get a source,
# an article and a fingerprint. The Python step after it (store/clustering.py `migrate_v4`) fills them.
MIGRATIONS[4] = (
    "DROP VIEW actors",
    "ALTER TABLE events RENAME TO mentions",
    "ALTER TABLE mentions RENAME COLUMN event_id TO mention_id",
    "ALTER TABLE mentions ADD COLUMN event_id VARCHAR",
    "ALTER TABLE mentions ADD COLUMN cluster_key VARCHAR",
    "CREATE TABLE events (" + ", ".join(f"{n} {t}" for n, t in _CLUSTER_COLUMNS_V4) + ")",
    "CREATE INDEX mentions_cluster_key ON mentions (cluster_key)",
    "CREATE INDEX events_cluster_key ON events (cluster_key)",
    """CREATE TABLE event_aliases (old_event_id VARCHAR PRIMARY KEY, event_id VARCHAR NOT NULL,
                                   retired_at TIMESTAMP NOT NULL)""",
    "ALTER TABLE documents ADD COLUMN source VARCHAR",
    "ALTER TABLE documents ADD COLUMN article_id VARCHAR",
    "ALTER TABLE documents ADD COLUMN fingerprint UBIGINT[]",
    "CREATE TABLE document_bands (band VARCHAR NOT NULL, doc_id VARCHAR NOT NULL)",
    "CREATE INDEX document_bands_band ON document_bands (band)",
    _ACTORS_VIEW,
)

# v5 (issue 12): each actor side's provenance on mentions, and the anchor's on events. Rows stored before it
# keep NULL: their coder's provenance was not kept, and the record then simply has none.
MIGRATIONS[5] = tuple(f"ALTER TABLE {table} ADD COLUMN {n} {t}" for table in ("mentions", "events")
                      for n, t in _PROVENANCE_COLUMNS)

EVENT_NAMES = _EVENT_NAMES
# A mention read as an event record (the DESIGN.md record, `event_id` its mention id), in EVENT_COLUMNS order.
MENTION_SELECT = ", ".join(("mention_id AS event_id", *_EVENT_NAMES[1:]))
# The one order mentions are read in, everywhere: by date, then by where they are in their document.
EVENT_ORDER = "date NULLS LAST, doc_id, sentence_start, trigger_start, mention_id"
# The order events are read in: by date, then id.
CLUSTER_ORDER = "date NULLS LAST, event_id"
