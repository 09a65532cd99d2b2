"""The build step derives the jieba dictionary, the Rasa lookup table and the spaCy patterns from the catalogue
(one source of truth; R1: the catalogue changes and everything follows; P1: aliases people use)."""
from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path

import jieba
import pytest
import yaml

from actions.discovery import normalize
from bot.tools import build
from bot.core.catalogue import DEFAULT_DIR, load_catalogue, parse_item

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue()


def _read_outputs(root: Path):
    return {rel: (root / rel).read_bytes() for rel in (build.USERDICT_PATH, build.LOOKUP_PATH, build.PATTERNS_PATH)}


def test_output_is_deterministic(tmp_path, catalogue):  # stable content hashes
    first = build.build(catalogue, tmp_path / "a")
    second = build.build(dict(reversed(list(catalogue.items()))), tmp_path / "b")  # order of loading is irrelevant
    assert [digest for _, digest in first] == [digest for _, digest in second]
    assert _read_outputs(tmp_path / "a") == _read_outputs(tmp_path / "b")


def test_userdict_has_every_name_alias_and_replaced_proof(tmp_path, catalogue):  # P1
    build.build(catalogue, tmp_path)
    lines = (tmp_path / build.USERDICT_PATH).read_text(encoding="utf-8").splitlines()
    words = set()
    for line in lines:
        word, freq, tag = line.split(" ")
        assert int(freq) == build.USER_WORD_FREQ and tag == build.USER_WORD_TAG
        words.add(word)
    assert lines == sorted(lines)
    for item in catalogue.values():
        for term in (item.name, *item.aliases, *item.replaces, *item.includes_proofs):
            for part in build._JIEBA_WORD_RUN.findall(term):
                if len(part) >= 2:
                    assert part in words, (item.code, term, part)
    # brackets split an entry where jieba could never match it whole
    assert "家庭住房情况证明" in words and "无房证明" in words
    assert not any("（" in w or " " in w for w in words)


def test_userdict_keeps_terms_whole_in_jieba(tmp_path, catalogue):  # what Rasa's JiebaTokenizer will see
    build.build(catalogue, tmp_path)
    tokenizer = jieba.Tokenizer()
    tokenizer.load_userdict(str(tmp_path / build.USERDICT_PATH))
    assert "公租房" in tokenizer.lcut("我想办公租房", HMM=False)


def test_lookup_table_is_rasa_nlu_with_every_name_and_alias(tmp_path, catalogue):
    build.build(catalogue, tmp_path)
    data = yaml.safe_load((tmp_path / build.LOOKUP_PATH).read_text(encoding="utf-8"))
    assert data["version"] == "3.1"
    assert len(data["nlu"]) == 1 and data["nlu"][0]["lookup"] == "item"
    assert set(data) == {"version", "nlu"}
    values = [line[2:] for line in data["nlu"][0]["examples"].splitlines()]
    assert values == sorted(set(values))
    for item in catalogue.values():
        assert item.name in values
        for alias in item.aliases:
            assert alias in values, (item.code, alias)


def test_lookup_table_loads_in_rasa(tmp_path, catalogue):
    from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

    build.build(catalogue, tmp_path)
    training_data = RasaYAMLReader().read(tmp_path / build.LOOKUP_PATH)
    (table,) = training_data.lookup_tables
    assert table["name"] == "item"
    assert "公租房" in table["elements"]


def test_patterns_cover_every_name_alias_and_code(tmp_path, catalogue):
    build.build(catalogue, tmp_path)
    patterns = [json.loads(line) for line in (tmp_path / build.PATTERNS_PATH).read_text(encoding="utf-8").splitlines()]
    assert patterns == build.entity_patterns(catalogue)  # the file is what actions/extract.py uses
    pairs = {(p["pattern"], p["id"]) for p in patterns}
    assert all(p["label"] == "ITEM" for p in patterns)
    for item in catalogue.values():
        assert (item.code.lower(), item.code) in pairs
        for term in (item.name, *item.aliases):
            assert (normalize(term), item.code) in pairs, (item.code, term)
    assert ("食品经营许可(新办)", "XK002") in pairs or "XK002" not in catalogue  # full-width brackets: NFKC


def test_catalogue_change_changes_the_output(tmp_path):  # R1: 动态调整 flows into every artefact
    template = yaml.safe_load((Path(DEFAULT_DIR) / "ZM001.yaml").read_text(encoding="utf-8"))
    before = parse_item(template)
    changed_raw = copy.deepcopy(template)
    changed_raw["aliases"] = list(template["aliases"]) + ["政府租赁房"]
    after = parse_item(changed_raw)
    first = dict(build.build([before], tmp_path / "before"))
    second = dict(build.build([after], tmp_path / "after"))
    assert "政府租赁房" in (tmp_path / "after" / build.LOOKUP_PATH).read_text(encoding="utf-8")
    assert "政府租赁房" not in (tmp_path / "before" / build.LOOKUP_PATH).read_text(encoding="utf-8")
    assert all(
        first[tmp_path / "before" / rel] != second[tmp_path / "after" / rel]
        for rel in (build.USERDICT_PATH, build.LOOKUP_PATH, build.PATTERNS_PATH)
    )


def test_command_line_writes_into_the_repository():
    result = subprocess.run(
        [sys.executable, "-m", "bot.tools.build"], cwd=REPO, capture_output=True, text=True, check=True
    )
    for rel in (build.USERDICT_PATH, build.LOOKUP_PATH, build.PATTERNS_PATH):
        assert str(rel) in result.stdout
        assert (REPO / rel).is_file()
    assert re.search(r"from [1-9]\d* catalogue items", result.stdout)


def test_command_line_builds_another_catalogue_into_another_project(tmp_path):
    """What the admin console runs: its copy of the catalogue into its copy of the project, JSON out."""
    catalogue_dir = tmp_path / "items"
    catalogue_dir.mkdir()
    raw = yaml.safe_load((Path(DEFAULT_DIR) / "ZM001.yaml").read_text(encoding="utf-8"))
    raw["aliases"] = list(raw["aliases"]) + ["政府租赁房"]
    (catalogue_dir / "ZM001.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "project"
    result = subprocess.run(
        [sys.executable, "-m", "bot.tools.build", "--catalogue", str(catalogue_dir), "--out", str(out), "--json"],
        cwd=REPO, capture_output=True, text=True, check=True,
    )
    report = json.loads(result.stdout)
    expected = dict(build.build([parse_item(raw)], tmp_path / "expected"))
    assert report["ok"] is True and report["items"] == 1
    assert [entry["path"] for entry in report["written"]] == [
        str(rel) for rel in (build.USERDICT_PATH, build.LOOKUP_PATH, build.PATTERNS_PATH)]
    for entry in report["written"]:
        assert entry["sha256"] == expected[tmp_path / "expected" / entry["path"]]
        assert (out / entry["path"]).read_bytes() == (tmp_path / "expected" / entry["path"]).read_bytes()
    assert "政府租赁房" in (out / build.LOOKUP_PATH).read_text(encoding="utf-8")


def test_command_line_refuses_a_catalogue_that_does_not_load(tmp_path):
    (tmp_path / "items").mkdir()
    (tmp_path / "items" / "ZM001.yaml").write_text("code: ZM001\n", encoding="utf-8")  # required fields missing
    result = subprocess.run(
        [sys.executable, "-m", "bot.tools.build", "--catalogue", str(tmp_path / "items"), "--out",
         str(tmp_path / "project"), "--json"], cwd=REPO, capture_output=True, text=True,
    )
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False and "ZM001" in report["error"]
    assert not (tmp_path / "project").exists()
