"""`python -m coach`: the `coach` command, for when its script is not on PATH."""

import sys

from coach.cli import main

sys.exit(main())
