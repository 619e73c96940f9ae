"""Exact and near-duplicate articles: MinHash over word shingles, with LSH bands to find candidates.

A syndicated copy (another dateline or byline, a few words changed) is the same article. The text is
normalised first: datelines ("WASHINGTON, March 3 (Reuters) -"), bylines ("By Jane Smith") and wire
sign-offs ("REUTER") are cut, the rest is lower-cased and read as words. Its shingles (every run of
`SHINGLE` words) are hashed by datasketch's MinHash with a fixed seed, so a signature is a pure
function of the text: the same in every process, whatever the order documents arrive in.

Two signatures are the same article when their estimated Jaccard similarity (the share of equal
MinHash values) is at least `THRESHOLD` (0.8). Candidates are found by banding: the signature is cut
into `BANDS` bands of `ROWS` values, each hashed to a short hex string; documents that share any band
are compared. With 16 bands of 8, a pair at Jaccard 0.8 shares a band with probability 0.95, a pair at
0.5 with probability 0.06. Articles are the connected components of the same-article relation, so the
grouping does not depend on arrival order; an article's id is the smallest doc id in it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator

import numpy as np
from datasketch import MinHash

__all__ = [
    "BANDS",
    "NUM_PERM",
    "ROWS",
    "SEED",
    "SHINGLE",
    "THRESHOLD",
    "ArticleIndex",
    "bands",
    "jaccard",
    "normalise",
    "same_article",
    "shingles",
    "signature",
]

NUM_PERM = 128
SEED = 1
BANDS, ROWS = 16, 8
SHINGLE = 3
THRESHOLD = 0.8

# A dateline at the very start: a place in capitals, maybe a date, maybe an agency, then a dash.
# "WASHINGTON, March 3 (Reuters) -", "LONDON (AP) --", "KIEV, Ukraine, Feb. 2 —", "MOSCOW -".
_MONTH = r"(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Z .'\-]{1,40}(?:,\s*[A-Z][A-Za-z .'\-]{1,30})?"  # place, maybe ", Country"
    rf"(?:,?\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?"  # maybe a date
    r"(?:\s*\([A-Za-z .&]{1,30}\))?"  # maybe (Agency)
    r"\s*(?:-{1,2}|—|–)\s+",
)
# A byline line near the top: "By Jane Smith", "By Jane Smith, Reuters", "By JANE SMITH and JOHN DOE".
_BYLINE = re.compile(r"^\s*(?i:by)\s+[A-Z][\w.'\-]*(?:[ ,]+(?:and\s+)?[A-Z][\w.'\-]*){0,6}\s*$", re.M)
# Wire sign-offs and credit lines at the very end.
_SIGNOFF = re.compile(r"(?:\s*\b(?:reuter|reuters|ap|afp)\b\s*)+$", re.IGNORECASE)
_WORDS = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*", re.UNICODE)


def normalise(text: str) -> list[str]:
    """The words that identify an article: dateline, byline and sign-off cut, lower-cased."""
    head, tail = text[:400], text[400:]
    head = _BYLINE.sub(" ", head)
    head = _DATELINE.sub(" ", head, count=1)
    text = _SIGNOFF.sub("", head + tail)
    return [w.replace("’", "'") for w in _WORDS.findall(text.lower())]


def shingles(words: list[str], size: int = SHINGLE) -> set[bytes]:
    """Every run of `size` words (or the whole text if shorter), as bytes to hash."""
    if len(words) < size:
        return {" ".join(words).encode("utf-8")} if words else set()
    return {" ".join(words[i:i + size]).encode("utf-8") for i in range(len(words) - size + 1)}


def signature(text: str) -> tuple[int, ...]:
    """The MinHash signature of a text's shingles: NUM_PERM integers, the same in any process."""
    mh = MinHash(num_perm=NUM_PERM, seed=SEED)
    sh = shingles(normalise(text))
    if sh:
        mh.update_batch(sorted(sh))
    return tuple(int(v) for v in mh.hashvalues)


def bands(sig: tuple[int, ...]) -> list[str]:
    """The LSH band keys of a signature: BANDS short hex strings, band number first."""
    arr = np.asarray(sig, dtype=np.uint64)
    if arr.shape != (BANDS * ROWS,):
        raise ValueError(f"a signature has {BANDS * ROWS} values, not {arr.shape[0]}")
    return [
        f"{b:02d}:" + hashlib.blake2b(arr[b * ROWS:(b + 1) * ROWS].tobytes(), digest_size=8).hexdigest()
        for b in range(BANDS)
    ]


def jaccard(a_sig: tuple[int, ...], b_sig: tuple[int, ...]) -> float:
    """The Jaccard similarity of two texts' shingles as their signatures estimate it."""
    if len(a_sig) != len(b_sig) or not a_sig:
        raise ValueError("signatures of different lengths cannot be compared")
    return float(np.mean(np.asarray(a_sig, dtype=np.uint64) == np.asarray(b_sig, dtype=np.uint64)))


def same_article(a_sig: tuple[int, ...], b_sig: tuple[int, ...], threshold: float = THRESHOLD) -> bool:
    """Whether two signatures are one article: estimated Jaccard similarity at least `threshold`."""
    return jaccard(a_sig, b_sig) >= threshold


class ArticleIndex:
    """Documents grouped into articles, built incrementally; the same groups for any arrival order.

    `rows()` gives (doc_id, band) pairs for a table of band keys and `signatures()` the signatures,
    so the index can be persisted and rebuilt with `from_rows`.
    """

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self.threshold = threshold
        self._sig: dict[str, tuple[int, ...]] = {}
        self._by_band: dict[str, list[str]] = {}
        self._parent: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._sig)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._sig

    def _find(self, x: str) -> str:
        root = x
        while self._parent[root] != root:
            root = self._parent[root]
        while self._parent[x] != root:
            self._parent[x], x = root, self._parent[x]
        return root

    def _union(self, a: str, b: str) -> None:
        ra, rb = self._find(a), self._find(b)
        if ra != rb:
            # The smaller doc id is the root, so a component's root is its smallest member.
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            self._parent[hi] = lo

    def add(self, doc_id: str, text: str) -> str:
        """Add a document by its text; its article id."""
        return self.add_signature(doc_id, signature(text))

    def add_signature(self, doc_id: str, sig: tuple[int, ...]) -> str:
        """Add a document by its signature (computed anywhere); its article id."""
        if doc_id in self._sig:
            if self._sig[doc_id] != sig:
                raise ValueError(f"document {doc_id!r} is already in the index with another text")
            return self._find(doc_id)
        self._sig[doc_id] = sig
        self._parent[doc_id] = doc_id
        seen: set[str] = set()
        for key in bands(sig):
            bucket = self._by_band.setdefault(key, [])
            for other in bucket:
                if other not in seen:
                    seen.add(other)
                    if same_article(sig, self._sig[other], self.threshold):
                        self._union(doc_id, other)
            bucket.append(doc_id)
        return self._find(doc_id)

    def article_id(self, doc_id: str) -> str:
        """The id of the article `doc_id` belongs to: the smallest doc id among its copies."""
        return self._find(doc_id)

    def articles(self) -> dict[str, list[str]]:
        """Every article id with its documents, sorted."""
        out: dict[str, list[str]] = {}
        for doc_id in sorted(self._sig):
            out.setdefault(self._find(doc_id), []).append(doc_id)
        return out

    def signatures(self) -> Iterator[tuple[str, tuple[int, ...]]]:
        """(doc_id, signature) for every document, in doc id order."""
        for doc_id in sorted(self._sig):
            yield doc_id, self._sig[doc_id]

    def rows(self) -> Iterator[tuple[str, str]]:
        """(doc_id, band key) for every document and band: the rows of a band table."""
        for doc_id, sig in self.signatures():
            for key in bands(sig):
                yield doc_id, key

    @classmethod
    def from_rows(cls, signatures: Iterable[tuple[str, tuple[int, ...]]], threshold: float = THRESHOLD) -> ArticleIndex:
        """An index rebuilt from persisted (doc_id, signature) pairs."""
        index = cls(threshold)
        for doc_id, sig in signatures:
            index.add_signature(doc_id, tuple(sig))
        return index
