"""The one exception type a user's mistake may raise, and the exit codes.

Every problem with an input is reported on one line as ``path:line: message`` (templates
add the column), never as a traceback. Problems found deep inside a run, where nothing can
be raised without losing the good work (a template regex that ran out of time on one
sentence), are kept with :func:`defer` and printed by the command line at the end.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

# Exit codes, documented in the README.
EXIT_OK = 0
EXIT_INPUT = 1  # problems in inputs (articles, templates, outputs)
EXIT_USAGE = 2  # bad command-line usage

# At most this many deferred problems are kept: one bad template on a huge article must not
# fill memory with messages.
MAX_DEFERRED = 100


# "  question: Who won: the cup?", "title: Vote: a result": a key, then an unquoted value
# with ": " in it, which YAML takes for a second key. Named so in templates and front matter.
COLON_IN_VALUE = re.compile(r"\s*(?:-\s+)?[\w-]+:\s+[^\s\"'\[{][^#]*?:\s")


def close_matches(word: str, known: Sequence[str]) -> list[str]:
    """The known word that ``word`` may be a misspelling of, if any (for a problem's hint)."""
    import difflib  # needed only for an input with a mistake: not worth its import time

    return difflib.get_close_matches(word, known, n=1)


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
        # One problem, one line: a message quoting input must not start new lines.
        message = " ".join(self.message.splitlines()) if "\n" in self.message else self.message
        return ":".join(where) + (": " if where else "") + message


class StudykitErrors(StudykitError):
    """Several problems found in one pass, reported together."""

    def __init__(self, errors: list[StudykitError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)


def internal_error(exc: Exception, path: str | None, line: int | None) -> StudykitError:
    """The problem to report when studykit itself fails on one input (a bug, not the user's
    mistake): the input is left out, the run goes on, and the exit status says so."""
    if isinstance(exc, StudykitError):
        return exc
    return StudykitError(
        f"studykit failed on this article and left it out ({type(exc).__name__}: {exc}); "
        "this is a bug in studykit: please report it with the article",
        path,
        line,
    )


_deferred: dict[str, StudykitError] = {}


def defer(problem: StudykitError) -> None:
    """Keep a problem to report at the end of the run (each distinct message once)."""
    if len(_deferred) < MAX_DEFERRED:
        _deferred.setdefault(str(problem), problem)


def take_deferred() -> list[StudykitError]:
    """The problems kept by :func:`defer` so far, in order; forgets them."""
    problems = list(_deferred.values())
    _deferred.clear()
    return problems
