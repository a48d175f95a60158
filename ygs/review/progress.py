"""What a running review tells the person waiting for it, on stderr only.

Always: what is running (so an interruption can say what it stopped) and notes that cannot wait for the
report (an analyzer that passed its timeout). On a terminal, also a live display (rich): the files under
review, each analyzer started and finished with its file and finding counts, and the elapsed time. The
display is transient: it is gone when the report is printed.

The gate reports to `current()`; the review command chooses the kind with `shown(live=...)`.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from ygs.review.model import AnalyzerResult

PREFIX = "ygs review: "


class Progress:
    """No display: tracks what runs and prints notes as plain lines on stderr."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._running: list[str] = []

    @property
    def running(self) -> list[str]:
        with self._lock:
            return list(self._running)

    def begin(self, files: int) -> None:
        """The analyzers are about to run on `files` files."""

    def started(self, name: str, files: int) -> None:
        with self._lock:
            self._running.append(name)

    def finished(self, result: AnalyzerResult) -> None:
        with self._lock:
            if result.name in self._running:
                self._running.remove(result.name)

    def note(self, message: str) -> None:
        click.echo(PREFIX + message, err=True)

    def close(self) -> None:
        pass


class Live(Progress):
    """The terminal display: one line per analyzer under a header line, redrawn a few times a second."""

    def __init__(self) -> None:
        super().__init__()
        from rich.console import Console
        from rich.progress import Progress as Bars
        from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

        self._bars = Bars(SpinnerColumn(finished_text="[green]✓[/]"), TextColumn("{task.description}"),
                          TextColumn("[dim]{task.fields[detail]}"), TimeElapsedColumn(),
                          console=Console(stderr=True), transient=True, refresh_per_second=8,
                          redirect_stdout=False, redirect_stderr=False)
        self._header = self._bars.add_task("ygs review", total=None, detail="reading the change")
        self._tasks: dict[str, Any] = {}
        self._bars.start()

    def begin(self, files: int) -> None:
        self._bars.update(self._header, detail=f"{plural(files, 'file')} to scan")

    def started(self, name: str, files: int) -> None:
        super().started(name, files)
        self._tasks[name] = self._bars.add_task(name, total=1, detail=plural(files, "file"))

    def finished(self, result: AnalyzerResult) -> None:
        super().finished(result)
        task = self._tasks.get(result.name)
        if task is not None:
            self._bars.update(task, completed=1, detail=summary(result))

    def note(self, message: str) -> None:
        self._bars.console.print(PREFIX + message, markup=False, highlight=False)

    def close(self) -> None:
        self._bars.stop()


def summary(result: AnalyzerResult) -> str:
    if result.status != "ok":
        return result.status.replace("_", " ")
    return f"{plural(result.files_scanned, 'file')}, {plural(len(result.findings), 'finding')}"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


_current: Progress = Progress()


def current() -> Progress:
    return _current


@contextmanager
def shown(live: bool) -> Iterator[Progress]:
    """Within: the gate reports to a live display (live=True: stderr is a terminal) or to plain notes."""
    global _current
    progress = Live() if live else Progress()
    previous, _current = _current, progress
    try:
        yield progress
    finally:
        _current = previous
        progress.close()
