"""Allow ``python -m studykit``."""

from studykit.cli import main

main()
