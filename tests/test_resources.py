import json

from govform import resources
from govform.domain.format import load_format_file, parse_format
from govform.resources import cache_dir, read_toml, template_path


def test_toml_data_is_cached_as_json_and_rebuilt_when_the_file_changes(tmp_path, monkeypatch):
    monkeypatch.setenv(resources.HOME_ENV, str(tmp_path / "home"))
    source = tmp_path / "fmt.toml"
    source.write_text('a = 1\nb = ["甲", "乙"]\n', encoding="utf-8")
    assert read_toml(source) == {"a": 1, "b": ["甲", "乙"]}
    [cached] = cache_dir().glob("fmt-*.json")
    assert json.loads(cached.read_text(encoding="utf-8")) == {"a": 1, "b": ["甲", "乙"]}

    cached.write_text('{"a": 2}', encoding="utf-8")  # the cache is what is read while it matches
    assert read_toml(source) == {"a": 2}
    source.write_text("a = 3\n", encoding="utf-8")  # a changed file has another key
    assert read_toml(source) == {"a": 3}
    for stale in cache_dir().glob("fmt-*.json"):
        stale.write_text("{not json", encoding="utf-8")
    assert read_toml(source) == {"a": 3}


def test_an_unwritable_cache_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "home"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv(resources.HOME_ENV, str(blocker))
    source = tmp_path / "fmt.toml"
    source.write_text("a = 1\n", encoding="utf-8")
    assert read_toml(source) == {"a": 1}


def test_the_format_from_the_cache_equals_the_format_from_toml(tmp_path, monkeypatch):
    import tomllib

    monkeypatch.setenv(resources.HOME_ENV, str(tmp_path))
    path = template_path("standard-2021")
    first, second = load_format_file(path), load_format_file(path)  # a miss, then a hit
    direct = parse_format(tomllib.loads(path.read_text(encoding="utf-8")))
    for fmt in (first, second):
        assert fmt.sections == direct.sections and fmt.rules == direct.rules
        assert {t: fmt.tables[t].cells for t in fmt.tables} == {t: direct.tables[t].cells for t in direct.tables}
