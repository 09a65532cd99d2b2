"""The two choices (use_commitment, acting_as) answered with a rhetorical question that states the answer ("还能谁办",
"谁乐意跑好几个部门挨个盖章"), a relation said in a dialect's words (老汉儿, 老妹儿, 老表, 阿嬷) or as the applicant's
kin beside 本人, a first way trailing off and the other settled after a breath of hesitation, a hand that refuses
(🙅), a shrug (╮(╯▽╰)╭, ¯\\_(ツ)_/¯, 🤷), digits mashed, an option with 的不是 after it, someone else's 本人, and the
internet's "我是谁？我在哪？". Each accepted form is pinned with look-alikes that are asked again or keep their other
reading."""
from __future__ import annotations

import pytest

from tests.actions.speakers import outcome


ASKED_AGAIN = ("clarify", "question")


@pytest.mark.parametrize("text,expected", [
    # the answer's obviousness asked back after it: who else could do it
    ("我自己来，不然还能谁办", "self"),
    ("本人啊，还能谁弄呢", "self"),
    # a relation in the Southwest's or the North-East's words, with its 儿
    ("替俺老汉儿办", "proxy"),
    ("帮我家老汉申请的", "proxy"),
    ("给我老妹儿办的，她不会弄", "proxy"),
    ("帮我老表办", "proxy"),
    ("帮我阿嬷办", "proxy"),
    # the applicant's kin beside the other answer, which it agrees with, and alone (the matter is someone else's)
    ("代办，我是她外孙女", "proxy"),
    ("我是她外孙女", "proxy"),
    # a refusing hand beside a refusal in words
    ("不是本人🙅", "proxy"),
    ("不是代理🙅‍♂️", "self"),
])
def test_acting_as_read(text, expected):
    assert outcome("acting_as", text) == expected


@pytest.mark.parametrize("text", [
    # the obviousness asked alone is a question
    "还能谁弄呢",
    # the speaker said to be the applicant and the applicant's kin at once
    "本人，我是她外孙女",
    "我本人办 我是他外甥",
    # a spouse alone (a household matter may be the spouse's own)
    "我是她老公",
    # 的不是 after an option: "not X" or "X's fault"
    "代理的不是",
    "本人的不是",
    "代办的不是我",
    # someone else's 本人
    "我爸本人",
    "我姥姥本人啊",
    # a shrug, or a refusing hand on the option itself
    "本人🤷",
    "代办╮(╯▽╰)╭",
    "本人🙅",
    # lost
    "我是谁我在哪",
    # digits are no option at who acts
    "11",
])
def test_acting_as_asked_again(text):
    assert outcome("acting_as", text) in ASKED_AGAIN


@pytest.mark.parametrize("text,expected", [
    # who would want the other way's rounds, asked back after the answer
    ("当然用承诺，谁乐意跑三个部门挨个盖章啊", "yes"),
    # the first way trailing off, a breath of hesitation, the other way settled
    ("交证明……呃还是承诺吧", "yes"),
    ("承诺。。。额还是开证明吧", "no"),
    # a refusing hand beside a refusal in words
    ("没必要承诺🚫", "no"),
    ("🙅不承诺", "no"),
    # a single digit is still the option's number
    ("1", "yes"),
    ("2", "no"),
])
def test_use_commitment_read(text, expected):
    assert outcome("use_commitment", text) == expected


@pytest.mark.parametrize("text", [
    # the rounds asked back beside the other way: a contradiction; alone, a question
    "交材料吧，谁乐意跑三个部门挨个盖章啊",
    "谁乐意跑三个部门挨个盖章啊",
    # "still have to", a question, or nothing after 还是
    "交证明……呃还是得承诺吧",
    "交证明……呃还是承诺好吗",
    "承诺……嗯还是交证明好呢",
    "承诺……嗯还是",
    # a refusing hand on the way named, or on the proofs (which way is refused is open)
    "承诺👎",
    "交证明吧🙅",
    "不用证明🙅‍♀️",
    # a shrug beside a yes
    "好啊┐(´д`)┌",
    "行吧╮(╯_╰)╭",
    "用承诺吧 ¯\\_(ツ)_/¯",
    # digits mashed
    "111",
    "2222",
])
def test_use_commitment_asked_again(text):
    assert outcome("use_commitment", text) in ASKED_AGAIN
