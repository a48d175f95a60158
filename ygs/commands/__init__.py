"""One module per command group; ygs/cli.py maps command names to them."""
