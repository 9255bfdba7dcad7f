"""Sub-head headings as the importer and the paste recognise them, and a whole section pasted at once."""

import pytest

from govform.domain.format import load_format
from govform.domain.report import Narrative, Subsection
from govform.domain.subheads import paste_subheads, subhead_heading

FORMAT = load_format("standard-2021")
OVERVIEW = FORMAT.section("overview")
STANDARD = (*OVERVIEW.subsections, *OVERVIEW.optional_subsections)
TITLES = ("主动公开", "依申请公开", "政府信息管理", "政府信息公开平台建设", "监督保障")


def new_overview(**texts: str) -> Narrative:
    """§一 of a new report: the five standard sub-heads, with the texts given by title."""
    return Narrative("", [Subsection(title, texts.get(title, "")) for title in TITLES])


def paste(narrative: Narrative, text: str, box: int | None = None, start: int = 0, end: int | None = None):
    boxed = narrative.text if box is None else narrative.subsections[box].text
    return paste_subheads(
        narrative, OVERVIEW.title, STANDARD, text, box=box, start=start, end=len(boxed) if end is None else end
    )


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("（一）主动公开", ("主动公开", "")),
        ("(一)主动公开", ("主动公开", "")),
        ("（ 二 ） 依申请公开", ("依申请公开", "")),
        ("(3)政府信息管理情况", ("政府信息管理情况", "")),
        ("（一）主动公开情况。本年度公开政府信息128条。", ("主动公开情况", "本年度公开政府信息128条。")),
        ("（四）平台建设：网站运行平稳", ("平台建设", "网站运行平稳")),
        ("一、主动公开", ("一、主动公开", "")),  # kept as written: the export and W7 deal with the number
        ("监督保障：", ("监督保障", "")),
        ("本年度主动公开政府信息128条。", None),
        ("主动公开。", None),
        ("镇政府网站信息公开专栏运行平稳", None),
    ],
)
def test_a_heading_as_the_importer_reads_it(line, heading):
    assert subhead_heading(line, STANDARD) == heading


def test_a_styled_short_line_is_a_heading_whatever_its_words():
    assert subhead_heading("1. 疫情防控信息公开", STANDARD, styled=True) == ("疫情防控信息公开", "")
    assert subhead_heading("疫情防控信息公开", STANDARD) is None


LAST_YEAR = (
    "（一）主动公开\n本年度公开政府信息128条。\n\n（二）依申请公开\n　　依申请公开工作按时办结。\n"
    "（三）政府信息管理\n及时清理过时信息。\n（四）政府信息公开平台建设\n网站运行平稳。\n"
    "（五）监督保障\n将政务公开纳入考核。\n"
)
FILLED = (
    "本年度公开政府信息128条。",
    "依申请公开工作按时办结。",
    "及时清理过时信息。",
    "网站运行平稳。",
    "将政务公开纳入考核。",
)


@pytest.mark.parametrize(
    "numbered",
    [
        lambda n, title: f"（{n}）{title}",
        lambda n, title: f"{n}、{title}",
        lambda n, title: f"({n}){title}",
        lambda n, title: f"（{n}） {' '.join(title)}",  # stray spaces, as a justified Word line copies
        lambda n, title: f"　　（{n}）{title}情况",  # indented, the title worded a little differently
    ],
)
def test_each_heading_fills_its_subhead(numbered):
    text = "\r\n".join(
        f"{numbered(n, title)}\r\n{body}" for n, title, body in zip("一二三四五", TITLES, FILLED, strict=True)
    )
    result = paste(new_overview(), text)
    assert result is not None
    assert result.texts == FILLED
    assert result.text == ""
    assert result.added == ()
    assert result.filled == TITLES


def test_blank_lines_and_indents_of_a_word_copy_are_dropped():
    result = paste(new_overview(), LAST_YEAR)
    assert result is not None
    assert result.texts == FILLED


def test_a_heading_with_its_text_on_the_same_line():
    text = "（一）主动公开。本年度公开政府信息128条。\n另有政策解读5篇。\n（二）依申请公开：按时办结。"
    result = paste(new_overview(), text)
    assert result is not None
    assert result.texts[:2] == ("本年度公开政府信息128条。\n另有政策解读5篇。", "按时办结。")


def test_text_without_a_heading_is_pasted_as_it_is():
    assert paste(new_overview(), "本年度公开政府信息128条。\n依申请公开工作按时办结。") is None
    assert paste(new_overview(), "") is None


def test_a_paste_far_longer_than_a_section_is_pasted_as_it_is_at_once():
    """100,000 short lines after a heading took 3.8 s to look through, the window frozen meanwhile."""
    from govform.domain.subheads import SPLIT_LINES

    assert paste(new_overview(), LAST_YEAR + "\n".join("第一行" for _ in range(SPLIT_LINES))) is None
    assert paste(new_overview(), LAST_YEAR) is not None  # what a whole section is, still split


def test_headings_alike_to_one_another_each_add_their_own_sub_head():
    """（2）'s heading, alike to （1）'s, was taken for it and dropped: its words were nowhere in the report."""
    text = "（一）主动公开\n（六）第一项工作情况\n甲。\n（七）第二项工作情况\n乙。\n（八）第二项工作情况\n丙。"
    split = paste(new_overview(), text)
    assert split.added == (("第一项工作情况", "甲。"), ("第二项工作情况", "乙。"), ("第二项工作情况", "丙。"))
    assert split.filled == ("第一项工作情况", "第二项工作情况", "第二项工作情况")


def test_a_paste_adding_more_sub_heads_than_any_section_has_is_pasted_as_it_is():
    """600 numbered lines after one real heading added 600 sub-heads: 10 s to look through (each new title
    compared with every one before it), then minutes for the window to make their boxes, and past the export's
    1,000 sub-heads after two such pastes, the report no longer exportable."""
    from govform.domain.subheads import SPLIT_ADDED

    items = [f"（{i}）第{i}项工作情况" for i in range(1, SPLIT_ADDED + 2)]
    assert paste(new_overview(), "\n".join(["（一）主动公开", *items])) is None
    split = paste(new_overview(), "\n".join(["（一）主动公开", *items[:SPLIT_ADDED]]))
    assert split is not None and len(split.added) == SPLIT_ADDED


def test_a_title_inside_a_paragraph_does_not_split():
    text = "本年度主动公开政府信息128条。\n主动公开工作按要求推进，依申请公开按时办结\n监督保障有力。"
    assert paste(new_overview(), text) is None


def test_a_title_mid_line_stays_in_the_text_of_its_subhead():
    result = paste(new_overview(), "（一）主动公开\n坚持主动公开为常态，依申请公开为例外。\n（五）监督保障\n纳入考核。")
    assert result is not None
    assert result.texts[0] == "坚持主动公开为常态，依申请公开为例外。"
    assert result.texts[4] == "纳入考核。"


def test_numbered_items_of_no_subhead_alone_do_not_split():
    assert paste(new_overview(), "（1）加强组织领导。成立领导小组。\n（2）完善制度。") is None


def test_text_before_the_first_heading_goes_where_the_cursor_is():
    narrative = new_overview()
    narrative.text = "开头。结尾。"
    result = paste(narrative, "　　2024年，本镇认真落实条例。\n（一）主动公开\n公开128条。", box=None, start=3, end=3)
    assert result is not None
    assert result.text == "开头。　　2024年，本镇认真落实条例。结尾。"  # mid-line: its spaces kept, as in any paste
    assert result.texts[0] == "公开128条。"


def test_at_a_line_start_the_text_before_loses_its_indent():
    result = paste(new_overview(), "　　2024年，本镇认真落实条例。\n（一）主动公开\n公开128条。")
    assert result is not None
    assert result.text == "2024年，本镇认真落实条例。"


def test_the_section_heading_copied_with_it_is_left_out():
    result = paste(new_overview(), "一、总体情况\n2024年，本镇认真落实条例。\n（一）主动公开\n公开128条。")
    assert result is not None
    assert result.text == "2024年，本镇认真落实条例。"


def test_a_selection_in_a_subhead_box_is_replaced_by_the_text_before():
    narrative = new_overview(主动公开="旧的文字")
    result = paste(narrative, "新的文字\n（二）依申请公开\n按时办结。", box=0, start=0, end=4)
    assert result is not None
    assert result.texts[:2] == ("新的文字", "按时办结。")


def test_what_the_clerk_typed_is_kept_and_the_paste_follows_it():
    narrative = new_overview(主动公开="今年新增政策解读5篇。", 监督保障="纳入考核。\n")
    result = paste(narrative, "（一）主动公开\n公开128条。\n（五）监督保障\n开展培训2次。", box=1, start=0, end=0)
    assert result is not None
    assert result.texts[0] == "今年新增政策解读5篇。\n公开128条。"
    assert result.texts[4] == "纳入考核。\n开展培训2次。"
    assert result.texts[1] == ""  # the box with the cursor: nothing before the first heading
    assert result.filled == ("主动公开", "监督保障")


def test_the_box_with_the_cursor_gets_its_heading_text_after_the_text_before():
    narrative = new_overview(主动公开="已有。")
    result = paste(narrative, "前言。\n（一）主动公开\n公开128条。", box=0, start=3, end=3)
    assert result is not None
    assert result.texts[0] == "已有。前言。\n公开128条。"


def test_a_heading_of_a_subhead_the_report_lacks_adds_it():
    text = "（一）主动公开\n公开128条。\n（六）政务公开工作创新情况\n开设专栏。\n（七）疫情防控信息公开\n发布通告3则。"
    result = paste(new_overview(), text)
    assert result is not None
    assert result.added == (("政务公开工作创新情况", "开设专栏。"), ("疫情防控信息公开", "发布通告3则。"))
    assert result.filled == ("主动公开", "政务公开工作创新情况", "疫情防控信息公开")


def test_an_optional_heading_written_without_a_number_adds_it_without_one():
    other = FORMAT.section("other")
    result = paste_subheads(
        Narrative(), other.title, other.optional_subsections, "1、其他\n无。", box=None, start=0, end=0
    )
    assert result is not None
    assert result.added == (("其他", "无。"),)


def test_a_renamed_subhead_of_the_report_gets_its_text():
    narrative = Narrative("", [Subsection("网站和政务新媒体建设")])
    result = paste(narrative, "（一）网站和政务新媒体建设\n运行平稳。")
    assert result is not None
    assert result.texts == ("运行平稳。",)
    assert result.added == ()


def test_headings_alone_over_subheads_already_there_change_nothing():
    assert paste(new_overview(), "（一）主动公开\n（二）依申请公开") is None


def test_the_message_names_the_subheads_filled_in_both_languages():
    result = paste(new_overview(), LAST_YEAR)
    assert result is not None
    assert result.message().text() == (
        "已按小标题分段粘贴：主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障（5 个小标题）。"
    )
    assert result.message().text("en") == (
        "Pasted by sub-head: 主动公开, 依申请公开, 政府信息管理, 政府信息公开平台建设, 监督保障 (5 sub-heads)."
    )


def test_the_message_counts_what_it_does_not_name_and_the_subheads_added():
    text = LAST_YEAR + "（六）政务公开工作创新情况\n开设专栏。"
    result = paste(new_overview(), text)
    assert result is not None
    assert result.message().text() == (
        "已按小标题分段粘贴：主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障等"
        "（6 个小标题，其中新增 1 个）。"
    )
