"""The frozen bundle's spec names every module the registry loads by name (PyInstaller cannot see them)."""

from __future__ import annotations

import ast
from pathlib import Path

from govform.io import registry

SPEC = Path(__file__).resolve().parent.parent / "packaging" / "govform.spec"


def test_the_spec_bundles_every_exporter_and_importer():
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    [listed] = [
        keyword.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for keyword in node.keywords
        if keyword.arg == "hiddenimports"
    ]
    hidden = {element.value for element in listed.elts}
    handlers = {kind.handler.split(":")[0] for kind in (*registry.EXPORTERS.values(), *registry.IMPORTERS.values())}
    assert handlers <= hidden, f"add to hiddenimports in {SPEC.name}: {sorted(handlers - hidden)}"
