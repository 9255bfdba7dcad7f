import sys

from govform.cli import main

sys.exit(main())
