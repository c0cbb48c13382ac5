"""The exceptions of bianyi: one hierarchy under :class:`bianyi.Error`.

Every exception carries where it happened, as far as known: ``file`` (a
path or None), ``line`` and ``column`` (1-based, columns in characters) and
``byte`` (the byte offset from the start of the input). They are raised by
the extension module; catching ``bianyi.Error`` catches them all.
"""

from __future__ import annotations

import os
from typing import Optional, Union

__all__ = ["Error", "ConfigError", "DecodeError", "GlossaryError", "FileError"]


class Error(Exception):
    """Base class of every error bianyi raises."""

    file: Optional[str]
    line: Optional[int]
    column: Optional[int]
    byte: Optional[int]

    def __init__(
        self,
        message: str,
        *,
        file: Union[str, "os.PathLike[str]", None] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        byte: Optional[int] = None,
        errno: Optional[int] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = os.fspath(file) if file is not None else None
        self.line = line
        self.column = column
        self.byte = byte

    def __str__(self) -> str:
        return self.message


class ConfigError(Error, ValueError):
    """An unknown config or target name, or contradictory options."""


class DecodeError(Error, ValueError):
    """Input that is not valid UTF-8: ``line``, ``column`` and ``byte`` say where."""


class GlossaryError(Error, ValueError):
    """A glossary that cannot be read (syntax, language tag, duplicate id, …)
    or an unknown glossary option; ``file``, ``line``, ``column`` and
    ``byte`` say where when it is about a place in a file."""


class FileError(Error, OSError):
    """Reading or writing a file failed; ``errno`` is the system's error
    number when there is one."""

    def __init__(self, message: str, **kwargs: object) -> None:
        errno = kwargs.get("errno")
        Error.__init__(self, message, **kwargs)  # type: ignore[arg-type]
        self.errno = errno  # type: ignore[assignment]
        self.filename = self.file


# Shown as bianyi.Error, bianyi.DecodeError, … (they are exported there).
for _cls in (Error, ConfigError, DecodeError, GlossaryError, FileError):
    _cls.__module__ = "bianyi"
