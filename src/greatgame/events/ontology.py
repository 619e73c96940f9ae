"""The CAMEO code table: root, quad class, Goldstein score and PLOVER category of every code."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..model import GOLDSTEIN_TABLE

__all__ = ["GOLDSTEIN_TABLE", "PLOVER_CATEGORIES", "Code", "cameo_table", "plover_root"]

PLOVER_CATEGORIES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                     "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


@dataclass(frozen=True)
class Code:
    code: str
    root: str
    name: str
    goldstein: float
    quad: int
    plover: str | None


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, Code]:
    """Every CAMEO 1.1b3 code, from the package's cameo.tsv."""
    path = resources.files("greatgame.events") / "data" / "cameo.tsv"
    out: dict[str, Code] = {}
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            out[r["code"]] = Code(r["code"], r["root"], r["name"], float(r["goldstein"]), int(r["quad"]),
                                  r["plover"] or None)
    return out


def plover_root(label: str | None) -> str | None:
    """CONCEDE and RETREAT both stand for the older root YIELD when scoring."""
    return "YIELD" if label in ("CONCEDE", "RETREAT") else label
