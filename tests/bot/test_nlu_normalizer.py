"""The NLU reads the normal form discovery reads: traditional, full-width and mixed-in English (P1)."""
from __future__ import annotations

import pytest
import yaml
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.jieba_tokenizer import JiebaTokenizer
from rasa.shared.nlu.constants import TEXT, TEXT_TOKENS
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from actions.discovery import normalize as discovery_normalize
from bot.tools.model import ROOT, inputs_hash
from bot.rasa.nlu_normalizer import NORMALIZED_TEXT, NLUTextNormalizer, OriginalTextRestorer, rules_fingerprint
from bot.core.nlu_text import english_to_chinese, nlu_text


@pytest.fixture(scope="module")
def components(tmp_path_factory):
    storage = LocalModelStorage(tmp_path_factory.mktemp("storage"))
    context = ExecutionContext(GraphSchema({}), "test")
    normalizer = NLUTextNormalizer.create({}, storage, Resource("normalizer"), context)
    tokenizer = JiebaTokenizer.create(
        {**JiebaTokenizer.get_default_config(), "dictionary_path": str(ROOT / "bot" / "generated" / "jieba")},
        storage, Resource("jieba"), context,
    )
    restorer = OriginalTextRestorer.create({}, storage, Resource("restorer"), context)
    return normalizer, tokenizer, restorer


def tokens(components, text: str):
    normalizer, tokenizer, _ = components
    message = Message(data={TEXT: text})
    tokenizer.process(normalizer.process([message]))
    return [t.text for t in message.get(TEXT_TOKENS)]


@pytest.mark.parametrize(
    "traditional,simplified",
    [
        ("什麼是告知承諾制", "什么是告知承诺制"),
        ("餐飲許可能承諾嗎", "餐饮许可能承诺吗"),
        ("我想申請公共租賃住房，怎麼辦？", "我想申请公共租赁住房，怎么办？"),
        ("ＺＭ００１怎么办", "ZM001怎么办"),
    ],
)
def test_traditional_and_full_width_question_gives_the_same_features(components, traditional, simplified):
    # The tokens are what every featurizer after the tokenizer reads: same tokens, same intent features.
    assert tokens(components, traditional) == tokens(components, simplified)


@pytest.mark.parametrize(
    "mixed,chinese",
    [
        ("郑州好味餐饮管理 Co., Ltd.", "郑州好味餐饮管理有限公司"),
        ("郑州好味餐饮管理Co.,Ltd", "郑州好味餐饮管理有限公司"),
        ("郑州好味餐饮管理 CO. LTD", "郑州好味餐饮管理有限公司"),
        ("我想开个 restaurant 要什么 license", "我想开个餐饮要什么许可证"),
        ("开一家headhunting公司", "开一家猎头公司"),
        ("Food License 怎么办", "食品经营许可证怎么办"),
        ("想开 travel agency", "想开旅行社"),
        ("licenses", "许可证"),
    ],
)
def test_english_terms_become_the_chinese_the_catalogue_uses(mixed, chinese):
    assert nlu_text(mixed) == chinese


@pytest.mark.parametrize(
    "text",
    ["seafood", "licensed123", "张伟 410105199001011233", "ok", "yes", "no", "I agree", "Zhang Wei", "",
     "91410100MA44LTD3X7", "SQ2026-LTD1", "91410100MA4LLC0X1D"],
)
def test_other_english_and_values_are_left_alone(text):
    # Legal answers (yes/no/agree) are never translated: the interpreters read the user's own words.
    assert english_to_chinese(text) == text


def test_simplified_characters_stay_as_typed():
    assert nlu_text("怎么办什么著名抬头") == "怎么办什么著名抬头"


def test_training_examples_are_normalised_too(components):
    normalizer, _, _ = components
    data = TrainingData([Message(data={TEXT: "什麼是告知承諾制", "intent": "faq_what_is_commitment"})])
    normalizer.process_training_data(data)
    assert data.training_examples[0].get(TEXT) == "什么是告知承诺制"


def test_the_conversation_keeps_the_users_own_words(components):
    # The commitment evidence records the affirmation exactly as typed; the normal form stays in the parse data.
    normalizer, tokenizer, restorer = components
    message = Message(data={TEXT: "本人承諾"})
    restorer.process(tokenizer.process(normalizer.process([message])))
    assert message.get(TEXT) == "本人承諾"
    assert message.as_dict(only_output_properties=True)[NORMALIZED_TEXT] == "本人承诺"


def test_discovery_reads_the_same_normal_form():
    for text in ("什麼是告知承諾制", "想开 Restaurant", "ＺＭ００１"):
        assert discovery_normalize(text) == nlu_text(text).lower()


def test_huge_and_hostile_input_is_cheap_and_safe(components):
    assert len(nlu_text("餐饮" * 100000, limit=2000)) <= 2000
    for text in ("😀🙏", "\u200b\u200b", "<script>alert(1)</script>", "co., ltd." * 1000):
        tokens(components, text)  # no exception


def test_pipeline_lists_the_normaliser_first_and_the_model_hash_covers_its_rules():
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    names = [c["name"] for c in config["pipeline"]]
    assert names[0] == "bot.rasa.nlu_normalizer.NLUTextNormalizer"
    assert names[1] == "JiebaTokenizer"
    assert names[-1] == "bot.rasa.nlu_normalizer.OriginalTextRestorer"
    assert len(rules_fingerprint()) == 64
    assert inputs_hash()  # reads the component files; a change to them changes the hash


def test_model_hash_changes_with_the_normalisation_rules(monkeypatch, tmp_path):
    import bot.tools.model as model

    before = model.inputs_hash()
    fake = tmp_path / "bot"
    for name in model.COMPONENT_FILES:
        (fake / name).parent.mkdir(parents=True, exist_ok=True)
        (fake / name).write_bytes((model._PACKAGE / name).read_bytes())
    (fake / "core" / "nlu_text.py").write_bytes(b"# changed table\n")
    monkeypatch.setattr(model, "_PACKAGE", fake)
    assert model.inputs_hash() != before
