"""Finding the catalogue item a citizen means, from free Chinese text (P1, R1).

People rarely type the official item name. They write 公租房 or 租政府的房子 for 公共租赁住房资格申请, type
低报 for 低保 (same pinyin, wrong character), paste traditional characters or full-width digits, and wrap the
need in a long polite sentence. :class:`ItemIndex` ranks catalogue items against such text with BM25 over three
views of every catalogue field, all built once from the catalogue:

* character bi- and trigrams (robust to jieba splitting a phrase differently in context),
* jieba words (the catalogue terms are registered with jieba so they stay whole),
* toneless pinyin syllable bi- and trigrams with fuzzy initials/finals (zh/z, ch/c, sh/s, -ng/-n), so a
  homophone typo still meets the right item.

Particles and politeness (我想 请问 一下 怎么 办 需要 的 了 吗 ...) are removed before n-grams are formed, so
they neither match nor glue content words together. The score ranks; a separate *evidence* score decides whether
an item is a plausible match at all: words that only name a kind of procedure (登记, 许可证), a department, or a
common word that merely sounds like a catalogue term (公积金 ~ 救济金) are no evidence. Text without evidence
(weather, greetings, emoji, prompt injections, other services) gives an empty list, and the dialogue asks again
instead of guessing.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Sequence, Set, Tuple

import jieba
from pypinyin import lazy_pinyin

from bot.core.lexicon import USER_WORD_FREQ, USER_WORD_TAG, dictionary_words, item_terms
from bot.core.catalogue import Item
from bot.core.nlu_text import match_text

# A chat message longer than this is not a description of one need; only its beginning is searched, which also
# bounds the time a hostile multi-megabyte message can cost.
MAX_QUERY_CHARS = 500

# How much each catalogue field says about the item (BM25F-style weighted term frequency). Names and aliases
# are what people call the item; phrasings are whole sentences and therefore diluted; the department name is
# shared by several items and only weakly distinguishes them.
FIELD_WEIGHTS: Dict[str, float] = {
    "name": 3.0,
    "aliases": 3.0,
    "phrasings": 1.0,
    "replaces": 1.5,
    "includes_proofs": 1.0,
    "area": 1.0,
    "department": 0.5,
}
# Exact characters and words count fully; pinyin counts less, because it also matches unrelated homophones.
VIEW_WEIGHTS: Dict[str, float] = {"c": 1.0, "w": 1.0, "p": 0.8}
BM25_K1 = 1.2
BM25_B = 0.5  # alias lists and phrasings make documents long for reasons unrelated to relevance

# An item is a candidate only with at least this much evidence. A distinctive word of its name, an alias or a
# replaced proof clears it several times over, a homophone of one (低报) or one word of an example sentence
# (辞退) just clears it; procedure words, department names and common words that merely sound alike do not
# count at all.
MIN_EVIDENCE = 2.0
# ... and only when it is not far behind the best candidate.
MIN_SHARE_OF_BEST = 0.25
# Evidence comes from what the item is and what it replaces. Sharing only a department (我去公安局报案) or only
# procedure words (结婚登记, 办个许可证) is no evidence that the user means this item; both still rank. A word
# from an example sentence is weaker evidence than one from the name: most words of 我在郑州上班想办个居住证 are
# incidental to 居住证. So: the ranking weights without the department, and phrasings weaker.
EVIDENCE_FIELD_WEIGHTS: Dict[str, float] = {
    **{name: weight for name, weight in FIELD_WEIGHTS.items() if name != "department"},
    "phrasings": 0.3,
}
PROCEDURE_WORDS: Tuple[str, ...] = (
    "登记", "许可", "许可证", "证明", "认定", "注册", "申领", "审批", "经营", "资格", "领取", "设立", "办理",
    "业务", "证书", "证件", "手续", "情况", "状况", "管理", "制度", "条件", "新办", "事项", "告知承诺制",
    "审核", "审查", "核准", "备案",
)
# Among a handful of shown candidates less evidence is needed than in the whole catalogue, but the pick must
# stand out clearly from the next one.
MIN_CHOICE_SCORE = 1.5
CHOICE_MARGIN = 2.0
# The fewest characters of a name's beginning that pick it from the shown candidates (食品经营 of 食品经营许可).
MIN_NAME_START = 3
# The user names a code directly (ZM001): that item comes first, whatever else the text says.
CODE_BONUS = 100.0

# Words that carry how someone asks, not what they ask for. Removing them keeps long-winded sentences from
# matching phrasings that happen to be equally polite.
STOP_WORDS: frozenset = frozenset(
    """
    我 我们 咱 咱们 你 您 你们 他 她 它 他们 自己 本人 俺
    想 想要 要 需要 得 能 能不能 可以 可不可以 能否 是否 会 应该 必须 打算 准备
    请 请问 问 问一下 问问 咨询 一下 下 麻烦 帮 帮忙 帮我 给 告诉 知道 了解 看看 看 查 查询 问下
    怎么 怎么样 怎样 如何 怎么办 什么 啥 哪 哪些 哪个 哪里 多少 几 为什么 咋 咋办 是不是 有没有
    办 办理 去 来 做 弄 搞 申请 申报 流程 手续 材料 需 该
    的 地 了 吗 呢 啊 吧 呀 嘛 哦 哈 啦 么 呐 噢 喔 嗯 额 哎 唉 诶 哇 着 过 之
    是 有 在 和 与 及 或 或者 还是 跟 同 对 把 被 从 向 到 于 以 为 为了 关于 按 按照
    这 那 这个 那个 这些 那些 一个 个 些 点 一点 一些 一 种 样 里 上 中 后 前 时 时候 现在 今天 已经
    还 也 都 就 又 再 才 只 很 太 挺 非常 特别 比较 更 最 刚 刚刚 马上 一直 一定 大概 可能
    听说 然后 因为 所以 但是 不过 如果 要是 的话 而且 并且 那么 那样 这样 这么 那么 其实 另外
    你好 您好 谢谢 感谢 多谢 老师 同志 师傅 领导 工作人员 客服 小姐姐 亲 在吗 好的 好 ok
    郑州 郑州市 市 河南 河南省 本市
    啥子 咋整 咋弄 咋个 咋样 弄啥 弄啥嘞 嘞 中不中 中不 整 弄 搞个 整个 弄个 要啥 办啥 啥证 木有 莫得 晓得
    噻 撒 滴 哩 咧 呗 嘛 捏 俺们 俺家 咱家 恁 你们家 啷个 么子 哪样 甚 甚么
    """.split()
)

# How people describe a situation instead of naming the item: everyday words -> the catalogue's own words for
# the matter (every target is vocabulary of some item's name, aliases or example phrasings; a test checks it).
# A family facing dialysis costs after insurance means 医疗救助 without saying so; someone who wants to sell
# snacks means 食品经营许可. Matched on the normalised text; the targets join the query as extra words.
SITUATIONS: Dict[str, str] = {}
_SITUATION_GROUPS: Tuple[Tuple[str, str], ...] = (
    ("卖吃的 吃的 小吃 早餐 早点 包子 豆浆 油条 烧烤 烤串 外卖 私房菜 馆子 饭馆 餐厅 面馆 火锅 快餐 食堂 卤味 熟食 "
     "蛋糕 烘焙 面包店 甜品 咖啡 饮品 奶茶 凉皮 麻辣烫 餐饮 做饭卖 盒饭 小吃摊 夜市 熟菜 饭店 酒楼 农家乐",
     "食品经营许可 饭店 小吃店 熟食"),
    ("足疗 按摩 足浴 推拿 民宿 酒店 宾馆 招待所 旅馆 理发 剃头 美发 美甲 美容 洗浴 澡堂 浴池 汗蒸 游泳馆 游泳池 "
     "歌舞厅 ktv 住宿",
     "公共场所卫生许可 宾馆 理发店 美容院 洗浴中心 旅店"),
    ("拉货 货车 大货车 卡车 挂车 物流 货运 跑运输 跑长途 运货 送货车 货拉拉",
     "道路货物运输经营许可 货车 跑运输"),
    ("带团 组团 旅游团 导游 出游 游客 组织旅游 旅游线路",
     "旅行社"),
    ("招人 招聘 猎头 中介费 推荐人才 人才中介 职介 介绍工作 人才推荐 高管",
     "人力资源服务许可 职业中介 猎头"),
    ("派遣 外派 派工人 派到 劳务输出 用工派遣 派去",
     "劳务派遣"),
    ("卖书 课外书 二手书 图书 杂志 报刊 报纸 教辅 绘本 漫画书",
     "出版物零售 书店 卖书"),
    ("汽油 柴油 加油站 油漆 稀料 化工 液化气 煤气罐 液化石油气 硫酸 盐酸 危化 烟花爆竹 天那水 溶剂",
     "危险化学品经营许可 化工原料 危化品"),
    ("卖药 药铺 药房 药店 药品 医药",
     "药品零售企业经营许可 药店"),
    ("放炮 爆破 炸药 雷管 开山 炸石头 采石",
     "民用爆炸物品购买许可 炸药 雷管"),
    ("废水 污水 废气 排放 排污 烟囱 污染物 排水",
     "排污许可"),
    ("放贷 贷款公司 借钱给 放款 小贷 借贷 利息",
     "小额贷款公司"),
    ("电梯 锅炉 压力容器 起重机 塔吊 气瓶 压力管道 叉车 游乐设施",
     "特种设备生产许可 锅炉 压力容器 电梯"),
    ("裁员 开除 辞退 下岗 没有工作 没工作 被炒 解聘 合同没续 合同到期 丢了工作 失去工作 厂子倒闭 倒闭 辞了",
     "失业保险金 失业金 辞退"),
    ("吃不上饭 没收入 收入低 揭不开锅 困难户 穷 没钱吃饭 生活困难 过不下去 挣的钱不够",
     "最低生活保障 低保"),
    ("没房 没房子 租不起 买不起房 住房困难 无房 没地方住 房租太贵",
     "公租房 公共租赁住房"),
    ("欠工资 欠薪 讨薪 打官司 起诉 请不起律师 被告 诉讼 告他 维权 仲裁",
     "法律援助 免费律师"),
    ("透析 化疗 白血病 癌症 尿毒症 大病 住院 手术费 自费 医药费 看病贵 报销完 报销后 重病 医保报销 看不起病 治病",
     "医疗救助 住院费救助 大病救助"),
    ("聋哑 聋人 哑巴 盲人 失明 瘫痪 残了 残障 肢体残疾 智力残疾 精神残疾 残疾证 腿脚不好 截肢 坐轮椅",
     "残疾人生活补贴 残疾人"),
    ("到岁数 满六十 满60 六十岁 60岁 养老钱 老了领钱 老年人领钱 农村老人 交了养老保险",
     "城乡居民养老金 居民养老保险"),
    ("户口迁 落户 随迁 迁户口 户口过来 户口转 迁过来",
     "户口迁入 投靠落户"),
    ("暂住 入学 打工 外地人 外地来 在郑州上班 在郑州租房",
     "居住证"),
    ("摆摊 地摊 小摊 小店 门面 铺面 铺子 门市 小卖部 个体",
     "个体工商户 个体户"),
    ("合伙开 开个公司 办个公司 公司注册 注册企业 创业 成立企业",
     "注册公司 开公司"),
)
# A licence is about running a business: 喝咖啡, 附近有什么好吃的 or 帮我订个酒店 is a customer, not an applicant.
# The words of a licence's situation count only beside a word of doing business.
BUSINESS_CUE = re.compile(r"开|卖|经营|生意|营业|做|干|搞|办|证|许可|资质|执照|店|摊|铺|公司|厂|营生|创业|接待|组织|收费|赚|挣|想")
_DOING = re.compile(r"[卖做拉带招放摆派跑组开]")  # a situation word that is itself doing business: 卖吃的, 拉货
_LICENCE_TARGETS = frozenset(target for _, target in _SITUATION_GROUPS[:13])
for _words, _target in _SITUATION_GROUPS:
    for _word in _words.split():
        SITUATIONS[_word] = (SITUATIONS[_word] + " " + _target) if _word in SITUATIONS else _target
# Situation words count for less than the user's own naming of an item: they suggest, names decide.
SITUATION_WEIGHT = 0.6

# "I already have X, now I want ...": X is what the user no longer needs. Its item is kept in the ranking only
# at a fraction of its weight, so 已经有营业执照了，想卖吃的 finds 食品经营许可, not the licence already held.
_HAVE = re.compile(
    r"(?:已经|早就|早已|已)(?:有了?|办了|办好了?|拿到了?|领了|取得了?|办下来了?)"
    r"([^,，。.;；!！?？\s]{2,12}?)(?=了|[,，。.;；!！?？\s]|$)"
    r"|([^,，。.;；!！?？\s]{2,10}?)(?:已经|早就)?(?:办好了|办下来了|拿到了|已经有了|早有了)"
)
POSSESSED_WEIGHT = 0.3

# jieba's general dictionary glues particles onto content characters (想开, 要办, 店的); outside the catalogue's
# own words such a particle is cut off again so it cannot hide or fake a match.
LEADING_PARTICLES = frozenset("我想要请帮")
TRAILING_PARTICLES = frozenset("了的吗呢吧啊呀嘛么")

# A word of jieba's general dictionary at least this frequent is a real word the user meant (公积金, 上班), not a
# typo; rare entries (地保, freq 20) may well be a mistyped catalogue term (低保).
COMMON_WORD_FREQ = 50

# Numeral + classifier (一家, 两个, 几次) says how many, never which item.
_QUANTITY = re.compile(r"[一两几每某][个家些点次种样位件项条张份下]")

_CJK_TOKEN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
_ALNUM_TOKEN = re.compile(r"[a-z0-9]+")
_CODE_RE = re.compile(r"(?<![a-z0-9])(zm|xk)\s*-?\s*(\d{3})(?!\d)")


# The one normal form of user text and catalogue terms (P1); it is defined beside the NLU's own text so that the
# build step writes the extractor's patterns in it without importing the action server's code.
normalize = match_text


_registered_words: Set[str] = set()


def register_catalogue_words(items: Iterable[Item]) -> None:
    """Teach the process-wide jieba the catalogue terms (the same words as the generated userdict.txt).

    The global tokenizer is used on purpose: spaCy's jieba segmenter (actions.extract) uses it too, and a second
    private dictionary would cost tens of megabytes per process.
    """
    for word in dictionary_words(items):
        word = normalize(word)
        if word and word not in _registered_words:
            jieba.add_word(word, freq=USER_WORD_FREQ, tag=USER_WORD_TAG)
            _registered_words.add(word)


def _fold_pinyin(syllable: str) -> str:
    """Fuzzy pinyin: the confusions typical of IME typos and regional accents (zh/z, ch/c, sh/s, -ng/-n)."""
    if syllable[:2] in ("zh", "ch", "sh"):
        syllable = syllable[0] + syllable[2:]
    if syllable.endswith("ng"):
        syllable = syllable[:-1]
    return syllable


@lru_cache(maxsize=20000)
def _pinyin_of_run(run: str) -> Tuple[str, ...]:
    syllables = lazy_pinyin(run)
    if len(syllables) != len(run):  # characters without a reading come back merged; align per character
        syllables = [lazy_pinyin(ch)[0] for ch in run]
    return tuple(_fold_pinyin(s) for s in syllables)


def _ngrams_of_run(
    tokens: List[str], terms: Counter, sounds: Optional[Tuple[Set[str], Set[str]]] = None
) -> None:
    run = "".join(tokens)
    n = len(run)
    for size in (2, 3):
        for i in range(n - size + 1):
            terms["c" + str(size) + ":" + run[i : i + size]] += 1
    if n < 2:
        return
    syllables = _pinyin_of_run(run)
    # Character positions covered by a common word of the general dictionary (公积金, 上班): its pinyin is not
    # a typo of a catalogue term even when it sounds like part of one (公积金 ~ 救济金).
    in_common_word = [False] * n
    if sounds is not None:
        position = 0
        for token in tokens:
            if len(token) >= 2 and token not in _registered_words and jieba.dt.FREQ.get(token, 0) >= COMMON_WORD_FREQ:
                in_common_word[position : position + len(token)] = [True] * len(token)
            position += len(token)
    for size in (2, 3):
        for i in range(n - size + 1):
            term = "p" + str(size) + ":" + " ".join(syllables[i : i + size])
            terms[term] += 1
            if sounds is not None:
                sounds[0 if all(in_common_word[i : i + size]) else 1].add(term)


def _tokens(normalized: str) -> Iterable[str]:
    for token in jieba.cut(normalized, HMM=False):
        if len(token) < 2 or token in _registered_words or token in STOP_WORDS:
            yield token
            continue
        head, tail = "", ""
        while len(token) >= 2 and token[0] in LEADING_PARTICLES:
            head, token = head + token[0], token[1:]
        while len(token) >= 2 and token[-1] in TRAILING_PARTICLES:
            token, tail = token[:-1], token[-1] + tail
        yield from head
        yield token
        yield from tail


def analyse(normalized: str, common_word_sounds: Optional[Set[str]] = None) -> Counter:
    """Terms of already-normalised text: ``w:`` words, ``c2:``/``c3:`` character n-grams, ``p2:``/``p3:``
    pinyin n-grams. Stop words and punctuation end a run, so n-grams never bridge them.

    With ``common_word_sounds`` (for a query), the pinyin terms that occur only inside common words are added
    to that set: they still rank, but are no evidence of a match on their own."""
    terms: Counter = Counter()
    run: List[str] = []
    sounds: Optional[Tuple[Set[str], Set[str]]] = (set(), set()) if common_word_sounds is not None else None

    def flush() -> None:
        if run:
            _ngrams_of_run(run, terms, sounds)
            run.clear()

    for token in _tokens(normalized):
        if token in STOP_WORDS or _QUANTITY.fullmatch(token):
            flush()
        elif _CJK_TOKEN.fullmatch(token):
            run.append(token)
            if len(token) >= 2:
                terms["w:" + token] += 1
        else:
            flush()
            if _ALNUM_TOKEN.fullmatch(token):
                terms["w:" + token] += 1
    flush()
    if common_word_sounds is not None and sounds is not None:
        common_word_sounds.update(sounds[0] - sounds[1])
    return terms


def _split_possessed(normalized: str) -> Tuple[str, List[str]]:
    """The text without what the user says they already have, and those possessed things."""
    possessed: List[str] = []

    def cut(match: "re.Match[str]") -> str:
        possessed.append(match.group(1) or match.group(2) or "")
        return " "

    return _HAVE.sub(cut, normalized), [p for p in possessed if p]


@lru_cache(maxsize=256)
def _situation_terms(targets: str) -> Tuple[str, ...]:
    return tuple(analyse(normalize(targets)))


def _query_terms(normalized: str, common_word_sounds: Set[str]) -> Dict[str, float]:
    """Each term of a query with the factor its weight counts: 1 for the user's own words, less for the words a
    described situation stands for and for things the user already has."""
    main, possessed = _split_possessed(normalized)
    terms: Dict[str, float] = {term: 1.0 for term in analyse(main, common_word_sounds)}
    if possessed:
        # Nothing but the thing already held ("我已经有营业执照了"): that is then what the user talks about.
        factor = POSSESSED_WEIGHT if terms else 1.0
        for term in analyse(" ".join(possessed), common_word_sounds):
            terms[term] = max(terms.get(term, 0.0), factor)
    compact = main.replace(" ", "")
    named = [word for word in SITUATIONS if word in compact]
    rest = compact
    for word in named:  # 酒店 and 外卖 contain 店 and 卖 but are no sign of doing business by themselves
        rest = rest.replace(word, " ")
    business = bool(BUSINESS_CUE.search(rest)) or any(_DOING.match(word) for word in named)
    targets = " ".join(sorted({
        SITUATIONS[word] for word in named if business or SITUATIONS[word] not in _LICENCE_TARGETS
    }))
    if targets:
        for term in _situation_terms(targets):
            terms[term] = max(terms.get(term, 0.0), SITUATION_WEIGHT)
    return terms


def _item_fields(item: Item) -> Dict[str, Sequence[str]]:
    return {
        "name": [item.name],
        "aliases": list(item.aliases),
        "phrasings": list(item.phrasings),
        "replaces": list(item.replaces),
        "includes_proofs": list(item.includes_proofs),
        "area": [item.area],
        "department": [item.department],
    }


def _view_weight(term: str) -> float:
    return VIEW_WEIGHTS[term[0]]


def _clip(text: str) -> str:
    # Clip before normalising (bounded cost), then again after (NFKC can lengthen text, e.g. ㎡ -> m2).
    return normalize(str(text)[: MAX_QUERY_CHARS * 2])[:MAX_QUERY_CHARS]


class ItemIndex:
    """Ranks catalogue items against free text. Build once (jieba and pinyin work happens here); ``search`` is a
    few dictionary look-ups per query term."""

    def __init__(self, items: Iterable[Item]):
        self.items: Dict[str, Item] = {item.code: item for item in sorted(items, key=lambda i: i.code)}
        register_catalogue_words(self.items.values())
        self._codes: List[str] = list(self.items)

        # Per item: weighted term frequencies over all fields, and over the fields that can *qualify* an item as a
        # match on their own (EVIDENCE_FIELD_WEIGHTS).
        doc_terms: List[Dict[str, float]] = []
        evidence_terms: List[Dict[str, float]] = []
        lengths: List[float] = []
        for code in self._codes:
            weighted: Dict[str, float] = defaultdict(float)
            evidence: Dict[str, float] = defaultdict(float)
            for field_name, texts in _item_fields(self.items[code]).items():
                weight = FIELD_WEIGHTS[field_name]
                for text in texts:
                    for term, count in analyse(normalize(text)).items():
                        weighted[term] += weight * count
                        evidence[term] += EVIDENCE_FIELD_WEIGHTS.get(field_name, 0.0) * count
            doc_terms.append(weighted)
            evidence_terms.append(evidence)
            lengths.append(sum(weighted.values()))

        n_docs = len(self._codes)
        avg_length = (sum(lengths) / n_docs) if n_docs else 1.0
        document_frequency: Counter = Counter(term for terms in doc_terms for term in terms)
        # Procedure words (登记, 许可证, 证明 ...) say what kind of matter, not which one.
        self._procedure_terms: Set[str] = set()
        for word in PROCEDURE_WORDS:
            self._procedure_terms.update(analyse(normalize(word)))

        # term -> [(doc index, BM25 weight, BM25 weight counted as evidence)], precomputed so that a query only
        # adds numbers.
        self._postings: Dict[str, List[Tuple[int, float, float]]] = defaultdict(list)
        for doc, terms in enumerate(doc_terms):
            norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths[doc] / avg_length)
            for term, tf in terms.items():
                df = document_frequency[term]
                idf = _view_weight(term) * math.log(1 + (n_docs - df + 0.5) / (df + 0.5))
                weight = idf * tf * (BM25_K1 + 1) / (tf + norm)
                etf = 0.0 if term in self._procedure_terms else evidence_terms[doc].get(term, 0.0)
                evidence_weight = idf * etf * (BM25_K1 + 1) / (etf + norm) if etf else 0.0
                self._postings[term].append((doc, weight, evidence_weight))

        # For choosing among shown candidates by name: every normalised name and alias of each item.
        self._terms_by_code: Dict[str, List[str]] = {
            code: sorted({normalize(t) for t in item_terms(item)} - {""}, key=len, reverse=True)
            for code, item in self.items.items()
        }

    # --- scoring -------------------------------------------------------------------------------------------

    def _scores(self, normalized: str) -> Tuple[Dict[str, float], Dict[str, float]]:
        """``(score, evidence)`` per item: the BM25 score ranks; the evidence (the part contributed by
        distinctive terms in what the item *is*) decides whether the item is a plausible match at all."""
        totals: Dict[int, float] = defaultdict(float)
        evidence: Dict[int, float] = defaultdict(float)
        common_word_sounds: Set[str] = set()
        terms = _query_terms(normalized, common_word_sounds)
        for term, factor in terms.items():  # each distinct term once: repeating a word is not more evidence
            counts_as_evidence = term not in common_word_sounds
            for doc, weight, evidence_weight in self._postings.get(term, ()):
                totals[doc] += factor * weight
                if counts_as_evidence:
                    evidence[doc] += factor * evidence_weight
        scores = {self._codes[doc]: score for doc, score in totals.items()}
        evidences = {self._codes[doc]: value for doc, value in evidence.items()}
        for code in self._codes_named_in(normalized):
            scores[code] = scores.get(code, 0.0) + CODE_BONUS
            evidences[code] = evidences.get(code, 0.0) + CODE_BONUS
        return scores, evidences

    def _codes_named_in(self, normalized: str) -> List[str]:
        found = []
        for prefix, digits in _CODE_RE.findall(normalized):
            code = (prefix + digits).upper()
            if code in self.items and code not in found:
                found.append(code)
        return found

    def search(self, text: str, k: int = 5) -> List[Tuple[str, float]]:
        """Item codes best first with their scores; ``[]`` when nothing plausibly matches (P1)."""
        scores, evidence = self._scores(_clip(text))
        plausible = {code: score for code, score in scores.items() if evidence.get(code, 0.0) >= MIN_EVIDENCE}
        if not plausible:
            return []
        floor = MIN_SHARE_OF_BEST * max(plausible.values())
        ranked = sorted(((c, s) for c, s in plausible.items() if s >= floor), key=lambda cs: (-cs[1], cs[0]))
        return [(code, round(score, 4)) for code, score in ranked[:k]]

    # --- choosing among shown candidates ---------------------------------------------------------------------

    def resolve_choice(self, text: str, candidates: List[str]) -> Optional[str]:
        """The candidate (item code) the user picks from a shown list, by number (1, 第2个, 二, 第三项, 选1) or by
        name/alias (公租房那个); ``None`` unless exactly one is clearly meant."""
        if not candidates:
            return None
        normalized = _clip(text)
        compact = normalized.replace(" ", "")
        if not compact or _NEGATION.search(compact):
            return None  # 不是第一个 / 都不是: not a pick; the dialogue asks again

        number = _chosen_number(compact)
        if number is not None:
            return candidates[number - 1] if 1 <= number <= len(candidates) else None
        if _LAST.search(compact):
            return candidates[-1]

        named = [code for code in self._codes_named_in(normalized) if code in candidates]
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            return None

        # The longest name or alias written in the text decides, if only one candidate has it.
        longest = {code: max((len(t) for t in self._terms_by_code.get(code, ()) if t in compact), default=0)
                   for code in candidates}
        top = max(longest.values())
        if top >= 2:
            winners = [code for code, length in longest.items() if length == top]
            return winners[0] if len(winners) == 1 else None

        # A name cut short, as people refer to a long one ("食品经营那个" for 食品经营许可（新办）): the longest
        # beginning of a name or alias written in the text, if only one candidate's name begins that way.
        begun = {code: max((n for t in self._terms_by_code.get(code, ())
                            for n in range(len(t) - 1, MIN_NAME_START - 1, -1) if t[:n] in compact), default=0)
                 for code in candidates}
        ordered = sorted(begun.values(), reverse=True)
        if ordered[0] >= MIN_NAME_START and (len(ordered) == 1 or ordered[0] > ordered[1]):
            return next(code for code, length in begun.items() if length == ordered[0])

        # Otherwise a partial description (残疾人那个, 医疗的): the candidate with clearly the most evidence.
        scores, _ = self._scores(normalized)
        ranked = sorted(((scores.get(code, 0.0), code) for code in candidates), reverse=True)
        best_score, best_code = ranked[0]
        runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
        if best_score >= MIN_CHOICE_SCORE and best_score >= CHOICE_MARGIN * runner_up:
            return best_code
        return None


_CN_DIGITS = {"一": 1, "幺": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3, "四": 4, "肆": 4,
              "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
_NUM = r"(\d{1,2}|十[一二三四五六七八九]?|[一幺壹二两贰三叁四肆五伍六陆七柒八捌九玖]十?[一二三四五六七八九]?|[十拾])"
_UNIT = r"(?:个|项|条|号|种|件|类|行)"
# The whole message is a number with polite filler around it: "1", "2号", "选3吧", "就第二个", "第三项。"
_WHOLE_NUMBER = re.compile(
    r"^(?:我|那|那就|就|嗯)?(?:要|选|选择|办|是|点)?(?:的是)?(?:第)?\(?"
    + _NUM
    + _UNIT
    + r"?\)?(?:吧|啊|呀|的|哦|了|嘛|呢)?[.。!！~、]*$"
)
# Inside a longer message only an explicit ordinal or "选N" counts: "我要办第2个", "选1就行".
_ORDINAL = re.compile(r"第" + _NUM + _UNIT + r"?|选(?:择)?" + _NUM)
_LAST = re.compile(r"最后(?:一|那|这)?(?:个|项|条|种)")
_NEGATION = re.compile(r"不是|不要|不对|都不|没有一个|哪个都不|都没有|别的")


def _parse_number(numeral: str) -> Optional[int]:
    if numeral.isdigit():
        return int(numeral)
    if numeral in ("十", "拾"):
        return 10
    if "十" in numeral:
        tens, _, ones = numeral.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(numeral)


def _chosen_number(compact: str) -> Optional[int]:
    whole = _WHOLE_NUMBER.match(compact)
    if whole:
        return _parse_number(whole.group(1))
    numbers = {_parse_number(a or b) for a, b in _ORDINAL.findall(compact)}
    numbers.discard(None)
    return numbers.pop() if len(numbers) == 1 else None
