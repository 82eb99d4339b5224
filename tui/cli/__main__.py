"""`python -m tui.cli`: the command line."""

import sys

from tui.cli.main import main

sys.exit(main())
