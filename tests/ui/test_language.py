"""Defects 10 and 11: the English window is complete and speaks no Chinese outside the report's own words and
official labels; the Chinese window's Qt dialogs are Chinese too."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from govform.resources import resources_dir

ROOT = Path(__file__).resolve().parents[2]
TS = resources_dir() / "translations" / "govform_en.ts"
CHINESE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\u3000-\u303f\uff01-\uff5e]")  # ideographs, CJK punctuation


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            found[(name, message.findtext("source"))] = message.find("translation")
    return found


def test_every_string_of_the_english_ui_is_translated():
    for (context, source), translation in messages(TS).items():
        assert translation is not None and translation.get("type") is None and translation.text, (context, source)


def test_the_translations_hold_every_string_the_window_has(tmp_path):
    """A string added to the window without its translation fails here (make translations, then translate)."""
    sources = sorted(str(p) for p in (ROOT / "govform").rglob("*.py"))
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [str(lupdate), *sources, "-source-language", "zh_CN", "-target-language", "en", "-ts", str(fresh)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert set(messages(fresh)) <= set(messages(TS))


def test_the_english_window_shows_no_chinese_outside_the_report_and_its_official_labels(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GOVFORM_HOME=str(tmp_path), PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("english_driver.py"))],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    texts, official = seen["texts"], seen["official"]
    assert "&File" in texts and "Problems" in texts and "Guide" in texts  # it is the English window
    assert seen["clashes"] == {}  # no Alt+letter claimed twice (Alt+T opens Tools)
    assert seen["narrowest"] <= 1024  # the sample's banner wraps: the window fits a 1024-wide screen
    chinese = []
    for text in texts:
        rest = text
        for allowed in official:
            rest = rest.replace(allowed, " ")
        if CHINESE.search(rest):
            chinese.append(text)
    assert chinese == []


def test_qt_s_own_file_dialog_is_chinese(qtbot):
    dialog = QFileDialog(None, "打开", str(ROOT))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"查找范围(&L)：", "文件类型(&T)：", "文件名称(&N)："} <= labels
    assert not any(re.search("[A-Za-z]{2,}", text) for text in labels)  # no "Look in", no "Files of type"
    assert QApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert QApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms") == "文件夹"


def test_english_puts_the_alt_letter_in_a_word_not_in_brackets_after_it():
    """In English the Alt letter is underlined in a word; "Previous tab (B)" is the Chinese way of showing it."""
    bracketed = [
        (context, source, translation.text)
        for (context, source), translation in messages(TS).items()
        if translation is not None
        and translation.text
        and "{key}" not in source  # a field's label, whatever its words: the letter follows it
        and re.search(r"\(&[^&]\)", translation.text)
    ]
    assert bracketed == []


def test_alt_letters_are_written_the_way_of_the_windows_language(qtbot):
    from PySide6.QtWidgets import QApplication

    from govform.ui import words

    app = QApplication.instance()
    try:
        app.setProperty(words.LANGUAGE_PROPERTY, "en")
        assert words.mnemonic("Agency (full name)", "A") == "&Agency (full name)"
        assert words.mnemonic("Report year", "Y") == "Report &year"
        assert words.mnemonic("Opening part", "Q") == "Opening part (&Q)"
        app.setProperty(words.LANGUAGE_PROPERTY, "zh_CN")
        assert words.mnemonic("机关全称", "A") == "机关全称(&A)"
    finally:
        app.setProperty(words.LANGUAGE_PROPERTY, "zh_CN")


def test_a_chinese_window_draws_chinese_glyph_forms_from_its_first_paint_whatever_the_system_locale():
    """On a system in another locale (LANG=C.UTF-8 here, en_US elsewhere) the window drew its labels with the
    Japanese forms of the CJK font (a centred ：, 直 and 骨 as in Japan) until the first file dialog or
    calendar set Qt's locale, when every label changed its look."""
    script = (
        "from PySide6.QtCore import QLocale\n"
        "from PySide6.QtWidgets import QLabel\n"
        "from govform.app import application\n"
        "app = application('zh_CN')\n"
        "first = QLabel('机关全称：直骨').grab().toImage()\n"
        "seen = QLocale().name()\n"
        "QLocale.setDefault(QLocale('zh_CN'))\n"
        "print(seen, first == QLabel('机关全称：直骨').grab().toImage())\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")} | {"LANG": "C.UTF-8"}
    env |= {"QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout.split() == ["zh_CN", "True"], done.stderr


def test_a_dialog_title_puts_a_space_where_chinese_meets_a_latin_word():
    from govform.ui.words import spaced

    assert spaced("导出为Word 文档") == "导出为 Word 文档" and spaced("打开Excel 工作簿") == "打开 Excel 工作簿"
    assert spaced("导出为网页") == "导出为网页" and spaced("长寿湖镇2024年的年报") == "长寿湖镇2024年的年报"
    assert spaced("Export as Word document") == "Export as Word document"
