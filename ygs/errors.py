"""The one exception type for user-facing failures, and the exit codes ygs documents."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAIL = 1  # a gate said no: blocked review, failed validation, failing tests
EXIT_ERROR = 2  # usage error, bad input, or a gate that could not do its work
EXIT_STOP = 3  # guardrail: too many unplanned files
EXIT_CHECKPOINT = 4  # guardrail: a green checkpoint is due


class YgsError(Exception):
    """A failure the user can act on: printed as one line, never as a traceback."""

    def __init__(self, message: str, exit_code: int = EXIT_ERROR) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code
