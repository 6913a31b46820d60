"""Parse, lint, normalise and diff scraped arXiv digest posts.

digestkit is the Python face of the C++ library behind the ``digest``
program. Every function takes the text of a post as ``bytes`` (decoded as
``digest`` decodes files: byte-order mark, charset detection, GB18030 and
other legacy encodings) or as ``str``, and works with the GIL released, so
threads parsing different posts run in parallel.

    >>> import digestkit
    >>> docs = digestkit.parse(open("post.txt", "rb").read(), path="post.txt")
    >>> docs[0]["entries"][0]["title"]

The objects are the digestkit/1 JSON objects that ``digest convert --to
json`` prints (docs/json.md), as dicts, lists, str, int, bool and None.
"""

from __future__ import annotations

import dataclasses
import json as _json
import os
import warnings
from typing import Any, Callable, Iterator, Union

from . import _core

__all__ = [
    "ConfigError",
    "Diagnostic",
    "Error",
    "FormatError",
    "InputError",
    "ParseError",
    "diff",
    "format",
    "iter_archive",
    "iter_inputs",
    "parse",
    "validate",
]

Text = Union[bytes, str]

#: Raised by validate() for a digest.toml that cannot be read (a ValueError;
#: its message names path:line:col).
ConfigError = _core.ConfigError


@dataclasses.dataclass(frozen=True)
class Diagnostic:
    """One problem found in a post, as ``digest validate`` reports it.

    ``line`` and ``column`` are 1-based; the column counts Unicode code
    points. ``severity`` is "error", "warning" or "info"; ``code`` is the
    rule's stable code ("DG104", see ``digest validate --explain CODE``).
    """

    code: str
    severity: str
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message} [{self.code}]"


class Error(Exception):
    """Base class of digestkit's errors."""


class ParseError(Error, ValueError):
    """The text is not a readable digest post (or not decodable).

    ``diagnostics`` holds every error found, each with its location;
    ``str(error)`` reads like ``digest``'s own message for the first one,
    "post.txt:7:1: error: title is wrapped onto a second line; ... [DG104]".
    """

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        first = diagnostics[0]
        self.path, self.line, self.column, self.code = first.path, first.line, first.column, first.code
        more = f" (and {len(diagnostics) - 1} more)" if len(diagnostics) > 1 else ""
        super().__init__(f"{first}{more}")


class FormatError(Error):
    """format() refused to rewrite a post whose meaning it would change.

    ``diagnostics`` holds the fields that cannot be repaired; empty when the
    safety check (re-parsing the output) failed, which the message describes.
    """

    def __init__(self, message: str, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        super().__init__(message)


class InputError(Error, OSError):
    """A member of a folder or archive could not be read (iter_archive)."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.filename = path


def _diagnostics(tuples: list[tuple]) -> list[Diagnostic]:
    return [Diagnostic(*t) for t in tuples]


def parse(data: Text, path: str | os.PathLike[str] | None = None) -> list[dict[str, Any]]:
    """Parse the text of one post into its digests.

    Returns one dict per digest in the file: exactly the digestkit/1 objects
    ``digest convert --to json`` prints (keys "format", "source", "category",
    "tags", "date", "date_valid", "entries", "footer"; docs/json.md).

    ``path`` names the text in the result's source.path and in error
    messages ("-" when not given, as for standard input).

    Raises ParseError, carrying every error with its line and column, when
    the text is not a readable digest post.
    """
    documents, errors = _core.parse(data, _path(path))
    if errors:
        raise ParseError(_diagnostics(errors))
    return documents


def validate(
    data: Text,
    config: str | os.PathLike[str] | None = None,
    path: str | os.PathLike[str] | None = None,
) -> list[Diagnostic]:
    """Lint the text of one post as ``digest validate`` lints a file.

    Returns every finding (parse errors included), ordered by position;
    an empty list means the post is clean. ``config`` is a digest.toml
    whose [validate] and [[per-file]] tables select rules and set their
    severities (globs match ``path``); without it every rule runs at its
    default severity. No digest.toml is searched for.

    Raises ConfigError when ``config`` cannot be read.
    """
    return _diagnostics(_core.validate(data, _path(path), None if config is None else os.fspath(config)))


def format(data: Text, path: str | os.PathLike[str] | None = None) -> str:
    """Return the post in canonical form, as ``digest fmt`` prints it.

    Raises ParseError when the text cannot be parsed, FormatError when a
    field cannot be repaired without changing how it reads.
    """
    text, status, diagnostics, problem = _core.format(data, _path(path))
    if status == "formatted":
        return text
    found = _diagnostics(diagnostics)
    if status == "unparsable":
        raise ParseError(found)
    raise FormatError(problem or str(found[0]), found)


def diff(
    old: Text,
    new: Text,
    *,
    old_path: str | os.PathLike[str] = "old",
    new_path: str | os.PathLike[str] = "new",
) -> dict[str, Any]:
    """Compare two versions of a post, as ``digest diff --format json``.

    Returns the digestkit-diff/1 object (docs/diff.md): a summary of entries
    added, removed, changed, retitled and moved, and per digest the field
    and word level changes. Raises ParseError when either side cannot be
    parsed.
    """
    report, errors = _core.diff(old, new, os.fspath(old_path), os.fspath(new_path))
    if errors:
        raise ParseError(_diagnostics(errors))
    return _json.loads(report)


ErrorHandler = Callable[[Error], None]


def iter_archive(
    path: str | os.PathLike[str],
    *,
    errors: str | ErrorHandler = "raise",
) -> Iterator[dict[str, Any]]:
    """Yield the digests of every post in a folder or archive, one at a time.

    ``path`` is a folder (walked recursively in sorted order, ``*.txt``), an
    archive (.tar, .tar.gz, .tgz, .tar.bz2, .tar.xz, .zip; read in memory,
    member by member, never unpacked to disk) or one file. The dicts are
    those parse() returns; source.path names the member ("a.tgz:posts/x.txt").
    A thread reads the next members while the current one is parsed, and
    only a few posts are held at a time.

    ``errors`` says what to do with a post that cannot be parsed (ParseError)
    or a member that cannot be read (InputError): "raise" (the default; ends
    the iteration), "warn" (a warning, then go on), "skip" (go on), or a
    callable taking the exception (then go on).
    """
    if not callable(errors) and errors not in ("raise", "warn", "skip"):
        raise ValueError(f"errors must be 'raise', 'warn', 'skip' or a callable, not {errors!r}")
    stream = _core.ArchiveIterator(os.fspath(path))
    try:
        for name, documents, problems in stream:
            if documents is None:
                failure: Error = InputError(name, problems)
            elif problems:
                failure = ParseError(_diagnostics(problems))
            else:
                yield from documents
                continue
            if errors == "raise":
                raise failure
            if errors == "warn":
                warnings.warn(str(failure), RuntimeWarning, stacklevel=2)
            elif callable(errors):
                errors(failure)
    finally:
        stream.close()


def iter_inputs(path: str | os.PathLike[str]) -> Iterator[tuple[str, bytes | None]]:
    """Yield ``(name, data)`` for every post of a folder or archive, unparsed.

    The posts are those iter_archive() parses, in the same order and with
    the same names (the source.path of their digests). ``data`` is an
    archive member's bytes, or None for a plain file, which is not read:
    open ``name`` to read it (so that a cluster's workers read folders
    themselves). Pass each to ``parse(data, path=name)`` wherever it runs.
    A member or folder that cannot be read raises InputError.
    """
    stream = _core.InputIterator(os.fspath(path))
    try:
        for name, data, problem in stream:
            if problem is not None:
                raise InputError(name, problem)
            yield name, data
    finally:
        stream.close()


def _path(path: str | os.PathLike[str] | None) -> str:
    return "-" if path is None else os.fspath(path)
