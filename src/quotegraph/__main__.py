"""`python -m quotegraph` runs the command line."""

from .cli import main

main()
