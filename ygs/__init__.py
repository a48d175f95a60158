"""ygs: SDLC skills for coding agents, and the gates that enforce them."""

__version__ = "0.1.0"
