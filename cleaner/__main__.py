"""``python -m cleaner``."""

from cleaner.cli import main

main()
