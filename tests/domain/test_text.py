"""Text carried over from last year's document, and long names broken between words."""

import time

import pytest

from govform.domain.text import (
    balanced_lines,
    name_breaks,
    strip_indent,
    strip_indents,
    strip_subhead_number,
    subhead_number,
    text_width,
)
from tests.helpers.reports import STRESS_AGENCY


@pytest.mark.parametrize(
    ("title", "number", "stripped"),
    [
        ("（一）主动公开情况", "（一）", "主动公开情况"),
        ("(二)依申请公开", "(二)", "依申请公开"),
        ("一、总体情况", "一、", "总体情况"),
        ("十二．其他", "十二．", "其他"),
        ("1.政府信息管理", "1.", "政府信息管理"),
        ("2、平台建设", "2、", "平台建设"),
        ("(1)监督保障", "(1)", "监督保障"),
        ("（3） 监督保障", "（3）", "监督保障"),
        ("　　（四）平台建设情况", "（四）", "平台建设情况"),
        ("①其他", "①", "其他"),
        ("（一）", "（一）", ""),
    ],
)
def test_a_numbered_title_loses_its_number(title, number, stripped):
    assert subhead_number(title) == number
    assert strip_subhead_number(title) == stripped


@pytest.mark.parametrize(
    "title", ["主动公开情况", "1.5亿元专项资金使用情况", "一是加强领导", "十四五规划实施", "二类事项", ""]
)
def test_a_title_without_a_number_is_left_as_it_is(title):
    assert subhead_number(title) is None
    assert strip_subhead_number(title) == title


def test_paragraphs_lose_the_indent_they_were_pasted_with():
    assert strip_indent("\u3000\u30002024年，本机关") == "2024年，本机关"
    assert strip_indent(" \t\u00a0\u3000文字　中间的空格留着") == "文字　中间的空格留着"
    assert strip_indents("　　第一段\n\t第二段\n\n  第三段") == "第一段\n第二段\n\n第三段"


def test_widths_count_chinese_as_one_and_digits_as_half():
    assert text_width("2025年1月17日") == 6.5
    assert text_width("“三安全一稳定”") == 8


def test_agency_names_break_only_between_words():
    assert sorted(name_breaks("重庆市长寿区长寿湖镇人民政府")) == [3, 6, 10]
    assert sorted(name_breaks("杭州市市场监督管理局")) == [3]  # not 市/场
    assert sorted(name_breaks("重庆市城市管理局")) == [3]  # not 城市/管理
    assert sorted(name_breaks("长寿区住房和城乡建设委员会办公室")) == [3]  # not 城乡/建设, not 委员会/办公室
    assert name_breaks("某某局（某某中心）") == {3: True}


def test_a_long_agency_breaks_into_balanced_lines_at_word_boundaries():
    lines = balanced_lines(STRESS_AGENCY, 20)
    assert lines == ["重庆市长寿区经济和信息化委员会", "信息化建设处（大数据发展中心）"]
    # The examples: never inside 信息化建设处, never a lopsided 20 + 3.
    lines = balanced_lines("重庆市长寿区经济和信息化委员会信息化建设处（重庆市长寿区大数据发展办公室）", 20)
    assert "".join(lines).count("信息化建设处") == 1 and all(
        "信息化建设处" in line or "处" not in line for line in lines
    )
    lines = balanced_lines("重庆市长寿区人民政府办公室长寿湖镇人民政府办公室", 20)
    assert lines == ["重庆市长寿区人民政府办公室", "长寿湖镇人民政府办公室"]
    lines = balanced_lines("中共重庆市委网络安全和信息化委员会办公室（重庆市互联网信息办公室）", 20)
    assert lines == ["中共重庆市委网络安全和信息化委员会办公室", "（重庆市互联网信息办公室）"]
    assert balanced_lines("重庆市长寿区长寿湖镇人民政府", 20) == ["重庆市长寿区长寿湖镇人民政府"]


def test_the_clerks_own_break_is_used_while_it_still_spells_the_name():
    chosen = "重庆市长寿区经济和信息化委员会信息化建设处\n（大数据发展中心）"
    assert balanced_lines(STRESS_AGENCY, 26, chosen) == chosen.split("\n")
    assert balanced_lines(STRESS_AGENCY, 20, chosen) == balanced_lines(STRESS_AGENCY, 20)  # a line too long
    assert balanced_lines(STRESS_AGENCY + "办", 26, chosen) == balanced_lines(STRESS_AGENCY + "办", 26)  # stale
    assert balanced_lines("短名称", 20, "短\n名称") == ["短名称"]  # fits: one line


def test_any_text_breaks_quickly_into_lines_that_fit():
    started = time.perf_counter()
    for name in ("市" * 500, "一" * 1000, "局办处" * 40, "A" * 100, STRESS_AGENCY * 4):
        lines = balanced_lines(name, 20)
        assert "".join(lines) == name and all(text_width(line) <= 20 for line in lines)
    assert time.perf_counter() - started < 1.0
