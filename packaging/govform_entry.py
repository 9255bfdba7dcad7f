"""The frozen bundle's entry point: the same command line as `python -m govform`."""

import multiprocessing
import sys

from govform.cli import main

if __name__ == "__main__":
    # The batch check's worker processes start this same program: let them run their task, not the command line.
    multiprocessing.freeze_support()
    sys.exit(main())
