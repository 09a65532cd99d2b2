"""Rule-based extraction of catalogue items and identity numbers from a sentence (P1).

Where the answer is a closed list (catalogue names and aliases) or a fixed format (居民身份证号码, 统一社会信用代码,
mobile numbers), rules beat a trained classifier: they need no examples, never drift, and change the moment the
catalogue changes. The pipeline is a blank spaCy ``zh`` model with the jieba segmenter plus

* an ``EntityRuler`` whose phrase patterns are generated from the catalogue by :func:`bot.core.lexicon.entity_patterns`
  (label ``ITEM``, ``ent_id`` = item code) - the same patterns ``python -m bot.tools.build`` writes to
  ``bot/generated/spacy_patterns.jsonl`` for inspection;
* a component that finds ID, USCC and phone numbers by their format and labels them ``ID_CARD``, ``USCC`` and
  ``PHONE``.

jieba would otherwise split a number (``91410100`` | ``MA44XK7L3D``) or an alias (``办公`` | ``租房``) wherever its
dictionary says, and a span could then not be labelled; the segmenter here therefore keeps numbers and catalogue
phrases whole and lets jieba cut only the text between them.

Numbers are returned as found, valid or not: the caller checks them with :mod:`bot.core.ids` and tells the user
what is wrong (conversation contract ``ask.error``: ``invalid_id_checksum`` and so on).
"""
from __future__ import annotations

import re
import threading
from typing import Dict, Iterable, Iterator, List, Optional, Tuple

from bot.core.lexicon import ITEM_LABEL, entity_patterns
from bot.core import ids
from bot.core.catalogue import Item, load_catalogue
from actions.discovery import MAX_QUERY_CHARS, normalize

ID_CARD = "ID_CARD"
USCC = "USCC"
PHONE = "PHONE"

# Anything that could be one of our numbers: a run of letters and digits with at least seven digits, optionally
# with a +86 prefix. ids.normalize has already joined digit groups typed with spaces or hyphens.
_NUMBER_CANDIDATE = re.compile(r"(?<![0-9a-z])(?:\+?86)?(?=(?:[a-z]*\d){7})[0-9a-z]{7,20}(?![0-9a-z])", re.IGNORECASE)


def classify_number(token: str) -> Optional[Tuple[str, str]]:
    """``(label, value)`` for a number-like token, or ``None`` when it is none of ours.

    Shapes decide, not check digits: an ID with a wrong check digit is still an ID, so the caller can say
    "the last digit is wrong" instead of "please give your ID".
    """
    value = token.upper()
    kind = ids.id_type(value)
    if kind == "resident_id":
        return ID_CARD, value
    if kind == "uscc":
        return USCC, value
    phone = ids.canonical_phone(value)
    if phone:
        return PHONE, phone
    if value.isdigit() and 15 <= len(value) <= 20:
        return ID_CARD, value  # a digit missing or extra: ids.check_resident_id says invalid_id_format
    if value.isalnum() and 15 <= len(value) <= 20 and re.search(r"[A-Z]", value):
        return USCC, value  # ids.check_uscc says invalid_uscc_format
    if value.isdigit() and value.startswith("1") and 10 <= len(value) <= 12:
        return PHONE, value  # ids.check_phone says invalid_phone
    return None


class _ProtectedSegmenter:
    """Stands in for the ``jieba`` module in spaCy's Chinese tokenizer (which calls ``.cut(text, cut_all=False)``):
    numbers and catalogue phrases come out as single tokens, jieba cuts the rest."""

    def __init__(self, phrases: Iterable[str]):
        import jieba

        self._jieba = jieba
        ordered = sorted(set(phrases), key=lambda p: (-len(p), p))  # longest first: 公租房申请 before 公租房
        alternatives = [_NUMBER_CANDIDATE.pattern] + [re.escape(p) for p in ordered]
        self._protected = re.compile("|".join(f"(?:{a})" for a in alternatives), re.IGNORECASE)

    def cut(self, text: str, cut_all: bool = False) -> Iterator[str]:
        position = 0
        for match in self._protected.finditer(text):
            if match.start() > position:
                yield from self._jieba.cut(text[position : match.start()], cut_all=cut_all)
            yield match.group(0)
            position = match.end()
        if position < len(text):
            yield from self._jieba.cut(text[position:], cut_all=cut_all)


def _label_numbers(doc):
    """spaCy component: ID_CARD / USCC / PHONE entities from the number format (char spans on protected tokens)."""
    from spacy.util import filter_spans

    spans = list(doc.ents)
    for match in _NUMBER_CANDIDATE.finditer(doc.text):
        found = classify_number(match.group(0))
        if not found:
            continue
        span = doc.char_span(match.start(), match.end(), label=found[0], alignment_mode="expand")
        if span is not None:
            spans.append(span)
    doc.ents = filter_spans(spans)
    return doc


class Extractor:
    """The spaCy pipeline for one catalogue. Building it costs jieba's dictionary load (about half a second), so
    the action server builds one per process (:func:`extract`)."""

    def __init__(self, items: Iterable[Item]):
        import spacy
        from spacy.language import Language

        if "catalogue_identity_numbers" not in Language.factories:
            Language.component("catalogue_identity_numbers", func=_label_numbers)

        patterns = entity_patterns(list(items))
        # An alias two items share is one span but both items: the caller shows both as candidates.
        self.codes_by_phrase: Dict[str, List[str]] = {}
        for pattern in patterns:
            self.codes_by_phrase.setdefault(pattern["pattern"], []).append(pattern["id"])

        nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "jieba"}}})
        nlp.tokenizer.jieba_seg = _ProtectedSegmenter(self.codes_by_phrase)
        ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "TEXT"})
        ruler.add_patterns(patterns)
        nlp.add_pipe("catalogue_identity_numbers")
        self.nlp = nlp

    def prepare(self, text: str) -> str:
        """The text the pipeline sees: the shared normal form (P1: traditional, full-width, emoji), then numbers
        read out in Chinese digits or typed in groups made machine-readable by bot.core.ids."""
        return ids.normalize(normalize(str(text or "")[: MAX_QUERY_CHARS * 2])[:MAX_QUERY_CHARS])

    def entities(self, text: str):
        return self.nlp(self.prepare(text)).ents

    def extract(self, text: str) -> Dict[str, List[str]]:
        result: Dict[str, List[str]] = {"item_codes": [], "resident_ids": [], "usccs": [], "phones": []}
        for ent in self.entities(text):
            if ent.label_ == ITEM_LABEL:
                values = self.codes_by_phrase.get(ent.text.lower(), [ent.ent_id_])
                key = "item_codes"
            else:
                found = classify_number(ent.text)
                if not found:
                    continue
                values = [found[1]]
                key = {ID_CARD: "resident_ids", USCC: "usccs", PHONE: "phones"}[ent.label_]
            for value in values:
                if value not in result[key]:
                    result[key].append(value)
        return result


_extractor: Optional[Extractor] = None
_extractor_lock = threading.Lock()


def get_extractor() -> Extractor:
    """The process-wide extractor over the shipped catalogue, built on first use."""
    global _extractor
    if _extractor is None:
        with _extractor_lock:
            if _extractor is None:
                _extractor = Extractor(load_catalogue().values())
    return _extractor


def extract(text: str) -> Dict[str, List[str]]:
    """Items and numbers in a sentence, in order of appearance: ``item_codes``, ``resident_ids``, ``usccs``,
    ``phones`` (each a list; numbers upper-cased, phones as 11 digits without +86)."""
    return get_extractor().extract(text)
