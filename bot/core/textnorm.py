"""One normalisation of what people type, shared by the NLU, discovery, the step interpreters and the API.

Citizens type full-width digits from a Chinese input method, traditional characters (Hong Kong, Macao,
Taiwan, or a phone set to them), odd spaces and zero-width characters. Every reader of a message must see
the same text, or the intent model and the rules disagree about what was said. So:

* ``normalize``: NFKC (full-width to half-width, compatibility forms), zero-width characters removed,
  traditional to simplified character by character, whitespace collapsed. Case and punctuation are kept:
  questions and clause boundaries need them.
* ``to_simplified``: only the traditional-to-simplified step (names: 趙強 is the 赵强 on file).
* ``name_key``: the comparison key of a person's or enterprise's name.

The character table ``t2s.txt`` is derived from OpenCC's dictionaries (Apache License 2.0) so that this
module needs nothing but the standard library, like the rest of ``bot.core``. Regenerate it from
``opencc/dictionary/TSCharacters.txt`` (first candidate of each single character) plus the Taiwan and Hong
Kong variant tables (``TWVariantsRev``/``HKVariantsRev``, a variant taken only when its standard form has a
simplified one) when OpenCC is updated. A character that is itself simplified (a value of TSCharacters or a key
of STCharacters: 么, 著, 抬) is never a source: rewriting a simplified text wrongly is worse than missing a
traditional character.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Dict, Optional

_TABLE_PATH = Path(__file__).with_name("t2s.txt")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _table() -> Dict[int, str]:
    table: Dict[int, str] = {}
    for line in _TABLE_PATH.read_text(encoding="utf-8").splitlines():
        if len(line) == 2 and not line.startswith("#"):
            table[ord(line[0])] = line[1]
    return table


def to_simplified(text: Optional[str]) -> str:
    """Traditional and variant characters replaced by their simplified form, one character each."""
    return (text or "").translate(_table())


def normalize(text: Optional[str], limit: Optional[int] = None) -> str:
    """Full-width to half-width, traditional to simplified, zero-width removed, spaces collapsed, trimmed.

    ``limit`` bounds the work on a huge message: only its first ``limit`` characters are read."""
    if not text:
        return ""
    if limit is not None:
        text = text[:limit]
    text = unicodedata.normalize("NFKC", text)
    text = _ZERO_WIDTH.sub("", text)
    text = to_simplified(text)
    return _SPACES.sub(" ", text).strip()


# "写 明 了 特 别 授 权", "用 承 诺": one word typed a character at a time, each followed by a space. Two or more lone
# characters in a row are joined; a space next to a word of two characters or more stays (a pause between words).
_SPACED_OUT = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?: [\u4e00-\u9fff](?![\u4e00-\u9fff]))+")


def join_spaced_characters(text: str) -> str:
    """The text with words typed a character at a time (``用 承 诺``) written as words (``用承诺``)."""
    return _SPACED_OUT.sub(lambda m: m.group(0).replace(" ", ""), text)


def name_key(name: Optional[str]) -> str:
    """What two spellings of one name have in common: simplified, no spaces or middle dots, brackets unified.

    张伟 / 張偉 / "张 伟" compare equal; an enterprise's （有限公司） and (有限公司) too."""
    text = normalize(name)
    text = re.sub(r"[\s·•・.]", "", text)
    return text.replace("(", "（").replace(")", "）")
