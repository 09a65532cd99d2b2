"""The one normalisation every reader of a message shares (bot/core/textnorm.py)."""
import pytest

from bot.core.textnorm import name_key, normalize, to_simplified


@pytest.mark.parametrize("typed, seen", [
    ("我承諾", "我承诺"),
    ("ＡＢＣ１２３", "ABC123"),
    ("请问这是什么？", "请问这是什么?"),  # 么 stays 么: it is simplified already
    ("這麼辦理可以嗎", "这么办理可以吗"),
    ("本人\u200b承诺", "本人承诺"),
    ("  已   阅读 ", "已 阅读"),
    ("", ""),
])
def test_normalize(typed, seen):
    assert normalize(typed) == seen


def test_simplified_text_is_never_rewritten():
    text = "我想申请公租房，只有这么多材料，里面什么都有，抬头写著名字"
    assert to_simplified(text) == text


def test_limit_bounds_the_work():
    assert normalize("好" * 100_000, limit=10) == "好" * 10


@pytest.mark.parametrize("a, b", [("趙強", "赵强"), ("張 偉", "张伟"), ("阿卜杜·热合曼", "阿卜杜热合曼"),
                                  ("好味(郑州)有限公司", "好味（郑州）有限公司")])
def test_name_key_matches_spellings_of_one_name(a, b):
    assert name_key(a) == name_key(b)


def test_name_key_keeps_different_names_apart():
    assert name_key("张伟") != name_key("张玮")
