"""The staff password policy (P5): long enough, and not one an attacker tries first.

Length alone lets ``aaaaaaaaaaaa`` and ``password1234`` through, and those are what a guesser tries before
anything else. A password is refused when, read the way a guesser reads it (case folded, full-width folded,
leading and trailing digits and symbols taken off, l33t spelling undone), it is a well-known password or word
(``common_passwords.txt``), one character or one short piece repeated, a run along the alphabet, the digits or
the keyboard (``abcdef123456``, ``1qaz2wsx3edc``), or the username itself.

The same policy applies wherever a password is set: ``api.cli create-user``, the demo accounts and
``POST /auth/password``.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import FrozenSet, List, Optional, Tuple

MIN_LENGTH = 12
MAX_LENGTH = 256
# Fewer distinct characters than this reads as repetition, whatever the order (``aaaaaaaaaaab``, ``abababab12``).
MIN_DISTINCT = 5
COMMON_PASSWORDS_FILE = Path(__file__).with_name("common_passwords.txt")

# Runs a guesser walks. Digits are cyclic (…890123…); keyboard rows and columns are read both ways below.
_SEQUENCES: Tuple[str, ...] = (
    "abcdefghijklmnopqrstuvwxyz",
    "01234567890123456789",
    "qwertyuiopasdfghjklzxcvbnm",
    "qwertyuiop[]\\",
    "asdfghjkl;'",
    "zxcvbnm,./",
    "`1234567890-=",
    "~!@#$%^&*()_+",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/-['=]",
    "qazwsxedcrfvtgbyhnujmikolp",
    "zaq1xsw2cde3vfr4bgt5nhy6mju7,ki8.lo9/;p0",
    "!qaz@wsx#edc$rfv%tgb^yhn&ujm*ik,(ol.)p;/",
    "1q2w3e4r5t6y7u8i9o0p",
    "q1w2e3r4t5y6u7i8o9p0",
    "a1b2c3d4e5f6g7h8i9j0",
    "1a2b3c4d5e6f7g8h9i0j",
)
_WALKS: Tuple[str, ...] = _SEQUENCES + tuple(s[::-1] for s in _SEQUENCES)
# A password made of this many runs or fewer, each at least _MIN_RUN long, is a walk (``abcdef123456``).
_MAX_RUNS = 3
_MIN_RUN = 3

_LEET = {"@": "a", "4": "a", "8": "b", "3": "e", "6": "g", "9": "g", "!": "i", "0": "o", "$": "s", "5": "s",
         "7": "t", "+": "t", "2": "z"}
# ``1`` is read both as i and as l.
_LEET_TABLES = (str.maketrans({**_LEET, "1": "i"}), str.maketrans({**_LEET, "1": "l"}))
_AFFIX = re.compile(r"^[^a-z]*(.*?)[^a-z]*$", re.DOTALL)
_DIGIT_AFFIX = re.compile(r"^[0-9]*(.*?)[0-9]*$", re.DOTALL)

# code -> (English for the operator's command line, Chinese for the staff console)
MESSAGES = {
    "too_short": (f"at least {MIN_LENGTH} characters", f"密码至少需要{MIN_LENGTH}个字符。"),
    "too_long": (f"at most {MAX_LENGTH} characters", f"密码不能超过{MAX_LENGTH}个字符。"),
    "repeated": ("one character or one short piece repeated", "密码不能由同一个字符或同一小段字符反复组成，请换一个。"),
    "sequence": ("a run of letters, digits or keys such as abcdef or 123456 or qwerty",
                 "密码不能是连续的字母、数字或键盘按键（如 abcdef、123456、qwerty），请换一个。"),
    "common": ("a commonly used password or word, which is guessed first", "该密码过于常见，很容易被猜中，请换一个。"),
    "username": ("contains the username", "密码不能包含用户名，请换一个。"),
}


class PasswordRejected(ValueError):
    """A password the policy refuses; ``code`` is a key of ``MESSAGES``."""

    def __init__(self, code: str) -> None:
        super().__init__(f"password: {MESSAGES[code][0]}")
        self.code = code

    @property
    def chinese(self) -> str:
        return MESSAGES[self.code][1]


@lru_cache(maxsize=1)
def common_passwords() -> FrozenSet[str]:
    """The shipped list, lower-case, one a line; ``#`` starts a comment."""
    words = set()
    for line in COMMON_PASSWORDS_FILE.read_text(encoding="utf-8").splitlines():
        word = line.strip().lower()
        if word and not word.startswith("#"):
            words.add(word)
    return frozenset(words)


def _folded(text: str) -> str:
    # Full-width ｐａｓｓｗｏｒｄ is password to a guesser too.
    return unicodedata.normalize("NFKC", text).casefold()


def _is_repetition(text: str) -> bool:
    if len(set(text)) < MIN_DISTINCT:
        return True
    for size in range(1, len(text) // 2 + 1):
        if len(text) % size == 0 and text[:size] * (len(text) // size) == text:
            return True
    return False


def _in_a_walk(piece: str) -> bool:
    return any(piece in walk for walk in _WALKS)


def _is_walk(text: str) -> bool:
    """``text`` is covered by a few long runs along the alphabet, the digits or the keyboard."""
    runs, start = 0, 0
    while start < len(text):
        end = start + 1
        while end < len(text) and _in_a_walk(text[start:end + 1]):
            end += 1
        if end - start < _MIN_RUN:
            return False
        runs += 1
        if runs > _MAX_RUNS:
            return False
        start = end
    return True


def _readings(folded: str) -> List[str]:
    """What a guesser's rules turn into ``folded``: itself and without digit and symbol affixes, each with
    l33t spelling undone, and the half of a doubled word (``passwordpassword``)."""
    core = _AFFIX.match(folded).group(1)  # type: ignore[union-attr]
    # Symbols may be letters in disguise (@dmin2024): only the digits come off before l33t is undone.
    digit_core = _DIGIT_AFFIX.match(folded).group(1)  # type: ignore[union-attr]
    readings = [folded, core] + [
        text.translate(table) for text in (folded, core, digit_core) for table in _LEET_TABLES
    ]
    for reading in list(readings):
        half = len(reading) // 2
        if half and reading[:half] == reading[half:]:
            readings.append(reading[:half])
    return readings


def _is_common(folded: str, common: FrozenSet[str]) -> bool:
    return any(reading in common for reading in _readings(folded))


def password_problem(password: str, username: Optional[str] = None) -> Optional[str]:
    """The code of the first rule ``password`` breaks, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return "too_short"
    if len(password) > MAX_LENGTH:
        return "too_long"
    folded = _folded(password)
    if _is_repetition(folded):
        return "repeated"
    if _is_walk(folded):
        return "sequence"
    if _is_common(folded, common_passwords()):
        return "common"
    name = _folded(username or "").strip()
    if len(name) >= 3 and (name in folded or name[::-1] in folded):
        return "username"
    return None


def check_password(password: str, username: Optional[str] = None) -> None:
    """Raises ``PasswordRejected`` naming the rule ``password`` breaks."""
    problem = password_problem(password, username)
    if problem is not None:
        raise PasswordRejected(problem)
