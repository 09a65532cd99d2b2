"""Shared by the action tests: a stand-in catalogue, and the channel evidence a journey's messages carry.

The 27 items carry the facts of the specification's catalogue (name, department, area, what is replaced,
included proofs, exclusion category). Aliases and phrasings are written here, deliberately few and plain, so the
tests exercise the method rather than the wording the real catalogue files happen to contain.

``FakeBackend`` stands in for the API the journey talks to (actions/backend.py): it records every call and
answers as the API does, including its refusals. Its identity checks are the API's in small: a code is right
only if it is the one "sent", and credit is answered only for an assurance it issued for that ID (or for an
agent showing an authorisation it knows), so a test fails when the journey asks about a person too early.

The envelopes are signed with a key of the tests' own (bot/core/evidence.py): the action server never holds the
channels' key and cannot check a MAC, so what it must get right is carrying the envelopes it was given.
"""
from __future__ import annotations

import copy
import hashlib
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Dict, Iterable, List, Optional

import pytest
import yaml

from actions import backend
from bot.core import evidence, ids
from bot.core.catalogue import DEFAULT_DIR, Item, parse_item

TEST_EVIDENCE_KEY = b"action-tests-evidence-key-0123456789"
# When the fixture journeys' notice reached the person and when they said they had read it (well apart).
DELIVERED_AT = "2026-11-27T10:00:01.000+00:00"
READ_AT = "2026-11-27T10:00:45.000+00:00"


# The fixture conversations' applicant, verified by SMS code before the conversation starts.
ZHANG_WEI_ID = "410105199001011233"
FIXTURE_ASSURANCE = "as-fixture-1"
# The codes the fake "sends": one for logging in, another for confirming a commitment (as two SMS would be).
LOGIN_CODE = "246810"
ACT_CODE = "135790"
SENT_TO = "138****8000"
BLOCKED_ID = "410102198505052342"  # 李娜: a serious record in the demo integrity file


def identity_slots(id_number: str, assurance_id: str, method: str = "sms_otp") -> Dict[str, Any]:
    """The slots of a conversation whose person proved to hold ``id_number`` (actions/identity.py keeps these)."""
    return {
        "identity_code": "verified",
        "identity_assurance": {
            "assurance_id": assurance_id, "method": method, "masked_phone": SENT_TO,
            "id": ids.mask_id(id_number),
            "subject": hashlib.sha256(ids.clean_id(id_number).encode("utf-8")).hexdigest()[:16],
        },
    }


class FakeBackend(dict):
    """The API as the action server meets it: ``self[name]`` is the list of calls made to ``name``.

    Behaviour is set per test: ``down`` (names that raise BackendUnavailable), ``refuse`` (name -> (status, code,
    message) raised as the API's refusal), ``held`` (id number -> the assurance a staff attestation or a single
    sign-on made in the conversation), and ``grants`` ((number, code) -> the authorisation a principal granted)."""

    CALLS = ("submit", "credit", "warning", "request_code", "verify_code", "current_assurance",
             "check_authorisation")

    def __init__(self) -> None:
        super().__init__({name: [] for name in self.CALLS})
        self.down: set = set()
        self.refuse: Dict[str, tuple] = {}
        self.held: Dict[str, Dict[str, Any]] = {}
        self.grants: Dict[tuple, Dict[str, Any]] = {}
        # assurance id -> the ID number it vouches for
        self.issued: Dict[str, str] = {FIXTURE_ASSURANCE: ZHANG_WEI_ID}
        self.sent: Dict[tuple, Any] = {}  # (id, purpose) -> the act the last code was sent for
        self.receipt_no = "CN20261127-000001"

    def _gate(self, name: str) -> None:
        if name in self.down:
            raise backend.BackendUnavailable(f"{name} offline in unit tests")
        if name in self.refuse:
            raise backend.BackendRefused(*self.refuse[name])

    def _assurance(self, id_number: str, prefix: str, method: str = "sms_otp") -> Dict[str, Any]:
        assurance_id = f"{prefix}-{len(self.issued) + 1}"
        self.issued[assurance_id] = ids.clean_id(id_number)
        return {"assurance_id": assurance_id, "method": method, "level": "substantial",
                "verified_at": "2026-11-27T10:00:30+00:00", "verifier": "sms-gateway",
                "subject_hash": "h" * 16, "masked_phone": SENT_TO if method == "sms_otp" else None}

    def attest(self, id_number: str) -> Dict[str, Any]:
        """A staff member attests the caller's identity in the hotline console."""
        held = self._assurance(id_number, "hl", method="hotline_attestation")
        self.held[ids.clean_id(id_number)] = held
        return held

    def _identity(self, id_number: str, assurance_id: Optional[str],
                  authorisation: Optional[Dict[str, Any]] = None) -> None:
        """The API's gate: the assurance vouches for this ID, or for an agent the principal authorised."""
        holder = self.issued.get(assurance_id or "")
        if holder is None:
            raise backend.BackendRefused(401, "identity_required", "请先核验身份。")
        if holder == ids.clean_id(id_number):
            return
        grant = self.grants.get(((authorisation or {}).get("number"), (authorisation or {}).get("code")))
        if grant is None or grant["agent_id"] != holder or grant["principal_id"] != ids.clean_id(id_number):
            raise backend.BackendRefused(403, "identity_mismatch", "身份核验的结果与所填的证件号码不一致，请重新核验身份。")

    # --- the endpoints -------------------------------------------------------------------------------------

    async def fetch_catalogue(self):
        raise backend.BackendUnavailable("offline in unit tests")

    async def check_credit(self, id_number, *, assurance_id, client, authorisation=None):
        self["credit"].append({"id_number": id_number, "assurance_id": assurance_id, "client": client,
                               "authorisation": copy.deepcopy(authorisation)})
        self._gate("credit")
        self._identity(id_number, assurance_id, authorisation)
        return {"status": "blocked" if id_number == BLOCKED_ID else "clean", "records": []}

    async def credit_warning(self, item_code, id_number, *, assurance_id, client, authorisation=None):
        self["warning"].append({"item_code": item_code, "id_number": id_number, "assurance_id": assurance_id,
                                "client": client, "authorisation": copy.deepcopy(authorisation)})
        self._gate("warning")
        self._identity(id_number, assurance_id, authorisation)
        return {"show": True, "text": "您的诚信记录良好。作出不实承诺将被记入信用记录。"}

    async def request_code(self, id_number, client, act=None):
        self["request_code"].append({"id_number": id_number, "client": client, "act": copy.deepcopy(act)})
        self._gate("request_code")
        self.sent[(ids.clean_id(id_number), "act" if act else "login")] = copy.deepcopy(act)
        return {"sent_to": SENT_TO, "expires_in": 300}

    async def verify_code(self, id_number, code, client, act=None):
        self["verify_code"].append({"id_number": id_number, "code": code, "client": client,
                                    "act": copy.deepcopy(act)})
        self._gate("verify_code")
        purpose = "act" if act else "login"
        key = (ids.clean_id(id_number), purpose)
        if key not in self.sent:
            raise backend.BackendRefused(422, "code_not_requested", "还没有为该证件号码发送验证码，请先获取验证码。")
        if act and self.sent[key] != act:
            raise backend.BackendRefused(422, "code_act_mismatch", "这个验证码是为另一项承诺发送的。请重新获取。")
        if code != (ACT_CODE if act else LOGIN_CODE):
            raise backend.BackendRefused(422, "code_incorrect", "验证码不正确，请核对短信后重新输入（还可以再试4次）。")
        del self.sent[key]
        if not act:
            return {"assurance": self._assurance(id_number, "as")}
        confirmed = self._assurance(id_number, "act")
        return {"assurance": confirmed,
                "act_confirmation": {"act": act, "act_sha256": "a" * 64, "sms_text_sha256": "b" * 64,
                                     "confirmed_at": "2026-11-27T10:02:00+00:00", "assurance": confirmed}}

    async def current_assurance(self, id_number, client):
        self["current_assurance"].append({"id_number": id_number, "client": client})
        self._gate("current_assurance")
        return copy.deepcopy(self.held.get(ids.clean_id(id_number)))

    # The API's words for a refused authorisation (api/authorisations/service.py).
    AUTHORISATION_REFUSALS = {
        "authorisation_invalid": "授权编号或授权码不正确，请核对授权人提供的授权编号和授权码。",
        "authorisation_other_principal": "这份授权不是本事项申请人作出的，请核对申请人信息。",
        "authorisation_other_agent": "这份授权不是授予您的，只能由被授权的受托人本人使用。",
        "authorisation_other_item": "这份授权不包括本事项，需要授权人另行授权。",
    }

    def _refuse_authorisation(self, code: str) -> None:
        raise backend.BackendRefused(422, code, self.AUTHORISATION_REFUSALS[code])

    async def check_authorisation(self, payload):
        self["check_authorisation"].append(copy.deepcopy(payload))
        self._gate("check_authorisation")
        self._identity(payload["agent_id"], payload.get("agent_assurance_id"))
        grant = self.grants.get((payload.get("number"), payload.get("code")))
        if grant is None:
            self._refuse_authorisation("authorisation_invalid")
        if grant["principal_id"] != payload.get("principal_id"):
            self._refuse_authorisation("authorisation_other_principal")
        if grant["agent_id"] != payload.get("agent_id"):
            self._refuse_authorisation("authorisation_other_agent")
        if payload.get("item_code") not in grant["items"]:
            self._refuse_authorisation("authorisation_other_item")
        return {"number": payload["number"], "kind": "electronic", "valid_until": "2027-12-06",
                "item_codes": list(grant["items"])}

    async def submit_commitment(self, payload):
        self["submit"].append(copy.deepcopy(payload))
        self._gate("submit")
        code = (payload.get("identity") or {}).get("act_code")
        if code is not None:
            # The API redeems the act code sent with the commitment as its verify endpoint would.
            signer = (payload.get("proxy") or payload["applicant"])["id_number"]
            key = (ids.clean_id(signer), "act")
            if key not in self.sent:
                raise backend.BackendRefused(422, "code_not_requested", "还没有为该证件号码发送验证码，请先获取验证码。")
            statement = hashlib.sha256(payload["evidence"]["statement"].encode("utf-8")).hexdigest()
            if (self.sent[key] or {}).get("statement_sha256") != statement:
                raise backend.BackendRefused(422, "code_act_mismatch", "这个验证码是为另一项承诺发送的。请重新获取。")
            if code != ACT_CODE:
                raise backend.BackendRefused(422, "code_incorrect", "验证码不正确，请核对短信后重新输入（还可以再试4次）。")
            del self.sent[key]
        return {"commitment_no": self.receipt_no, "status": "accepted", "decision_no": None,
                "item_code": payload["item_code"], "notice_version": payload["notice_version"],
                "proxy": bool(payload.get("proxy")), "covers": ["家庭住房情况证明（无房证明）"],
                "verify_url": f"http://127.0.0.1:8800/api/v1/commitments/{self.receipt_no}/verify"}


def install_backend(monkeypatch) -> FakeBackend:
    """Every backend call the journey makes goes to a new ``FakeBackend``."""
    fake = FakeBackend()
    for name in ("fetch_catalogue", "check_credit", "credit_warning", "request_code", "verify_code",
                 "current_assurance", "check_authorisation", "submit_commitment"):
        monkeypatch.setattr(backend, name, getattr(fake, name))
    return fake


def iso_ago(seconds: float) -> str:
    return (datetime.now(timezone.utc) - timedelta(seconds=seconds)).isoformat(timespec="milliseconds")


def signed_message(text: str, *, sender: str, message_id: str, channel: str = "rest",
                   at: Optional[str] = None) -> Dict[str, Any]:
    """What an input channel attaches to a user message (``metadata["evidence"]["message"]``)."""
    return evidence.sign_message(TEST_EVIDENCE_KEY, channel=channel, sender=sender, message_id=message_id,
                                 text=text, at=at)


def signed_deliveries(item: Item, *, sender: str, channel: str = "rest", version: Optional[str] = None,
                      sections: Optional[Iterable[int]] = None,
                      delivered_at: str = DELIVERED_AT) -> List[Dict[str, Any]]:
    """What an output channel signs for the notice sections that reached the person."""
    wanted = set(sections) if sections is not None else {s.index for s in item.notice}
    total = len(item.notice)
    found = []
    for section in item.notice:
        if section.index not in wanted:
            continue
        custom = {"stage": "notice_section", "item_code": item.code, "index": section.index, "total": total,
                  "notice_version": version or item.notice_version, "title": section.title}
        found.append(evidence.sign_delivery(
            TEST_EVIDENCE_KEY, channel=channel, sender=sender, custom=custom,
            text=evidence.notice_section_text(section.index, total, section.title, section.text),
            sent_at=delivered_at, delivered_at=delivered_at))
    return found

# code, name, department, area, replaces, includes_proofs, aliases, phrasings
_COMMITMENT_ITEMS = [
    ("ZM001", "公共租赁住房资格申请", "市住房保障和房地产管理局", "住房保障", ["家庭住房情况证明（无房证明）"], [],
     ["公租房", "公共租赁住房", "廉租房"], ["家里没房想租政府的房子"]),
    ("ZM002", "最低生活保障申请", "市民政局", "社会救助", ["家庭收入状况证明"], [],
     ["低保", "申请低保", "最低生活保障"], ["家里收入太低生活困难想吃低保"]),
    ("ZM003", "法律援助申请", "市司法局", "法律服务", ["经济困难状况证明"], [],
     ["法律援助", "法援", "免费律师"], ["打官司请不起律师"]),
    ("ZM004", "律师执业申请", "市司法局", "法律服务", ["无犯罪记录证明"], [],
     ["律师执业证", "律师执业"], ["通过法考了想当执业律师"]),
    ("ZM005", "教师资格认定", "市教育局", "资格考试", ["学历证明"], [],
     ["教师资格证", "教资认定"], ["考完教资要认定"]),
    ("ZM006", "护士执业注册", "市卫生健康委员会", "健康体检", ["健康体检证明"], [],
     ["护士执业证", "护士注册"], ["护士资格考试过了要注册"]),
    ("ZM007", "失业保险金申领", "市人力资源和社会保障局", "社会保险", ["解除或终止劳动关系证明"], [],
     ["失业金", "失业保险金", "领失业金"], ["被公司辞退了想领失业补助"]),
    ("ZM008", "城乡居民基本养老保险待遇领取", "市人力资源和社会保障局", "社会保险", ["户籍证明"], [],
     ["养老金", "城乡居民养老保险", "领养老金"], ["到了六十岁领养老钱"]),
    ("ZM009", "户口迁入（投靠亲属）", "市公安局", "户籍管理", ["亲属关系证明"], [],
     ["投靠落户", "户口迁入", "迁户口"], ["想把户口迁到子女这里"]),
    ("ZM010", "居住证申领", "市公安局", "户籍管理", ["合法稳定住所证明"], [],
     ["居住证", "办居住证"], ["外地人在郑州租房住要办居住证"]),
    ("ZM011", "个体工商户登记", "市市场监督管理局", "市场主体准营", ["经营场所使用证明"], [],
     ["个体户", "个体执照", "个体营业执照"], ["开个小店办个体户执照"]),
    ("ZM012", "企业设立登记", "市市场监督管理局", "市场主体准营", ["住所（经营场所）使用证明"], [],
     ["开公司", "注册公司", "公司注册"], ["想成立一家有限公司"]),
    ("ZM013", "医疗救助申请", "市医疗保障局", "社会救助", ["家庭经济状况证明"], [],
     ["医疗救助", "看病救助"], ["住院花了很多钱报销不了"]),
    ("ZM014", "困难残疾人生活补贴申请", "市民政局", "社会救助", ["家庭经济状况证明"], [],
     ["残疾人补贴", "困难残疾人补贴", "残补"], ["家里有残疾人生活困难"]),
    ("XK001", "公共场所卫生许可", "市卫生健康委员会", "公共卫生", ["卫生设施与布局", "卫生管理制度", "从业人员健康合格"],
     ["从业人员健康合格证明"], ["卫生许可证", "公共场所卫生许可证"], ["开理发店要办卫生许可证"]),
    ("XK002", "食品经营许可（新办）", "市市场监督管理局", "食品安全", ["经营场所", "设备设施", "食品安全管理制度"],
     ["经营场所使用证明"], ["食品经营许可证", "食品许可证"], ["开饭店卖吃的要办证"]),
    ("XK003", "道路货物运输经营许可（普通货运）", "市交通运输局", "交通运输", ["车辆", "驾驶人员", "安全生产管理制度"], [],
     ["道路运输许可证", "货运许可", "普货运输"], ["开物流公司跑货车运输"]),
    ("XK004", "旅行社业务经营许可（国内和入境旅游）", "市文化广电和旅游局", "文化旅游", ["营业场所", "营业设施", "质量保证金"], [],
     ["旅行社许可", "开旅行社"], ["想开一家旅行社"]),
    ("XK005", "人力资源服务许可", "市人力资源和社会保障局", "人力资源", ["场所", "设施", "专职工作人员"], [],
     ["人力资源服务许可证", "职业中介"], ["开职业介绍所"]),
    ("XK006", "出版物零售业务经营许可", "市文化广电和旅游局", "新闻出版", ["经营场所", "经营范围"], [],
     ["出版物经营许可证", "开书店"], ["想开书店卖书"]),
    ("XK007", "劳务派遣经营许可", "市人力资源和社会保障局", "人力资源", ["注册资本", "场所", "管理制度"], [],
     ["劳务派遣许可证", "劳务派遣"], ["公司想做劳务派遣业务"]),
]

# code, name, department, area, exclusion category, aliases
_EXCLUDED_ITEMS = [
    ("XK101", "危险化学品经营许可", "市应急管理局", "安全生产", "公共安全", ["危化品许可证", "危险化学品"]),
    ("XK102", "药品零售企业经营许可", "市市场监督管理局", "药品监管", "直接关系人身健康", ["药店许可证", "开药店"]),
    ("XK103", "民用爆炸物品购买许可", "市公安局", "治安管理", "公共安全", ["炸药购买", "民爆物品"]),
    ("XK104", "排污许可", "市生态环境局", "生态环境", "生态环境保护", ["排污许可证", "排污证"]),
    ("XK105", "小额贷款公司设立审批", "市地方金融监督管理局", "地方金融", "金融业审慎监管", ["小贷公司", "小额贷款公司"]),
    ("XK106", "特种设备生产单位许可", "市市场监督管理局", "特种设备", "直接关系生命财产安全", ["特种设备许可证", "锅炉生产许可"]),
]


def _template() -> dict:
    return yaml.safe_load((Path(DEFAULT_DIR) / "ZM001.yaml").read_text(encoding="utf-8"))


def _licence_method() -> dict:
    return yaml.safe_load((Path(DEFAULT_DIR) / "XK001.yaml").read_text(encoding="utf-8"))["notice"][3]


def build_sample_items() -> List[Item]:
    template = _template()
    items: List[Item] = []
    for code, name, department, area, replaces, includes, aliases, phrasings in _COMMITMENT_ITEMS:
        raw = copy.deepcopy(template)
        raw.update(
            code=code, name=name, kind="proof" if code.startswith("ZM") else "license", department=department,
            area=area, replaces=replaces, includes_proofs=includes, aliases=aliases, phrasings=phrasings,
        )
        if code.startswith("XK"):  # a licence's section 4 names the legal representative (the loader checks)
            raw["notice"][3] = copy.deepcopy(_licence_method())
        items.append(parse_item(raw, f"<test {code}>"))
    for code, name, department, area, category, aliases in _EXCLUDED_ITEMS:
        raw = copy.deepcopy(template)
        for key in ("notice", "verification"):
            raw.pop(key)
        raw.update(
            code=code, name=name, kind="license", department=department, area=area, replaces=[],
            includes_proofs=[], aliases=aliases, phrasings=[], commitment_allowed=False,
            exclusion={"category": category, "reason": f"{name}属于{category}领域，不适用告知承诺制"},
        )
        items.append(parse_item(raw, f"<test {code}>"))
    return items


@pytest.fixture(scope="session")
def sample_items() -> List[Item]:
    return build_sample_items()


@pytest.fixture(scope="session")
def sample_catalogue(sample_items) -> Dict[str, Item]:
    return {item.code: item for item in sample_items}


@pytest.fixture(scope="session")
def sample_index(sample_items):
    from actions.discovery import ItemIndex

    return ItemIndex(sample_items)
