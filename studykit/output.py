"""Writing outputs atomically: a temporary file in the same folder, then a rename.

Whatever happens while an output is written (an error, Ctrl-C, a full disk), the file at
the output path is either the old one, untouched, or the complete new one; the temporary
file is removed. Only a hard kill can leave a ``.NAME.*.tmp`` file behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable, Iterator

from studykit.errors import StudykitError


def _existing_ancestor(folder: str) -> str:
    """The nearest ancestor of ``folder`` (or itself) that exists."""
    while not os.path.lexists(folder):
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return folder


def prepare(path: str, inputs: list[str] | None = None) -> None:
    """Refuse to overwrite an input or a folder, and create the output folder when it is
    missing; raise a StudykitError saying what is wrong otherwise."""
    if os.path.isdir(path):
        raise StudykitError("output path is a folder; give a file name", path)
    real = os.path.realpath(path)
    for inp in inputs or []:
        if os.path.isfile(inp) and os.path.realpath(inp) == real:
            raise StudykitError("output would overwrite an input file; choose another path", path)
    folder = os.path.dirname(os.path.abspath(path))
    base = _existing_ancestor(folder)
    if not os.path.isdir(base):
        raise StudykitError(f"cannot create output folder: {base} is a file, not a folder",
                            folder)  # fmt: skip
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        raise StudykitError(f"cannot create output folder: {exc.strerror or exc}",
                            folder) from None  # fmt: skip
    if not os.access(folder, os.W_OK):
        raise StudykitError("output folder is not writable", folder)


def _new_file_mode(path: str) -> int:
    """The permissions the output should get: those of the file it replaces, or the usual
    ones for a new file (mkstemp's 0600 would hide a shared deck from other users)."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def _commit(tmp: str, path: str) -> None:
    """Make the finished temporary file durable, then move it over ``path`` in one step."""
    os.chmod(tmp, _new_file_mode(path))
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)
    # The rename itself is durable only once the folder is synced; not every system can.
    with contextlib.suppress(OSError):
        dfd = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


@contextlib.contextmanager
def atomic_path(path: str, inputs: list[str] | None = None) -> Iterator[str]:
    """Yield a temporary path beside ``path``; rename it over ``path`` only on success.

    On any failure the temporary file is removed and ``path`` is left as it was; an
    ``OSError`` becomes a StudykitError naming the output.
    """
    prepare(path, inputs)
    folder = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(
            prefix="." + os.path.basename(path) + ".", suffix=".tmp", dir=folder
        )
    except OSError as exc:
        raise StudykitError(f"cannot write in the output folder: {exc.strerror or exc}",
                            folder) from None  # fmt: skip
    os.close(fd)
    try:
        yield tmp
        _commit(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise StudykitError(f"cannot write: {exc.strerror or exc}", path) from None
        raise


def write_text(path: str, text: str | Iterable[str], inputs: list[str] | None = None) -> None:
    """Write ``text`` (a string, or pieces of one written as they come) as UTF-8 to ``path``
    atomically."""
    with atomic_path(path, inputs) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        if isinstance(text, str):
            fh.write(text)
        else:
            fh.writelines(text)
