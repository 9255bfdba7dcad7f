"""The frozen bundle's entry point: the same command line as `python -m govform`."""

import sys

from govform.cli import main

if __name__ == "__main__":
    sys.exit(main())
