"""Finding personal numbers in log files (P5): what a log must never hold, and the masked form it may hold."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List

from bot.core import ids

# The demo identities of docs/demo-identities.md and the phone numbers the e2e journeys type.
DEMO_NUMBERS = (
    "410105199001011233",  # 张伟
    "410102198505052342",  # 李娜
    "410184197803154566",  # 王芳
    "410103196208085671",  # 赵强
    "410105200002291113",  # 刘洋
    "91410100MA44XK7L3D",  # 郑州好味餐饮管理有限公司
    "91410105MA9F0Q2W1A",  # 郑州速达物流有限公司
    "13800138000",
    "13912345678",
)

_ID_OR_USCC = re.compile(r"(?<![0-9A-Za-z])[0-9A-Z]{17}[0-9A-Z](?![0-9A-Za-z])", re.IGNORECASE)
_MOBILE = re.compile(r"(?<![0-9])1[3-9]\d{9}(?![0-9])")
MASKED_ID = re.compile(r"(?<![0-9A-Za-z*])[0-9A-Z]{4}\*{10}[0-9A-Z]{4}(?![0-9A-Za-z*])")


def unmasked_numbers(text: str) -> List[str]:
    """Every full personal number in ``text``: a demo number (also with its letters in lower case), any valid
    居民身份证号码 or 统一社会信用代码, any mainland mobile number."""
    found = [n for n in DEMO_NUMBERS if n in text or n.lower() in text]
    for match in _ID_OR_USCC.finditer(text):
        token = match.group(0).upper()
        if ids.check_resident_id(token) is None or (
            not token.isdigit() and ids.check_uscc(token) is None
        ):
            found.append(token)
    found += _MOBILE.findall(text)
    return sorted(set(found))


def scan_logs(logs: Path) -> Dict[str, List[str]]:
    """``{log file name: [full numbers found]}`` for every ``*.log`` under ``logs`` that holds any."""
    leaks: Dict[str, List[str]] = {}
    for path in sorted(logs.glob("*.log")):
        found = unmasked_numbers(path.read_text(encoding="utf-8", errors="replace"))
        if found:
            leaks[path.name] = found
    return leaks
