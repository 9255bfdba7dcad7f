"""The real program on a real X screen, driven from the outside as a clerk drives it: `python -m govform` on
Xvfb with openbox, keys pressed and text typed with xdotool, and what the clerk did read back from the project
file the window saved with Ctrl+S.

The window's other tests send Qt's key events to widgets offscreen. Some defects passed them and showed only
on a real screen: Ctrl+Z in a text box went through the box's own undo, and the text it took away could not be
redone. Xvfb, openbox and xdotool come with `make test` (packaging/linux/system-deps.sh test)."""

from __future__ import annotations

import json
import re
import shutil
import sys
from functools import partial
from operator import itemgetter

import pytest

from govform.resources import sample_project
from tests.helpers.x_screen import Program, missing_tools, x_screen

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Xvfb and xdotool are X11 tools")

SENTENCE = "Typed on a real X screen, undone and redone."
TABS_TO_SIX = 6  # 基本信息 → 一 → 二 → 三 → 四 → 五 → 六


@pytest.fixture(scope="module")
def display(tmp_path_factory):
    missing = missing_tools()
    if missing:
        pytest.fail(f"{', '.join(missing)} missing: `sh packaging/linux/system-deps.sh test` as root installs them")
    with x_screen(tmp_path_factory.mktemp("x-screen")) as display:
        yield display


@pytest.fixture
def program(display, tmp_path):
    """The program started on a copy of the sample under a clerk's name (the sample itself is never saved
    over), its window found and given the keyboard."""
    project = tmp_path / "镇2025年报.govform"
    shutil.copyfile(sample_project(), project)
    program = Program(display, project, tmp_path)
    try:
        program.activate(re.escape(project.name))
        yield program
    finally:
        program.stop()


def six(report: dict) -> str:
    """六、其他需要报告的事项 as saved: its paragraphs, one a line."""
    return "\n".join(report["sections"]["other"]["text"])


def where(text: str, report: dict) -> str:
    """Where in `report` `text` is (for a failure to say where the typing went), and what 六 says."""
    fields = {name: value for name, value in report.items() if name != "sections"}
    fields.update({f"sections/{name}": value for name, value in report["sections"].items()})
    places = [name for name, value in fields.items() if text in json.dumps(value, ensure_ascii=False)]
    return f"the sentence is in {places or 'no text'}; 六 says {six(report)!r}"


def quits_cleanly(program: Program) -> None:
    """Ctrl+Q ends the program with status 0, no traceback, and no error log."""
    status = program.quit()
    errors = program.errors()
    assert status == 0, f"exit status {status}; standard error: {errors}"
    assert "Traceback" not in errors, errors
    logs = sorted(path.name for path in (program.home / "logs").glob("errors.log*"))
    assert not logs, f"{logs} in {program.home / 'logs'}: {(program.home / 'logs' / logs[0]).read_text()}"


def test_a_sentence_typed_undone_and_redone_with_keys_survives_a_save(program):
    before = six(program.saved())
    program.keys(*["ctrl+Next"] * TABS_TO_SIX)  # a tab switch puts the keyboard on the page's first text box
    program.type(SENTENCE)
    saved = program.save(lambda report: SENTENCE in six(report), f"{SENTENCE!r} saved in 六", partial(where, SENTENCE))
    typed = six(saved)
    assert typed != before

    program.keys("ctrl+z")  # typing is one step: one Ctrl+Z takes all of it away
    program.save(lambda report: six(report) == before, "one Ctrl+Z to take the typed sentence out of 六", six)
    program.keys("ctrl+y")
    program.save(lambda report: six(report) == typed, "Ctrl+Y to put the sentence back in 六", six)
    program.keys("ctrl+z")
    program.save(lambda report: six(report) == before, "Ctrl+Z to take it out again", six)
    program.keys("ctrl+shift+z")
    program.save(lambda report: six(report) == typed, "Ctrl+Shift+Z to put it back again", six)

    quits_cleanly(program)


def test_a_date_typed_as_2026_1_15_is_saved_as_that_day(program):
    assert program.saved()["signed_on"] == "2025-01-17"
    program.keys("alt+d", "ctrl+a")  # 成文日期(D), all of what it shows selected
    program.type("2026-1-15")
    program.keys("Tab")  # done typing: the date is taken
    signed_on = itemgetter("signed_on")
    program.save(lambda report: signed_on(report) == "2026-01-15", "成文日期 2026-1-15 saved as 2026-01-15", signed_on)

    quits_cleanly(program)


def test_a_figure_still_being_typed_is_saved_and_alt_d_types_no_letter(program):
    """Two defects this test found on a real screen: Ctrl+S while a cell's editor was open saved the old
    figure (and Ctrl+Q then quit without asking), and Alt+D on a tab without 成文日期 typed a "d"."""

    def cell(report: dict) -> int | None:
        return report["tables"]["applications"]["new"]["natural_person"]

    assert cell(program.saved()) == 1
    program.keys(*["ctrl+Next"] * 3)  # 三: the keyboard on its first figure, 本年新收 by 自然人
    program.type("7")  # typed into the cell, not entered
    program.save(lambda report: cell(report) == 7, "7 in 本年新收/自然人, saved by Ctrl+S without Enter", cell)

    program.keys(*["ctrl+Next"] * 3)  # 六
    program.keys("alt+d")
    program.type("X")
    program.save(lambda report: "X" in json.dumps(report, ensure_ascii=False), "the X typed after Alt+D saved", six)
    assert "dX" not in json.dumps(program.saved(), ensure_ascii=False), six(program.saved())

    quits_cleanly(program)


def test_back_at_a_table_with_blanks_the_keys_go_into_its_cell(display, tmp_path):
    """From 六, Ctrl+PgUp four times to 二 (which has a blank, so its 未发生的事项填0 button shows): Qt gave that
    button the keyboard, without a frame in sight; the 7 typed next was lost (and a Space would fill 0s)."""
    project = tmp_path / "有空格.govform"
    data = json.loads(sample_project().read_text(encoding="utf-8"))
    data["report"]["tables"]["proactive"]["regulations"]["issued"] = None  # the page's first cell
    project.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    program = Program(display, project, tmp_path)
    try:
        program.activate(re.escape(project.name))
        program.keys(*["ctrl+Next"] * TABS_TO_SIX, *["ctrl+Prior"] * 4)  # to 六, then back to 二
        program.type("7")
        program.keys("Return")

        def issued(report: dict) -> int | None:
            return report["tables"]["proactive"]["regulations"]["issued"]

        program.save(lambda report: issued(report) == 7, "7 typed into 二's first cell", issued)
        quits_cleanly(program)
    finally:
        program.stop()
