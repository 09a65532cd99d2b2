"""A bounded cache of NLU parse results by exact text, in front of the model that produced them.

bench/profile.py (py-spy on the Rasa server while 10 citizens run the journey) put about a quarter of Rasa's
time in parsing the message: the NLU graph (normaliser, jieba, featurisers, DIET's TensorFlow call) runs for
every message, although the answers of a journey repeat from person to person - "是", "本人", "已阅读",
"本人承诺", a menu number. The NLU part of the model reads nothing but the message's text: its graph's only
input is the user message (``nlu_message_converter`` takes the text, the message id and the metadata; the id
and the metadata are in no output property, so they never reach the parse data), and every component is a
pure function of its input once the model is loaded. So the parse data of a text is the same whenever the same
model parses it, and a second parse can be answered from the first.

Exactly equivalent, by construction:

- the cache belongs to one ``MessageProcessor``, i.e. one loaded model: a model swapped in by the admin console
  (a new processor) starts with an empty cache, and the old one goes with its processor;
- the key is the text exactly as the graph receives it (the normaliser runs inside the graph, after the key);
- only Rasa's default parse (``only_output_properties=True``, what a turn uses) is cached: the full message
  (``False``) carries the message id and metadata;
- each caller gets its own deep copy: Rasa adds to the parse data afterwards (retrieval intents), the tracker
  keeps it in its ``UserUttered``.

A message that is nothing but a number (``number_parse``: six or more digits, with spaces or dashes between
them and an ID number's final X) is not given to the model at all. It can mean one thing only, giving that number
(a one-time code, a phone number, an ID number), and its parse data say so: intent ``inform`` with confidence 1.
The trained model agrees on every such number tried (tests/bot/test_rasa_tuning.py), but it takes about 7 ms
of a turn to say so, on the turns that also wait for the API (the codes, the ID, the phone). Every step still
reads the number itself with its own rules (actions/interpret.py); the intent only tells the journey that no
question, cancellation or request for a person came instead. A number inside words ("我的手机号13800138000")
goes to the model as before.

Bounded: at most ``GZ_NLU_PARSE_CACHE`` texts (default ``DEFAULT_ENTRIES``; 0 turns the cache off), least
recently used first out, texts of at most ``MAX_TEXT_CHARS`` characters. A text with ``PERSONAL_DIGITS`` or
more digits (an ID number, a phone number, a one-time code) is never kept: it is personal data, and it almost
never comes twice.
"""
from __future__ import annotations

import copy
import logging
import os
import re
from collections import OrderedDict
from typing import Any, Dict, Optional

logger = logging.getLogger(__name__)

ENV_ENTRIES = "GZ_NLU_PARSE_CACHE"
DEFAULT_ENTRIES = 2048
MAX_TEXT_CHARS = 200
PERSONAL_DIGITS = 6
_DIGIT = re.compile(r"\d")  # every Unicode digit, full-width ones too
_ATTRIBUTE = "_gz_parse_cache"

_installed = False


def configured_entries(env=os.environ) -> int:
    value = env.get(ENV_ENTRIES, "").strip()
    try:
        return max(0, int(value)) if value else DEFAULT_ENTRIES
    except ValueError:
        logger.warning("%s=%r is not a number: %d is used", ENV_ENTRIES, value, DEFAULT_ENTRIES)
        return DEFAULT_ENTRIES


NUMBER_INTENT = "inform"
MAX_NUMBER_CHARS = 40  # an ID number spaced out in groups fits; anything longer is not just a number
# Digits (full-width ones too: \d is every Unicode digit), spaces and dashes between them, an ID number's last X.
_NUMBER_ONLY = re.compile(r"\s*(?:\d[\s\-－]*){%d,}[xXｘＸ]?\s*" % PERSONAL_DIGITS)


def number_parse(text: Any) -> Optional[Dict[str, Any]]:
    """The parse data of a message that is only a number, without the model; None for any other message."""
    if not isinstance(text, str) or len(text) > MAX_NUMBER_CHARS or not _NUMBER_ONLY.fullmatch(text):
        return None
    intent = {"name": NUMBER_INTENT, "confidence": 1.0}
    return {"text": text, "intent": intent, "entities": [], "text_tokens": [[0, len(text)]],
            "intent_ranking": [dict(intent)]}


def cacheable(text: Any) -> bool:
    return (isinstance(text, str) and 0 < len(text) <= MAX_TEXT_CHARS
            and len(_DIGIT.findall(text)) < PERSONAL_DIGITS)


class ParseCache:
    """Least-recently-used map of text to parse data, holding at most ``entries`` texts."""

    def __init__(self, entries: int) -> None:
        self.entries = entries
        self._data: "OrderedDict[str, Dict[str, Any]]" = OrderedDict()
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        return len(self._data)

    def get(self, text: str) -> Optional[Dict[str, Any]]:
        found = self._data.get(text)
        if found is None:
            self.misses += 1
            return None
        self._data.move_to_end(text)
        self.hits += 1
        return copy.deepcopy(found)

    def put(self, text: str, parse_data: Dict[str, Any]) -> None:
        self._data[text] = copy.deepcopy(parse_data)
        self._data.move_to_end(text)
        while len(self._data) > self.entries:
            self._data.popitem(last=False)


def cache_of(processor: Any) -> Optional[ParseCache]:
    """The cache of a ``MessageProcessor`` (None before its first cacheable parse)."""
    return processor.__dict__.get(_ATTRIBUTE)


def install(entries: Optional[int] = None) -> bool:
    """Put the cache in front of ``MessageProcessor._parse_message_with_graph``; False when it is off."""
    global _installed
    entries = configured_entries() if entries is None else entries
    if _installed or entries <= 0:
        return False
    from rasa.core.processor import MessageProcessor

    parse_with_graph = MessageProcessor._parse_message_with_graph

    def _parse_message_with_graph(self, message, tracker, only_output_properties: bool = True):
        text = getattr(message, "text", None)
        if only_output_properties and NUMBER_INTENT in getattr(getattr(self, "domain", None), "intents", ()):
            number = number_parse(text)
            if number is not None:
                return number
        if not only_output_properties or not cacheable(text):
            return parse_with_graph(self, message, tracker, only_output_properties)
        cache = self.__dict__.get(_ATTRIBUTE)
        if cache is None:
            cache = self.__dict__[_ATTRIBUTE] = ParseCache(entries)
        found = cache.get(text)
        if found is not None:
            return found
        parse_data = parse_with_graph(self, message, tracker, only_output_properties)
        cache.put(text, parse_data)
        return parse_data

    _parse_message_with_graph.rasa_original = parse_with_graph  # type: ignore[attr-defined]
    MessageProcessor._parse_message_with_graph = _parse_message_with_graph
    _installed = True
    return True
