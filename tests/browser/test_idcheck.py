"""The widget's ID check (web/widget/gz-idcheck.js) gives the same answers as bot/core/ids.py (P1).

The widget refuses to send a number whose check digit is wrong; the action server checks it again with the
Python original. If the two disagreed, a citizen could be stopped in the browser with a number the server
accepts, or pass the browser and be refused by the server. Both run here on the same cases: fixed ones (the
demo identities, the canonical wrong digit, every error code) and a few thousand generated ones, in Chromium.
"""
from __future__ import annotations

import random
from datetime import date, timedelta
from typing import List

import pytest

from bot.core import ids
from tests.browser.conftest import WEB

TODAY = date(2026, 6, 30)  # pinned: "a birth date in the future" must mean the same day in both
FULLWIDTH = str.maketrans("0123456789Xx", "０１２３４５６７８９Ｘｘ")

FIXED: List[str] = [
    "410105199001011233", "410102198505052342", "410184197803154566", "410103196208085671",
    "410105200002291113",  # 2000-02-29: a leap day
    "410105199001011234",  # the canonical wrong check digit
    "41010519900101123",  # 17 characters
    "4101051990010112333",  # 19
    "410105900101123",  # an old 15-digit number
    "990105199001011233",  # no such province
    "410105199002301233",  # 30 February
    "410105190002291238",  # 1900 was not a leap year
    "410105189912311230",  # before 1900
    "410105202607011234",  # born after "today"
    "410105202606301234",  # born "today"
    "4101 0519 9001 0112 33", "410105-19900101-1233", "４１０１０５１９９００１０１１２３３",
    "11010519491231002x", "11010519491231002X", "11010519491231002Y",
    "91410100MA44XK7L3D", "91410105MA9F0Q2W1A", "92410102MA45T8UP0E", "91410100ma44xk7l3d",
    "91410100MA44XK7L3E", "91410100MA44XK7L3", "91410100MI44XK7L3D", "9141 0100 MA44 XK7L 3D",
    "9141010AMA44XK7L3D",  # a letter among the division digits
    "", " ", "ABCDEFGHJKLMNPQRTU", "000000000000000000", "123",
]


def generated(seed: int = 11643, count: int = 1500) -> List[str]:
    rng = random.Random(seed)
    regions = sorted(ids.PROVINCE_CODES) + ["00", "19", "99"]
    cases: List[str] = []
    for _ in range(count):
        born = date(1890, 1, 1) + timedelta(days=rng.randrange(0, 365 * 140))
        birth = born.strftime("%Y%m%d")
        if rng.random() < 0.1:  # an impossible date
            birth = birth[:6] + rng.choice(["00", "30", "31", "32"])
        first17 = rng.choice(regions) + f"{rng.randrange(10**4):04d}" + birth + f"{rng.randrange(1000):03d}"
        check = ids.resident_id_check_char(first17) if rng.random() < 0.6 else rng.choice("0123456789X")
        number = first17 + check
        style = rng.random()
        if style < 0.1:
            number = number.lower()
        elif style < 0.2:
            number = number.translate(FULLWIDTH)
        elif style < 0.25:
            number = number[:6] + " " + number[6:14] + " " + number[14:]
        cases.append(number)
    for _ in range(count // 2):
        body = "".join(rng.choice(ids.USCC_CHARS) for _ in range(2)) + f"{rng.randrange(10**6):06d}"
        body += "".join(rng.choice(ids.USCC_CHARS) for _ in range(9))
        check = ids.uscc_check_char(body) if rng.random() < 0.6 else rng.choice(ids.USCC_CHARS + "IOSVZ")
        code = body + check
        cases.append(code.lower() if rng.random() < 0.1 else code)
    return cases


@pytest.fixture(scope="module")
def js(browser):
    page = browser.new_page()
    page.add_script_tag(path=str(WEB / "widget" / "gz-idcheck.js"))
    yield page
    page.close()


def run_js(page, cases: List[str], today: str):
    return page.evaluate(
        """([cases, today]) => cases.map(v => ({
            clean: GZIdCheck.cleanId(v),
            resident: GZIdCheck.checkResidentId(v, today),
            uscc: GZIdCheck.checkUscc(v),
            type: GZIdCheck.idType(v),
            mask: GZIdCheck.maskId(v),
        }))""",
        [cases, today],
    )


def python(value: str) -> dict:
    return {
        "clean": ids.clean_id(value),
        "resident": ids.check_resident_id(value, today=TODAY),
        "uscc": ids.check_uscc(value),
        "type": ids.id_type(value),
        "mask": ids.mask_id(value),
    }


@pytest.mark.parametrize("cases", [FIXED, generated()], ids=["fixed", "generated"])
def test_javascript_and_python_agree(js, cases):  # P1 P5
    answers = run_js(js, cases, TODAY.isoformat())
    mismatches = [(v, a, python(v)) for v, a in zip(cases, answers) if a != python(v)]
    assert not mismatches, mismatches[:5]
    # The generated set really exercises every outcome, not only the happy path.
    outcomes = {a["resident"] for a in answers} | {a["uscc"] for a in answers}
    assert {None, "invalid_id_format", "invalid_id_region", "invalid_date", "invalid_id_checksum",
            "invalid_uscc_format", "invalid_uscc_checksum"} <= outcomes


def test_check_characters_agree(js):
    rng = random.Random(32100)
    residents = ["".join(rng.choice("0123456789") for _ in range(17)) for _ in range(300)]
    usccs = ["".join(rng.choice(ids.USCC_CHARS) for _ in range(17)) for _ in range(300)]
    got = js.evaluate(
        "([r, u]) => [r.map(GZIdCheck.residentIdCheckChar), u.map(GZIdCheck.usccCheckChar)]", [residents, usccs]
    )
    assert got[0] == [ids.resident_id_check_char(v) for v in residents]
    assert got[1] == [ids.uscc_check_char(v) for v in usccs]


def test_messages_are_the_same(js):
    messages = js.evaluate("() => GZIdCheck.ERROR_MESSAGES")
    assert messages == {code: ids.ERROR_MESSAGES[code] for code in messages}
    assert set(messages) == {c for c in ids.ERROR_MESSAGES if c != "invalid_phone"}


def test_the_widget_field_check(js):
    """checkIdentity: what the ID field does - wait for 18 characters, then the check for the slot's kind."""
    check = lambda value, kind: js.evaluate("([v, k]) => GZIdCheck.checkIdentity(v, k)", [value, kind])  # noqa: E731
    assert check("41010519900101123", "any") == "incomplete"
    assert check("410105199001011233", "person") is None
    assert check("410105199001011234", "person") == "invalid_id_checksum"
    assert check("91410100MA44XK7L3D", "any") is None  # an enterprise applicant
    assert check("91410100MA44XK7L3E", "any") == "invalid_uscc_checksum"
    assert check("91410100MA44XK7L3D", "person") == "invalid_id_format"  # a proxy is a person
