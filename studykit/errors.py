"""The one exception type a user's mistake may raise, and the exit codes."""

from __future__ import annotations

# Exit codes, documented in the README.
EXIT_OK = 0
EXIT_INPUT = 1  # problems in inputs (articles, templates, outputs)
EXIT_USAGE = 2  # bad command-line usage


class StudykitError(Exception):
    """A problem with a user's input, reported as ``path:line: message``.

    ``line`` and ``col`` are 1-based; either may be ``None`` when unknown.
    """

    def __init__(
        self, message: str, path: str | None = None, line: int | None = None, col: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.col = col

    def __str__(self) -> str:
        where = [str(self.path)] if self.path else []
        if self.path and self.line is not None:
            where.append(str(self.line))
            if self.col is not None:
                where.append(str(self.col))
        return ":".join(where) + (": " if where else "") + self.message


class StudykitErrors(StudykitError):
    """Several problems found in one pass, reported together."""

    def __init__(self, errors: list[StudykitError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)
