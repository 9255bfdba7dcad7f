"""Sub-head headings as the importer recognises them."""

import pytest

from govform.domain.format import load_format
from govform.domain.subheads import subhead_heading

FORMAT = load_format("standard-2021")
OVERVIEW = FORMAT.section("overview")
STANDARD = (*OVERVIEW.subsections, *OVERVIEW.optional_subsections)


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
