"""The action server's catalogue cache picks up every published change, including a new alias alone."""
from __future__ import annotations

import dataclasses

from actions.catalogue import CatalogueCache
from bot.core.catalogue import load_catalogue


def test_an_alias_published_without_a_notice_change_reaches_discovery():
    items = load_catalogue()
    cache = CatalogueCache()
    cache._install(items, "api")
    assert all(code != "ZM001" for code, _ in cache.index.search("蜗居补贴房", k=3))
    zm001 = items["ZM001"]
    changed = dict(items, ZM001=dataclasses.replace(zm001, aliases=zm001.aliases + ("蜗居补贴房",)))
    assert changed["ZM001"].notice_version == zm001.notice_version
    cache._install(changed, "api")
    assert [code for code, _ in cache.index.search("蜗居补贴房", k=3)][:1] == ["ZM001"]
