"""The catalogue in the database: loading, versioning, reading (R1, R2, R6, P2)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import yaml
from sqlalchemy import create_engine, text

from api import cli
from bot.core.catalogue import load_catalogue
from tests.api.helpers import commitment_body, notice_version, publish_catalogue_before, run_cli, verify_path


def _versions(settings, code):
    engine = create_engine(settings.database_url)
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT version, notice_version FROM item_versions WHERE item_code = :c ORDER BY version"), {"c": code}
        ).all()
    engine.dispose()
    return rows


def _edit_notice(settings, code, section_index, new_text):
    path = settings.catalogue_path / f"{code}.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["notice"][section_index]["text"] = new_text
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")


def test_list_items_has_every_item_with_its_version_and_notice_version(client, initialised):
    # R1: every catalogue item is served, each with its version and the hash of its notification.
    items = client.get("/api/v1/catalogue/items").json()
    expected = load_catalogue(initialised.catalogue_path)
    assert [i["code"] for i in items] == sorted(expected)
    for item in items:
        assert item["version"] == 1
        assert item == {**expected[item["code"]].to_dict(), "notice_version": expected[item["code"]].notice_version, "version": 1}


def test_excluded_item_is_listed_without_a_notice(client):
    # R2: the excluded item is in the catalogue so the bot can say why; it has no notification to commit to.
    item = client.get("/api/v1/catalogue/items/XK101").json()
    assert item["commitment_allowed"] is False
    assert item["notice_version"] is None
    assert item["exclusion"]["category"] == "公共安全"


def test_unknown_item_is_a_404_in_the_error_shape(client):
    response = client.get("/api/v1/catalogue/items/ZM999")
    assert response.status_code == 404
    assert response.json()["error"] == "unknown_item"
    assert response.json()["message"]


def test_reloading_an_unchanged_catalogue_adds_no_version(initialised):
    # R1: a version is a change; loading the same files again records nothing.
    assert cli.load_catalogue(initialised) == 0
    assert [v for v, _ in _versions(initialised, "ZM001")] == [1]


def test_changed_notice_makes_a_new_version_and_old_commitments_keep_theirs(client, initialised):
    # R1: every change is versioned; P2: a commitment stays bound to the text it was shown.
    old_version = notice_version(client, "ZM001")
    first = client.post("/api/v1/commitments", json=commitment_body(client, "ZM001")).json()

    _edit_notice(initialised, "ZM001", 6, "本事项的承诺书不向社会公开，仅由实施机关查阅；承诺书及核查结果保存8年。")
    assert cli.load_catalogue(initialised) == 0
    publish_catalogue_before(initialised, datetime.now(timezone.utc) - timedelta(days=1))  # before the conversation

    versions = _versions(initialised, "ZM001")
    assert [v for v, _ in versions] == [1, 2]
    assert versions[0][1] == old_version and versions[1][1] != old_version
    current = client.get("/api/v1/catalogue/items/ZM001").json()
    assert current["version"] == 2 and current["notice_version"] == versions[1][1]
    assert "保存8年" in current["notice"][6]["text"]

    # The old text stays readable by its hash, and the old commitment still cites (and verifies against) it.
    old = client.get(f"/api/v1/catalogue/items/ZM001/versions/{old_version}").json()
    assert old["version"] == 1 and "保存5年" in old["notice"][6]["text"]
    verification = client.get(verify_path(client, first['commitment_no'])).json()
    assert verification["valid"] is True
    assert verification["notice_version"] == old_version

    # A new commitment on the new text cites version 2.
    second = client.post("/api/v1/commitments", json=commitment_body(client, "ZM001")).json()
    assert second["notice_version"] == versions[1][1]
    engine = create_engine(initialised.database_url)
    with engine.connect() as connection:
        cited = dict(
            connection.execute(
                text(
                    "SELECT c.commitment_no, v.version FROM commitments c "
                    "JOIN item_versions v ON v.id = c.item_version_id"
                )
            ).all()
        )
    engine.dispose()
    assert cited == {first["commitment_no"]: 1, second["commitment_no"]: 2}


def test_non_notice_change_is_a_new_version_with_the_same_notice_version(initialised):
    # R1: any content change (here an alias) is versioned, though the notification hash stays the same.
    path = initialised.catalogue_path / "ZM001.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["aliases"].append("公租房资格认定")
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    assert cli.load_catalogue(initialised) == 0
    versions = _versions(initialised, "ZM001")
    assert [v for v, _ in versions] == [1, 2]
    assert versions[0][1] == versions[1][1]


def test_unknown_notice_version_of_an_item_is_404(client):
    response = client.get("/api/v1/catalogue/items/ZM001/versions/" + "ab" * 32)
    assert response.status_code == 404
    assert response.json()["error"] == "unknown_notice_version"


def test_removed_item_leaves_the_list_but_its_versions_stay(client, initialised):
    # R1 动态调整: an item taken out of the catalogue is no longer offered; what was committed stays readable.
    version = notice_version(client, "ZM004")
    (initialised.catalogue_path / "ZM004.yaml").unlink()
    assert cli.load_catalogue(initialised) == 0
    assert "ZM004" not in [i["code"] for i in client.get("/api/v1/catalogue/items").json()]
    assert client.get("/api/v1/catalogue/items/ZM004").status_code == 404
    assert client.get(f"/api/v1/catalogue/items/ZM004/versions/{version}").status_code == 200


def test_cli_refuses_a_bad_catalogue_file_with_the_loaders_message_and_changes_nothing(initialised):
    # R6 / 五(四): a notification with a vague catch-all clause is refused; the CLI exits non-zero.
    _edit_notice(initialised, "ZM004", 2, "申请人须提交身份证件以及其他材料，由窗口视情况确定。")
    result = run_cli(initialised, "load-catalogue")  # the command's main, as ``python -m api.cli`` runs it
    assert result.returncode != 0
    assert "ZM004.yaml" in result.stderr and "notice[3].text" in result.stderr and "其他材料" in result.stderr
    assert [v for v, _ in _versions(initialised, "ZM004")] == [1]


def test_the_shipped_catalogue_loads_into_the_database(tmp_path):
    # R1: the catalogue the project ships (data/catalogue/items) is what the database serves.
    from api.catalogue.service import active_items, load_into_database
    from api.config import Settings
    from api.database import make_engine, make_sessionmaker

    settings = Settings(database_url=f"sqlite:///{tmp_path / 'shipped.db'}", data_key_path=tmp_path / "data.key")
    assert cli.migrate(settings) == 0
    engine = make_engine(settings.database_url)
    factory = make_sessionmaker(engine)
    with factory.begin() as session:
        report = load_into_database(session, settings.catalogue_path)
    with factory() as session:
        served = {v.item_code: v.notice_version for v in active_items(session)}
    engine.dispose()
    shipped = load_catalogue()
    assert len(report.new_versions) == len(shipped)
    assert served == {code: item.notice_version for code, item in shipped.items()}


def test_plain_postgresql_urls_use_psycopg3():
    from api.config import Settings

    assert Settings(database_url="postgresql://u@h/db").database_url == "postgresql+psycopg://u@h/db"
