"""``python -m assembler.cli``: the same as the ``plan`` command."""

import sys

from assembler.cli.main import main

sys.exit(main())
