"""greatgame: political event data from news — who did what to whom, coded in CAMEO and PLOVER."""

from .model import ActorRef, Document, Event, InputError, Location, Mention, Span
from .pipeline import CODER_VERSION, Coder, DocResult, PairLabel, code_documents, get_coder
from .settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "CODER_VERSION",
    "ActorRef",
    "Coder",
    "DocResult",
    "Document",
    "Event",
    "InputError",
    "Location",
    "Mention",
    "PairLabel",
    "Settings",
    "Span",
    "__version__",
    "code_documents",
    "get_coder",
    "load_settings",
]
