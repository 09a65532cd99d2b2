"""The commitment (bot/core/affirmation.py) with what is told after it. The answer before a question about the
procedure is taken alone only when nothing but questions follows it: a statement between them ("材料是中介造的",
"身份证是我哥的", "我喝多了") belongs to the answer, which is read whole and not accepted. Faces typed in signs that wink,
frown or stare (;) :( -_- ¬_¬) and a cross or an empty box (× [ ] ( )) are doubt, as the doubtful emoji are."""
from __future__ import annotations

import pytest

from tests.core.speakers import enterprise_kind, proxy_kind, self_kind


@pytest.mark.parametrize("text", [
    "本人承诺，材料是中介造的，会出事吗？", "本人承诺。材料是我伪造的。能加急吗？", "本人承诺，身份证是我哥的，会出事吗？",
    "我承诺以上内容属实，我喝多了，请问几天能批下来？", "本人承诺，有一部分是编的，大概多久出结果？",
])
def test_a_statement_between_the_commitment_and_a_question_is_read_with_it(text):
    assert self_kind(text) != "explicit"


def test_the_same_for_a_company_and_a_proxy():
    assert enterprise_kind("本公司承诺以上内容真实，材料是我伪造的，怎么办？") != "explicit"
    assert proxy_kind("我受赵强特别授权，代为承诺，材料是我伪造的，大概多久出结果？") != "explicit"


@pytest.mark.parametrize("text", [
    "本人承诺以上内容真实，请问多久能批下来？", "本人承诺。另外想问下，审批要几天，能加急吗？",
])
def test_only_questions_after_the_commitment_leave_it_standing(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", ["本人承诺;)", "我承诺 :(", "本人承诺 -_-", "我承诺 (¬‿¬)", "本人承诺 ×", "本人承诺[ ]",
                                  "我承诺 ( )"])
def test_faces_in_signs_that_mock_and_marks_of_no_are_doubt(text):
    assert self_kind(text) != "explicit"


@pytest.mark.parametrize("text", ["本人承诺:)", "本人承诺^_^"])
def test_friendly_faces_in_signs_leave_the_commitment(text):
    assert self_kind(text) == "explicit"


@pytest.mark.parametrize("text", ["我承诺 -.-", "本人承诺~_~", "本人承诺 =.="])
def test_the_flat_and_weary_faces_the_notice_reader_knows_are_doubt_here_too(text):
    assert self_kind(text) != "explicit"


# --- who bears the liability in a proxy's commitment -----------------------------------------------------------------

def test_a_proxy_taking_the_liability_on_themself_is_not_the_applicant_s_commitment():
    assert proxy_kind("我受赵强特别授权，代为承诺，不实承诺的后果由我承担") != "explicit"
    assert proxy_kind("我受赵强特别授权，代为承诺，如有不实，责任由我本人负责") != "explicit"


@pytest.mark.parametrize("text", ["我受赵强特别授权，代为承诺，不实承诺的后果由赵强承担",
                                  "我受赵强特别授权，代为承诺，不实承诺的后果由委托人承担"])
def test_the_liability_left_with_the_applicant_stands(text):
    assert proxy_kind(text) == "explicit"
