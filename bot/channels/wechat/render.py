"""Contract messages -> what a WeChat user can receive (docs/conversation-contract.md).

WeChat shows plain text only: a passive reply is ONE message, a customer-service message is at most 2048
bytes, and at most 5 customer-service messages may follow one user message. So this module

- renders a turn's contract messages as texts, turning ``ask.options`` into numbered choices
  ("回复 1 选择：…") because a WeChat user cannot tap a button, and remembers which value each number means;
- splits any text longer than 2048 bytes on sentence boundaries (never inside a character);
- merges the texts of a turn into as few messages as possible, at most 5, so that the whole notification
  (seven sections, R6) reaches the user before the affirmation is asked for (contract rule 1);
- keeps track of which message carries which part of which text (``Merged.pieces``), so the channel can tell
  which notice sections WeChat accepted in full (``settle``): only those are signed as delivered, and what was
  not accepted is kept for later, each notice section with its bot message while it is still whole.

Pure functions only: unit-tested in tests/wechat/test_render.py.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

TEXT_LIMIT_BYTES = 2048  # WeChat's limit for one text message (customer-service and passive reply)
MESSAGES_PER_USER_MESSAGE = 5  # customer-service messages allowed after one user message
SEPARATOR = "\n\n"  # between two bot texts merged into one WeChat message

WELCOME_TEXT = (
    "您好，欢迎关注！我是郑州市政务服务告知承诺智能助手。我可以帮您查找要办的事项、看看能否用告知承诺代替证明，"
    "阅读告知书后在线作出承诺，还可以查询承诺进度、撤回承诺或投诉举报。"
    "请直接用文字告诉我您要办的事，例如“我想申请公租房”。"
)

_KIND_NAMES = {
    "voice": "语音",
    "image": "图片",
    "location": "位置",
    "video": "视频",
    "shortvideo": "小视频",
    "link": "链接",
    "miniprogrampage": "小程序卡片",
}


def unsupported_text(kind: str) -> str:
    """The polite answer to a message the assistant cannot read (voice, image, location …)."""
    name = _KIND_NAMES.get(kind, "这类")
    return (
        f"抱歉，我暂时还看不懂{name}消息，目前只能处理文字。请直接输入文字告诉我您要办的事，例如“我想申请公租房”；"
        "如需人工帮助，可以拨打12345政务服务便民热线。"
    )


VOICE_UNHEARD_TEXT = (
    "抱歉，没能听清您的语音。请再说一遍，或直接输入文字告诉我您要办的事，例如“我想申请公租房”。"
)

BUSY_TEXT = "抱歉，系统暂时繁忙，您刚才的消息没有处理成功，已经填写的信息都保存好了。请稍后再发一次。"
CONTINUE_WORDS = ("继续", "继续看", "下一页", "后面呢")
CONTINUE_HINT = "（内容较多，回复“继续”查看余下内容）"

# What a numbered choice says, by the contract's slot and option value (values are fixed by the contract).
OPTION_LABELS: Dict[Tuple[str, str], str] = {
    ("use_commitment", "yes"): "采用告知承诺",
    ("use_commitment", "no"): "按一般程序提交证明",
    ("acting_as", "self"): "本人办理",
    ("acting_as", "proxy"): "代他人办理",
    ("authorization_scope", "yes"): "是，委托书包含特别授权",
    ("authorization_scope", "no"): "否",
    ("notice_ack", "yes"): "已阅读",
    ("notice_ack", "repeat"): "再说一遍",
}
GENERIC_LABELS = {"yes": "是", "no": "否", "self": "本人", "proxy": "代办", "repeat": "再说一遍"}


def utf8_len(text: str) -> int:
    return len(text.encode("utf-8"))


# --- splitting -------------------------------------------------------------------------------------------

_SENTENCE_RE = re.compile(r"[^。！？；!?;\n]*(?:[。！？；!?;\n]+[”’」』）)\]]*|$)")
_CLAUSE_RE = re.compile(r"[^，、,：:]*(?:[，、,：:]+|$)")


def _pieces(text: str, pattern: "re.Pattern[str]") -> List[str]:
    return [p for p in pattern.findall(text) if p]


def _units(text: str, limit: int) -> List[str]:
    """Sentences of ``text``, each at most ``limit`` bytes (a longer sentence is cut at clauses, then characters)."""
    units: List[str] = []
    for sentence in _pieces(text, _SENTENCE_RE):
        if utf8_len(sentence) <= limit:
            units.append(sentence)
            continue
        for clause in _pieces(sentence, _CLAUSE_RE):
            # Last resort for a clause longer than the limit: its characters packed, cut between characters,
            # never inside one.
            units.extend([clause] if utf8_len(clause) <= limit else _pack(clause, limit))
    return units


def _pack(units: Iterable[str], limit: int) -> List[str]:
    """``units`` joined greedily in order into chunks of at most ``limit`` bytes (a unit is never split)."""
    chunks: List[str] = []
    current = ""
    for unit in units:
        if current and utf8_len(current + unit) > limit:
            chunks.append(current)
            current = ""
        current += unit
    if current:
        chunks.append(current)
    return chunks


def split_text(text: str, limit: int = TEXT_LIMIT_BYTES) -> List[str]:
    """``text`` in pieces of at most ``limit`` UTF-8 bytes, cut after a sentence wherever possible."""
    text = text.strip()
    if not text:
        return []
    return [c.strip("\n") for c in _pack(_units(text, limit), limit) if c.strip()]


# --- merging ---------------------------------------------------------------------------------------------


Placement = Optional[int]  # the message a piece went into, or None: it did not fit (overflow)


@dataclass
class Merged:
    messages: List[str]
    overflow: List[str] = field(default_factory=list)  # texts that did not fit, in order
    # Per input text (same order, empty texts included): its pieces, each with the message it went into.
    pieces: List[List[Tuple[str, Placement]]] = field(default_factory=list)


_Unit = Tuple[str, bool, int]  # (sentence, starts a new bot text, index of that text in the input)


def _pack_texts(
    texts: Sequence[Tuple[int, str]], limit: int, max_messages: int, last_capacity: int
) -> Tuple[List[str], List[int], List[_Unit]]:
    """Greedy packing of the texts' sentences: the messages, each unit's message, and the units left over."""
    units: List[_Unit] = []
    for origin, text in texts:
        units.extend((u, i == 0, origin) for i, u in enumerate(_units(text, limit)))
    messages: List[str] = []
    placed: List[int] = []
    current: Optional[str] = None
    for index, (unit, starts_text, _) in enumerate(units):
        capacity = last_capacity if len(messages) == max_messages - 1 else limit
        if current is not None:
            joined = current + (SEPARATOR if starts_text else "") + unit
            if utf8_len(joined) <= capacity:
                current = joined
                placed.append(len(messages))
                continue
            messages.append(current.strip("\n"))
            current = None
            capacity = last_capacity if len(messages) == max_messages - 1 else limit
        if len(messages) >= max_messages or utf8_len(unit) > capacity:
            return messages, placed, units[index:]
        current = unit
        placed.append(len(messages))
    if current is not None:
        messages.append(current.strip("\n"))
    return messages, placed, []


def merge(
    texts: Sequence[str],
    *,
    max_messages: int = MESSAGES_PER_USER_MESSAGE,
    limit: int = TEXT_LIMIT_BYTES,
    continuation: Optional[str] = None,
) -> Merged:
    """The texts of one turn as at most ``max_messages`` messages of at most ``limit`` bytes.

    Texts are kept whole and separated by a blank line where they fit; a text is cut only on a sentence
    boundary when the next message must begin. What still does not fit is returned as ``overflow`` and,
    when ``continuation`` is given, the last message ends with it (so the user knows there is more).
    """
    kept = [(origin, t.strip()) for origin, t in enumerate(texts) if t and t.strip()]
    messages, placed, rest = _pack_texts(kept, limit, max_messages, limit)
    if rest and continuation:
        reserve = utf8_len(SEPARATOR + continuation)
        messages, placed, rest = _pack_texts(kept, limit, max_messages, limit - reserve)
        messages = messages[:max_messages]
        if len(messages) == max_messages:
            messages[-1] = messages[-1] + SEPARATOR + continuation
        else:
            messages.append(continuation)
    pieces: List[List[Tuple[str, Placement]]] = [[] for _ in texts]
    units = [(origin, unit) for origin, text in kept for unit in _units(text, limit)]
    for number, (origin, unit) in enumerate(units):
        pieces[origin].append((unit, placed[number] if number < len(placed) else None))
    overflow: List[str] = []
    for unit, starts_text, _ in rest:
        if starts_text or not overflow:
            overflow.append(unit)
        else:
            overflow[-1] += unit
    return Merged(messages[:max_messages], [o.strip() for o in overflow if o.strip()], pieces)


# --- what WeChat accepted: notice sections delivered, texts still owed ------------------------------------


@dataclass
class Outgoing:
    """One text for the citizen; ``notice`` is the notice section it shows in full, as the bot uttered it:
    ``{"text", "custom", "sent_at"}`` (the delivery a channel signs once WeChat accepted every piece of it)."""

    text: str
    notice: Optional[Dict[str, Any]] = None

    def to_json(self) -> Dict[str, Any]:
        return {"text": self.text, "notice": self.notice}

    @classmethod
    def from_json(cls, value: Any) -> "Outgoing":
        if isinstance(value, str):  # the plain-text form the outbox used to keep
            return cls(value)
        if not isinstance(value, dict):
            return cls("")
        notice = value.get("notice")
        return cls(str(value.get("text") or ""), notice if isinstance(notice, dict) else None)


def shows_in_full(item: Outgoing) -> bool:
    """Whether the text shown is exactly the notice section's text: only then can its delivery be signed."""
    notice = item.notice
    return bool(
        notice
        and isinstance(notice.get("text"), str)
        and isinstance(notice.get("custom"), dict)
        and notice["custom"].get("stage") == "notice_section"
        and isinstance(notice.get("sent_at"), str)
        and item.text.strip() == notice["text"].strip()
    )


@dataclass
class Settled:
    delivered: List[Tuple[Dict[str, Any], int]]  # (notice, the message whose acceptance completed it)
    owed: List[Outgoing]  # what WeChat did not take, in order, to lead the citizen's next reply


def settle(items: Sequence[Outgoing], merged: Merged, accepted: int) -> Settled:
    """What became of ``items`` (merged into ``merged``) once WeChat accepted the first ``accepted`` messages.

    A notice section counts as delivered only when every piece of it is in an accepted message; a section of
    which no piece went out stays owed whole, with its notice, so a later delivery can still be signed; one
    that went out in part is owed as plain text (its delivery cannot be proved: the citizen may ask again)."""
    delivered: List[Tuple[Dict[str, Any], int]] = []
    owed: List[Outgoing] = []
    for number, item in enumerate(items):
        pieces = merged.pieces[number] if number < len(merged.pieces) else []
        sent = [where for _, where in pieces if where is not None and where < accepted]
        rest = [piece for piece, where in pieces if where is None or where >= accepted]
        if not pieces:
            continue
        if not rest:
            if item.notice is not None and shows_in_full(item):
                delivered.append((item.notice, max(sent)))
        elif not sent:
            owed.append(Outgoing(item.text.strip(), item.notice))
        else:
            owed.append(Outgoing("".join(rest).strip()))
    return Settled(delivered, owed)


# --- a turn's contract messages -> texts and numbered choices --------------------------------------------


@dataclass
class Choice:
    value: str  # what is handed to Rasa when the user replies with this choice's number
    label: str


@dataclass
class RenderedTurn:
    texts: List[str]
    # The numbered choices the user may answer with; ``None`` = the turn offered none (forget old ones).
    choices: Optional[List[Choice]]
    keep_previous_choices: bool = False  # the item question was asked again without a new list
    # Per text: the notice section it shows (``Outgoing.notice``), or None.
    notices: List[Optional[Dict[str, Any]]] = field(default_factory=list)

    def outgoing(self) -> List[Outgoing]:
        notices = self.notices or [None] * len(self.texts)
        return [Outgoing(text, notice) for text, notice in zip(self.texts, notices)]


def option_label(slot: Optional[str], value: str) -> str:
    return OPTION_LABELS.get((slot or "", value)) or GENERIC_LABELS.get(value, value)


def numbered_lines(choices: Sequence[Choice]) -> str:
    return "\n".join(f"回复 {n} 选择：{c.label}" for n, c in enumerate(choices, start=1))


def render_turn(messages: Sequence[Dict[str, Any]]) -> RenderedTurn:
    """Rasa's collected messages of one turn (text, then its ``custom``) as WeChat texts.

    The ``custom`` belongs to the text just before it (contract). The choices a number may stand for are
    the options of the turn's last question, or the item candidates when that question is ``item``.
    """
    entries: List[Dict[str, Any]] = []
    for message in messages:
        if message.get("text"):
            entries.append({
                "text": message["text"], "custom": None, "buttons": message.get("buttons"),
                "sent_at": message.get("sent_at"),  # when the channel got it (TimedCollector)
            })
        for media in ("image", "attachment"):
            if message.get(media):
                entries.append({"text": str(message[media]), "custom": None, "buttons": None, "sent_at": None})
        if message.get("custom") is not None:
            if entries and entries[-1]["custom"] is None:
                entries[-1]["custom"] = message["custom"]

    texts: List[str] = []
    notices: List[Optional[Dict[str, Any]]] = []
    choices: Optional[List[Choice]] = None
    keep = False
    candidates: Optional[List[Choice]] = None
    for entry in entries:
        text = entry["text"].strip()
        custom = entry["custom"] if isinstance(entry["custom"], dict) else {}
        stage = custom.get("stage")
        notice = None
        if stage == "notice_section":
            notice = {"text": entry["text"], "custom": custom, "sent_at": entry["sent_at"]}
        elif stage == "item_candidates":
            # The bot's text already numbers the candidates in this order ("1. 公共租赁住房…").
            candidates = [Choice(i["code"], i.get("name", i["code"])) for i in custom.get("items", []) if i.get("code")]
            choices, keep = candidates, False
        elif stage == "ask":
            slot = custom.get("slot")
            options = [str(o) for o in custom.get("options") or []]
            if options:
                choices = [Choice(o, option_label(slot, o)) for o in options]
                keep = False
                text = f"{text}\n{numbered_lines(choices)}"
            elif slot == "item":
                choices = candidates
                keep = candidates is None  # re-asked: the list shown earlier still holds
            else:
                choices, keep = None, False
        elif entry["buttons"]:
            buttons = [b for b in entry["buttons"] if b.get("payload") or b.get("title")]
            choices = [Choice(str(b.get("payload") or b.get("title")), str(b.get("title") or b.get("payload"))) for b in buttons]
            keep = False
            text = f"{text}\n{numbered_lines(choices)}"
        elif stage in ("commitment_receipt", "not_eligible", "commitment_withdrawn", "complaint_received", "handoff"):
            choices, keep = None, False
        texts.append(text)
        notices.append(notice)
    return RenderedTurn(texts=texts, choices=choices, keep_previous_choices=keep and choices is None, notices=notices)


_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_NUMBER_REPLY_RE = re.compile(r"^(?:回复|选择?|第)?\s*([0-9]{1,2}|[一二两三四五六七八九十])\s*(?:个|项|号)?[。.!！]?$")


def chosen_value(text: str, choices: Optional[Sequence[Choice]]) -> Optional[str]:
    """The value a reply like "1", "１", "选2" or "第三个" stands for, or ``None`` (the text goes to Rasa as typed)."""
    if not choices or not text:
        return None
    match = _NUMBER_REPLY_RE.match(unicodedata.normalize("NFKC", text).strip())
    if not match:
        return None
    raw = match.group(1)
    number = int(raw) if raw.isdigit() else _CN_DIGITS[raw]
    return choices[number - 1].value if 1 <= number <= len(choices) else None
