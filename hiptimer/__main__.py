"""`python -m hiptimer`: the same as the `hiptimer` command."""

import sys

from hiptimer.cli import main

if __name__ == "__main__":
    sys.exit(main())
