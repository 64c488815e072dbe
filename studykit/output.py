"""Writing outputs atomically: a temporary file in the same folder, then a rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator

from studykit.errors import StudykitError


def prepare(path: str, inputs: list[str] | None = None) -> None:
    """Refuse to overwrite an input, and create the output folder when it is missing."""
    real = os.path.realpath(path)
    for inp in inputs or []:
        if os.path.isfile(inp) and os.path.realpath(inp) == real:
            raise StudykitError("output would overwrite an input file; choose another path", path)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise StudykitError(f"cannot create output folder: {exc.strerror}", folder) from None
    if not os.access(folder, os.W_OK):
        raise StudykitError("output folder is not writable", folder)


@contextlib.contextmanager
def atomic_path(path: str, inputs: list[str] | None = None) -> Iterator[str]:
    """Yield a temporary path beside ``path``; rename it over ``path`` only on success."""
    prepare(path, inputs)
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def write_text(path: str, text: str, inputs: list[str] | None = None) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically."""
    with atomic_path(path, inputs) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
