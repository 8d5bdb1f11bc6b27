"""`python -m boardpack.cli`: the console script."""

from boardpack.cli import main

main()
