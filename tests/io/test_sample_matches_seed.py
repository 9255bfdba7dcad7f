"""The shipped sample holds the published 2024 report of 长寿湖镇 in full, figure for figure, word for word."""

import re
from pathlib import Path

import pytest

from govform.domain.report import paragraphs
from tests.helpers.reports import sample

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "changshouhu-2024-report.txt"
LINES = [line.strip() for line in SEED.read_text(encoding="utf-8").split("\n")]
REPORT = sample()
FMT = REPORT.format


def _between(start: str, end: str) -> list[str]:
    i, j = LINES.index(start), LINES.index(end)
    return [line for line in LINES[i + 1 : j] if line]


def _seed_figures(table_id: str) -> list[str]:
    section = FMT.section_of_table(table_id)
    following = FMT.sections[FMT.sections.index(section) + 1]
    return [line for line in _between(section.heading, following.heading) if re.fullmatch(r"\d+(\.\d+)?", line)]


@pytest.mark.parametrize(("table_id", "count"), [("proactive", 10), ("applications", 175), ("appeals", 15)])
def test_every_figure_equals_the_seed(table_id, count):
    figures = _seed_figures(table_id)
    cells = FMT.tables[table_id].cells
    assert len(figures) == len(cells) == count
    for cell, figure in zip(cells, figures, strict=True):
        assert str(REPORT.value(table_id, *cell)) == figure, FMT.tables[table_id].cell_label(*cell)


def test_metadata():
    assert REPORT.title_lines() == ("重庆市长寿区长寿湖镇人民政府", "2024年政府信息公开工作年度报告")
    assert LINES[0] == REPORT.agency and LINES[2] == REPORT.title_lines()[1]
    assert REPORT.signature_date() == "2025年1月17日" and REPORT.agency_kind == "township"


def test_every_narrative_paragraph_is_verbatim_and_in_order():
    """Body text of the seed (outside the tables) equals the sample's, paragraph by paragraph."""
    seed_text = set(_between(LINES[2], "二、主动公开政府信息情况"))
    seed_text |= set(_between("五、存在的主要问题及改进情况", "2025年1月17日"))
    headings = {s.heading for s in FMT.sections}
    lost_numbers = {"（三）政府信息管理情况": "政府信息管理情况", "（五）监督保障情况": "监督保障情况"}
    seed_paragraphs = [
        lost_numbers.get(line, line)
        for line in _between(LINES[2], "2025年1月17日")
        if line in seed_text and line not in headings and line != REPORT.agency
    ]
    ours = paragraphs(REPORT.preamble)
    for section in FMT.sections:
        narrative = REPORT.narratives[section.id]
        ours += paragraphs(narrative.text)
        for sub in narrative.subsections:
            ours += [sub.title, *paragraphs(sub.text)]
    assert ours == seed_paragraphs


def test_subheads_are_the_seed_titles_with_numbers_restored():
    overview = FMT.section("overview")
    numbered = [
        overview.subsection_number(i) + s.title for i, s in enumerate(REPORT.narratives["overview"].subsections)
    ]
    assert numbered == [
        "（一）主动公开情况",
        "（二）依申请公开情况",
        "（三）政府信息管理情况",
        "（四）政府信息公开平台建设情况",
        "（五）监督保障情况",
    ]
