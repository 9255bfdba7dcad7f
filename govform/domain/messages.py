"""Every sentence govform says to a person, as data: a Message is a key and its parameters, and a catalogue
per language gives the words. The window, `govform check`, the batch workbook and the exports all render
messages here, so they say the same thing in the chosen language.

Catalogues live in `templates/messages/<language>/*.toml`; a file's tables are key prefixes (`[numbers]`
holds `numbers.negative`, …). A report format's own Chinese sentences (its rule messages and field labels)
stay in its template, `templates/<format id>.toml`, under the key prefix `<format id>.`; other languages
give them in `templates/messages/<language>/<format id>.toml` under a table named after the format.
Official labels of the report (section headings, table rows and columns) are parameters, never translated:
the report is Chinese whatever the language of the program.
"""

from __future__ import annotations

import string
from collections.abc import Iterator, Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

from govform.resources import read_toml, template_path, templates_dir

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")
"""The languages govform speaks: its own (Chinese) and a complete English translation."""


class Message:
    """A sentence not yet put into words: a catalogue key and the values for its placeholders.

    A parameter may itself be a Message (a reason inside a sentence); it is rendered in the same language.
    """

    __slots__ = ("key", "params")
    key: str
    params: Mapping[str, Any]

    def __init__(self, key: str, /, **params: Any):
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "params", MappingProxyType(params))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Message is immutable: {name}")

    def __eq__(self, other: object) -> bool:
        return type(other) is Message and other.key == self.key and dict(other.params) == dict(self.params)

    def __hash__(self) -> int:
        return hash(self.key)

    def __repr__(self) -> str:
        params = "".join(f", {name}={value!r}" for name, value in self.params.items())
        return f"Message({self.key!r}{params})"

    def text(self, language: str = DEFAULT_LANGUAGE) -> str:
        """The sentence in `language` (Chinese by default)."""
        return catalogue(language).render(self)

    def __str__(self) -> str:
        return self.text()


class Phrase:
    """Pieces of text and Messages that render as one text: a list of terms inside a sentence
    ("第一项(5)加第二项(0)", where "加" is a word of the language)."""

    __slots__ = ("pieces",)

    def __init__(self, *pieces: str | Message):
        object.__setattr__(self, "pieces", pieces)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Phrase is immutable: {name}")

    def __eq__(self, other: object) -> bool:
        return type(other) is Phrase and other.pieces == self.pieces

    def __hash__(self) -> int:
        return hash(self.pieces)

    def __repr__(self) -> str:
        return f"Phrase{self.pieces!r}"

    def text(self, language: str = DEFAULT_LANGUAGE) -> str:
        return "".join(p.text(language) if isinstance(p, Message) else str(p) for p in self.pieces)

    def __str__(self) -> str:
        return self.text()


class _Keep(dict):
    """Placeholders without a value are printed as written rather than raising in front of a clerk."""

    def __missing__(self, name: str) -> str:
        return "{" + name + "}"


def _flatten(data: Mapping[str, Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    for name, value in data.items():
        if isinstance(value, Mapping):
            yield from _flatten(value, f"{prefix}{name}.")
        elif isinstance(value, str):
            yield prefix + name, value


def format_messages(data: Mapping[str, Any]) -> dict[str, str]:
    """A format template's own sentences, by key: `<id>.rules.<rule id>.<name>`, `<id>.labels.<name>` and
    `<id>.notes.<name>`."""
    prefix = f"{data.get('id', '')}."
    found: dict[str, str] = {}
    for rule in data.get("rules", ()):
        if isinstance(rule, Mapping):
            for name, value in rule.items():
                if name.startswith("message") and isinstance(value, str):
                    found[f"{prefix}rules.{rule.get('id')}.{name}"] = value
    for table in ("labels", "notes"):
        for key, value in _flatten(data.get(table, {}), f"{prefix}{table}."):
            found[key] = value
    return found


def placeholders(template: str) -> set[str]:
    """The names a message template expects: "{table}“{column}”列" → {"table", "column"}."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class Catalogue:
    """The words of one language: its catalogue files, and (for Chinese) the formats' own sentences."""

    def __init__(self, language: str):
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}; govform speaks {', '.join(LANGUAGES)}")
        self.language = language
        self._entries: dict[str, str] = {}
        self._files_read = False  # read when first asked for a word the formats do not have
        self._formats_read: set[str] = set()

    def __contains__(self, key: str) -> bool:
        return self.template(key) is not None

    def keys(self) -> set[str]:
        self._read_files()
        return set(self._entries)

    def template(self, key: str) -> str | None:
        """The words for `key` with their placeholders, or None when this language has none."""
        if key not in self._entries and self.language == DEFAULT_LANGUAGE:
            self._read_format(key.split(".", 1)[0])
        if key not in self._entries:
            self._read_files()
        return self._entries.get(key)

    def _read_files(self) -> None:
        if self._files_read:
            return
        self._files_read = True
        for path in sorted((templates_dir() / "messages" / self.language).glob("*.toml")):
            self._entries.update(_flatten(read_toml(path)))

    def _read_format(self, format_id: str) -> None:
        if format_id in self._formats_read:
            return
        self._formats_read.add(format_id)
        path = template_path(format_id)
        if path is not None:
            self._entries.update(format_messages(read_toml(path)))

    def render(self, message: Message) -> str:
        template = self.template(message.key)
        if template is None:
            if self.language != DEFAULT_LANGUAGE:
                fallback = catalogue(DEFAULT_LANGUAGE).template(message.key)
                template = fallback if fallback is not None else message.key
            else:
                template = message.key
        values = _Keep(
            (name, value.text(self.language) if isinstance(value, Message | Phrase) else value)
            for name, value in message.params.items()
        )
        return template.format_map(values)


@cache
def catalogue(language: str = DEFAULT_LANGUAGE) -> Catalogue:
    """The catalogue of `language` (read once)."""
    return Catalogue(language)
