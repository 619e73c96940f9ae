"""Events: find who did what to whom in a parse and code it in CAMEO and PLOVER."""

from .coder import Decision, EventCoder
from .ontology import GOLDSTEIN_TABLE, PLOVER_CATEGORIES, cameo_table

__all__ = ["GOLDSTEIN_TABLE", "PLOVER_CATEGORIES", "Decision", "EventCoder", "cameo_table"]
