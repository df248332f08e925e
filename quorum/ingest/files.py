"""Reading a source file's bytes, with one clear error for each way it can fail."""

from __future__ import annotations

from pathlib import Path

from quorum.errors import InputError


def read_bytes(path: Path) -> bytes:
    """Return the bytes of the file at ``path``.

    Raises :class:`InputError` when it is missing, is a directory, or cannot be read.
    """
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a directory, not a file") from None
    except OSError as error:
        raise InputError(str(path), f"cannot be read ({error.strerror})") from None
