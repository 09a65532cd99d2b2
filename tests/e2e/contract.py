"""The conversation contract's rules, checked on a whole transcript (docs/conversation-contract.md).

A transcript is what a channel sees: the user's messages and the REST channel's bot messages, where a
``custom`` message belongs to the text just before it. Besides the four rules of the conversation, every
``custom`` must match its stage's schema (docs/contract.schema.json), so a renamed field or an unknown stage
fails the end-to-end tests where it is emitted.
"""
from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Optional

import httpx
import jsonschema

from bot.core import affirmation


SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "contract.schema.json"


@lru_cache(maxsize=1)
def contract_schema() -> Dict[str, Any]:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return schema


@lru_cache(maxsize=None)
def stage_validator(stage: Optional[str]) -> jsonschema.Draft202012Validator:
    """The validator of one stage's own schema, so that an error names the field, not "matches none of the
    stages"; the whole schema for a stage it does not know (which it then refuses)."""
    schema = contract_schema()
    own = schema["$defs"].get(f"stage_{stage}") if stage else None
    return jsonschema.Draft202012Validator({**own, "$defs": schema["$defs"]} if own else schema)


def schema_errors(custom: Any) -> List[str]:
    """Why ``custom`` does not match docs/contract.schema.json; empty when it does."""
    stage = custom.get("stage") if isinstance(custom, dict) else None
    validators = [stage_validator(stage if isinstance(stage, str) else None), stage_validator(None)]
    for validator in validators:  # the stage's schema first; the whole one (oneOf over every stage) must agree
        found = [f"{'/'.join(str(p) for p in e.absolute_path) or '(payload)'}: {e.message}"
                 for e in validator.iter_errors(custom)]
        if found:
            return found
    return []


def assert_valid_custom(custom: Dict[str, Any]) -> None:
    errors = schema_errors(custom)
    assert not errors, f"custom does not match docs/contract.schema.json: {custom}: {errors}"


@dataclass
class BotMessage:
    text: str
    custom: Optional[Dict[str, Any]] = None

    @property
    def stage(self) -> Optional[str]:
        return (self.custom or {}).get("stage")


@dataclass
class Entry:
    user: Optional[str] = None
    bot: Optional[BotMessage] = None


def reading_seconds() -> float:
    """How long the stack wants a notice read before "已阅读" (``GZ_MIN_READING_SECONDS``, inherited by the servers
    the tests start; the e2e suite sets a small value in tests/e2e/conftest.py)."""
    return float(os.environ.get("GZ_MIN_READING_SECONDS", "15"))


@dataclass
class Transcript:
    entries: List[Entry] = field(default_factory=list)
    notice_arrived: float = 0.0  # monotonic time the last notice section reached this client

    def reading_wait(self) -> float:
        """Seconds still to wait before the next message: a person reads the notice before answering, and the
        journey and the API refuse "已阅读" sooner than ``reading_seconds()`` after the last section arrived."""
        if not self.notice_arrived:
            return 0.0
        return max(0.0, reading_seconds() + 0.05 - (time.monotonic() - self.notice_arrived))

    def add_user(self, text: str) -> None:
        self.entries.append(Entry(user=text))

    def add_bot_replies(self, replies: List[Dict[str, Any]]) -> List[BotMessage]:
        """Pair Rasa's separate text and custom messages; returns this turn's bot messages."""
        turn: List[BotMessage] = []
        for reply in replies:
            if "text" in reply:
                turn.append(BotMessage(reply["text"]))
            if "custom" in reply:
                assert turn and turn[-1].custom is None, f"custom without its own text: {reply}"
                turn[-1].custom = reply["custom"]
        self.entries.extend(Entry(bot=m) for m in turn)
        if any(m.stage == "notice_section" for m in turn):
            self.notice_arrived = time.monotonic()
        return turn

    def bot_messages(self) -> List[BotMessage]:
        return [e.bot for e in self.entries if e.bot]

    def stages(self) -> List[str]:
        return [m.stage for m in self.bot_messages() if m.stage]


def check_contract(transcript: Transcript, api_url: str, proxy_items: Dict[str, bool]) -> None:
    """Assert rules 1-5 over the whole transcript. ``proxy_items`` maps item code -> proxy_allowed."""
    sent: Dict[tuple, set] = {}
    last_user: Optional[str] = None
    last_explicit_affirmation: Optional[str] = None  # notice_version of the last explicit affirmation
    # Since the last explicit affirmation the user only answered the signing code's question (act_code): the
    # affirmation still stands (the code confirms it, 意愿认证), and nothing else was said in between.
    affirmation_stands = False
    service_error_since_affirmation = False
    current_request: Optional[Dict[str, Any]] = None
    # Rule 4: an authorisation (number and code) answered at the authorization_no question and accepted, that is
    # the next question was another one; None while an answer waits for the bot's verdict.
    authorisation_answered = False
    authorisation_accepted = False
    last_ask_slot: Optional[str] = None
    receipts: List[str] = []
    questions_this_turn: List[str] = []
    for entry in transcript.entries:
        if entry.user is not None:
            questions_this_turn = []
            last_user = entry.user
            if last_ask_slot == "authorization_no":
                authorisation_answered = True
            verdict = None
            if current_request is not None and last_ask_slot in ("affirmation", None):
                acting = "proxy" if "特别授权" in current_request.get("statement", "") else "self"
                # The proxy's words name the applicant ("我受赵强特别授权，代为承诺"): the request says whom.
                named = re.match(r"我受(.+?)特别授权", current_request.get("required_words") or "")
                verdict = affirmation.classify(entry.user, acting_as=acting, statement=current_request.get("statement"),
                                               applicant_name=named.group(1) if named else None)
            if verdict and verdict.kind == "explicit":
                last_explicit_affirmation = current_request["notice_version"]
                service_error_since_affirmation = False
                affirmation_stands = True
            elif last_ask_slot != "act_code":
                affirmation_stands = False
            continue
        message = entry.bot
        assert message.text and message.text.strip(), "every contract message carries a complete text"
        if message.custom is not None:
            assert_valid_custom(message.custom)  # rule 5
        custom = message.custom or {}
        stage = custom.get("stage")
        if stage in ("ask", "affirmation_request"):
            # The same question never twice in one reply: only the form's validation action asks (actions/forms.py),
            # Rasa's form never asks on its own. (Two different questions can:
            # a REST reply after a hand-back carries the re-asked pending question, then the bot's next one.)
            question = custom.get("slot") or stage
            assert question not in questions_this_turn, f"asked twice in one reply: {question}"
            questions_this_turn.append(question)
            if authorisation_answered:
                authorisation_accepted = question != "authorization_no"
                authorisation_answered = False
        if stage == "ask":
            last_ask_slot = custom.get("slot")
        elif stage == "notice_section":
            key = (custom["item_code"], custom["notice_version"])
            sent.setdefault(key, set()).add(custom["index"])
            assert 1 <= custom["index"] <= custom["total"]
        elif stage == "affirmation_request":
            # Rule 1: every section 1..total of this item and version was sent before.
            key = (custom["item_code"], custom["notice_version"])
            totals = {7}
            assert sent.get(key, set()) >= set(range(1, max(totals) + 1)), f"rule 1 broken: {sent.get(key)}"
            current_request = custom
            last_ask_slot = "affirmation"
        elif stage == "not_eligible":
            authorisation_accepted = authorisation_answered = False  # the journey ended
        elif stage == "service_error":
            service_error_since_affirmation = True
        elif stage == "commitment_receipt":
            # Rule 2: the user's last message was an explicit affirmation of this notice version, or an answer to
            # the signing code's question asked after it, or a retry after a service_error that followed such an
            # affirmation (nothing re-entered, P4).
            assert last_explicit_affirmation == custom["notice_version"], "rule 2: no explicit affirmation"
            assert affirmation_stands or service_error_since_affirmation, (
                f"rule 2 broken: last user message {last_user!r} is neither an explicit affirmation nor the "
                "signing code asked after one"
            )
            # Rule 3: durably stored and verifiable with the receipt's check code; never a second receipt for the
            # same commitment.
            assert custom["commitment_no"] not in receipts, "rule 3: duplicate receipt"
            receipts.append(custom["commitment_no"])
            assert custom.get("check_code"), f"rule 3: a receipt carries its check code: {custom}"
            verify = httpx.get(f"{api_url}/api/v1/commitments/{custom['commitment_no']}/verify",
                               params={"code": custom["check_code"]}, timeout=10).json()
            assert verify["valid"] is True, f"rule 3: stored commitment does not verify: {verify}"
            # Rule 4: proxy receipts only where proxy is allowed and an authorisation was accepted.
            if custom["proxy"]:
                assert proxy_items[custom["item_code"]], "rule 4: proxy on an item that forbids it"
                assert authorisation_accepted, "rule 4: no authorisation accepted at the authorization_no question"
            current_request = None
            last_explicit_affirmation = None
            affirmation_stands = False
            authorisation_accepted = False
