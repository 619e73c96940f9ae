"""One event, many reports: publishers, near-duplicate articles, and mentions clustered into events.

Pure and store-independent: each function takes records and returns records; docs/dedup.md gives the
rules and the store schema that will hold them.
"""

from .cluster import ClusteredEvent, EventMention, MentionClusters, cluster_mentions
from .fingerprint import ArticleIndex, bands, normalise, same_article, signature
from .sources import document_source, url_host

__all__ = [
    "ArticleIndex",
    "ClusteredEvent",
    "EventMention",
    "MentionClusters",
    "bands",
    "cluster_mentions",
    "document_source",
    "normalise",
    "same_article",
    "signature",
    "url_host",
]
