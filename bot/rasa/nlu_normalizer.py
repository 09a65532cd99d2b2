"""Rasa NLU components: the intent model reads the same normal form of a message as discovery does.

A question typed in traditional characters (什麼是告知承諾制, 餐飲許可能承諾嗎) shares almost no character n-grams
with the simplified training data; the model then guessed an intent from the few characters that matched, and a
question could be taken for a commitment before discovery ever saw it. The same holds for full-width letters
and for English terms mixed into Chinese ("Co., Ltd.", "food license"). So the pipeline starts with
:class:`NLUTextNormalizer`, which rewrites the text with :func:`bot.core.nlu_text.nlu_text` for every component
after it - training examples and live messages alike, so training and prediction see one form.

What the user typed stays what the conversation records: the commitment evidence keeps the exact words of the
affirmation, and the step interpreters read them. :class:`OriginalTextRestorer`, listed last, puts the
original text back once the intent and entities are decided; the normalised form stays available in the
parse data under ``text_normalized``.

Both modules are inputs of the model hash (``bot.tools.model.training_inputs``): changing a rule here retrains.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.core.nlu_text import nlu_text

ORIGINAL_TEXT = "text_original"
NORMALIZED_TEXT = "text_normalized"
# Rasa's guard already refuses longer messages (bot.channels.message_guard); this bounds the work regardless.
MAX_CHARS = 2000

# The rules live outside the component class; Rasa's training cache only sees the class's own source, so the
# files holding the rules are fingerprinted too (a changed table must not reuse cached normalised data).
_BOT = Path(__file__).resolve().parents[1]
RULE_FILES = (_BOT / "core" / "nlu_text.py", _BOT / "core" / "textnorm.py", _BOT / "core" / "t2s.txt")


def rules_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in RULE_FILES:
        digest.update(path.read_bytes())
    return digest.hexdigest()


def _normalize_message(message: Message) -> None:
    text = message.get(TEXT)
    if not isinstance(text, str) or not text:
        return
    normalized = nlu_text(text, MAX_CHARS)
    if normalized == text:
        return
    message.set(ORIGINAL_TEXT, text)
    message.set(TEXT, normalized)


class _Stateless(GraphComponent):
    """A component with no settings and nothing trained: every model makes it the same way."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> GraphComponent:
        return cls()


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class NLUTextNormalizer(_Stateless):
    """First in the pipeline: full-width, traditional and mixed-in English become the one normal form."""

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        return rules_fingerprint()

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for message in training_data.training_examples:
            # Entity offsets refer to the text as written; an annotated example whose length would change
            # keeps its text (none are annotated today: the values are decided by rules, not the model).
            if message.get("entities") and len(nlu_text(message.get(TEXT) or "")) != len(message.get(TEXT) or ""):
                continue
            _normalize_message(message)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            _normalize_message(message)
        return messages


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class OriginalTextRestorer(_Stateless):
    """Last in the pipeline: the message's text is the user's own again (evidence, interpreters)."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            original: Optional[str] = message.get(ORIGINAL_TEXT)
            if original is None:
                continue
            message.set(NORMALIZED_TEXT, message.get(TEXT), add_to_output=True)
            message.set(TEXT, original)
        return messages
