"""The catalogue loader (R1, R2, R6, R9): every shipped item is valid, a broken file is refused with a message
naming the file, the item and the field, and notice_version is the hash of exactly the notification text."""
from __future__ import annotations

import copy
import pytest
import yaml

from bot.core.catalogue import (
    NOTICE_TITLES,
    DEFAULT_DIR,
    CatalogueError,
    load_catalogue,
    load_file,
    notice_version,
    parse_item,
)
from bot.core.canonical import sha256_hex

SPEC_CODES = [f"ZM{n:03d}" for n in range(1, 15)] + [f"XK{n:03d}" for n in range(1, 8)] + [f"XK{n}" for n in range(101, 107)]
ITEMS = load_catalogue()


def test_every_item_of_the_spec_is_shipped():  # R1
    assert set(SPEC_CODES) <= set(ITEMS)


@pytest.mark.parametrize("code", SPEC_CODES)
def test_items_carry_what_the_journey_needs(code):  # R2 R6 R9
    item = ITEMS[code]
    assert item.proofs_required
    if item.commitment_allowed:
        assert [s.title for s in item.notice] == list(NOTICE_TITLES)
        assert item.notice_version == sha256_hex(item.notice_text) and len(item.notice_version) == 64
        assert item.verification is not None and item.covers
    else:
        assert item.exclusion_category and not item.notice and item.kind == "license"
    if item.includes_proofs:
        assert set(item.includes_proofs) <= set(item.covers)  # R9: notified and committed once


def test_spec_facts():  # catalogue.md
    assert ITEMS["ZM004"].proxy_allowed is False and ITEMS["ZM004"].public is True
    assert ITEMS["XK001"].includes_proofs == ("从业人员健康合格证明",)
    assert ITEMS["XK105"].exclusion_category == "金融业审慎监管"
    assert ITEMS["ZM001"].kind == "proof" and ITEMS["XK003"].kind == "license"


def _raw(code="ZM001"):
    return yaml.safe_load((DEFAULT_DIR / f"{code}.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("mutate,field", [
    (lambda r: r.pop("department"), "department"),
    (lambda r: r.update(kind="permit"), "kind"),
    (lambda r: r.update(proxy_allowed="yes"), "proxy_allowed"),
    (lambda r: r["notice"].pop(), "notice"),
    (lambda r: r["notice"][1].update(title="依据"), "notice[2].title"),
    (lambda r: r["notice"][4].update(text=r["notice"][4]["text"].replace("刑事", "")), "notice[5].text"),
    (lambda r: r["notice"][5].update(text="有权核查，核查方式为在线核查，时间另行通知，请注意查收。"), "notice[6].text"),
    (lambda r: r["notice"][2].update(text=r["notice"][2]["text"] + "以及其他相关材料。"), "notice[3].text"),
    (lambda r: r.pop("verification"), "verification"),
    (lambda r: r.update(code="ZM1"), "code"),
    (lambda r: r.update(includes_proofs=["x证明"]), "includes_proofs"),
])
def test_a_broken_item_is_refused_with_a_clear_message(mutate, field):  # R6: no vague clauses either
    raw = copy.deepcopy(_raw())
    mutate(raw)
    with pytest.raises(CatalogueError) as error:
        parse_item(raw, "ZM001.yaml")
    message = str(error.value)
    assert "ZM001.yaml" in message and f"'{field}'" in message


def test_an_excluded_item_needs_its_category():  # R2
    raw = copy.deepcopy(_raw("XK101"))
    raw["exclusion"]["category"] = "很危险"
    with pytest.raises(CatalogueError, match="exclusion.category"):
        parse_item(raw, "XK101.yaml")


def test_a_file_must_be_named_after_its_code(tmp_path):
    raw = _raw()
    (tmp_path / "ZM999.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    with pytest.raises(CatalogueError, match="ZM999.yaml.*'code'"):
        load_file(tmp_path / "ZM999.yaml")


def test_invalid_yaml_is_refused(tmp_path):
    (tmp_path / "ZM001.yaml").write_text("code: [unclosed", encoding="utf-8")
    with pytest.raises(CatalogueError, match="ZM001.yaml: not valid YAML"):
        load_catalogue(tmp_path)


def test_changing_one_character_changes_the_notice_version():  # R1 P2
    item = ITEMS["ZM001"]
    raw = copy.deepcopy(_raw())
    raw["notice"][4]["text"] = raw["notice"][4]["text"].replace("1000元", "2000元")
    changed = parse_item(raw, "ZM001.yaml")
    assert changed.notice_version != item.notice_version
    assert notice_version(item.notice) == item.notice_version
