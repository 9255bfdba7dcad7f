"""The frozen bundle carries every module the registry loads by name (PyInstaller's scanner cannot see them)."""

from __future__ import annotations

import ast
from pathlib import Path

from govform.io import registry

SPEC = Path(__file__).resolve().parent.parent / "packaging" / "govform.spec"


def test_the_spec_bundles_every_govform_module_so_every_exporter_and_importer():
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    [listed] = [
        keyword.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for keyword in node.keywords
        if keyword.arg == "hiddenimports"
    ]
    collected = [
        element.value.args[0].value
        for element in listed.elts
        if isinstance(element, ast.Starred) and getattr(element.value.func, "id", "") == "collect_submodules"
    ]
    assert collected == ["govform"], "hiddenimports must collect every govform module"
    for kind in (*registry.EXPORTERS.values(), *registry.IMPORTERS.values()):
        module = kind.handler.split(":")[0]
        assert module.startswith("govform."), kind
        assert callable(kind.function()), kind  # the module and the function it names exist


def test_packages_ship_the_translations_the_window_loads():
    """`make package` builds a .qm for every .ts before freezing, and the spec ships resources/ whole."""
    makefile = (SPEC.parent.parent / "Makefile").read_text(encoding="utf-8")
    package = makefile.split("\npackage:", 1)[1].split("\n\n", 1)[0]
    assert package.index("pyside6-lrelease") < package.index("bin/pyinstaller")
    assert "resources/translations/*.ts" in package
    assert '(str(ROOT / "resources"), "resources")' in SPEC.read_text(encoding="utf-8")
    translations = SPEC.parent.parent / "resources" / "translations"
    assert {p.stem for p in translations.glob("*.ts")} == {"govform_en", "govform_zh_CN"}
