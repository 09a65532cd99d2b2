"""The benchmark's simulated citizens (bench/load.py ``bench_people``): valid, distinct, fictional, and enough
of them that the conversations in flight at the highest level are different people."""
from __future__ import annotations

import json
import stat
from datetime import date

from bench import load
from bot.core import ids

DEMO_IDS = {"410105199001011233", "410102198505052342", "410184197803154566", "410103196208085671",
            "410105200002291113"}
DEMO_NAMES = {"张伟", "李娜", "王芳", "赵强", "刘洋"}


def test_every_id_is_a_valid_resident_id_of_an_adult():
    for _, id_number, _ in load.PEOPLE:
        assert ids.check_resident_id(id_number) is None, id_number
        assert ids.extract_resident_id(f"我的身份证号是{id_number}") == id_number
        born = date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14]))
        assert date(1940, 1, 1) <= born <= date(2000, 1, 1)


def test_one_wrong_digit_is_caught_so_the_check_above_can_fail():
    _, id_number, _ = load.PEOPLE[0]
    last = "0" if id_number[-1] != "0" else "1"
    assert ids.check_resident_id(id_number[:-1] + last) == "invalid_id_checksum"


def test_people_are_distinct_fictional_and_not_the_demo_identities():
    people = load.bench_people()
    assert people == load.PEOPLE == load.bench_people()  # the same on every run
    assert len(people) == load.PEOPLE_COUNT >= 64
    assert len({p[1] for p in people}) == len(people)
    assert len({p[2] for p in people}) == len(people)
    for name, id_number, phone in people:
        assert id_number.startswith("410100") and int(id_number[14:17]) >= 900
        assert id_number not in DEMO_IDS
        assert ids.canonical_phone(phone) == phone and phone.startswith("1380099")
        assert 2 <= len(name) <= 3 and name not in DEMO_NAMES


def test_more_people_than_the_highest_level_keeps_the_person_lock_from_binding():
    # run_level deals people in turn: 50 consecutive conversations are 50 different people.
    window = [load.PEOPLE[i % len(load.PEOPLE)][1] for i in range(10, 60)]
    assert len(set(window)) == 50


def test_the_people_file_has_ids_and_phones_only_and_is_private(tmp_path):
    path = load.write_people_file(tmp_path / load.PEOPLE_FILE_NAME, load.PEOPLE[:3])
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert lines == [{"id": i, "phone": p} for _, i, p in load.PEOPLE[:3]]
