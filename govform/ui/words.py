"""The window's words: its own UI strings through Qt's translators, and the domain's Messages (findings,
refused figures, file errors) from the catalogues, both in the language the clerk chose."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QCoreApplication

from govform.domain.messages import DEFAULT_LANGUAGE, LANGUAGES, Message, Phrase

LANGUAGE_PROPERTY = "govformLanguage"
"""The QApplication property that holds the window's language (set once by app.py)."""


def language() -> str:
    """The window's language: "zh_CN" or "en"."""
    app = QCoreApplication.instance()
    chosen = app.property(LANGUAGE_PROPERTY) if app is not None else None
    return chosen if chosen in LANGUAGES else DEFAULT_LANGUAGE


def text(message: Message | Phrase | str) -> str:
    """A Message in the window's language (plain text, such as an official label, as it is)."""
    return message if isinstance(message, str) else message.text(language())


def use_locale() -> None:
    """Qt's default locale in the window's language: month and day names, dates in file dialogs, and which of
    a CJK font's glyph forms the text takes (a Chinese window on a system in another locale, LANG=C or
    en_US, drew 机关全称： with the Japanese forms of Noto Sans CJK: a centred colon, 直 and 骨 as in Japan)."""
    from PySide6.QtCore import QLocale

    wanted = QLocale("zh_CN" if language() == "zh_CN" else "en_GB")
    if QLocale().name() != wanted.name():
        QLocale.setDefault(wanted)


def app_name() -> str:
    """The program's name as the window shows it ("政府信息公开年报助手", "Annual Report Assistant")."""
    return QCoreApplication.translate("App", "政府信息公开年报助手")


def translate(context: str, source: str) -> str:
    """A UI string of code that is not a QObject (lupdate files it under `context`)."""
    return QCoreApplication.translate(context, source)


def spaced(words: str) -> str:
    """A space where Chinese meets a Latin word, as the window's other strings have it: "导出为{kind}" with
    "Word 文档" reads "导出为 Word 文档", with "网页" "导出为网页". Figures keep their units ("2024年").
    (A loop, not a regular expression: compiling the CJK range costs the window's start-up ~2 ms.)"""
    joined = words[:1]
    for before, after in pairwise(words):
        if (_chinese(before) and _latin(after)) or (_latin(before) and _chinese(after)):
            joined += " "
        joined += after
    return joined


def _chinese(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _latin(char: str) -> bool:
    return char.isascii() and char.isalpha()


def mnemonic(label: str, key: str) -> str:
    """`label` with its Alt letter: the Chinese way, after the words ("机关全称(&A)"); in other languages the
    letter underlined where the label has it ("&Agency (full name)"), else after it ("Opening part (&P)")."""
    if language() == DEFAULT_LANGUAGE:
        return f"{label}(&{key})"
    at = label.lower().find(key.lower())
    return f"{label[:at]}&{label[at:]}" if at >= 0 else f"{label} (&{key})"
