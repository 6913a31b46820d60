import os
from typing import Any, Callable, Iterator, Literal, Union

Text = Union[bytes, str]
PathLike = Union[str, os.PathLike[str]]

class ConfigError(ValueError): ...

class Diagnostic:
    code: str
    severity: Literal["error", "warning", "info"]
    path: str
    line: int
    column: int
    message: str
    def __init__(
        self, code: str, severity: str, path: str, line: int, column: int, message: str
    ) -> None: ...

class Error(Exception): ...

class ParseError(Error, ValueError):
    diagnostics: list[Diagnostic]
    path: str
    line: int
    column: int
    code: str
    def __init__(self, diagnostics: list[Diagnostic]) -> None: ...

class FormatError(Error):
    diagnostics: list[Diagnostic]
    def __init__(self, message: str, diagnostics: list[Diagnostic]) -> None: ...

class InputError(Error, OSError):
    def __init__(self, path: str, message: str) -> None: ...

def parse(data: Text, path: PathLike | None = None) -> list[dict[str, Any]]: ...
def validate(data: Text, config: PathLike | None = None, path: PathLike | None = None) -> list[Diagnostic]: ...
def format(data: Text, path: PathLike | None = None) -> str: ...
def diff(old: Text, new: Text, *, old_path: PathLike = "old", new_path: PathLike = "new") -> dict[str, Any]: ...
def iter_archive(
    path: PathLike, *, errors: Literal["raise", "warn", "skip"] | Callable[[Error], None] = "raise"
) -> Iterator[dict[str, Any]]: ...
def iter_inputs(path: PathLike) -> Iterator[tuple[str, bytes | None]]: ...
