"""Which input paths are read: regular files only, directories walked in a fixed order.

Opening a FIFO blocks until someone writes to it, and /dev/zero never ends, so nothing is opened
before `stat` says it is a regular file of a size worth reading; and `open_regular` checks again
on the open file, so a name swapped in between cannot slip through. Problems come back as
InputErrors naming the path (printable, whatever bytes it holds).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from ..errors import InputError
from ..names import show

_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory"))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "some other kind of file")


def _os_reason(e: OSError) -> str:
    if e.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    return (e.strerror or str(e)).lower() if e.errno != errno.ENOENT else "no such file"


def open_regular(path: Path, limit: int | None = None) -> IO[bytes]:
    """Open `path` for reading if it is a regular file (of at most `limit` bytes), else InputError."""
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        raise InputError(show(path), _os_reason(e)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(show(path), f"not a regular file ({_kind(st.st_mode)}), skipped")
        if limit is not None and st.st_size > limit:
            raise InputError(show(path), f"file too large ({st.st_size / 1e6:.0f} MB; the limit for one "
                                         f"article is {limit // 1_000_000} MB)")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def list_inputs(paths: Iterable[str | os.PathLike[str]], known: Callable[[Path], bool]
                ) -> Iterator[Path | InputError]:
    """The files to read under `paths`, in order, and an InputError for each path that cannot be.

    A path named by the user is always accounted for. Inside directories (sorted, hidden files
    skipped), only names with a format `known` are; symlinked directories are followed once, and
    a link back into its own ancestors is reported as a loop.
    """
    for raw in paths:
        p = Path(raw)
        try:
            st = p.stat()
        except OSError as e:
            reason = _os_reason(e)
            if e.errno == errno.ENOENT and p.is_symlink():
                reason = "broken symlink (its target does not exist)"
            yield InputError(show(p), reason)
            continue
        if stat.S_ISDIR(st.st_mode):
            yield from _walk(p, known, {(st.st_dev, st.st_ino)}, {(st.st_dev, st.st_ino)})
        elif not stat.S_ISREG(st.st_mode):
            yield InputError(show(p), f"not a regular file ({_kind(st.st_mode)}), skipped")
        else:
            yield p


def _walk(d: Path, known: Callable[[Path], bool], ancestors: set[tuple[int, int]],
          seen: set[tuple[int, int]]) -> Iterator[Path | InputError]:
    try:
        with os.scandir(d) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        yield InputError(show(d), f"cannot read directory ({_os_reason(e)}), skipped")
        return
    for entry in entries:
        p = Path(entry.path)
        try:
            st = entry.stat()  # follows symlinks
        except OSError as e:
            if e.errno == errno.ELOOP or known(p):
                reason = _os_reason(e)
                if e.errno == errno.ENOENT:
                    reason = "broken symlink (its target does not exist)"
                yield InputError(show(p), reason)
            continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in ancestors:
                yield InputError(show(p), "symlink loop (links back to a directory it is in), not followed")
            elif key in seen:
                yield InputError(show(p), "directory already read through another link, not read twice")
            else:
                seen.add(key)
                yield from _walk(p, known, ancestors | {key}, seen)
        elif entry.name.startswith(".") or not known(p):
            continue
        elif not stat.S_ISREG(st.st_mode):
            yield InputError(show(p), f"not a regular file ({_kind(st.st_mode)}), skipped")
        else:
            yield p
