"""Fuzzing the project loader with hostile files: the sample project, mutated as a hostile tester would (wrong
types, huge numbers, odd strings, missing and extra keys, deep nesting, many sub-heads, cut or binary bytes).

Whatever the file, loading raises a ProjectError (its message renders in every language) or gives a report
that validates, prints as `govform check` prints it, saves and loads again the same, and exports to DOCX.
Budgets: GOVFORM_FUZZ (loader, default 3,000 examples) and GOVFORM_FUZZ_EXPORT (default 300), raised by
`make soak`.
"""

from __future__ import annotations

import atexit
import io
import json
import os
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lxml import etree

from govform.cli import Output, print_findings
from govform.domain.messages import LANGUAGES
from govform.domain.rules import validate
from govform.io.checked import checked_finding
from govform.io.project import ProjectError, dumps_project, load_project, loads_project, save_project
from govform.resources import sample_project

LOADER_EXAMPLES = int(os.environ.get("GOVFORM_FUZZ", "3000"))
EXPORT_EXAMPLES = int(os.environ.get("GOVFORM_FUZZ_EXPORT", "300"))
SAMPLE = json.loads(sample_project().read_text(encoding="utf-8"))
FOLDER = Path(tempfile.mkdtemp(prefix="govform-fuzz-"))
atexit.register(shutil.rmtree, FOLDER, ignore_errors=True)


class Raw:
    """A JSON token written as is: numbers Python's json cannot write (5,000 digits, 1e400), NaN, nesting."""

    def __init__(self, text: str):
        self.text = text

    def __repr__(self) -> str:
        return f"Raw({self.text[:40]!r}{'…' if len(self.text) > 40 else ''})"


def encode(value: Any) -> str:
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))}: {encode(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(encode(v) for v in value) + "]"
    return json.dumps(value)  # strings as \\u escapes, lone surrogates included


def _paths(data: Any, prefix: tuple = ()) -> Iterator[tuple]:
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _paths(value, (*prefix, index))


def _get_in(data: Any, path: tuple) -> Any:
    for key in path:
        data = data[key]
    return data


PATHS = [path for path in _paths(SAMPLE) if path]
TEXT_PATHS = [path for path in PATHS if path[:2] != ("report", "tables") and len(path) > 2] + [
    ("report", "agency"),
    ("report", "preamble"),
]
CELL_PATHS = [path for path in PATHS if path[:2] == ("report", "tables") and len(path) == 5]
DICT_PATHS = [path for path in PATHS if isinstance(_get_in(SAMPLE, path), dict)]
KEYS = sorted({key for path in PATHS for key in path if isinstance(key, str)})

ODD_TEXT = [
    "\ud800",
    "a\udfffb",
    "\x00",
    "\x0b\x07\x0c\x1b",
    "\ufffe\uffff",
    "\u200b12\u200b",
    "\u202e反向\u202c",
    "\r\n\r",
    "x" * 300,
    "/etc/passwd",
    "../templates/standard-2021",
    "C:\\Windows\\system32",
    "standard-2021\x00",
    "<w:p>&amp;</w:p>]]>",
    "{name}{0}%s",
    "😀" * 5,
    " ",
    "",
    "١٢",
    "12 34",
    "12\t3",
    "5.",
    "2。02",
    "１２",
    "-0",
    "1e5",
    "Infinity",
    "9" * 5000,
]
RAW = [
    "9" * 5000,
    "-" + "9" * 5000,
    "1" + "0" * 30,
    "0." + "0" * 4400 + "1",
    "1e400",
    "-1E-400",
    "-0",
    "1.5",
    "NaN",
    "Infinity",
    "-Infinity",
    "[" * 3000 + "]" * 3000,
    '{"a": ' * 1500 + "1" + "}" * 1500,
    "true",
    "null",
]

odd_text = st.one_of(
    st.sampled_from(ODD_TEXT),
    st.text(max_size=30),
    st.text(st.characters(codec=None, categories=["Cc", "Cf", "Cs", "Co", "Zs", "Zl", "Zp", "Nd"]), max_size=10),
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.floats(allow_nan=True, allow_infinity=True),
    odd_text,
    st.sampled_from(RAW).map(Raw),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), inner, max_size=4),
    ),
    max_leaves=8,
)


def _container(data: Any, path: tuple) -> Any:
    for key in path[:-1]:
        data = data[key]
    return data


MUTATIONS = ("set", "text", "cell", "delete", "add", "subheads", "rename")
LOADABLE = ("text", "text", "text", "cell", "delete", "subheads")  # mostly leave a file that loads


@st.composite
def mutation(draw: st.DrawFn, data: dict, kinds: tuple[str, ...]) -> str:
    """Change `data` in place once; say how (for hypothesis' report of a failing example)."""
    kind = draw(st.sampled_from(kinds))
    if kind in ("set", "delete", "rename"):
        path = draw(st.sampled_from(PATHS))
    elif kind == "text":
        path = draw(st.sampled_from(TEXT_PATHS))
    elif kind == "cell":
        path = draw(st.sampled_from(CELL_PATHS))
    else:
        path = draw(st.sampled_from(DICT_PATHS))
    try:
        parent = _container(data, path)
        key = path[-1]
        if kind == "set":
            parent[key] = draw(values)
        elif kind == "cell":
            parent[key] = draw(st.one_of(odd_text, st.integers(min_value=-(10**40), max_value=10**40), values))
        elif kind == "text":
            parent[key] = draw(st.one_of(odd_text, st.lists(odd_text, max_size=3)))
        elif kind == "delete":
            del parent[key]
        elif kind == "rename" and isinstance(parent, dict):
            parent[draw(st.sampled_from(KEYS))] = parent.pop(key)
        elif kind == "add":
            target = parent[key]
            if isinstance(target, dict):
                target[draw(st.one_of(st.sampled_from(KEYS), odd_text))] = draw(values)
        elif kind == "subheads":
            count = draw(st.sampled_from([0, 1, 99, 100, 101, 150]))
            title, text = draw(odd_text), draw(st.one_of(odd_text, st.lists(odd_text, max_size=2)))
            blank = draw(st.integers(min_value=0, max_value=max(count - 1, 0)))
            subheads = [{"title": f"{i}{title}", "text": [] if i == blank else text} for i in range(count)]
            data["report"]["sections"]["overview"]["subsections"] = subheads
    except (KeyError, IndexError, TypeError):
        pass  # an earlier mutation moved the path away
    return f"{kind} {path}"


@st.composite
def hostile_files(draw: st.DrawFn, kinds: tuple[str, ...] = MUTATIONS, bytes_too: bool = True) -> bytes:
    data = json.loads(json.dumps(SAMPLE))
    changes = [draw(mutation(data, kinds)) for _ in range(draw(st.integers(min_value=1, max_value=3)))]
    event(changes[0].split()[0])
    raw = encode(data).encode("utf-8")
    if bytes_too:
        damage = draw(st.sampled_from(["none"] * 6 + ["cut", "flip", "insert", "bom", "binary", "utf16"]))
        if damage == "cut":
            raw = raw[: draw(st.integers(min_value=0, max_value=len(raw)))]
        elif damage == "flip":
            at = draw(st.integers(min_value=0, max_value=len(raw) - 1))
            raw = raw[:at] + bytes([raw[at] ^ draw(st.integers(min_value=1, max_value=255))]) + raw[at + 1 :]
        elif damage == "insert":
            at = draw(st.integers(min_value=0, max_value=len(raw)))
            raw = raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
        elif damage == "bom":
            raw = b"\xef\xbb\xbf" + raw
        elif damage == "binary":
            raw = draw(st.binary(max_size=200))
        elif damage == "utf16":
            raw = raw.decode("utf-8").encode("utf-16")
    return raw


def _loaded(raw: bytes):
    path = FOLDER / "hostile.govform"
    path.write_bytes(raw)
    try:
        report = load_project(path)
    except ProjectError as error:
        for language in LANGUAGES:  # the clerk's message, in every language, as the CLI writes it
            error.message.text(language).encode("utf-8")
        event("refused")
        return None
    event("loaded")
    return report


def _checks_and_round_trips(report) -> None:
    findings = validate(report)
    for language in LANGUAGES:
        output = Output(language, io.StringIO(), io.StringIO())
        print_findings(Path("hostile.govform"), report, findings, output)
        output.out.getvalue().encode("utf-8")
        json.dumps([checked_finding(report, f, language).as_json() for f in findings], ensure_ascii=False).encode(
            "utf-8"
        )
    text = dumps_project(report)
    again = loads_project(text.encode("utf-8").decode("utf-8"), "again.govform")
    assert dumps_project(again) == text


FUZZ = settings(
    deadline=None,
    derandomize=os.environ.get("GOVFORM_FUZZ_RANDOM") is None,  # CI: the same examples every run
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    database=None,
)


@settings(FUZZ, max_examples=LOADER_EXAMPLES)
@given(hostile_files())
def test_a_hostile_file_is_refused_in_words_or_loads_checks_and_saves(raw):
    report = _loaded(raw)
    if report is not None:
        _checks_and_round_trips(report)


@settings(FUZZ, max_examples=EXPORT_EXAMPLES)
@given(hostile_files(LOADABLE, bytes_too=False))
def test_a_hostile_file_that_loads_also_saves_and_exports(raw):
    from govform.io.docx_export import export_docx

    report = _loaded(raw)
    if report is None:
        return
    _checks_and_round_trips(report)
    save_project(report, FOLDER / "saved.govform")
    assert dumps_project(load_project(FOLDER / "saved.govform")) == dumps_project(report)
    export_docx(report, FOLDER / "hostile.docx")
    with zipfile.ZipFile(FOLDER / "hostile.docx") as package:
        etree.fromstring(package.read("word/document.xml"))
        etree.fromstring(package.read("docProps/core.xml"))
