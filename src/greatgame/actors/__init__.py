"""Actors: recognise who acts, and resolve them to country, sector, code and person."""

from .dictionary import ActorDictionary, load_dictionary
from .recognize import ActorRecognizer, ResolvedMention

__all__ = ["ActorDictionary", "ActorRecognizer", "ResolvedMention", "load_dictionary"]
