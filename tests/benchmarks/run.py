"""`make bench`: runs every tests/benchmarks/bench_*.py and prints its measurements against its target.

Each module defines `run() -> list[Measurement]`. Benchmarks measure; tests never time anything.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent.parent))

from measure import Measurement  # noqa: E402


def main() -> int:
    results: list[Measurement] = []
    for path in sorted(HERE.glob("bench_*.py")):
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module  # so that worker processes can find its functions by name
        spec.loader.exec_module(module)
        results += module.run()
    width = max(len(m.name) for m in results)
    failed = 0
    for m in results:
        verdict = "ok" if m.meets_target else "OVER TARGET"
        failed += not m.meets_target
        print(f"{m.name:<{width}}  {m.value:10.3f} {m.unit:<4} target {m.target_text:<18} {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
