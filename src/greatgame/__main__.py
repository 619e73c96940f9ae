"""`python -m greatgame` runs the command line."""

from .cli import main

main()
