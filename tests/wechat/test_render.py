"""render.py: WeChat's 2048-byte texts, at most 5 messages per user message, numbered choices."""
from __future__ import annotations

from actions import messages
from bot.core.catalogue import load_catalogue
from bot.channels.wechat.render import (
    CONTINUE_HINT,
    SEPARATOR,
    TEXT_LIMIT_BYTES,
    Choice,
    Outgoing,
    chosen_value,
    merge,
    render_turn,
    settle,
    split_text,
    utf8_len,
)


def test_short_text_is_one_piece():
    assert split_text("  请问您是本人办理，还是代他人办理？  ") == ["请问您是本人办理，还是代他人办理？"]
    assert split_text("   ") == []


def test_long_text_is_cut_after_sentences_within_2048_bytes():
    sentence = "申请人应当如实提交材料并对其真实性负责。"  # 20 characters, 60 bytes
    text = sentence * 80  # 4800 bytes
    pieces = split_text(text)
    assert len(pieces) == 3
    assert all(utf8_len(p) <= TEXT_LIMIT_BYTES for p in pieces)
    assert all(p.endswith("。") for p in pieces)  # every cut is on a sentence boundary
    assert "".join(pieces) == text  # nothing lost, nothing added


def test_sentence_longer_than_the_limit_is_cut_at_clauses_then_characters():
    clause = "材料齐全，" * 200  # one sentence of 3000 bytes with commas
    pieces = split_text(clause + "结束。")
    assert all(utf8_len(p) <= TEXT_LIMIT_BYTES for p in pieces)
    assert pieces[0].endswith("，")
    no_punctuation = "承" * 1000  # 3000 bytes, no boundary at all: cut between characters, never inside one
    pieces = split_text(no_punctuation)
    assert [utf8_len(p) for p in pieces] == [2046, 954]
    assert "".join(pieces) == no_punctuation


def test_limit_counts_bytes_not_characters():
    ascii_text = "a" * 2048
    assert split_text(ascii_text) == [ascii_text]
    assert len(split_text("好" * 683)) == 2  # 2049 bytes


def test_merge_keeps_texts_whole_and_separated():
    merged = merge(["第一条。", "第二条。", "第三条。"])
    assert merged.messages == ["第一条。" + SEPARATOR + "第二条。" + SEPARATOR + "第三条。"]
    assert merged.overflow == []


def test_merge_respects_message_count_and_reports_overflow():
    texts = ["句子。" * 300] * 8  # 8 texts of 2700 bytes: 21600 bytes do not fit in 5 x 2048
    merged = merge(texts, max_messages=5)
    assert len(merged.messages) == 5
    assert all(utf8_len(m) <= TEXT_LIMIT_BYTES for m in merged.messages)
    assert merged.overflow
    delivered = "".join(merged.messages).replace(SEPARATOR, "")
    assert utf8_len(delivered) + sum(utf8_len(o) for o in merged.overflow) == sum(utf8_len(t) for t in texts)


def test_merge_with_continuation_ends_the_last_message_with_the_hint():
    texts = ["句子。" * 300] * 8
    merged = merge(texts, max_messages=5, continuation=CONTINUE_HINT)
    assert len(merged.messages) == 5
    assert merged.messages[-1].endswith(CONTINUE_HINT)
    assert all(utf8_len(m) <= TEXT_LIMIT_BYTES for m in merged.messages)
    delivered = "".join(merged.messages).replace(SEPARATOR, "").replace(CONTINUE_HINT, "")
    assert utf8_len(delivered) + sum(utf8_len(o) for o in merged.overflow) == sum(utf8_len(t) for t in texts)


def test_one_passive_reply_only_when_everything_fits():
    assert merge(["好的。"], max_messages=1).overflow == []
    assert merge(["好" * 700], max_messages=1).overflow  # 2100 bytes: not one message


def test_every_notification_fits_five_messages_with_its_question():  # R6, contract rule 1
    catalogue = load_catalogue()
    for code, item in catalogue.items():
        if not item.commitment_allowed:
            continue
        turn = []
        for index in range(1, len(item.notice) + 1):
            text, custom = messages.notice_section(item, index)
            turn += [{"text": text}, {"custom": custom}]
        text, custom = messages.ask("notice_ack")
        turn += [{"text": text}, {"custom": custom}]
        rendered = render_turn(turn)
        merged = merge(rendered.texts, max_messages=5)
        assert merged.overflow == [], code
        joined = "".join(merged.messages)
        for section in item.notice:
            assert section.text in joined.replace(SEPARATOR, ""), (code, section.title)


def test_options_become_numbered_choices_and_numbers_come_back():
    text, custom = messages.ask("acting_as")
    rendered = render_turn([{"text": text}, {"custom": custom}])
    assert rendered.texts[0].startswith(text)
    assert "回复 1 选择：本人办理" in rendered.texts[0]
    assert "回复 2 选择：代他人办理" in rendered.texts[0]
    assert [c.value for c in rendered.choices] == ["self", "proxy"]
    assert chosen_value("1", rendered.choices) == "self"
    assert chosen_value("２", rendered.choices) == "proxy"  # full-width digit
    assert chosen_value("选2", rendered.choices) == "proxy"
    assert chosen_value("3", rendered.choices) is None  # not offered: the text goes to Rasa as typed
    assert chosen_value("13800138000", rendered.choices) is None
    assert chosen_value("1", None) is None


def test_notice_ack_number_maps_to_the_contract_value():
    text, custom = messages.ask("notice_ack")
    rendered = render_turn([{"text": text}, {"custom": custom}])
    assert chosen_value("1", rendered.choices) == "yes"
    assert chosen_value("2", rendered.choices) == "repeat"
    assert chosen_value("第1条", rendered.choices) is None  # "section 1", not "choice 1"


def test_item_candidates_map_numbers_to_item_codes():
    catalogue = load_catalogue()
    items = [catalogue["ZM001"], catalogue["ZM002"]]
    cand_text, cand_custom = messages.item_candidates(items)
    ask_text, ask_custom = messages.ask("item")
    rendered = render_turn([{"text": cand_text}, {"custom": cand_custom}, {"text": ask_text}, {"custom": ask_custom}])
    assert rendered.texts == [cand_text, ask_text]  # the bot's own list is already numbered
    assert chosen_value("2", rendered.choices) == "ZM002"
    assert chosen_value("第一个", rendered.choices) == "ZM001"


def test_reasking_the_item_keeps_the_list_and_other_questions_clear_it():
    ask_text, ask_custom = messages.ask("item", error="not_a_choice")
    again = render_turn([{"text": ask_text}, {"custom": ask_custom}])
    assert again.choices is None and again.keep_previous_choices
    name_text, name_custom = messages.ask("applicant_name")
    cleared = render_turn([{"text": name_text}, {"custom": name_custom}])
    assert cleared.choices is None and not cleared.keep_previous_choices


def test_buttons_are_numbered_too():
    rendered = render_turn([{"text": "要继续吗？", "buttons": [{"title": "继续", "payload": "/affirm"}, {"title": "不了", "payload": "/deny"}]}])
    assert rendered.texts == ["要继续吗？\n回复 1 选择：继续\n回复 2 选择：不了"]
    assert chosen_value("2", rendered.choices) == "/deny"


def test_custom_without_text_is_not_shown():
    rendered = render_turn([{"text": "您好"}, {"custom": {"stage": "faq", "topic": "proxy"}}])
    assert rendered.texts == ["您好"]


def test_choice_labels_survive_a_round_trip():
    assert chosen_value("1", [Choice("ZM001", "公共租赁住房")]) == "ZM001"


# --- which notice sections a delivery carried in full (settle) ---------------------------------------------

ITEM = load_catalogue()["ZM001"]


def notice_turn(sent_at: str = "2026-01-01T00:00:00.000+00:00"):
    """The whole notice and its question, as the channel's collector hands them over (text, then custom)."""
    turn = []
    for index in range(1, len(ITEM.notice) + 1):
        text, custom = messages.notice_section(ITEM, index)
        turn += [{"text": text, "sent_at": sent_at}, {"custom": custom}]
    text, custom = messages.ask("notice_ack")
    return turn + [{"text": text, "sent_at": sent_at}, {"custom": custom}]


def test_render_turn_marks_each_notice_section_with_its_bot_message():
    rendered = render_turn(notice_turn())
    items = rendered.outgoing()
    assert len(items) == len(ITEM.notice) + 1 and items[-1].notice is None
    for index, item in enumerate(items[:-1], start=1):
        text, custom = messages.notice_section(ITEM, index)
        assert item.notice == {"text": text, "custom": custom, "sent_at": "2026-01-01T00:00:00.000+00:00"}
        assert item.text == text


def test_settle_counts_a_section_only_when_every_piece_was_accepted():
    items = render_turn(notice_turn()).outgoing()
    merged = merge([i.text for i in items], max_messages=5)
    assert len(merged.messages) >= 2 and not merged.overflow

    everything = settle(items, merged, accepted=len(merged.messages))
    assert [n["custom"]["index"] for n, _ in everything.delivered] == list(range(1, len(ITEM.notice) + 1))
    assert everything.owed == []
    for notice, last in everything.delivered:  # the message named is the one carrying the section's end
        assert ITEM.notice[notice["custom"]["index"] - 1].text[-10:] in merged.messages[last].replace("\n", "")

    nothing = settle(items, merged, accepted=0)
    assert nothing.delivered == [] and nothing.owed == items  # kept whole, with their notices

    first_only = settle(items, merged, accepted=1)
    in_first = [i for i, pieces in enumerate(merged.pieces) if pieces and all(w == 0 for _, w in pieces)]
    assert [n["custom"]["index"] for n, _ in first_only.delivered] == [i + 1 for i in in_first]
    assert [o.notice and o.notice["custom"]["index"] for o in first_only.owed] == [
        i + 1 if i < len(ITEM.notice) else None for i in range(len(in_first), len(items))
    ]


def test_a_section_cut_across_a_refused_message_is_not_delivered():
    long_text = "告知书（1/1）承诺内容：" + "申请人应当如实提交材料并对其真实性负责。" * 60  # ~3600 bytes: two messages
    custom = {"stage": "notice_section", "item_code": "ZM001", "notice_version": "v", "index": 1, "total": 1}
    item = Outgoing(long_text, {"text": long_text, "custom": custom, "sent_at": "2026-01-01T00:00:00.000+00:00"})
    merged = merge([long_text], max_messages=5)
    assert len(merged.messages) == 2
    head_only = settle([item], merged, accepted=1)
    assert head_only.delivered == []  # the citizen got half of it: no proof of delivery
    assert len(head_only.owed) == 1 and head_only.owed[0].notice is None  # the rest, as text only
    assert merged.messages[0].replace("\n", "") + head_only.owed[0].text == long_text
    assert [n for n, _ in settle([item], merged, accepted=2).delivered] == [item.notice]
    assert settle([item], merged, accepted=0).owed == [item]


def test_settle_signs_nothing_whose_shown_text_is_not_the_sections():
    text, custom = messages.notice_section(ITEM, 1)
    notice = {"text": text, "custom": custom, "sent_at": "2026-01-01T00:00:00.000+00:00"}
    altered = [Outgoing(text + "（已删节）", notice)]
    merged = merge([i.text for i in altered], max_messages=1)
    assert settle(altered, merged, accepted=1).delivered == []
    unsent = [Outgoing(text, dict(notice, sent_at=None))]
    assert settle(unsent, merge([text], max_messages=1), accepted=1).delivered == []
    plain = [Outgoing(text, notice)]
    assert [n for n, _ in settle(plain, merge([text], max_messages=1), accepted=1).delivered] == [notice]


def test_overflow_pieces_are_owed_in_order():
    texts = [f"第{n}段。" + "句子。" * 300 for n in range(1, 9)]  # more than 5 x 2048 bytes
    items = [Outgoing(t) for t in texts]
    merged = merge(texts, max_messages=5, continuation=CONTINUE_HINT)
    result = settle(items, merged, accepted=len(merged.messages))
    shown = "".join(merged.messages).replace(CONTINUE_HINT, "").replace("\n", "")
    assert shown + "".join(o.text for o in result.owed) == "".join(texts)
