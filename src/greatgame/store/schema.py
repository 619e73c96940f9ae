"""The store's schema: the events table's columns, the migrations, and the order events are read in."""

from __future__ import annotations

__all__ = ["EVENT_COLUMNS", "EVENT_NAMES", "EVENT_ORDER", "MIGRATIONS", "SCHEMA_VERSION"]

SCHEMA_VERSION = 3

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
EVENT_COLUMNS: tuple[tuple[str, str], ...] = (*_EVENT_COLUMNS_V1, ("date_precision", "VARCHAR"))
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

EVENT_NAMES = _EVENT_NAMES
# The one order events are read in, everywhere: by date, then by where they are in their document.
EVENT_ORDER = "date NULLS LAST, doc_id, sentence_start, trigger_start, event_id"
