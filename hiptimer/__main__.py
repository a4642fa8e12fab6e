"""`python -m hiptimer`: the same as the `hiptimer` command."""

import sys

from hiptimer.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
